import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {fullTextsInMemory} from '../../../source/full-text/full-text-store.js';
import {createHttpClient} from '../../../source/http/client.js';
import {textWidth} from '../../../source/render/text-width.js';
import type {StoredReply} from '../../../source/store/replies.js';
import {drawEarlyFrame, frameToAnsi, handOverToInk, spansToAnsi} from '../../../source/ui/home/early-frame.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import type {FollowedBlog, HomeData, StoredHome} from '../../../source/ui/home/home-data.js';
import {firstHomeFrame, type SpanLine} from '../../../source/ui/home/home-lines.js';
import {createKeyMap, defaultKeyMap} from '../../../source/ui/keys/key-map.js';
import {withColour} from '../../helpers/colour.js';
import {resize, waitForFrame} from '../helpers.js';
import {memoryHomeData} from './memory-home-data.js';

const now = Date.parse('2026-12-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

/**
 * A terminal's cells from SGR-coded text, read here without Ink's code: each character with the bold,
 * underline and colour in force. Any other escape sequence fails the test.
 */
function cells(line: string): string[] {
	const state = {bold: false, underline: false, colour: ''};
	const out: string[] = [];
	for (let index = 0; index < line.length;) {
		const sgr = /^\u001B\[([\d;]*)m/.exec(line.slice(index));
		if (sgr) {
			for (const code of (sgr[1] || '0').split(';').map(Number)) {
				if (code === 0) Object.assign(state, {bold: false, underline: false, colour: ''});
				else if (code === 1) state.bold = true;
				else if (code === 22) state.bold = false;
				else if (code === 4) state.underline = true;
				else if (code === 24) state.underline = false;
				else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) state.colour = String(code);
				else if (code === 39) state.colour = '';
				else assert.fail(`an SGR code this check does not know: ${code}`);
			}
			index += sgr[0].length;
			continue;
		}
		assert.notEqual(line[index], '\u001B', `only SGR codes in a line: ${JSON.stringify(line.slice(index, index + 12))}`);
		const character = String.fromCodePoint(line.codePointAt(index)!);
		out.push(`${character}${state.bold ? 'B' : ''}${state.underline ? 'U' : ''}${state.colour}`);
		index += character.length;
	}
	// A blank cell at the end of a line is the same written or not.
	while (out.at(-1) === ' ') out.pop();
	return out;
}

/** Blogs as a store lists them: loose ones, a folder, a failed one, long and wide titles, full text on for one. */
function blogs(count: number): FollowedBlog[] {
	const made: FollowedBlog[] = [
		{url: 'https://loose.example/', title: 'A blog in no folder', folder: undefined, unread: 0, total: 12, lastUpdated: hoursAgo(0.2), lastError: undefined, siteKey: 'loose.example'},
		{url: 'https://wide.example/', title: '日本語のブログ 🍣 with a title far too long to fit on one row of an 80-column terminal', folder: 'Friends', unread: 7, total: 40, lastUpdated: hoursAgo(30), lastError: undefined, siteKey: 'wide.example'},
		{url: 'https://gone.example/', title: 'Gone', folder: 'Friends', unread: 2, total: 2, lastUpdated: undefined, lastError: 'The blog took longer than 15 s to answer.'},
	];
	for (let index = made.length; index < count; index++) {
		made.push({url: `https://blog-${index}.example/`, title: `Blog ${index}`, folder: `Folder ${index % 4}`, unread: index % 3, total: 20, lastUpdated: hoursAgo(index), lastError: undefined, siteKey: `blog-${index}.example`});
	}
	return made;
}

function reply(read: boolean, id: string): StoredReply {
	return {
		siteKey: 'loose.example', siteUrl: 'https://loose.example/', postId: '1', postTitle: 'A post', postLink: 'https://loose.example/1',
		yourComment: {id: '9', text: 'Mine', date: hoursAgo(3)},
		reply: {id, author: 'Ann', date: hoursAgo(1), text: 'Yes', link: 'https://loose.example/1#c'},
		read,
	};
}

// Every summary-only post of one blog read whole: its row says so.
const fullTexts = fullTextsInMemory();
fullTexts.setAutomatic('wide.example', true);
const fullTextOn = (blog: FollowedBlog) => blog.siteKey !== undefined && fullTexts.isAutomatic(blog.siteKey);

/** Ink's frame of the home screen opened on `stored`, at a terminal's size. */
async function inkFrame(stored: StoredHome, data: HomeData, columns: number, rows: number, keyMap = defaultKeyMap): Promise<string[]> {
	const app = render(
		<HomeApp
			data={data}
			initial={stored}
			openSource={() => Promise.reject(new Error('not opened in this test'))}
			perPage={10}
			refreshOnStart={false}
			refreshMinutes={0}
			keyMap={keyMap}
			readFullText={() => Promise.reject(new Error('not read in this test'))}
			fullTexts={fullTexts}
		/>,
	);
	try {
		// Ink's test terminal starts at 100 columns. Ink redraws at once on a resize, the screen's lines as they
		// were, cut to the new width; then the screen draws them for it: its status line's hints, made for its
		// width, end with "? help" (cut by Ink, they end with "…").
		resize(app.stdout, columns, rows);
		await waitForFrame(app, text => {
			const lines = text.split('\n');
			return lines.length === Math.max(5, rows) && lines.every(line => textWidth(line) <= columns) && lines.at(-1)!.endsWith('? help');
		});
		return (app.lastFrame() ?? '').split('\n');
	} finally {
		app.unmount();
	}
}

describe('the home screen\'s first frame, written before Ink loads', () => {
	withColour();
	const http = createHttpClient();
	const cases = [
		{columns: 80, rows: 24, count: 3, unreadReplies: 0},
		{columns: 160, rows: 48, count: 60, unreadReplies: 2},
		{columns: 40, rows: 12, count: 30, unreadReplies: 1},
		{columns: 100, rows: 5, count: 8, unreadReplies: 0},
	];
	for (const {columns, rows, count, unreadReplies} of cases) {
		it(`is Ink's first frame cell for cell (text, bold, underline, colour) at ${columns}×${rows}, ${count} blogs`, async () => {
			const stored: StoredHome = {
				blogs: blogs(count),
				starred: [],
				now,
				replies: [...Array.from({length: unreadReplies}, (_, index) => reply(false, `r${index}`)), reply(true, 'old')],
			};
			const data = {...memoryHomeData(http, [], []).data, setStarred() {}};
			const early = firstHomeFrame(stored, {columns, rows, keyMap: defaultKeyMap, hasStars: true, fullTextOn});
			assert.ok(early, 'a frame is made');
			const ink = await inkFrame(stored, data, columns, rows);
			assert.equal(early.length, ink.length, 'as many rows');
			early.forEach((line, row) => assert.deepEqual(cells(spansToAnsi(line)), cells(ink[row]!), `row ${row + 1}: ${JSON.stringify(ink[row])}`));
			// And what it says: the lists, the first blog selected, the keys.
			const text = early.map(line => line.map(span => span.text).join(''));
			// (Narrow, with replies to you, the name makes room for them.)
			assert.match(text[0]!, /^(?:blogterm {2})?Followed blogs \(\d+\) {2}What/);
			assert.ok(text.some(line => line.startsWith('▸ ')), 'the first blog is selected');
			assert.match(text.at(-1)!, /\? help$/);
		});
	}

	it('follows the key map: another key for replies is the one the header names', async () => {
		const keyMap = createKeyMap({'open-replies': ['ctrl+r']});
		const stored: StoredHome = {blogs: blogs(3), starred: [], now, replies: [reply(false, 'r1')]};
		const early = firstHomeFrame(stored, {columns: 100, rows: 10, keyMap, hasStars: false, fullTextOn});
		const header = early![0]!.map(span => span.text).join('');
		assert.match(header, /1 reply to you \(Ctrl-R\)$/);
		assert.doesNotMatch(header, /Starred/, 'no Starred list without stars');
		const ink = await inkFrame(stored, memoryHomeData(http, [], []).data, 100, 10, keyMap);
		assert.deepEqual(cells(spansToAnsi(early![0]!)), cells(ink[0]!));
	});

	it('is not made when no blog is followed, when the terminal is shorter than the screen\'s five rows, or without a terminal', () => {
		const stored: StoredHome = {blogs: [], starred: [], now, replies: []};
		assert.equal(firstHomeFrame(stored, {columns: 80, rows: 24, keyMap: defaultKeyMap, hasStars: true}), undefined);
		assert.equal(firstHomeFrame({...stored, blogs: blogs(2)}, {columns: 80, rows: 4, keyMap: defaultKeyMap, hasStars: true}), undefined);
		// Output that is not a terminal has no size (process.stdout.columns is undefined).
		assert.equal(firstHomeFrame({...stored, blogs: blogs(2)}, {columns: Number(undefined), rows: Number(undefined), keyMap: defaultKeyMap, hasStars: true}), undefined);
	});

	it('is written row by row at the top left, each row\'s end erased, the cursor left where Ink starts', () => {
		const lines: SpanLine[] = [[{text: 'one', bold: true}], [], [{text: 'three'}]];
		assert.equal(frameToAnsi(lines), '\u001B[1;1H\u001B[1mone\u001B[22m\u001B[K\u001B[2;1H\u001B[K\u001B[3;1Hthree\u001B[K\u001B[H');
	});

	it('is drawn only where Ink draws frames: a terminal both ways, not CI, not a screen reader; the keyboard then in raw mode', () => {
		const lines: SpanLine[] = [[{text: 'frame'}]];
		const terminal = () => {
			const written: string[] = [];
			const raw: boolean[] = [];
			return {written, raw, stdout: {isTTY: true, columns: 80, rows: 24, write: (data: string) => written.push(data)}, stdin: {isTTY: true, setRawMode: (mode: boolean) => raw.push(mode)}};
		};
		const shown = terminal();
		assert.deepEqual(drawEarlyFrame(lines, shown, {screenReader: false, inCi: false}), {columns: 80, rows: 24}, 'drawn, at the terminal\'s size');
		assert.deepEqual(shown.raw, [true], 'keys typed now wait, unechoed, for Ink');
		assert.match(shown.written.join(''), /frame/);
		for (const [why, options, change] of [
			['a screen reader', {screenReader: true, inCi: false}, {}],
			['CI', {screenReader: false, inCi: true}, {}],
			['output not a terminal', {screenReader: false, inCi: false}, {stdoutTty: false}],
			['input not a terminal', {screenReader: false, inCi: false}, {stdinTty: false}],
		] as const) {
			const held = terminal();
			const stdout = {...held.stdout, isTTY: !('stdoutTty' in change)};
			const stdin = {...held.stdin, isTTY: !('stdinTty' in change)};
			assert.equal(drawEarlyFrame(lines, {stdout, stdin}, options), undefined, why);
			assert.deepEqual([held.written, held.raw], [[], []], `${why}: nothing written, raw mode untouched`);
		}
		assert.equal(drawEarlyFrame(undefined, terminal(), {screenReader: false, inCi: false}), undefined, 'no frame made');
	});

	it('is wiped before Ink draws when the terminal changed size since, and left for Ink to land on otherwise', () => {
		const written: string[] = [];
		const stdout = {columns: 80, rows: 24, write: (data: string) => written.push(data)};
		handOverToInk({columns: 80, rows: 24}, stdout);
		handOverToInk(undefined, stdout);
		assert.deepEqual(written, [], 'the same size, or no early frame: nothing written');
		handOverToInk({columns: 100, rows: 24}, stdout);
		handOverToInk({columns: 80, rows: 30}, stdout);
		assert.deepEqual(written, ['\u001B[H\u001B[J', '\u001B[H\u001B[J'], 'resized: the screen cleared from the top left');
	});
});
