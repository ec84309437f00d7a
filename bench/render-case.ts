// Case 4, run in a fresh process so that the first call is as cold as a user's: renders the 1 MB
// HTML post to lines at 100 columns (or, with `parse`, only parses it with htmlparser2: the floor).
// Prints one line of JSON: {coldMs, warmMs: [...], bytes, lines}. bench/run.ts bundles this file
// with esbuild as scripts/build.mjs bundles the CLI, so what runs is what ships (tsx would add its own helpers).
import {performance} from 'node:perf_hooks';
import {parseDocument} from 'htmlparser2';
import {renderHtml} from '../source/render/render-html.js';
import {largeHtml} from './fixtures.js';

const mode = process.argv[2] ?? 'render';
const repeats = Number(process.argv[3] ?? 5);
const columns = 100;
const html = largeHtml();

function once(): {ms: number; cpuMs: number; lines: number} {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const lines = mode === 'parse'
		? parseDocument(html).children.length
		: renderHtml(html, {width: columns, baseUrl: 'https://blog.example/2025/01/01/a-megabyte-of-html/'}).lines.length;
	const used = process.cpuUsage(cpu);
	return {ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, lines};
}

const cold = once();
const warm: number[] = [];
for (let index = 0; index < repeats; index++) warm.push(once().ms);
// CPU time (all of the process's threads) is steadier than wall time on a busy machine; both are reported.
process.stdout.write(`${JSON.stringify({coldMs: cold.ms, coldCpuMs: cold.cpuMs, warmMs: warm, bytes: Buffer.byteLength(html), lines: cold.lines})}\n`);
