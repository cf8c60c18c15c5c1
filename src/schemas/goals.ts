import { z } from 'astro/zod';
import { de } from './messages';
import { day, described, group, integer, quantity, ref, text, type SchemaContext } from './fields';
import { applyRules } from './rules';

/** A measure of progress towards a goal: where it started, where it should get to, where it is now. */
const indicator = group('Kennzahl', {
	/** What is counted, e.g. „Bäume im Mühlenpark". */
	label: text('Kennzahl', { max: 120, help: 'Was gezählt wird, z. B. „Straßenbäume im Quartier".' }),
	/** Unit after the number, e.g. „Bäume", „%", „Plätze". */
	unit: text('Einheit', { max: 30, help: 'Steht hinter der Zahl, z. B. „Bäume" oder „%".' }).optional(),
	/** Value when the IHEK was written. */
	baseline: quantity('Ausgangswert', { help: 'Der Wert, als das Handlungskonzept geschrieben wurde.' }),
	/** Value the goal aims at by the end of its period. */
	target: quantity('Zielwert'),
	/** Latest known value. */
	current: quantity('Aktueller Wert', { help: 'Der zuletzt gemessene Wert. Leer lassen, solange es keinen gibt.' }).optional(),
	/** Day the current value was measured. */
	asOf: day('Stand vom', { help: 'Wann der aktuelle Wert gemessen wurde.' }).optional(),
	/** Where the figures come from. */
	source: text('Quelle', { max: 160, help: 'Woher die Zahlen stammen, z. B. „Baumkataster der Stadt".' }).optional(),
}, { summary: '{{fields.label}}: {{fields.current}} {{fields.unit}} (Ziel {{fields.target}})' });

/** A goal of the integrated action plan (IHEK). The file name is its id; projects name it as their IHEK goal. */
export const goalSchema = (ctx: SchemaContext) =>
	group('IHEK-Ziel', {
		/** The goal as one sentence, as the IHEK states it. */
		title: text('Ziel', { max: 200, help: 'Das Ziel in einem Satz, so wie es im Handlungskonzept steht.' }),
		/** The Handlungsfeld the goal belongs to (file in content/themen). */
		theme: ref(ctx, 'themen', 'Handlungsfeld'),
		/** Teaser: why the goal matters, in plain words. */
		summary: text('Kurzbeschreibung', { max: 300, long: true, help: 'Ein bis zwei Sätze: Warum ist das Ziel wichtig?' }),
		/** Years the goal is set for. */
		period: group('Zeitraum', {
			/** First year. */
			from: integer('Von (Jahr)', 2000, 2100),
			/** Last year. */
			until: integer('Bis (Jahr)', 2000, 2100),
		}),
		/** How progress is measured (optional). */
		indicators: described(z.array(indicator, de('Kennzahlen')), { title: 'Kennzahlen', description: 'Freiwillig: woran man sieht, ob das Ziel erreicht wird.' }).default([]),
		/** Position in lists within the Handlungsfeld (1 comes first). */
		order: integer('Reihenfolge', 0, 999, { help: 'Kleinere Zahlen stehen weiter vorn.' }).default(100),
	}).superRefine(applyRules('ziele'));

export type Goal = z.infer<ReturnType<typeof goalSchema>>;
