import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/setup/site.ts'],
		// Builds and the browser share two cores: run files one after another, tests inside them in order.
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 180_000,
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
	},
});
