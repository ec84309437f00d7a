import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {openBlog} from '../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {specialPosts} from '../../source/demo/content/index.js';
import {textWidth} from '../../source/render/text-width.js';
import {createHttpClient} from '../../source/http/client.js';
import {keys, mouse, press, resize, waitForFrame, waitForText} from './helpers.js';
import {withEnvironment} from '../helpers/environment.js';

// Keeps nothing on disk.
const http = createHttpClient();

/*
The mouse, on (`--mouse`): what a terminal sends for the wheel and a left click is written to stdin,
as SGR reports (ESC[<b;x;yM, x and y counted from 1), and the screen answers as a person would expect.
*/

type RestPost = {id: number; slug: string; title: {rendered: string}};

const noMarks: ReadMarks = {readIds: () => new Set(), markRead() {}};
const decode = (title: string) => title.replaceAll('&#8217;', '’').replaceAll('&amp;', '&').replaceAll('&#8211;', '–');
const highlighted = (frame: string) => frame.split('\n').find(line => line.startsWith('▸')) ?? '';

describe('the mouse in the reader (--mouse)', () => {
	// Were a click to reach the browser, nothing opens.
	withEnvironment({BROWSER: 'true'});

	let demo: TestDemo;
	let page: RestPost[];
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		page = (await demo.rest<RestPost[]>('wp/v2/posts?per_page=10')).body;
	});
	after(async () => demo.stop());

	function renderApp(options: {mouse?: boolean; post?: number; columns?: number; rows?: number} = {}) {
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} mouse={options.mouse ?? true} initialPost={options.post === undefined ? undefined : {kind: 'id', id: options.post}} />);
		resize(app.stdout, options.columns ?? 80, options.rows ?? 24);
		return app;
	}
	const titleStart = (post: RestPost) => decode(post.title.rendered).slice(0, 20);
	/** The row (from 0) the frame shows `text` on. */
	const rowOf = (frame: string, text: string) => frame.split('\n').findIndex(line => line.includes(text));

	it('list: the wheel moves the highlight; a click selects a post, a second click on it opens it', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		await press(app, mouse.wheelDown(), mouse.wheelDown());
		await waitForFrame(app, current => highlighted(current).includes(titleStart(page[2]!)));
		await press(app, mouse.wheelUp());
		let frame = await waitForFrame(app, current => highlighted(current).includes(titleStart(page[1]!)));
		const row = rowOf(frame, titleStart(page[5]!));
		assert.ok(row > 0, `the sixth post is on screen:\n${frame}`);
		await press(app, mouse.click(row));
		frame = await waitForFrame(app, current => highlighted(current).includes(titleStart(page[5]!)));
		assert.match(frame, /Page 1 of/, 'one click only selects');
		await press(app, mouse.click(row));
		frame = await waitForText(app, /lines 1–/);
		assert.ok(frame.split('\n')[0]!.includes(titleStart(page[5]!)), `the clicked post is open:\n${frame}`);
		app.unmount();
	});

	it('list: a click below the posts, or on the header, does nothing', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		await press(app, mouse.click(0), mouse.click(20), 'j');
		const frame = await waitForFrame(app, current => highlighted(current).includes(titleStart(page[1]!)));
		assert.match(frame, /Page 1 of/);
		app.unmount();
	});

	it('off (the default): the wheel and clicks change nothing, and j still works after them', async () => {
		const app = renderApp({mouse: false});
		let frame = await waitForText(app, 'Page 1 of');
		const row = rowOf(frame, titleStart(page[3]!));
		await press(app, mouse.wheelDown(), mouse.click(row), mouse.click(row), 'j');
		frame = await waitForFrame(app, current => highlighted(current).includes(titleStart(page[1]!)));
		assert.match(frame, /Page 1 of/, 'no post was opened');
		assert.doesNotMatch(frame, /\[<|65;/, 'no part of a report is on screen');
		app.unmount();
	});

	it('off or on, a report is never typed into a field: the search line keeps only what was typed', async () => {
		for (const on of [false, true]) {
			const app = renderApp({mouse: on});
			await waitForText(app, 'Page 1 of');
			// An SGR click and wheel, and an old-style (X10) press: ESC[M and three bytes.
			await press(app, '/', 'a', mouse.click(5), mouse.wheelDown(), '\u001B[M #(', 'b');
			const frame = await waitForText(app, /Search \S+: ab▏/);
			assert.doesNotMatch(frame, /\[<|;\d+M|#\(/, `no part of a report is typed (mouse ${on ? 'on' : 'off'}):\n${frame}`);
			app.unmount();
		}
	});

	/** Where `text` is on the frame: its row and the column its first character is drawn at (from 0). */
	const placeOf = (frame: string, text: string) => {
		const lines = frame.split('\n');
		const row = lines.findIndex(line => line.includes(text));
		assert.ok(row >= 0, `${text} is on screen:\n${frame}`);
		return {row, column: textWidth(lines[row]!.slice(0, lines[row]!.indexOf(text)))};
	};
	// "A Field Guide to the Terminal Garden": link [2] is another post of the demo blog.
	const fieldGuide = 59;

	it('post: the wheel scrolls three lines a notch, down and up', async () => {
		const app = renderApp({post: fieldGuide});
		await waitForText(app, /lines 1–/);
		await press(app, mouse.wheelDown(), mouse.wheelDown());
		await waitForText(app, /lines 7–/);
		await press(app, mouse.wheelUp());
		await waitForText(app, /lines 4–/);
		app.unmount();
	});

	it('post: a click on a numbered link follows it (a post of the blog opens in the reader); a click on plain text does nothing', async () => {
		for (const [columns, rows] of [[80, 24], [160, 48]] as const) {
			const app = renderApp({post: fieldGuide, columns, rows});
			let frame = await waitForText(app, /lines 1–/);
			// Each notch is waited for (its first line moves by three), so the frame read is the one clicked on.
			const firstLine = (current: string) => Number(/lines (\d+)–/.exec(current)?.[1]);
			while (!frame.includes('[2]')) {
				const before = firstLine(frame);
				await press(app, mouse.wheelDown());
				frame = await waitForFrame(app, current => firstLine(current) === before + 3);
			}
			await press(app, mouse.click(1, 0));
			const {row, column} = placeOf(frame, '[2]');
			await press(app, mouse.click(row, column + 1));
			frame = await waitForFrame(app, current => current.split('\n')[0]!.startsWith('A tmux Layout for Garden Chores'));
			assert.match(frame, /lines 1–/, `at ${columns}×${rows}`);
			app.unmount();
		}
	});

	it('post: a click on « previous or next » opens that post', async () => {
		for (const [which, pattern] of [['previous', /^\s*« (.{10})/], ['next', /^\s+(.{10}).* »$/]] as const) {
			const app = renderApp({post: page[3]!.id});
			await waitForText(app, /lines 1–/);
			await press(app, 'G');
			const frame = await waitForFrame(app, current => current.split('\n').some(line => pattern.test(line)));
			const row = frame.split('\n').findIndex(line => pattern.test(line));
			const title = pattern.exec(frame.split('\n')[row]!)![1]!;
			const column = frame.split('\n')[row]!.indexOf(title);
			await press(app, mouse.click(row, column + 2));
			const opened = await waitForFrame(app, current => current.split('\n')[0]!.startsWith(title));
			assert.match(opened, /lines 1–/, which);
			app.unmount();
		}
	});

	it('post, 160 columns: a click on a post in Related Posts beside it opens that post', async () => {
		const app = renderApp({post: fieldGuide, columns: 160, rows: 48});
		const frame = await waitForFrame(app, current => /Related Posts[\s\S]*\d{4}/.test(current));
		const heading = placeOf(frame, 'Related Posts');
		const line = frame.split('\n')[heading.row + 1]!;
		const title = line.slice(heading.column).replace(/│.*$/, '').trim().slice(0, 15);
		assert.ok(title.length > 3, `a related post under the heading:\n${frame}`);
		await press(app, mouse.click(heading.row + 1, heading.column + 3));
		const opened = await waitForFrame(app, current => current.split('\n')[0]!.includes(title));
		assert.match(opened, /lines 1–/);
		app.unmount();
	});

	it('thread: a click selects a comment, a second click on it opens the reply form (as r); the wheel scrolls', async () => {
		const {body: posts} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,slug,title');
		const counts = await Promise.all(posts.map(async post => ({post, count: (await demo.rest<unknown[]>(`wp/v2/comments?post=${post.id}&per_page=100`)).body.length})));
		const {post} = counts.find(entry => entry.count >= 3 && entry.post.slug !== specialPosts.commentsClosed)!;
		const app = renderApp({post: post.id});
		await waitForText(app, /lines 1–/);
		await press(app, 'C');
		let frame = await waitForText(app, /comment 1 of/);
		// The second comment's first line: the first line marked ▌ after the first comment, below the heading.
		const lines = frame.split('\n');
		const second = lines.findIndex((line, index) => index > 1 && line.startsWith('  ') && line.trim() !== '' && lines[index - 1]!.trim() === '');
		assert.ok(second > 0, `a second comment on screen:\n${frame}`);
		// The blank line between two comments is no comment's.
		await press(app, mouse.click(second - 1), mouse.click(second));
		await waitForText(app, /comment 2 of/);
		await press(app, mouse.click(second));
		await waitForText(app, 'Leave a Reply');
		await press(app, keys.escape);
		frame = await waitForText(app, /comment 2 of/);
		const percent = (current: string) => Number(/comment \d+ of \d+ · (\d+)%/.exec(current)?.[1]);
		const before = percent(frame);
		assert.ok(before < 100, `the thread is longer than the screen:\n${frame}`);
		await press(app, mouse.wheelDown(3));
		await waitForFrame(app, current => percent(current) > before);
		app.unmount();
	});

	it('categories and tags (t): a click selects one, a second lists its posts; a heading\'s row does nothing', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		await press(app, 't');
		let frame = await waitForText(app, 'Tags');
		await press(app, mouse.click(rowOf(frame, 'Tags')), mouse.click(rowOf(frame, 'Tools')));
		frame = await waitForFrame(app, current => highlighted(current).includes('Tools'));
		await press(app, mouse.click(rowOf(frame, 'Tools')));
		frame = await waitForText(app, /Tools · \d+ posts?/);
		assert.match(frame, /Page 1 of/);
		app.unmount();
	});
});
