// Case 9 of `npm run bench` (issue 19): searching. bench/run.ts calls these with its own tools.
// 9c: searching every stored post, 100,000 of them (the store of case 8's size), in process: ≤ 50 ms.
//
// 9a–9b: in the 20,000-line post, in a pseudo-terminal: `/`, then each letter of a word and of a
// phrase, key to frame (the frame that shows what was typed also shows `match i of n`: both come
// from the same render), then n through the matches. Target: the 16 ms key-to-frame of case 3.

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {createHttpClient} from '../source/http/client.js';
import {openSubscriptions} from '../source/subscriptions/subscriptions.js';
import {fillStoreForSearch} from './search-store.js';

type PtyStep = {label: string; send?: string; waitFor?: string; timeoutMs?: number; pauseMs?: number};
type PtyResult = {steps: Array<{label: string; ms: number}>; error: string | null};

/** A row of the bench's table, as bench/run.ts prints it. */
export type SearchBenchRow = {
	readonly case: string;
	readonly measure: string;
	readonly unit: 'ms';
	readonly median: number | undefined;
	readonly worst?: number | undefined;
	readonly max?: number;
	readonly runs: number;
	readonly note?: string;
	readonly error?: string;
};

export type SearchBenchTools = {
	readonly runInPty: (command: readonly string[], steps: readonly PtyStep[]) => Promise<PtyResult>;
	/** How blogterm is started (the bin, as a user runs it). */
	readonly blogterm: readonly string[];
	readonly siteUrl: string;
	readonly longPostId: number;
	readonly keyIntervalMs: number;
	readonly sessions: number;
	readonly median: (values: readonly number[]) => number | undefined;
	readonly worst: (values: readonly number[]) => number | undefined;
};

/** 9a–9c: typing a search into the 20,000-line post, and n through its matches. */
export async function caseSearchInPost(tools: SearchBenchTools): Promise<SearchBenchRow[]> {
	const steps: PtyStep[] = [{label: 'open', waitFor: 'lines 1–', timeoutMs: 30_000}];
	steps.push({label: 'slash', send: '/', waitFor: '/▏', pauseMs: tools.keyIntervalMs});
	let typed = '';
	for (const letter of 'compost') {
		typed += letter;
		steps.push({label: 'type', send: letter, waitFor: `/${typed}▏`, pauseMs: tools.keyIntervalMs});
	}
	// Back to nothing, then a phrase (words over a line's end are found: another kind of scan).
	for (let index = typed.length; index > 0; index--) {
		typed = typed.slice(0, -1);
		steps.push({label: 'type', send: '\u007F', waitFor: `/${typed}▏`, pauseMs: tools.keyIntervalMs});
	}
	for (const letter of 'quietly slowly') {
		typed += letter;
		steps.push({label: 'type', send: letter, waitFor: `/${typed}▏`, pauseMs: tools.keyIntervalMs});
	}
	steps.push({label: 'enter', send: '\r', waitFor: 'match 1 of', pauseMs: tools.keyIntervalMs});
	for (let index = 2; index <= 21; index++) steps.push({label: 'next', send: 'n', waitFor: `match ${index} of`, pauseMs: tools.keyIntervalMs});
	const typing: number[] = [];
	const next: number[] = [];
	let error: string | undefined;
	for (let session = 0; session < tools.sessions; session++) {
		const result = await tools.runInPty([...tools.blogterm, tools.siteUrl, '--post', String(tools.longPostId)], steps);
		if (result.error) error = result.error;
		typing.push(...result.steps.filter(step => step.label === 'type' || step.label === 'slash').map(step => step.ms));
		next.push(...result.steps.filter(step => step.label === 'next').map(step => step.ms));
	}
	return [
		{case: '9a', measure: 'search a 20,000-line post as you type (key → frame with match i of n)', unit: 'ms', median: tools.median(typing), worst: tools.worst(typing), max: 16, runs: typing.length, note: '/, “compost”, Backspace ×7, “quietly slowly”', error},
		{case: '9b', measure: '… n to the next match (key → frame)', unit: 'ms', median: tools.median(next), worst: tools.worst(next), max: 16, runs: next.length, error},
	];
}

/** 9c: the full-text search of every stored post (`--river --search`, `/` on the home screen) over `posts` of them, in this process. */
export async function caseSearchStore(tools: Pick<SearchBenchTools, 'median' | 'worst'>, options: {readonly posts?: number; readonly runs?: number} = {}): Promise<SearchBenchRow[]> {
	const folder = await mkdtemp(join(tmpdir(), 'blogterm-bench-search-'));
	try {
		const total = options.posts ?? 100_000;
		const paths = {data: join(folder, 'data'), config: join(folder, 'config'), cache: join(folder, 'cache')};
		fillStoreForSearch(paths, total).close();
		const subscriptions = openSubscriptions(paths, {http: createHttpClient()});
		const times: number[] = [];
		const queries = ['compost', 'garden terminal', 'frost', 'tomatoes beans leeks', 'worms'];
		let found = 0;
		for (let run = 0; run < (options.runs ?? 5); run++) {
			for (const query of queries) {
				const start = performance.now();
				found += subscriptions.search(query).length;
				times.push(performance.now() - start);
			}
		}
		subscriptions.close();
		return [{case: '9c', measure: `search every stored post (${total.toLocaleString('en')} of them), one query`, unit: 'ms', median: tools.median(times), worst: tools.worst(times), max: 50, runs: times.length, note: `${queries.join(', ')}; ${found} hits shown`}];
	} finally {
		await rm(folder, {recursive: true, force: true});
	}
}
