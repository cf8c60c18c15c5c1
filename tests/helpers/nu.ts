/**
 * The W3C Nu HTML Checker (vnu-jar on the machine's Java) over built files: its errors, one line each
 * („aktuelles/index.html:12 Element … not allowed …"). A checker that did not run (no Java, a crash) throws instead
 * of reporting nothing, so a test can never pass without checking.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import vnu from 'vnu-jar';

export async function nuErrors(files: readonly string[]): Promise<string[]> {
	let report = '';
	try {
		const result = await promisify(execFile)('java', ['-jar', String(vnu), '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 });
		report = result.stderr || result.stdout;
	} catch (error) {
		// With errors found the checker exits non-zero and writes its JSON report to stderr; anything else is a failure to run.
		report = (error as { stderr?: string }).stderr ?? '';
		if (!report.trim().startsWith('{')) throw error;
	}
	const messages = (JSON.parse(report || '{"messages":[]}') as { messages: { type: string; url?: string; message: string; lastLine?: number }[] }).messages;
	return messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map((m) => `${(m.url ?? '').replace(/^.*\/dist[^/]*\//, '')}:${m.lastLine ?? '?'} ${m.message}`);
}
