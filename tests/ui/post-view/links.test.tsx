import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import type {PostRef} from '../../../source/model/post.js';
import {startFakeWordPress} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {fakeBrowser, frameText, keys, press, waitFor, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

// "A Field Guide to the Terminal Garden": link [1] is another post of the demo blog, [2] the tmux wiki.
const fieldGuide: PostRef = {kind: 'id', id: 59};
const osc52 = /\u001B\]52;c;([A-Za-z\d+/=]*)\u0007/g;
const osc8Open = /\u001B\]8;;([^\u0007\u001B]*)\u0007/g;

function renderAt(site: string, post: PostRef, options: {hyperlinks?: boolean} = {}) {
	return render(<App site={site} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={post} hyperlinks={options.hyperlinks} />);
}

/** Every OSC 52 sequence written to the terminal, decoded. */
function clipboardWrites(frames: readonly string[]): string[] {
	return frames.flatMap(frame => [...frame.matchAll(osc52)].map(match => Buffer.from(match[1]!, 'base64').toString('utf8')));
}

let demo: TestDemo;
let oneLink: TestServer;
before(async () => {
	demo = await startTestDemo();
	oneLink = await startFakeWordPress({id: 3, slug: 'one-link', title: 'A post with one link', html: '<p>Read <a href="https://elsewhere.example/a%20b?x=1&amp;y=2">this</a>.</p>', date: '2026-01-02T03:04:05'});
});
after(async () => Promise.all([demo.stop(), oneLink.close()]));

describe('following links', () => {
	const browser = fakeBrowser();

	test('f 2 Enter opens the linked post of the same blog inside the reader, at its top; Esc comes back to the line left', async () => {
		const app = renderAt(demo.url, fieldGuide);
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, ' ');
			const before = await waitForText(app, /lines (?!1–)\d+–/);
			const place = /lines \d+–\d+/.exec(before)![0];
			await press(app, 'f');
			await waitForText(app, 'Follow link (1–13):');
			await press(app, '2', keys.enter);
			const opened = await waitForText(app, 'A tmux Layout for Garden Chores\n');
			assert.match(opened, /^A tmux Layout for Garden Chores$/m);
			assert.match(opened, /lines 1–/);
			assert.deepEqual(browser.calls(), [], 'the browser was not asked');
			await press(app, keys.escape);
			await waitForText(app, place);
		} finally {
			app.unmount();
		}
	});

	test('f 3 Enter opens an external link in the browser, with the URL as its one argument', async () => {
		const app = renderAt(demo.url, fieldGuide);
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, 'f', '3', keys.enter);
			await waitForText(app, 'Opened https://github.com/tmux/tmux/wiki in the browser.');
			await waitFor(() => browser.calls().length === 1, 'the browser started');
			assert.deepEqual(browser.calls(), ['1|https://github.com/tmux/tmux/wiki']);
		} finally {
			app.unmount();
			browser.forget();
		}
	});

	test('a link of the same blog that is no post (a category) opens in the browser', async () => {
		const app = renderAt(demo.url, fieldGuide);
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, 'f', '11', keys.enter);
			await waitForText(app, /Opened http:\/\/127\.0\.0\.1:\d+\/category\/garden-notes\/ in the browser\./);
			await waitFor(() => browser.calls().length === 1, 'the browser started');
			assert.deepEqual(browser.calls(), [`1|${new URL('category/garden-notes/', demo.url).href}`]);
		} finally {
			app.unmount();
			browser.forget();
		}
	});

	test('f alone follows the one link of a post; a number that is no link says which there are', async () => {
		const app = renderAt(oneLink.url, {kind: 'id', id: 3});
		try {
			await waitForText(app, 'A post with one link');
			await press(app, 'f');
			await waitForText(app, 'Opened https://elsewhere.example/a%20b?x=1&y=2 in the browser.');
			await waitFor(() => browser.calls().length === 1, 'the browser started');
			assert.deepEqual(browser.calls(), ['1|https://elsewhere.example/a%20b?x=1&y=2']);
			await press(app, 'y', '7', keys.enter);
			await waitForText(app, 'This post has one link: [1].');
		} finally {
			app.unmount();
			browser.forget();
		}
	});

	test('Esc while a link number is typed asks nothing and opens nothing', async () => {
		const app = renderAt(demo.url, fieldGuide);
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, 'f', '1');
			await waitForText(app, 'Follow link (1–13): 1');
			await press(app, keys.escape);
			await waitForText(app, '? help');
			assert.match(frameText(app), /A Field Guide to the Terminal Garden/);
			assert.deepEqual(browser.calls(), []);
		} finally {
			app.unmount();
		}
	});
});

describe('copying links', () => {
	// Nothing here should start a browser; if one does, it is this fake.
	fakeBrowser();

	test('y 3 Enter writes exactly one OSC 52 sequence, with the URL, and says Copied', async () => {
		const app = renderAt(demo.url, fieldGuide);
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			assert.deepEqual(clipboardWrites(app.frames), []);
			await press(app, 'y', '3', keys.enter);
			await waitForText(app, 'Copied https://github.com/tmux/tmux/wiki');
			assert.deepEqual(clipboardWrites(app.frames), ['https://github.com/tmux/tmux/wiki']);
		} finally {
			app.unmount();
		}
	});

	test('Y (and y Enter) copy the post’s own link', async () => {
		const app = renderAt(demo.url, fieldGuide);
		const own = new URL('2024/11/04/a-field-guide-to-the-terminal-garden/', demo.url).href;
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, 'Y');
			await waitForText(app, `Copied ${own}`.slice(0, 40));
			await press(app, 'y', keys.enter);
			await waitFor(() => clipboardWrites(app.frames).length === 2, 'two copies');
			assert.deepEqual(clipboardWrites(app.frames), [own, own]);
		} finally {
			app.unmount();
		}
	});
});

describe('hyperlinks (OSC 8)', () => {
	// Nothing here should start a browser; if one does, it is this fake.
	fakeBrowser();

	test('off: no OSC 8 sequence is written', async () => {
		const app = renderAt(demo.url, fieldGuide, {hyperlinks: false});
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, 'G');
			await waitForText(app, '[10] https://git-scm.com/book/en/v2');
			assert.ok(app.frames.every(frame => !frame.includes('\u001B]8;')));
		} finally {
			app.unmount();
		}
	});

	test('on: link text and the numbered URLs are hyperlinks to the link, and nothing else is', async () => {
		const app = renderAt(demo.url, fieldGuide, {hyperlinks: true});
		try {
			await waitForText(app, 'A Field Guide to the Terminal Garden');
			await press(app, 'G');
			// At the end whether or not the related posts have come yet (they push "Links:" up, off the screen).
			await waitForText(app, '[10] https://git-scm.com/book/en/v2');
			const frame = app.lastFrame()!;
			const targets = new Set([...frame.matchAll(osc8Open)].map(match => match[1]));
			assert.ok(targets.has('https://git-scm.com/book/en/v2'), [...targets].join(' '));
			// Every hyperlink opened is closed, and points at one of the post's links.
			for (const target of targets) assert.ok(target === '' || /^https?:\/\//.test(target!), target);
			assert.match(frame, /\u001B\]8;;https:\/\/git-scm\.com\/book\/en\/v2\u0007[^\n]*https:\/\/git-scm\.com\/book\/en\/v2[^\n]*\u001B\]8;;\u0007/);
		} finally {
			app.unmount();
		}
	});
});
