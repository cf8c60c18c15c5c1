/** A one-line text field for custom Decap widgets; subclasses add `isValid` (Decap asks it before saving). */
import { createElement, Component, type ChangeEvent } from 'react';

export interface TextControlProps {
	value?: string;
	onChange: (value: string) => void;
	forID: string;
	classNameWrapper: string;
	setActiveStyle: () => void;
	setInactiveStyle: () => void;
	field: { get: (key: string) => unknown };
	entry: { getIn: (path: string[]) => unknown };
}

export abstract class TextControl extends Component<TextControlProps> {
	abstract isValid: () => true | { error: { message: string } };

	render() {
		const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
		return createElement('input', {
			type: 'text',
			id: forID,
			className: classNameWrapper,
			value: value ?? '',
			spellCheck: false,
			onFocus: setActiveStyle,
			onBlur: setInactiveStyle,
			onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value),
		});
	}
}

/** The value as plain text, for the preview pane. */
export function TextPreview({ value }: { value?: string }) {
	return createElement('span', null, value ?? '');
}
