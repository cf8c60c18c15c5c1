import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit`: schemas, helpers, the CMS contract, pure client cores — no build, runs in seconds
 * (`npm run test:unit`). `site`: real builds, the built site in Chromium, the HTML checker — the sample site is
 * built once and served for them (tests/setup/site.ts). `npm test` runs the unit tier first, without a build (a
 * failure there stops it), then the site tier: a project's globalSetup runs only when that project is selected.
 */
export default defineConfig({
	test: {
		// Builds and the browser share two cores: run files one after another, tests inside them in order.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 180_000,
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
		projects: [
			// Unit files share nothing (no build, no fixed ports, their own temporary folders): both cores run them.
			// `isolate: false`: each worker keeps its module cache from file to file, so zod, the schemas and Astro's
			// helpers are loaded twice per run instead of once per file (a quarter of the tier's time went into those
			// imports). Safe because no unit file mocks modules or stubs globals, and the two that change the
			// environment or the clock (import, nightly-build) put them back after each test.
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], fileParallelism: true, isolate: false } },
			{
				extends: true,
				test: {
					name: 'site',
					include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/site.ts'],
					// With both cores busy the browser may take seconds to reach a state; `expect.poll` waits up to 15 s
					// for it (only a failing test waits that long).
					expect: { poll: { timeout: 15_000 } },
				},
			},
		],
	},
});
