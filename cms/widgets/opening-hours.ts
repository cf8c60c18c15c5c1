/**
 * A text field for OpenStreetMap opening hours that refuses what the build would refuse: it uses the same
 * check as the content schema (src/lib/opening-hours.ts).
 */
import { createElement, Component, type ChangeEvent } from 'react';
import type { CMS } from 'decap-cms-core';
import { openingHoursProblem } from '../../src/lib/opening-hours';

interface Props {
	value?: string;
	onChange: (value: string) => void;
	forID: string;
	classNameWrapper: string;
	setActiveStyle: () => void;
	setInactiveStyle: () => void;
}

class OpeningHoursControl extends Component<Props> {
	/** Decap asks this before saving. */
	isValid = () => {
		const value = this.props.value ?? '';
		const problem = value.trim() ? openingHoursProblem(value) : undefined;
		return problem ? { error: { message: `Öffnungszeiten „${value}" sind nicht im OpenStreetMap-Format: ${problem} Beispiel: Mo-Fr 08:00-16:00; Sa 10:00-13:00; PH off` } } : true;
	};

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

function OpeningHoursPreview({ value }: { value?: string }) {
	return createElement('span', null, value ?? '');
}

export function registerOpeningHoursWidget(cms: CMS) {
	cms.registerWidget('opening_hours', OpeningHoursControl as never, OpeningHoursPreview as never);
}
