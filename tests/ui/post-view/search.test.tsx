import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {TestServer} from '../../helpers/http-server.js';
import {startFakeWordPress} from '../../helpers/fake-wordpress.js';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {wrappedToFirst, wrappedToLast} from '../../../source/ui/search/use-text-search.js';
import {keys, press, resize, waitForFrame, waitForText} from '../helpers.js';
import {withColour} from '../../helpers/colour.js';

const http = createHttpClient();
const backspace = '\u007F';
const noMarks = {readIds: () => new Set<string>(), markRead: () => undefined};

// Sixty paragraphs, many screens at 80×24; "garden" in three of them (one with a capital, one in capitals).
const paragraphs = Array.from({length: 60}, (_, index) => {
	const number = index + 1;
	if (number === 5) return '<p>Paragraph 5 is about the Garden shed.</p>';
	if (number === 40) return '<p>Paragraph 40 waters the garden at dusk.</p>';
	if (number === 55) return '<p>Paragraph 55 shouts GARDEN across the fence.</p>';
	if (number === 20) return `<p>Paragraph 20 is long: ${'x'.repeat(30)} quiet meadow at the end of it all is where we rest.</p>`;
	return `<p>Paragraph ${number} is filler.</p>`;
});

let server: TestServer;
before(async () => {
	server = await startFakeWordPress({id: 7, slug: 'searching', title: 'A post to search', html: paragraphs.join('\n'), date: '2026-01-02T03:04:05'});
});
after(async () => server.close());

function open(columns = 80) {
	const app = render(<App site={server.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={{kind: 'id', id: 7}} />);
	resize(app.stdout, columns, 24);
	return app;
}

/** The first line on screen (the view's top). */
const topLine = (frame: string) => frame.split('\n')[0] ?? '';
const statusLine = (frame: string) => frame.split('\n').filter(line => line.trim() !== '').at(-1) ?? '';

describe('searching the post being read', () => {
	// Colour on for Ink, to see the highlight as a terminal does.
	withColour();

	test('/ searches as you type, ignoring case; n goes to the next match, wrapping with a line saying so; N back; Esc clears', async () => {
		const app = open();
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, '/');
			await waitForFrame(app, frame => statusLine(frame).includes('/▏'));
			await press(app, 'g', 'a', 'r', 'd', 'e', 'n');
			// The first match is on screen already (paragraph 5): the view stays.
			let frame = await waitForFrame(app, shown => statusLine(shown).includes('/garden▏'));
			assert.match(statusLine(frame), /match 1 of 3/);
			assert.match(topLine(frame), /A post to search/);
			await press(app, keys.enter);
			await waitForFrame(app, shown => !shown.includes('/garden▏') && shown.includes('match 1 of 3'));
			await press(app, 'n');
			frame = await waitForText(app, 'match 2 of 3');
			assert.match(topLine(frame), /Paragraph 40 waters the garden/, 'the match off screen comes to the top');
			await press(app, 'n');
			frame = await waitForText(app, 'match 3 of 3');
			assert.match(frame, /Paragraph 55 shouts GARDEN/, 'near the end: the last page shows it');
			await press(app, 'n');
			frame = await waitForText(app, 'match 1 of 3');
			assert.ok(statusLine(frame).includes(wrappedToFirst), statusLine(frame));
			await press(app, 'N');
			frame = await waitForText(app, 'match 3 of 3');
			assert.ok(statusLine(frame).includes(wrappedToLast), statusLine(frame));
			await press(app, keys.escape);
			frame = await waitForFrame(app, shown => /lines \d+–/.test(shown) && !shown.includes('match'));
			assert.match(frame, /Paragraph 55/, 'Esc clears the search; the post stays where it was');
			// n is the next post again.
			await press(app, 'n');
			await waitForText(app, 'This is the newest post.');
		} finally {
			app.unmount();
		}
	});

	test('a capital in the query makes it match case; a word not there says no match and the view goes back', async () => {
		const app = open();
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, '/', 'G', 'a', 'r', 'd', 'e', 'n');
			await waitForText(app, 'match 1 of 1');
			await press(app, keys.escape, '/', 'G', 'A');
			const frame = await waitForFrame(app, shown => statusLine(shown).includes('/GA▏') && shown.includes('match 1 of 1'));
			assert.match(frame, /Paragraph 55 shouts GARDEN/);
			await press(app, 'x');
			const none = await waitForText(app, 'no match');
			assert.match(topLine(none), /A post to search/, 'nothing found: back where the search began');
		} finally {
			app.unmount();
		}
	});

	test('finds a phrase wrapped over two lines, highlighted on both, the current match unlike the others', async () => {
		const app = open(60);
		try {
			await waitForText(app, /lines 1–\d+ of/);
			// At 60 columns "quiet meadow" falls over a line's end in paragraph 20.
			await press(app, '/', ...'quiet meadow');
			const page = await waitForFrame(app, shown => statusLine(shown).includes('/quiet meadow▏'));
			assert.match(page, /match 1 of 1/);
			const lines = page.split('\n');
			assert.ok(lines.some(line => line.trimEnd().endsWith('quiet')) && lines.some(line => line.startsWith('meadow')), `wrapped between the words:\n${page}`);
			const raw = app.lastFrame() ?? '';
			// The current match: black on yellow (SGR 30, 43), on both of its lines.
			const current = /\u001B\[(?:[\d;]*;)?43m(?:\u001B\[[\d;]*m)*([^\u001B]+)/g;
			assert.deepEqual([...raw.matchAll(current)].map(match => match[1]), ['quiet', 'meadow']);
			await press(app, keys.enter, '/', ...'paragraph 2');
			await waitForText(app, /match \d+ of 11/);
			// Other matches: inverse (SGR 7).
			assert.match(app.lastFrame() ?? '', /\u001B\[7m(?:\u001B\[[\d;]*m)*Paragraph 2/);
		} finally {
			app.unmount();
		}
	});

	test('Backspace takes a letter back and searches again; Backspace on an empty line closes it', async () => {
		const app = open();
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, '/', 'f', 'i', 'l', 'l', 'e', 'r', 'z');
			await waitForText(app, 'no match');
			await press(app, backspace);
			await waitForText(app, /match 1 of 56/);
			for (let index = 0; index < 6; index++) await press(app, backspace);
			await waitForFrame(app, frame => statusLine(frame).includes('/▏') && !frame.includes('match'));
			await press(app, backspace);
			const frame = await waitForFrame(app, shown => !statusLine(shown).includes('▏'));
			assert.match(statusLine(frame), /Space\/b page/);
		} finally {
			app.unmount();
		}
	});
});
