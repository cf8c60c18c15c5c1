/**
 * Alternative text for an optional picture: free while no image is chosen, required as soon as one is —
 * exactly what the content schema demands (src/schemas/fields.ts `picture`).
 */
import { createElement, Component, type ChangeEvent } from 'react';
import type { CMS } from 'decap-cms-core';

interface Props {
	value?: string;
	onChange: (value: string) => void;
	forID: string;
	classNameWrapper: string;
	setActiveStyle: () => void;
	setInactiveStyle: () => void;
	field: { get: (key: string) => unknown };
	entry: { getIn: (path: string[]) => unknown };
}

class AltTextControl extends Component<Props> {
	isValid = () => {
		const imagePath = String(this.props.field.get('image_field') ?? '').split('.');
		const image = this.props.entry.getIn(['data', ...imagePath]);
		const alt = (this.props.value ?? '').trim();
		if (image && !alt) return { error: { message: 'Alternativtext fehlt: Bitte beschreiben Sie kurz, was auf dem Bild zu sehen ist.' } };
		if (alt.length > 250) return { error: { message: `Alternativtext: höchstens 250 Zeichen (jetzt ${alt.length}).` } };
		return true;
	};

	render() {
		const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
		return createElement('input', {
			type: 'text',
			id: forID,
			className: classNameWrapper,
			value: value ?? '',
			onFocus: setActiveStyle,
			onBlur: setInactiveStyle,
			onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value),
		});
	}
}

export function registerAltTextWidget(cms: CMS) {
	cms.registerWidget('alt_text', AltTextControl as never, ((props: { value?: string }) => createElement('span', null, props.value ?? '')) as never);
}
