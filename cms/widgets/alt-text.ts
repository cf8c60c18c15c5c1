/**
 * Alternative text for an optional picture: free while no image is chosen, required as soon as one is —
 * exactly what the content schema demands (src/schemas/fields.ts `picture`).
 */
import type { CMS } from 'decap-cms-core';
import { TextControl, TextPreview } from './text-control';

class AltTextControl extends TextControl {
	isValid = () => {
		const imagePath = String(this.props.field.get('image_field') ?? '').split('.');
		const image = this.props.entry.getIn(['data', ...imagePath]);
		const alt = (this.props.value ?? '').trim();
		if (image && !alt) return { error: { message: 'Alternativtext fehlt: Bitte beschreiben Sie kurz, was auf dem Bild zu sehen ist.' } };
		if (alt.length > 250) return { error: { message: `Alternativtext: höchstens 250 Zeichen (jetzt ${alt.length}).` } };
		return true;
	};
}

export function registerAltTextWidget(cms: CMS) {
	cms.registerWidget('alt_text', AltTextControl as never, TextPreview as never);
}
