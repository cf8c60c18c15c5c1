import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import handler, { berlinHour, config, HOOK_VARIABLE, nightlyBuild } from '../../netlify/functions/nightly-build';
import { isPublished } from '../../src/lib/content-logic';
import { parseDay } from '../../src/lib/time';

/** A stand-in for Netlify's build hook on localhost: it records every request it gets. */
const received: { method: string; url: string; body: string }[] = [];
let server: http.Server;
let hookUrl = '';

beforeAll(async () => {
	server = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			received.push({ method: request.method ?? '', url: request.url ?? '', body });
			// A hook that no longer exists answers 404, as Netlify does.
			response.writeHead(request.url?.startsWith('/build_hooks/gone') ? 404 : 200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	hookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/build_hooks/abc123`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** 03:30 in Berlin in winter (UTC+1) and in summer (UTC+2). */
const WINTER_NIGHT = new Date('2026-12-02T02:30:00Z');
const SUMMER_NIGHT = new Date('2027-07-02T01:30:00Z');

describe('the nightly build', () => {
	test('is scheduled at both UTC hours that can be 03:00 in Berlin', () => {
		expect(config.schedule).toBe('0 1,2 * * *');
		expect(berlinHour(new Date('2026-12-02T02:00:00Z'))).toBe(3);
		expect(berlinHour(new Date('2027-07-02T01:00:00Z'))).toBe(3);
		expect(berlinHour(new Date('2026-12-02T01:00:00Z'))).toBe(2);
		expect(berlinHour(new Date('2027-07-02T02:00:00Z'))).toBe(4);
	});

	test('sends exactly one POST to the configured hook at 03:00 Berlin time, winter and summer', async () => {
		received.length = 0;
		const lines: string[] = [];
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, WINTER_NIGHT, (line) => lines.push(line))).toBe('triggered');
		expect(received).toHaveLength(1);
		expect(received[0]?.method).toBe('POST');
		const url = new URL(received[0]?.url ?? '', 'http://x');
		expect(url.pathname).toBe('/build_hooks/abc123');
		expect(url.searchParams.get('trigger_title')).toMatch(/^Nächtlicher Build/);
		expect(lines.join('\n')).toContain('Nächtlicher Build ausgelöst');
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, SUMMER_NIGHT, () => {})).toBe('triggered');
		expect(received).toHaveLength(2);
	});

	test('does nothing in the other scheduled hour (the one that is 02:00 or 04:00 in Berlin)', async () => {
		received.length = 0;
		const lines: string[] = [];
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, new Date('2026-12-02T01:00:00Z'), (line) => lines.push(line))).toBe('not-now');
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, new Date('2027-07-02T02:00:00Z'), () => {})).toBe('not-now');
		expect(received).toHaveLength(0);
		expect(lines[0]).toContain('nicht 3 Uhr');
	});

	test('sends nothing without the variable and says so in a clear log line', async () => {
		received.length = 0;
		const lines: string[] = [];
		expect(await nightlyBuild({}, WINTER_NIGHT, (line) => lines.push(line))).toBe('no-hook');
		expect(await nightlyBuild({ [HOOK_VARIABLE]: '  ' }, WINTER_NIGHT, () => {})).toBe('no-hook');
		expect(received).toHaveLength(0);
		expect(lines).toEqual([expect.stringContaining(`${HOOK_VARIABLE} ist nicht gesetzt – es wurde kein Build ausgelöst`)]);
	});

	test('fails loudly when the hook answers with an error, or cannot be reached', async () => {
		await expect(nightlyBuild({ [HOOK_VARIABLE]: hookUrl.replace('abc123', 'gone') }, WINTER_NIGHT, () => {})).rejects.toThrow('Der Build-Hook antwortete mit 404');
		await expect(nightlyBuild({ [HOOK_VARIABLE]: hookUrl.replace(/:\d+\//, ':1/') }, WINTER_NIGHT, () => {})).rejects.toThrow();
	});

	test('on the nights the clocks change, it runs once, at 03:00 Berlin time', async () => {
		received.length = 0;
		// 28 March 2027: 01:00Z is 03:00 summer time; 02:00Z is 04:00. 25 October 2026: 01:00Z is 02:00 summer time; 02:00Z is 03:00 winter time.
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, new Date('2027-03-28T01:00:00Z'), () => {})).toBe('triggered');
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, new Date('2027-03-28T02:00:00Z'), () => {})).toBe('not-now');
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, new Date('2026-10-25T01:00:00Z'), () => {})).toBe('not-now');
		expect(await nightlyBuild({ [HOOK_VARIABLE]: hookUrl }, new Date('2026-10-25T02:00:00Z'), () => {})).toBe('triggered');
		expect(received).toHaveLength(2);
	});

	test("Netlify's entry point reads the variable from the environment and the clock", async () => {
		received.length = 0;
		const before = process.env[HOOK_VARIABLE];
		vi.useFakeTimers({ toFake: ['Date'], now: WINTER_NIGHT });
		try {
			delete process.env[HOOK_VARIABLE];
			await handler();
			expect(received).toHaveLength(0);
			process.env[HOOK_VARIABLE] = hookUrl;
			await handler();
			expect(received).toHaveLength(1);
		} finally {
			vi.useRealTimers();
			if (before !== undefined) process.env[HOOK_VARIABLE] = before;
			else delete process.env[HOOK_VARIABLE];
		}
	});
});

describe('publishing on the day', () => {
	const day = parseDay('2026-12-21') as Date;
	test('an item dated for a day is out from midnight of that day in Berlin, not before', () => {
		expect(isPublished(day, new Date('2026-12-20T22:59:59Z'))).toBe(false);
		expect(isPublished(day, new Date('2026-12-20T23:00:00Z'))).toBe(true);
		expect(isPublished(parseDay('2027-07-01') as Date, new Date('2027-06-30T21:59:00Z'))).toBe(false);
		expect(isPublished(parseDay('2027-07-01') as Date, new Date('2027-06-30T22:00:00Z'))).toBe(true);
	});
	test('an item without a date is always out', () => {
		expect(isPublished(undefined, new Date(0))).toBe(true);
	});
});
