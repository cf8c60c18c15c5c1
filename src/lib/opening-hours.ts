/** Parsing OSM opening_hours the same way everywhere (build, pages, CMS): Saxony's holidays, German messages. */
import OpeningHours from 'opening_hours';

/** Location data for the opening_hours library (public holidays of Saxony). */
export const OPENING_HOURS_REGION = { lat: 51.34, lon: 12.4, address: { country_code: 'de', state: 'Sachsen' } };

/** Parsed values by their text: many places share the same hours, and „jetzt geöffnet" asks for each of them. */
const parsedValues = new Map<string, OpeningHours | Error>();

/** Parses a value; throws the library's German message if it is wrong or ambiguous (warnings count as wrong). */
export function parseOpeningHours(value: string): OpeningHours {
	let result = parsedValues.get(value);
	if (!result) {
		try {
			const parsed = new OpeningHours(value, OPENING_HOURS_REGION, { locale: 'de', tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4 });
			const warnings = parsed.getWarnings();
			result = warnings.length > 0 ? new Error(warnings.join(' ')) : parsed;
		} catch (error) {
			result = error instanceof Error ? error : new Error(String(error));
		}
		parsedValues.set(value, result);
	}
	if (result instanceof Error) throw result;
	return result;
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
