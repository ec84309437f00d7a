import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {openBlog} from '../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../source/ui/app.js';
import type {TestServer} from '../helpers/http-server.js';
import {keys, press, waitForFrame, waitForText} from '../ui/helpers.js';
import {assertNothingSmuggled} from './hostile-corpus.js';
import {startHostileFeeds, startHostileWordPress} from './hostile-servers.js';
import {pressAndWaitFor} from './tui.js';
import {resize} from '../ui/helpers.js';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {userHttpCache} from '../../source/store/cache.js';
import {withEnvironment, withVariables} from '../helpers/environment.js';

/*
The reader against blogs that put the hostile corpus in every field: the list, a post (wide, with
Related Posts beside it, and narrow, under it), its neighbours, the comment thread, the reply form,
"opened in the browser". Every frame Ink wrote is checked, not only the last.

Every key that shows a message is pressed on a post whose every field (its link too) is hostile:
`o` (the browser opener faked with \`BROWSER=true\`), and in the reply form Ctrl-S (send) and Ctrl-S
again after the blog refused (retry).
*/

// The reply form keeps drafts in blogterm's data folder: a folder of this test's own.
const home = mkdtempSync(join(tmpdir(), 'blogterm-hostile-tui-'));
// Answers are kept in the test's own home, as the reader keeps them in the user's.
let http: HttpClient;
after(() => rmSync(home, {recursive: true, force: true}));

const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

/** Ink colours its own text only when the terminal has colour; tests run without (no TTY). */
function inkColours(): boolean {
	const probe = render(<Text color="red">x</Text>);
	const coloured = (probe.lastFrame() ?? '').includes('\u001B');
	probe.unmount();
	return coloured;
}

let coloured = false;
/** Ink's own SGR codes, when it colours; the corpus's SGRs (38;5;201, blink, reverse after ESC ESC) are not among them. */
const inkSgr = /\u001B\[(?:\d{1,2})(?:;\d{1,2})?m/g;

type Rendered = ReturnType<typeof render>;

function assertFramesClean(app: Rendered, where: string): void {
	assert.ok(app.frames.length > 0);
	for (const [index, frame] of app.frames.entries()) {
		assertNothingSmuggled(coloured ? frame.replace(inkSgr, '') : frame, `${where}, frame ${index + 1} of ${app.frames.length}`);
	}
}

function renderReader(site: string, columns: number, rows = 40, options: {hyperlinks?: boolean} = {}): Rendered {
	const app = render(<App site={site} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} hyperlinks={options.hyperlinks} />);
	resize(app.stdout, columns, rows);
	return app;
}

describe('the reader against hostile blogs', () => {
	withEnvironment({BLOGTERM_HOME: home});
	before(() => {
		http = createHttpClient({cache: userHttpCache()});
	});

	let wordpress: TestServer;
	let feeds: Awaited<ReturnType<typeof startHostileFeeds>>;
	before(async () => {
		coloured = inkColours();
		[wordpress, feeds] = await Promise.all([startHostileWordPress(), startHostileFeeds()]);
	});
	after(async () => Promise.all([wordpress.close(), feeds.close()]));

	describe('the reader, against a WordPress blog with the corpus in every field', () => {
		// `o` starts $BROWSER with the link: here a command that does nothing.
		test('list, post with related posts beside it, neighbours, comments, the reply form, the browser', async () => withFakeBrowser(async () => {
			const app = renderReader(wordpress.url, 130);
			try {
				const list = await waitForText(app, 'Page 1 of 1');
				assert.match(list, /\[site0\]/, 'the site name');
				assert.match(list, /\[t3-0\]/, 'the titles');
				// Each key is pressed once; the next waits for the first sign of the screen it opens.
				await pressAndWaitFor(app, keys.enter, /Loading the post|lines \d+–/);
				await waitForText(app, /lines 1–/);
				await waitForText(app, '[rt1-0]');
				await pressAndWaitFor(app, 'G', '« ');
				await pressAndWaitFor(app, 'C', 'Comments on “');
				await waitForText(app, '[ca3-0]');
				await press(app, ' ', ' ', 'G', 'g');
				await pressAndWaitFor(app, 'r', 'Leave a Reply to [ca3-0]');
				await pressAndWaitFor(app, keys.escape, 'Comments on “');
				// Back on the thread, which loads again.
				await waitForText(app, /comment \d of 2/);
				await pressAndWaitFor(app, keys.escape, /Loading the post|lines \d+–/);
				await waitForText(app, /lines \d+–/);
				// The previous (older) post, once the neighbours are known: post 2, whose link carries the corpus.
				await pressAndWaitFor(app, 'G', '« ');
				await pressAndWaitFor(app, 'p', /Loading the post|\[t2-0\]/);
				// Post 2 itself, at its top (its title is in the « link of the post before, too: o must not reach that one while post 2 loads).
				await waitForFrame(app, frame => frame.includes('[t2-0]') && /lines 1–/.test(frame));
				await pressAndWaitFor(app, 'o', 'Opened http://127.0.0.1');
				assertFramesClean(app, 'WordPress, wide');
			} finally {
				app.unmount();
			}
		}));

		test('copying links and hyperlinks: the only OSC 52 are the keys pressed, and they and every OSC 8 hold a clean http, https or mailto URL', async () => {
			const app = renderReader(wordpress.url, 130, 40, {hyperlinks: true});
			// blogterm's own sequences, as it builds them: printable ASCII inside, nothing else.
			const ownHyperlink = /\u001B\]8;;([\u0021-\u007E]*)\u0007/g;
			const ownCopy = /\u001B\]52;c;([A-Za-z\d+/=]+)\u0007/g;
			const copies = () => app.frames.flatMap(frame => [...frame.matchAll(ownCopy)].map(match => Buffer.from(match[1]!, 'base64').toString('utf8')));
			try {
				await waitForText(app, 'Page 1 of 1');
				await pressAndWaitFor(app, keys.enter, /Loading the post|lines \d+–/);
				await waitForText(app, /lines 1–/);
				await pressAndWaitFor(app, 'G', /· 100%/);
				assert.deepEqual(copies(), [], 'a post never writes the clipboard by itself');
				await press(app, 'y', '1');
				await pressAndWaitFor(app, keys.enter, 'Copied https://evil.example/');
				await pressAndWaitFor(app, 'Y', 'Copied http://127.0.0.1');
				await press(app, 'y', '2');
				await pressAndWaitFor(app, keys.enter, 'Copied mailto:ada@example.com');
				const copied = copies();
				assert.equal(copied.length, 3, 'one sequence per key pressed');
				for (const url of copied) assert.match(url, /^(?:https?:\/\/|mailto:)[\u0021-\u007E]+$/);
				const targets = app.frames.flatMap(frame => [...frame.matchAll(ownHyperlink)].map(match => match[1]!)).filter(Boolean);
				assert.ok(targets.some(url => url.startsWith('https://evil.example/')), 'the links are hyperlinks');
				for (const url of targets) assert.match(url, /^(?:https?:\/\/|mailto:)/);
				// With blogterm's own sequences taken out, nothing else is there.
				for (const [index, frame] of app.frames.entries()) {
					const rest = frame.replace(ownHyperlink, '').replace(ownCopy, '');
					assertNothingSmuggled(coloured ? rest.replace(inkSgr, '') : rest, `copy and hyperlinks, frame ${index + 1}`);
				}
			} finally {
				app.unmount();
			}
		});

		test('a narrow terminal: Related Posts under the post', async () => {
			const app = renderReader(wordpress.url, 50, 30);
			try {
				await waitForText(app, 'Page 1 of 1');
				await press(app, 'j');
				await pressAndWaitFor(app, keys.enter, /Loading the post|lines \d+–/);
				await waitForText(app, /lines 1–/);
				await pressAndWaitFor(app, 'G', '[rplain0]');
				assertFramesClean(app, 'WordPress, narrow');
			} finally {
				app.unmount();
			}
		});
	});

	/** `BROWSER` set to a command that does nothing, for `o`, while `run` runs. */
	async function withFakeBrowser(run: () => Promise<void>): Promise<void> {
		await withVariables({BROWSER: 'true'}, run);
	}

	const ctrlS = '\u0013';

	describe('the reader, against feeds with the corpus in every field', () => {
		for (const format of ['rss', 'atom', 'json'] as const) {
			test(`${format}: every key that shows a message, on the post whose link carries the corpus (o, send, retry)`, async () => withFakeBrowser(async () => {
				const app = renderReader(feeds.feedUrl(format), 100);
				try {
					await waitForText(app, /Page 1 of 1/);
					await pressAndWaitFor(app, keys.enter, /Loading the post|lines \d+–/);
					await waitForText(app, /lines 1–/);
					// The previous (older) post, once the neighbours are known: post 2, whose link carries the corpus.
					const label = `[${{rss: 'it', atom: 'at', json: 'jt'}[format]}2-0]`;
					await pressAndWaitFor(app, 'G', '« ');
					await press(app, 'p');
					// Post 2 itself, at its top: its title (the label) is the first line. (The label also shows in post 1's
					// "« previous" link, so waiting for it anywhere could press `o` on post 1 or while post 2 loads.)
					await waitForFrame(app, frame => frame.split('\n')[0]!.startsWith(label) && /lines 1–/.test(frame));
					const opened = await pressAndWaitFor(app, 'o', 'Opened http://127.0.0.1');
					assert.match(opened, /Opened http:\/\/127\.0\.0\.1:\d+\/post\/2\/\?/, 'the message names the post’s own link');
					await pressAndWaitFor(app, 'c', 'Leave a Reply');
					await press(app, 'Hello', keys.tab, 'Ada', keys.tab, 'ada@example.com');
					await press(app, ctrlS);
					await waitForText(app, /has no comment form/);
					await press(app, ctrlS);
					await waitForText(app, /has no comment form/);
					assertFramesClean(app, `${format}, o and send`);
				} finally {
					app.unmount();
				}
			}));
		}

		for (const format of ['rss', 'atom', 'json'] as const) {
			test(`${format}: list, post, comments`, async () => {
				const app = renderReader(feeds.feedUrl(format), 100);
				try {
					await waitForText(app, /Page 1 of 1/);
					await pressAndWaitFor(app, keys.enter, /Loading the post|lines \d+–/);
					await waitForText(app, /lines 1–/);
					await press(app, 'G');
					if (format !== 'json') {
						await pressAndWaitFor(app, 'C', 'Comments on “');
						await waitForText(app, /comment 1 of 2/);
						await press(app, 'G');
					}
					assertFramesClean(app, format);
				} finally {
					app.unmount();
				}
			});
		}
	});
});
