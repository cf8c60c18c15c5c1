#!/usr/bin/env node
/**
 * Publishing speed at scale: the sample district plus generated news items (scripts/synthetic-news.mjs), built the way
 * Netlify builds it. For each size it prints the full build (empty cache) with its peak memory, then the rebuild after
 * one edited entry with Astro's cache kept (Netlify keeps node_modules/.astro, the project's cacheDir, between builds),
 * and the phases Astro reports. Targets (../shared/design.md): 10,000 entries ≤ 60 s and ≤ 3 GB on 2 cores, a rebuild
 * after one edit ≤ 20 s.
 *
 *   npm run bench:scale                 # 1,000 and 10,000 news items
 *   npm run bench:scale -- 1000 5000    # other sizes
 *
 * Prints figures, fails nothing (except a build that fails).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSyntheticNews } from './synthetic-news.mjs';
import { publicPages } from './lib/weights.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n >= 0);
const counts = sizes.length > 0 ? sizes : [1000, 10000];
const NOW = '2026-12-01T09:00:00.000Z';

/** Resident memory of a process and all its descendants, in bytes (Linux /proc; 0 elsewhere). */
function treeMemory(root) {
	let children;
	try {
		children = new Map();
		for (const name of readdirSync('/proc')) {
			if (!/^\d+$/.test(name)) continue;
			try {
				const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
				const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				if (!children.has(ppid)) children.set(ppid, []);
				children.get(ppid).push(Number(name));
			} catch {
				// The process ended while we looked.
			}
		}
	} catch {
		return 0;
	}
	let bytes = 0;
	const todo = [root];
	while (todo.length > 0) {
		const pid = todo.pop();
		try {
			const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			bytes += rss ? Number(rss[1]) * 1024 : 0;
		} catch {
			// Gone.
		}
		todo.push(...(children.get(pid) ?? []));
	}
	return bytes;
}

/** The Node options Netlify builds with (netlify.toml, [build.environment]). */
const NODE_OPTIONS = /^\s*NODE_OPTIONS\s*=\s*"([^"]*)"/m.exec(readFileSync('netlify.toml', 'utf8'))?.[1] ?? '';

/** Runs `astro build` on a content folder: seconds, peak memory of the process tree, the log. */
function build(content, outDir) {
	return new Promise((resolve, reject) => {
		const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', QUARTIER_NOW: NOW, QUARTIER_CONTENT_DIR: content, NODE_OPTIONS: [process.env.NODE_OPTIONS, NODE_OPTIONS].filter(Boolean).join(' ') };
		delete env.NODE_ENV;
		const started = performance.now();
		const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		child.stdout.on('data', (chunk) => (log += chunk));
		child.stderr.on('data', (chunk) => (log += chunk));
		let peak = 0;
		const timer = setInterval(() => (peak = Math.max(peak, treeMemory(child.pid))), 250);
		child.on('close', (code) => {
			clearInterval(timer);
			if (code !== 0) reject(new Error(`Build failed (${code}):\n${log.slice(-4000)}`));
			else resolve({ seconds: (performance.now() - started) / 1000, peak, log });
		});
	});
}

/** The phases Astro reports, in seconds: content sync, Vite, rendering the pages, and what runs after them. */
function phases(log) {
	const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	let from = 0;
	/** The time of the first line matching `pattern` after the last one found (seconds of the day). */
	const stamp = (pattern) => {
		const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
		if (index < 0) return undefined;
		from = index;
		const m = /^(\d{2}):(\d{2}):(\d{2})/.exec(lines[index]);
		return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
	};
	const syncing = stamp(/\[content\] Syncing content/);
	const synced = stamp(/\[content\] Synced content/);
	const vite = stamp(/\[build\] Building static entrypoints/);
	const rendering = stamp(/\[build\] Rearranging server assets/);
	const rendered = stamp(/\[build\] ✓ Completed in/);
	const done = stamp(/\[build\] Complete!/);
	const routes = /(\d+) page\(s\) built/.exec(lines.join('\n'))?.[1];
	const diff = (a, b) => (a !== undefined && b !== undefined ? `${b - a} s` : '–');
	return `content ${diff(syncing, synced)}, Vite ${diff(vite, rendering)}, pages ${diff(rendering, rendered)} (${routes ?? '?'} routes), then sitemap, search index and headers ${diff(rendered, done)}`;
}

const gb = (bytes) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
console.log(`Build at scale: the sample plus generated news items, for ${NOW} (2 cores here: ${(await import('node:os')).availableParallelism()} available)`);
for (const count of counts) {
	const work = mkdtempSync(path.join(tmpdir(), 'quartier-scale-'));
	try {
		const content = path.join(work, 'content');
		cpSync('content', content, { recursive: true });
		const names = writeSyntheticNews(path.join(content, 'aktuelles'), count);
		const outDir = path.join(work, 'dist');
		const full = await build(content, outDir);
		const pages = publicPages(outDir).length;
		console.log(`\n+${count.toLocaleString('de-DE')} Meldungen: ${pages.toLocaleString('de-DE')} public HTML pages`);
		console.log(`  full build (empty cache): ${full.seconds.toFixed(1)} s, peak memory ${gb(full.peak)} – ${phases(full.log)}`);
		// One edit, as staff make it: a changed title in one item; Astro's cache (beside the content folder) is kept.
		const edited = path.join(content, 'aktuelles', names[Math.floor(names.length / 2)] ?? names[0] ?? 'aktionsfonds-2027-start.de.md');
		writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: "/m, 'title: "Geändert: '));
		const again = await build(content, outDir);
		console.log(`  rebuild after one edit (cache kept): ${again.seconds.toFixed(1)} s, peak memory ${gb(again.peak)} – ${phases(again.log)}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
