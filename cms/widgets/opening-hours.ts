/**
 * A text field for OpenStreetMap opening hours that refuses what the build would refuse: it uses the same
 * check as the content schema (src/lib/opening-hours.ts).
 */
import type { CMS } from 'decap-cms-core';
import { openingHoursProblem } from '../../src/lib/opening-hours';
import { TextControl, TextPreview } from './text-control';

class OpeningHoursControl extends TextControl {
	isValid = () => {
		const value = this.props.value ?? '';
		const problem = value.trim() ? openingHoursProblem(value) : undefined;
		return problem ? { error: { message: `Öffnungszeiten „${value}" sind nicht im OpenStreetMap-Format: ${problem} Beispiel: Mo-Fr 08:00-16:00; Sa 10:00-13:00; PH off` } } : true;
	};
}

export function registerOpeningHoursWidget(cms: CMS) {
	cms.registerWidget('opening_hours', OpeningHoursControl as never, TextPreview as never);
}
