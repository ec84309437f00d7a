// How long each test file took in the last run of scripts/run-tests.mjs, kept in this checkout's cache
// folder, so that the next run can give its shared processes equal work (as Jest and Vitest order
// their files by the durations they keep). A file not timed yet (a fresh checkout's first run, a new
// file) is weighed by its length in bytes, turned into time at the rate of the files that were timed.
//
// The default export is a reporter for Node's test runner, which run-tests.mjs adds beside the usual
// one: a line of JSON for each test or suite at a file's top level, with the compiled file and the line
// it was declared at, and how long it ran. `recordDurations` turns those into each test file's time.
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {relative, resolve} from 'node:path';
import {readJson} from './lib/read-json.mjs';

export default async function* topLevelDurations(events) {
	for await (const {type, data} of events) {
		if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0 && data.file) {
			yield `${JSON.stringify({file: data.file, line: data.line, ms: data.details?.duration_ms ?? 0})}\n`;
		}
	}
}

/** `weight(file)`: the file's duration in the last run, or its length in bytes at the timed files' rate. */
export function durationWeights(durationsFile, repoRoot) {
	const known = readJson(durationsFile)?.files ?? {};
	const size = file => statSync(file).size;
	const timed = Object.keys(known).filter(file => {
		try {
			return size(resolve(repoRoot, file)) > 0;
		} catch {
			return false;
		}
	});
	const bytes = timed.reduce((sum, file) => sum + size(resolve(repoRoot, file)), 0);
	const rate = bytes > 0 ? timed.reduce((sum, file) => sum + known[file], 0) / bytes : 1;
	return file => known[relative(repoRoot, resolve(file))] ?? size(file) * rate;
}

/**
Each test file's time in this run, from the reporter's lines: a compiled file run alone is its test
file's; in a shared process's bundle, the test file a line is in is the one esbuild's last
`// tests/….test.ts` mark above that line names. Files this run did not time keep their last time.
*/
export function recordDurations({eventsFile, durationsFile, repoRoot, sourceOf}) {
	let lines;
	try {
		lines = readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line));
	} catch {
		return;
	}
	const marks = new Map();
	/** The test file that line `line` (from 1) of a compiled file belongs to. */
	const testFileAt = (compiled, line) => {
		const alone = sourceOf.get(compiled);
		if (alone) return alone;
		if (!marks.has(compiled)) {
			const found = [];
			for (const [index, text] of readFileSync(compiled, 'utf8').split('\n').entries()) {
				const mark = /^\/\/ (\S+)$/.exec(text);
				if (mark) found.push({line: index + 1, module: mark[1]});
			}
			marks.set(compiled, found);
		}
		// esbuild names each module relative to the folder it ran in.
		const module = marks.get(compiled).findLast(mark => mark.line <= line)?.module;
		return module && /\.test\.tsx?$/.test(module) ? relative(repoRoot, resolve(module)) : undefined;
	};
	const files = {...readJson(durationsFile)?.files};
	const timedNow = {};
	for (const {file, line, ms} of lines) {
		const testFile = testFileAt(resolve(file), line);
		if (testFile) timedNow[testFile] = (timedNow[testFile] ?? 0) + ms;
	}
	for (const [file, ms] of Object.entries(timedNow)) files[file] = Math.round(ms);
	// Files gone from the checkout are forgotten.
	for (const file of Object.keys(files)) if (!existsSync(resolve(repoRoot, file))) delete files[file];
	writeFileSync(durationsFile, JSON.stringify({files}, undefined, '\t'));
}
