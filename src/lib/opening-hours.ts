/** Parsing OSM opening_hours the same way everywhere (build, pages, CMS): Saxony's holidays, German messages. */
import OpeningHours from 'opening_hours';

/** Location data for the opening_hours library (public holidays of Saxony). */
export const OPENING_HOURS_REGION = { lat: 51.34, lon: 12.4, address: { country_code: 'de', state: 'Sachsen' } };

/** Parses a value; throws the library's German message if it is wrong or ambiguous (warnings count as wrong). */
export function parseOpeningHours(value: string): OpeningHours {
	const parsed = new OpeningHours(value, OPENING_HOURS_REGION, { locale: 'de', tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4 });
	const warnings = parsed.getWarnings();
	if (warnings.length > 0) throw new Error(warnings.join(' '));
	return parsed;
}

/** The problem with a value in one line, or undefined when it is fine. */
export function openingHoursProblem(value: string): string | undefined {
	try {
		parseOpeningHours(value);
		return undefined;
	} catch (error) {
		return String(error instanceof Error ? error.message : error)
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 300);
	}
}
