import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {longPost} from '../../../source/demo/content/long-post.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {keys, press, resize, waitForFrame, waitForText} from '../helpers.js';

// A resize re-wraps the post and keeps the reader's place: the line at the top stays at the top (the
// same words), the current search match stays on screen, and the end stays the end.

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

const topLine = (frame: string) => frame.split('\n')[0] ?? '';
const statusLine = (frame: string) => frame.split('\n').filter(line => /lines \d+–\d+ of \d+/.test(line)).at(-1) ?? '';
/** The status line's `lines A–B of N`. */
const linesShown = (frame: string) => {
	const [, from, to, total] = /lines (\d+)–(\d+) of (\d+)/.exec(statusLine(frame))!.map(Number) as [number, number, number, number];
	return {from, to, total};
};

describe('a resize keeps the reader’s place in the post', () => {
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo();
	});
	after(async () => demo.stop());

	/** The demo's long post, every line below it (« previous, next », Related Posts, the comments) in. */
	async function openLongPost(columns: number, rows: number) {
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={{kind: 'id', id: longPost.id}} />);
		resize(app.stdout, columns, rows);
		await waitForText(app, /lines 1–\d+ of/);
		await press(app, 'G');
		await waitForFrame(app, frame => frame.includes('»') && frame.includes('Related Posts') && !frame.includes('Loading') && frame.includes('C to read'));
		await press(app, 'g');
		await waitForFrame(app, frame => linesShown(frame).from === 1);
		return app;
	}

	/** `/query` Enter: the search kept, its first match brought to the top. */
	async function search(app: Awaited<ReturnType<typeof openLongPost>>, query: string) {
		await press(app, '/', ...query);
		await waitForFrame(app, frame => statusLine(frame).includes(`/${query}▏`));
		await press(app, keys.enter);
		return waitForFrame(app, frame => /match 1 of \d+/.test(statusLine(frame)) && !frame.includes(`/${query}▏`));
	}

	/** Resizes and waits for the frame laid out for the new width (no line wider, the length changed). */
	async function resizeTo(app: Awaited<ReturnType<typeof openLongPost>>, columns: number, rows: number, before: string) {
		const total = linesShown(before).total;
		resize(app.stdout, columns, rows);
		return waitForFrame(app, frame => {
			const lines = frame.split('\n');
			return lines.length <= rows && lines.every(line => line.length <= columns) && /lines \d+–/.test(statusLine(frame)) && linesShown(frame).total !== total;
		});
	}

	test('a heading at the top stays at the top from 160×48 to 80×24 and back, the search match on it', async () => {
		const app = await openLongPost(160, 48);
		try {
			let frame = await search(app, 'Part three');
			assert.match(topLine(frame), /^Part three: the seasons/);
			frame = await resizeTo(app, 80, 24, frame);
			assert.match(topLine(frame), /^Part three: the seasons/, `the heading is still the top line at 80×24:\n${frame}`);
			assert.match(statusLine(frame), /match 1 of 1/);
			frame = await resizeTo(app, 160, 48, frame);
			assert.match(topLine(frame), /^Part three: the seasons/, `and again at 160×48:\n${frame}`);
		} finally {
			app.unmount();
		}
	});

	test('a heading at the top stays at the top from 80×24 to 160×48 and back', async () => {
		const app = await openLongPost(80, 24);
		try {
			let frame = await search(app, 'Spring: sowing');
			assert.match(topLine(frame), /^Spring: sowing and setting up/);
			frame = await resizeTo(app, 160, 48, frame);
			assert.match(topLine(frame), /^Spring: sowing and setting up/, `the heading is still the top line at 160×48:\n${frame}`);
			frame = await resizeTo(app, 80, 24, frame);
			assert.match(topLine(frame), /^Spring: sowing and setting up/, `and again at 80×24:\n${frame}`);
		} finally {
			app.unmount();
		}
	});

	test('scrolled by lines, the top line’s first word stays on the top line', async () => {
		const app = await openLongPost(160, 48);
		try {
			let frame = await search(app, 'Part two');
			const heading = linesShown(frame).from;
			await press(app, keys.escape, 'j', 'j', 'j');
			frame = await waitForFrame(app, shown => !statusLine(shown).includes('match') && linesShown(shown).from === heading + 3);
			const word = topLine(frame).trim().split(' ')[0]!;
			frame = await resizeTo(app, 80, 24, frame);
			assert.ok(topLine(frame).split(' ').includes(word), `“${word}” is on the top line at 80×24: “${topLine(frame)}”`);
		} finally {
			app.unmount();
		}
	});

	test('the current search match stays on screen when the text it is under grows taller than the screen', async () => {
		const app = await openLongPost(160, 48);
		try {
			// Found from the top of the post, the heading is on the first screen at 160×48: the view stays at the title.
			let frame = await search(app, 'Improve it slowly');
			assert.match(topLine(frame), /^A Field Guide to the Terminal Garden/);
			assert.ok(frame.includes('Improve it slowly'));
			frame = await resizeTo(app, 80, 24, frame);
			assert.ok(frame.split('\n').slice(0, -1).some(line => line.startsWith('Improve it slowly')), `the match is on screen at 80×24:\n${frame}`);
			assert.match(statusLine(frame), /match 1 of 1/);
		} finally {
			app.unmount();
		}
	});

	test('at the end (G), a resize keeps the end', async () => {
		const app = await openLongPost(80, 24);
		try {
			await press(app, 'G');
			let frame = await waitForFrame(app, shown => / · 100%/.test(statusLine(shown)));
			frame = await resizeTo(app, 160, 48, frame);
			assert.match(statusLine(frame), / · 100%/);
			frame = await resizeTo(app, 80, 24, frame);
			assert.match(statusLine(frame), / · 100%/);
		} finally {
			app.unmount();
		}
	});
});
