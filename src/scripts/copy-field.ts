/**
 * „Kopieren" for a read-only field (an address on /abonnieren/, the embed code on /daten/): puts the field's text on
 * the clipboard and says so in the status line; where the browser refuses, selects the text to copy by hand and says
 * that instead. The messages are the page's own (German first), given by the caller.
 */
export async function copyField(field: HTMLInputElement | HTMLTextAreaElement, status: Element, messages: { copied?: string; failed?: string }) {
	try {
		await navigator.clipboard.writeText(field.value);
		status.textContent = messages.copied ?? '';
	} catch {
		field.focus();
		field.select();
		status.textContent = messages.failed ?? '';
	}
}
