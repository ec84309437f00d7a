import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {TestServer} from '../helpers/http-server.js';
import {ensureBuilt, runCli, runInProcess, type CliRun} from '../script/run-cli.js';
import {assertNothingSmuggled, blogtermSgr, hostileInputs} from './hostile-corpus.js';
import {brokenPostId, startHostileFeeds, startHostileWordPress, type HostileFeedFormat} from './hostile-servers.js';

/*
The command line (in this process, and once through the built CLI) against blogs that put the hostile corpus in every field: every print format, with
comments, the list in text and JSON, and the failures (a 500 with a hostile message, a wp_die page,
redirects to odd schemes, refused comments). Nothing the corpus holds reaches stdout or stderr.
*/

let wordpress: TestServer;
let feeds: Awaited<ReturnType<typeof startHostileFeeds>>;

before(async () => {
	ensureBuilt();
	[wordpress, feeds] = await Promise.all([startHostileWordPress(), startHostileFeeds()]);
});
after(async () => Promise.all([wordpress.close(), feeds.close()]));

function assertClean(run: CliRun, where: string): void {
	assertNothingSmuggled(run.stdout, `${where} (stdout)`);
	assertNothingSmuggled(run.stderr, `${where} (stderr)`);
}

/**
 * JSON escapes control characters (`\u001b`), so its text holds none; `jq -r` decodes them again. Every
 * string value, decoded, must be clean too: ids, links, parents, previous.link, next.link included.
 * (`html`, the body as the blog sent it, is the JSON format's to clean, not the sources'.)
 */
function assertJsonValuesClean(json: string, where: string): void {
	const visit = (value: unknown, path: string): void => {
		if (path.endsWith('.html')) return;
		if (typeof value === 'string') assertNothingSmuggled(value, `${where}: ${path} (decoded)`);
		else if (Array.isArray(value)) for (const [index, item] of value.entries()) visit(item, `${path}[${index}]`);
		else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, `${path}.${key}`);
	};
	visit(JSON.parse(json), '$');
}

const postFormats = [['text'], ['markdown'], ['json']] as const;

/** JSON is not wrapped: --width with it is refused (issue 18). */
function widthFor(format: string): string[] {
	return format === 'json' ? [] : ['--width', '100'];
}

test(`the corpus has ${hostileInputs.length} hostile inputs, each sent raw and as two kinds of character reference`, () => {
	assert.ok(hostileInputs.length >= 30);
});

describe('a WordPress blog with the corpus in every field', () => {
	test('list (text, JSON) and posts (text, Markdown, JSON, with comments, related and neighbours): nothing gets through', async () => {
		const runs: Array<[string, string[]]> = [
			['--list text', [wordpress.url, '--list', '--width', '100']],
			['--list json', [wordpress.url, '--list', '--format', 'json']],
			...postFormats.map(([format]): [string, string[]] => [`--post 2 ${format}`, [wordpress.url, '--post', '2', '--format', format, '--comments', ...widthFor(format)]]),
		];
		const results = await Promise.all(runs.map(async ([, args]) => runInProcess(args)));
		for (const [index, run] of results.entries()) {
			const [name] = runs[index]!;
			assert.equal(run.code, 0, `${name}: ${run.stderr}`);
			assertClean(run, name);
			if (name.endsWith('json')) assertJsonValuesClean(run.stdout, name);
		}
		// Not vacuous: the fields were printed (their labels survive cleaning).
		const [listText, listJson, postText, postMarkdown, postJson] = results.map(run => run.stdout);
		assert.match(listText!, /\[t3-0\].*\[t3-0d\]/s, 'titles');
		assert.match(listText!, /\[author3-0\]/, 'authors');
		assert.match(listJson!, /\[e3-0\]/, 'excerpts');
		// Markdown escapes the brackets of a label: `\\[t2-0\\]`.
		for (const output of [postText!, postMarkdown!.replaceAll('\\', '')]) {
			for (const label of ['t2-0', 'c2-h0', 'c2-p0', 'c2-a0', 'c2-li0', 'c2-code0', 'c2-td0', 'rt1-0', 'rc1-0', 'ca2-0', 'cc2-p0', 'crb2-0']) {
				assert.ok(output.includes(`[${label}]`), `“[${label}]” is shown`);
			}
		}
		assert.match(postJson!, /"\[t2-0\]/);
		assert.doesNotMatch(postText! + postMarkdown!, /javascript:alert/, 'a related post with a script URL is left out; a script link is not shown as a link');
	});

	test('with colour forced, the only escape codes are blogterm’s own SGR styles', async () => {
		const run = await runInProcess([wordpress.url, '--post', '2', '--comments', '--width', '100'], {env: {FORCE_COLOR: '1'}});
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, blogtermSgr, 'colour is on');
		assertNothingSmuggled(run.stdout.replace(blogtermSgr, ''), 'coloured text');
	});

	test('with --hyperlinks always (and colour), the only other escape codes are OSC 8 hyperlinks to clean http, https or mailto URLs', async () => {
		for (const args of [['--post', '2', '--comments'], ['--list']]) {
			const run = await runInProcess([wordpress.url, ...args, '--width', '100', '--hyperlinks', 'always'], {env: {FORCE_COLOR: '1'}});
			assert.equal(run.code, 0, run.stderr);
			const hyperlinks = /\u001B\]8;;([\u0021-\u007E]*)\u0007/g;
			const targets = [...run.stdout.matchAll(hyperlinks)].map(match => match[1]!).filter(Boolean);
			assert.ok(targets.length > 0, 'hyperlinks are on');
			for (const url of targets) assert.match(url, /^(?:https?:\/\/|mailto:)/);
			assertNothingSmuggled(run.stdout.replace(hyperlinks, '').replace(blogtermSgr, ''), `hyperlinked ${args.join(' ')}`);
		}
	});

	test('failures are one clean line on stderr: a 500 with a hostile message, a wp_die page, redirects to odd schemes, a missing post', async () => {
		const cases: Array<[string, string[], number, RegExp]> = [
			['server error JSON', [wordpress.url, '--post', String(brokenPostId)], 1, /answered 500 for post 99: \[err0\]/],
			['wp_die page', [`${wordpress.url}broken/`, '--list'], 1, /answered 500/],
			['redirect to javascript:', [`${wordpress.url}odd-scheme/`, '--list'], 1, /redirected to an address that is not http or https/],
			['redirect to file:', [`${wordpress.url}file-scheme/`, '--list'], 1, /redirected to an address that is not http or https/],
			['no such post', [wordpress.url, '--post', '12345'], 3, /no post with ID 12345/],
			['comment refused through REST with a hostile message', [wordpress.url, '--post', '1', '--comment', 'Hello', '--name', 'Ada', '--email', 'ada@example.com'], 4, /\[param0\]/],
			['comment refused by a wp_die page', [wordpress.url, '--post', '2', '--comment', 'Hello', '--name', 'Ada', '--email', 'ada@example.com'], 4, /\[formerr0\]/],
		];
		const results = await Promise.all(cases.map(async ([, args]) => runInProcess(args)));
		for (const [index, run] of results.entries()) {
			const [name, , code, message] = cases[index]!;
			assert.equal(run.code, code, `${name}: ${run.stderr}`);
			assert.equal(run.stdout, '', name);
			assert.equal(run.errorLines.length, 1, `${name}: one line, not ${JSON.stringify(run.stderr)}`);
			assert.match(run.errorLines[0]!, /^blogterm: /, name);
			assert.match(run.errorLines[0]!, message, name);
			assertClean(run, name);
		}
	});
});

describe('RSS, Atom and JSON feeds with the corpus in every field', () => {
	for (const format of ['rss', 'atom', 'json'] as const satisfies readonly HostileFeedFormat[]) {
		test(`${format}: the list and a post in every format, with its comment feed: nothing gets through`, async () => {
			const site = feeds.feedUrl(format);
			// Print mode in this process (the same runCommandLine the CLI runs), and once through the built CLI.
			const runs: Array<[string, string[]]> = [
				['--list text', ['--list', '--width', '100']],
				['--list json', ['--list', '--format', 'json']],
				...postFormats.map(([output]): [string, string[]] => [`--post 1 ${output}`, ['--post', feeds.postUrl(1), '--format', output, '--comments', ...widthFor(output)]]),
				// Its link carries the corpus in its query.
				['--post 2 text', ['--post', feeds.itemLink(2), '--comments', '--width', '40']],
			];
			const results = await Promise.all(runs.map(async ([, args]) => runInProcess([site, ...args])));
			// For RSS, the built CLI too: the bundle prints what this process prints. (Every feed format is read by
			// the same code, in the one chunk the bundle loads for a feed, so one format shows it.)
			const built = format === 'rss' ? [await runCli([site, '--post', feeds.postUrl(1), '--comments', '--width', '100'])] : [];
			for (const [index, run] of [...results, ...built].entries()) {
				const name = runs[index]?.[0] ?? 'built CLI --post 1 text';
				assert.equal(run.code, 0, `${format} ${name}: ${run.stderr}`);
				assertClean(run, `${format} ${name}`);
				if (name.endsWith('json')) assertJsonValuesClean(run.stdout, `${format} ${name}`);
			}
			for (const run of built) assert.equal(run.stdout, results[2]!.stdout, 'the built CLI prints the same');
			const label = {rss: ['it1-0', 'ia1-0', 'ic1-h0', 'cfa1-0', 'cfr1-0'], atom: ['at1-0', 'aa1-0', 'ac1-h0', 'cfa1-0', 'cfr1-0'], json: ['jt1-0', 'ja1-0', 'jc1-h0']}[format];
			assert.ok(results[0]!.stdout.includes(`[${label[0]}]`), `${format}: titles are shown`);
			for (const shown of label) assert.ok(results[2]!.stdout.includes(`[${shown}]`), `${format}: “[${shown}]” is shown`);
		});
	}
});
