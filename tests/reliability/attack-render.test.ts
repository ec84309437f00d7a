import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import stringWidth from 'string-width';
import {after, before, test, type TestContext} from 'node:test';
import type {Comment} from '../../source/model/comment.js';
import type {Post} from '../../source/model/post.js';
import {formatPostMarkdown} from '../../source/script/format-post-markdown.js';
import {formatPostText} from '../../source/script/format-post-text.js';
import type {PostView} from '../../source/script/fetch-post-view.js';
import {postToJson, stringifyJson} from '../../source/script/format-json.js';
import {formatSentText} from '../../source/script/format-sent-text.js';
import {formatListText} from '../../source/script/format-list-text.js';
import {commentSentToJson, postPageToJson} from '../../source/script/format-json.js';
import {readAllStdin} from '../../source/script/read-stdin.js';
import {escapeHtml, findSmuggled, hostileField} from './hostile-corpus.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {commentsFileName} from '../../source/demo/comment-store.js';
import {builtCli, ensureBuilt, homeForBuiltCli, repoRoot, runInProcess} from '../script/run-cli.js';

/*
Attacks on the outputs themselves (issue 12), with a model that holds whatever a hostile blog could
put there: the formats must hold on their own, whatever the sources let through. Each attack says
what it sent and what came back (t.diagnostic). The slow ones (20 MB, deep HTML) are in
tests/attack/render.attack.ts.
*/

export function postOf(fields: Partial<Post> = {}): Post {
	return {
		id: 1,
		title: 'A title',
		link: 'https://blog.example/a-title/',
		date: '2026-11-03T10:00:00Z',
		author: 'Dana',
		commentCount: 0,
		excerpt: '',
		categories: [],
		tags: [],
		html: '<p>Body.</p>',
		isSummaryOnly: false,
		commentsOpen: true,
		...fields,
	};
}

export function viewOf(post: Post, rest: Partial<Omit<PostView, 'post'>> = {}): PostView {
	return {post, neighbours: {previous: undefined, next: undefined}, related: [], comments: undefined, ...rest};
}

/** At most `limit` characters of a value, for a diagnostic. */
export function shown(value: unknown, limit = 200): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length <= limit ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, limit))}… (${text.length} characters)`;
}

/** How many times `character` is in `text`, counted in place (a split would make 20 million strings). */
function countOf(text: string, character: string): number {
	const code = character.charCodeAt(0);
	let count = 0;
	for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === code) count++;
	return count;
}

function report(t: TestContext, sent: string, got: string): void {
	t.diagnostic(`sent: ${sent}`);
	t.diagnostic(`came back: ${got}`);
}

/** Every string in a parsed JSON document (keys too), with where it is: what `jq -r` would print. */
function stringsOf(value: unknown, path = '$'): Array<[string, string]> {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, `${path}[${index}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => [[`${path} (key)`, key] as [string, string], ...stringsOf(item, `${path}.${key}`)]);
	}
	return [];
}

/** Fails naming the first value of a JSON document that holds something a terminal would act on. */
function assertJsonClean(t: TestContext, json: string, where: string): void {
	const strings = stringsOf(JSON.parse(json));
	for (const [path, value] of strings) {
		const found = findSmuggled(value);
		if (found) {
			report(t, where, `${path} holds ${found.character}: ${found.context}`);
			assert.fail(`${where}: ${path} holds ${found.character}: ${found.context}`);
		}
	}
	report(t, where, `${strings.length} strings, none with a control character`);
}

/** A plain-text field holding the whole corpus (one-line fields: IDs, links, names). */
const hostile = (label: string) => hostileField(label, {markup: false});

const formats = {
	text: (view: PostView) => formatPostText(view, {width: 80, colour: false}),
	markdown: formatPostMarkdown,
	json: (view: PostView) => stringifyJson(postToJson(view)),
};

test('a 10 MB title, and a 10 MB word in the body, print in every format (no "Maximum call stack size exceeded")', t => {
	const huge = 'x'.repeat(10_000_000);
	const view = viewOf(postOf({title: huge, html: `<p>${huge}</p>`}));
	for (const [name, format] of Object.entries(formats)) {
		let output: string;
		try {
			output = format(view);
		} catch (error) {
			report(t, `${name}: a title and a body word of 10,000,000 × "x"`, `threw ${String(error)}`);
			throw error;
		}
		report(t, `${name}: a title and a body word of 10,000,000 × "x"`, `${output.length} characters, starting ${shown(output, 60)}`);
		// Both the title and the body are there, whole.
		assert.ok(countOf(output, 'x') >= 20_000_000, `${name}: all of the title and the word are printed`);
		if (name === 'text') assert.ok(output.split('\n').every(line => line.length <= 80), 'text: cut at 80 columns');
	}
});

test('80,000 comments print with the post as text and Markdown', t => {
	const comments: Comment[] = Array.from({length: 80_000}, (_, index) => ({
		id: index + 1,
		parent: index % 2 === 0 ? 0 : index,
		author: `Reader ${index + 1}`,
		authorUrl: undefined,
		date: undefined,
		html: `<p>Comment ${index + 1}</p>`,
		status: 'approved',
	}));
	const view = viewOf(postOf(), {comments: {comments}});
	for (const name of ['text', 'markdown'] as const) {
		let output: string;
		try {
			output = formats[name](view);
		} catch (error) {
			report(t, `${name}: 80,000 comments`, `threw ${String(error)}`);
			throw error;
		}
		report(t, `${name}: 80,000 comments`, `${output.length} characters, ending ${shown(output.slice(-60))}`);
		assert.match(output, /80000 comments/);
		assert.match(output, /Comment 80000\b/);
	}
});

let demo: TestDemo;
before(async () => {
	ensureBuilt();
	demo = await startTestDemo();
});
after(async () => demo.stop());

// The demo's long post has a rule and a « previous / next » line, both as wide as --width.
const longPost = 'a-field-guide-to-the-terminal-garden';

test('--width 2000000000 is refused with exit 2 and a usage message; 1000 columns print', async t => {
	for (const width of ['2000000000', '1001']) {
		const run = await runInProcess([demo.url, '--post', longPost, '--width', width]);
		report(t, `--post ${longPost} --width ${width}`, `exit ${run.code}, stderr ${shown(run.stderr)}, ${run.stdout.length} characters on stdout`);
		assert.equal(run.code, 2);
		assert.deepEqual(run.errorLines, ['blogterm: --width is at most 1000 columns']);
		assert.equal(run.stdout, '');
	}
	const widest = await runInProcess([demo.url, '--post', longPost, '--width', '1000']);
	const longest = Math.max(0, ...widest.stdout.split('\n').map(line => line.length));
	report(t, `--post ${longPost} --width 1000`, `exit ${widest.code}, longest line ${longest} characters`);
	assert.equal(widest.code, 0, widest.stderr);
	assert.ok(longest > 900 && longest <= 1000);
});

test('--comment - with 600 MB on stdin reads only past the comment limit, then exits 2 saying why; nothing is sent', async t => {
	const total = 600 * 1024 * 1024;
	const chunk = Buffer.alloc(64 * 1024, 'a');
	let offered = 0;
	const input = new Readable({
		read() {
			if (offered >= total) {
				this.push(null);
				return;
			}
			offered += chunk.length;
			this.push(chunk);
		},
	});
	const home = homeForBuiltCli();
	const child = spawn(process.execPath, [builtCli, demo.url, '--post', longPost, '--comment', '-', '--name', 'Ada', '--email', 'ada@example.com'], {
		cwd: repoRoot,
		env: {...process.env, BLOGTERM_HOME: home},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const stderr: Buffer[] = [];
	child.stderr.on('data', (data: Buffer) => stderr.push(data));
	child.stdout.resume();
	child.stdin.on('error', () => undefined);
	input.pipe(child.stdin);
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	input.unpipe(child.stdin);
	input.destroy();
	rmSync(home, {recursive: true, force: true});
	const message = Buffer.concat(stderr).toString('utf8');
	report(t, `--comment - with ${total} bytes of "a" on stdin`, `exit ${code} after ${offered} bytes were offered; stderr ${shown(message)}`);
	assert.equal(code, 2);
	assert.equal(message, 'blogterm: Comment: the comment on stdin is longer than 65525 bytes (WordPress\'s limit); nothing was sent.\n');
	// What a pipe and a stream buffer hold, not the 600 MB.
	assert.ok(offered < 32 * 1024 * 1024, `${offered} bytes were taken`);
	// Every comment the demo blog took, held ones too (which its REST list does not show), is in its comments file.
	const taken = join(demo.dataDir, commentsFileName);
	assert.ok(!(existsSync(taken) && readFileSync(taken, 'utf8').includes('aaaaaaaa')), 'the demo blog took no comment of "a"s');
});

test('a comment of exactly 65,525 bytes (and echo\'s newline) is read whole from stdin; one byte more is refused', async t => {
	const limit = 65_525;
	const exact = 'é'.repeat((limit - 1) / 2) + 'a';
	assert.equal(Buffer.byteLength(exact), limit);
	const read = await readAllStdin(Readable.from([Buffer.from(`${exact}\n`)]));
	report(t, `${limit} bytes and a newline`, `${Buffer.byteLength(read)} bytes read`);
	assert.equal(read, exact);
	await assert.rejects(readAllStdin(Readable.from([Buffer.from(`${exact}a\n`)])), (error: Error) => {
		report(t, `${limit + 2} bytes`, error.message);
		return /longer than 65525 bytes/.test(error.message);
	});
});

test('JSON: every string of a post, a list and a sent comment is cleaned, IDs and links included, whatever the model holds', t => {
	const post = postOf({
		id: hostile('id'),
		title: hostile('title'),
		link: `https://blog.example/${hostile('link')}`,
		date: hostile('date'),
		author: hostile('author'),
		excerpt: hostile('excerpt'),
		categories: [{id: hostile('cid'), name: hostile('category'), taxonomy: 'category'}],
		tags: [{id: 3, name: hostile('tag'), taxonomy: 'tag'}],
		html: `<p>${hostileField('body', {markup: true})}</p>`,
	});
	const comment: Comment = {
		id: hostile('comment-id'),
		parent: hostile('parent'),
		author: hostile('comment-author'),
		authorUrl: hostile('author-url'),
		date: hostile('comment-date'),
		html: `<p>${hostileField('comment', {markup: true})}</p>`,
		status: 'approved',
	};
	const view = viewOf(post, {
		neighbours: {
			previous: {id: hostile('previous-id'), title: hostile('previous'), link: `https://blog.example/${hostile('previous-link')}`},
			next: {id: hostile('next-id'), title: hostile('next'), link: hostile('next-link')},
		},
		related: [{id: hostile('related-id'), title: hostile('related'), link: hostile('related-link'), date: hostile('related-date'), context: hostile('context')}],
		comments: {comments: [comment]},
	});
	const postJson = stringifyJson(postToJson(view));
	assertJsonClean(t, postJson, 'a post with the corpus in every field (--format json --comments)');
	// Not vacuous: the values are there, without what was removed.
	const parsed = JSON.parse(postJson) as {id: string; link: string; previous: {link: string}; next: {link: string}; related: Array<{link: string}>; comments: Array<{id: string; parent: string}>};
	for (const [value, label] of [[parsed.id, 'id0'], [parsed.link, 'link0'], [parsed.previous.link, 'previous-link0'], [parsed.next.link, 'next-link0'], [parsed.related[0]!.link, 'related-link0'], [parsed.comments[0]!.id, 'comment-id0'], [parsed.comments[0]!.parent, 'parent0']] as const) {
		assert.ok(value.includes(`[${label}]`), `${label} is shown: ${shown(value)}`);
	}

	const page = {page: 1, perPage: 10, totalPages: 1, total: 1, posts: [post]};
	assertJsonClean(t, stringifyJson(postPageToJson(page)), 'a list page with the corpus in every field (--list --format json)');
	const sent = {kind: 'held', id: hostile('sent-id'), link: hostile('sent-link'), message: 'held'} as const;
	assertJsonClean(t, stringifyJson(commentSentToJson(sent)), 'a sent comment whose ID and link hold the corpus (--comment --format json)');
	const sentText = formatSentText(sent, post, {colour: false});
	report(t, 'the same sent comment as text', shown(sentText));
	assert.equal(findSmuggled(sentText), undefined);
	assert.equal(findSmuggled(formatListText(page, {width: 80, colour: false})), undefined);
});

test('JSON: a string that reaches stringifyJson uncleaned (a wrong type in the model) is cleaned on the way out', t => {
	const json = stringifyJson({surprise: ['\u001B]52;c;Y3VybA==\u0007ok', {deeper: '\u009B2J\u202Eok'}]});
	assertJsonClean(t, json, 'an object with raw escapes two levels down');
	assert.deepEqual(JSON.parse(json), {surprise: ['ok', {deeper: 'ok'}]});
});

/**
The destinations of every Markdown link and image (`](…)`, after an unescaped `]`) and autolink (`<…>`),
read as CommonMark reads them: a backslash escapes the next character, parentheses nest, whitespace or
an unbalanced `)` ends it.
*/
function markdownTargets(markdown: string): string[] {
	const targets: string[] = [];
	const escaped = (index: number) => {
		let backslashes = 0;
		while (index - 1 - backslashes >= 0 && markdown[index - 1 - backslashes] === '\\') backslashes++;
		return backslashes % 2 === 1;
	};
	for (let index = markdown.indexOf(']('); index >= 0; index = markdown.indexOf('](', index + 1)) {
		if (escaped(index)) continue;
		let depth = 0;
		let end = index + 2;
		for (; end < markdown.length; end++) {
			const character = markdown[end]!;
			if (character === '\\') {
				end++;
			} else if (character === '(') {
				depth++;
			} else if (character === ')') {
				if (depth === 0) break;
				depth--;
			} else if (/\s/.test(character)) {
				break;
			}
		}
		targets.push(markdown.slice(index + 2, end));
	}
	for (const match of markdown.matchAll(/<([A-Za-z][A-Za-z\d+.-]{1,31}:[^<>\s]*)>/g)) {
		if (!escaped(match.index)) targets.push(match[1]!);
	}
	return targets;
}

test('Markdown: only http, https and mailto become links (related, « previous / next », body links and images), and no URL breaks out of its link', t => {
	const scripts = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];
	const breakouts = [
		'https://evil.example/a)![x](javascript:alert(1)',
		'https://evil.example/a) [y](javascript:alert(2)',
		'https://evil.example/?q=\\',
		'https://evil.example/a>b<c "title" \'t\'',
		'mailto:a@evil.example?subject=)[z](javascript:alert(3)',
	];
	const body = [
		...scripts.map((href, index) => `<p><a href="${escapeHtml(href)}">script link ${index}</a> <img src="${escapeHtml(href)}" alt="script image ${index}"></p>`),
		...breakouts.map((href, index) => `<p><a href="${escapeHtml(href)}">breakout link ${index}</a> <img src="${escapeHtml(href)}" alt="breakout image ${index}"></p>`),
	].join('\n');
	const view = viewOf(postOf({html: body, link: 'javascript:alert("post")'}), {
		neighbours: {
			previous: {id: 2, title: 'Older', link: 'javascript:alert("previous")'},
			next: {id: 3, title: 'Newer', link: breakouts[0]!},
		},
		related: [...scripts, ...breakouts].map((link, index) => ({id: 10 + index, title: `Related ${index}`, link, date: undefined, context: ''})),
		comments: {comments: [{id: 1, parent: 0, author: 'A', authorUrl: undefined, date: undefined, html: body, status: 'approved'}]},
	});
	const markdown = formatPostMarkdown(view);
	const targets = markdownTargets(markdown);
	report(t, `${scripts.length} script URLs and ${breakouts.length} URLs built to break out, as related posts, neighbours, the post's link, and body links and images (post and comment)`, `${targets.length} link targets: ${targets.map(target => shown(target, 80)).join(', ')}`);
	for (const target of targets) {
		assert.match(target, /^(?:https?:\/\/|mailto:)/, `a link to ${shown(target)}`);
		// Nothing a reader would take as the end of the link or a title.
		assert.doesNotMatch(target, /[\s()<>\\"']/, `${shown(target)} is encoded`);
	}
	// The https and mailto ones are links, once each per place; the rest is text.
	assert.ok(targets.length >= breakouts.length * 2, 'the web and mail links are still links');
	for (const index of scripts.keys()) assert.match(markdown, new RegExp(`Related ${index}(?!\\])`), `related ${index} is text`);
	assert.match(markdown, /^« Older {2}$/m);
	assert.match(markdown, /^Originally posted at javascript:alert\("post"\)$/m);
});

/** Characters string-width counts as 0 columns but a terminal draws (or breaks a line at), with the columns a terminal gives them. */
const terminalColumns: Record<string, number> = {'\u00AD': 1, '\u115F': 2, '\u1160': 0, '\u3164': 2, '\uFFA0': 1, '\u2028': 1, '\u2029': 1};
// (A zero-width joiner is checked by the words it joined: it stays between emoji.)
const noAgreedWidth = /[\u00AD\u061C\u115F\u1160\u200E\u200F\u2028\u2029\u3164\uFFA0]/u;

/** Columns a terminal gives a line: string-width's, plus what it leaves out. */
function columnsOnTerminal(line: string): number {
	let extra = 0;
	for (const character of line) extra += terminalColumns[character] ?? 0;
	return stringWidth(line) + extra;
}

test('characters with no agreed width (Hangul fillers, soft hyphens, line separators in code, stray joiners, direction marks) never reach the screen, so no line is wider than laid out', t => {
	const title = 'Hangul\u3164filler\u3164words\u3164here, \u115Fleading\u115Ffiller, half\uFFA0width\uFFA0filler, soft\u00ADhyphen\u00ADated\u00ADword, a\u200Djoined, \u200Emarked\u200F\u061C';
	const html = `<p>${title}</p><pre><code>first line\u2028second line\u2029third line</code></pre><p>Emoji keep their joiners: 👩‍💻 🏳️‍🌈</p>`;
	const view = viewOf(postOf({title, html, author: 'Dana\u3164\u3164\u3164\u3164', excerpt: title}), {
		related: [{id: 2, title, link: 'https://blog.example/two/', date: undefined, context: 'Shares\u00AD2 tags'}],
		comments: {comments: [{id: 5, parent: 0, author: `Ro\u3164bin`, authorUrl: undefined, date: undefined, html, status: 'approved'}]},
	});
	const width = 20;
	const text = formatPostText(view, {width, colour: false});
	const lines = text.split('\n');
	report(t, `at width ${width}, ${shown(title)} as title, body, related title and comment, and ${shown(html.slice(html.indexOf('<pre>')))}`, `${lines.length} lines, the widest ${Math.max(...lines.map(line => columnsOnTerminal(line)))} columns on a terminal: ${shown(lines.slice(0, 8).join(' | '), 400)}`);
	for (const [index, line] of lines.entries()) {
		assert.doesNotMatch(line, noAgreedWidth, `line ${index} ${shown(line)}`);
		assert.ok(columnsOnTerminal(line) <= width, `line ${index} is ${columnsOnTerminal(line)} columns on a terminal: ${shown(line)}`);
	}
	assert.ok(lines.includes('second line') && lines.includes('third line'), 'a line separator in code starts a line');
	assert.ok(text.includes('👩‍💻') && text.includes('🏳️‍🌈'), 'emoji sequences are whole');
	assert.ok(text.includes('softhyphenatedword') && text.includes('ajoined'), 'the words are there, without what was dropped');
	for (const [name, output] of [['markdown', formatPostMarkdown(view)], ['json', stringifyJson(postToJson(view))]] as const) {
		const visible = name === 'json' ? stringsOf(JSON.parse(output)).map(([, value]) => value).join('\n') : output;
		report(t, `the same post as ${name}`, shown(visible.slice(0, 300)));
		assert.doesNotMatch(visible, noAgreedWidth, name);
	}
});
