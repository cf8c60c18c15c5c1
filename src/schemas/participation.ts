import { z } from 'astro/zod';
import { de } from './messages';
import { described, oneOf } from './fields';

/**
 * Ways residents can have their say: in a forum or public sitting, online, in writing (letter, e-mail, letterbox),
 * in person (office, consultation hour) or by phone. Shown on the participation hub and on project and call pages.
 */
export const WAYS = ['forum', 'online', 'schriftlich', 'persoenlich', 'telefon'] as const;
export type Way = (typeof WAYS)[number];

/** A list of ways to take part, at least one. */
export function ways(label: string, options: { help?: string } = {}) {
	return described(z.array(oneOf(label, WAYS), de(label)).min(1, de(label)), { title: label, description: options.help ?? 'Wie man mitreden kann – mindestens einen Weg auswählen.' });
}
