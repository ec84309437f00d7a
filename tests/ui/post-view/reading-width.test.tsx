import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {specialPosts} from '../../../source/demo/content/index.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {ReadingContext} from '../../../source/ui/post-view/use-reading.js';
import type {Reading} from '../../../source/render/reading.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {textWidth} from '../../../source/render/text-width.js';
import {press, resize, waitForFrame, waitForText} from '../helpers.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

function renderAt(demo: TestDemo, columns: number, rows: number, reading?: Reading) {
	const app = <App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'slug', slug: specialPosts.withoutJetpack}} />;
	const rendered = render(reading ? <ReadingContext.Provider value={reading}>{app}</ReadingContext.Provider> : app);
	resize(rendered.stdout, columns, rows);
	return rendered;
}

/** The screen's lines but the status line (the last), with their trailing blanks cut. */
const textLines = (frame: string) => frame.split('\n').slice(0, -1).map(line => line.trimEnd());
const widest = (lines: readonly string[]) => Math.max(...lines.map(line => textWidth(line)));
const leadingBlanks = (line: string) => line.length - line.trimStart().length;

describe('the reading width', () => {
	let demo: TestDemo;
	let title: string;
	before(async () => {
		demo = await startTestDemo();
		const source = await openBlog(http, demo.url);
		title = (await source.fetchPost({kind: 'slug', slug: specialPosts.withoutJetpack})).title;
	});
	after(async () => demo.stop());

	it('wraps the text at 100 columns on a 200-column terminal, and Related Posts beside it keeps the rest', async () => {
		const app = renderAt(demo, 200, 60);
		const frame = await waitForFrame(app, shown => shown.includes('Related Posts') && /lines 1–/.test(shown));
		const lines = frame.split('\n').slice(0, -1);
		assert.ok(lines.every(line => line.slice(100, 101) === ' ' || line.length <= 100), 'column 101 is the gap on every line: the text stops at 100');
		const panelTop = lines.find(line => line.includes('╭'))!;
		assert.equal(panelTop.indexOf('╭'), 101, 'the panel starts after the text and its gap');
		assert.equal(panelTop.trimEnd().length, 200, 'and runs to the right edge');
		app.unmount();
	});

	it('keeps the text 100 columns wide, at the left, when Related Posts is hidden (h)', async () => {
		const app = renderAt(demo, 200, 60);
		await waitForText(app, 'Related Posts');
		await press(app, 'h');
		const frame = await waitForFrame(app, shown => !shown.includes('Related Posts') && /lines 1–/.test(shown));
		const lines = textLines(frame);
		assert.ok(widest(lines) <= 100, `no line is wider than 100 columns (widest: ${widest(lines)})`);
		assert.ok(widest(lines) > 80, 'the text does use the width');
		assert.equal(leadingBlanks(lines[0]!), 0, 'the title starts at the left edge');
		app.unmount();
	});

	it('centres the column when readingAlign is "centre"', async () => {
		const app = renderAt(demo, 200, 60, {width: 100, align: 'centre'});
		await waitForText(app, 'Related Posts');
		await press(app, 'h');
		const frame = await waitForFrame(app, shown => !shown.includes('Related Posts') && /lines 1–/.test(shown));
		const lines = textLines(frame);
		assert.ok(lines[0]!.trimStart().startsWith(title.slice(0, 20)), `the title comes first: ${lines[0]!}`);
		assert.equal(leadingBlanks(lines[0]!), 50, 'with 50 blank columns left of it');
		assert.ok(lines.filter(line => line !== '').every(line => leadingBlanks(line) >= 50 && textWidth(line) <= 150), 'every line within columns 51 to 150');
		app.unmount();
	});

	it('wraps at the width the settings give (60 columns), and at the terminal\'s width when that is narrower', async () => {
		const app = renderAt(demo, 200, 60, {width: 60, align: 'left'});
		await waitForText(app, 'Related Posts');
		await press(app, 'h');
		const wide = textLines(await waitForFrame(app, shown => !shown.includes('Related Posts') && /lines 1–/.test(shown)));
		assert.ok(widest(wide) <= 60 && widest(wide) > 45, `60 columns at most (widest: ${widest(wide)})`);
		resize(app.stdout, 40, 12);
		const narrow = textLines(await waitForFrame(app, shown => shown.split('\n').length <= 12 && /lines 1–/.test(shown)));
		assert.ok(widest(narrow) <= 40, `40 columns at most on a 40-column terminal (widest: ${widest(narrow)})`);
		app.unmount();
	});
});
