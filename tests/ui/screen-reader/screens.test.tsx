import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {Box, type DOMElement} from 'ink';
import {render} from 'ink-testing-library';
import {createRef, type ReactElement} from 'react';
import {App} from '../../../source/ui/app.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {CommentForm} from '../../../source/ui/comment-form/comment-form.js';
import {KeyRouterProvider} from '../../../source/ui/hooks/use-keys.js';
import {CursorTargetContext, cursorTargets, screenReaderCursorAt} from '../../../source/ui/screen-reader/cursor-target.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {createHttpClient} from '../../../source/http/client.js';
import type {PostSummary} from '../../../source/model/post.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {startFakeWordPress} from '../../helpers/fake-wordpress.js';
import {dana, fakeSource, post} from '../comment-form/fixtures.js';
import {memoryHomeData} from '../home/memory-home-data.js';
import {frameText, keys, press, resize, waitForFrame, waitForText} from '../helpers.js';
import {withEnvironment} from '../../helpers/environment.js';

// Keeps nothing on disk.
const http = createHttpClient();

/** What is drawn only for the eye: box drawing, markers, signs, a spinner. None of it is read out. */
const drawing = /[│╭╮╰╯─▸▌›●★▾✗«»⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/u;

/**
 * A screen in screen-reader mode as the reader renders it (run-interactive's cursor context), with the
 * line its cursor is parked on, found as the build's ink-frames patch finds it after each frame.
 */
function renderReading(tree: ReactElement, columns = 80, rows = 24) {
	const targets = cursorTargets();
	const top = createRef<DOMElement>();
	const app = render(
		<CursorTargetContext.Provider value={targets}>
			<Box ref={top} flexDirection="column">{tree}</Box>
		</CursorTargetContext.Provider>,
	);
	resize(app.stdout, columns, rows);
	/** The frame's line the cursor is parked on (undefined: none). */
	const cursorLine = () => {
		const frame = frameText(app);
		const place = top.current ? screenReaderCursorAt(top.current, targets.current(), frame, columns) : undefined;
		return place === undefined ? undefined : frame.split('\n')[place.row];
	};
	return {app, cursorLine};
}

/** Asserts that the frame says each of `parts`, in this order, each on a line of its own below the last. */
function assertReadInOrder(frame: string, parts: readonly (string | RegExp)[]) {
	const lines = frame.split('\n');
	let at = -1;
	for (const part of parts) {
		const found = lines.findIndex((line, index) => index > at && (typeof part === 'string' ? line.includes(part) : part.test(line)));
		assert.ok(found > at, `“${String(part)}” after line ${at} of:\n${frame}`);
		at = found;
	}
}

describe('in screen-reader mode, each screen reads in order as plain text, the cursor on the selection', () => {
	let home: string;
	before(() => {
		// The form keeps its draft there.
		home = mkdtempSync(join(tmpdir(), 'blogterm-screen-reader-'));
	});
	// Ink reads INK_SCREEN_READER when each render starts.
	withEnvironment(() => ({INK_SCREEN_READER: 'true', BLOGTERM_HOME: home}));
	after(() => {
		rmSync(home, {recursive: true, force: true});
	});

	let demo: TestDemo;
	let posts: readonly PostSummary[];
	before(async () => {
		demo = await startTestDemo();
		posts = (await (await openBlog(http, demo.url)).fetchPostPage(1, 10)).posts;
	});
	after(async () => demo.stop());

	it('the list: the blog, which list, each post title first with its words, the status; the cursor on the selected post', async () => {
		const {app, cursorLine} = renderReading(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set([String(posts[0]!.id)]), markRead() {}}} />);
		try {
			await waitForText(app, 'Page 1 of');
			await press(app, 'j');
			const frame = await waitForFrame(app, current => current.includes(`${posts[1]!.title} · selected · unread`));
			assertReadInOrder(frame, ['The Terminal Gardener', 'list: Posts, page 1 of', new RegExp(`^${posts[0]!.title} · Feb 3, 2025`), new RegExp(`^${posts[1]!.title} · selected · unread · Jan 27, 2025`), /^Page 1 of \d+ · \d+ posts/]);
			assert.doesNotMatch(frame, drawing);
			assert.ok(frame.split('\n').length <= 24, 'never taller than the terminal');
			assert.match(cursorLine() ?? '', new RegExp(`^${posts[1]!.title} · selected`));
			await press(app, 'j');
			await waitForFrame(app, current => current.includes(`${posts[2]!.title} · selected`));
			assert.match(cursorLine() ?? '', new RegExp(`^${posts[2]!.title} · selected`), 'the cursor follows the selection');
			// The help: one column, each screen's keys under its name (two columns would be read a line of each in turn).
			await press(app, '?');
			const help = await waitForText(app, 'blogterm keys');
			assertReadInOrder(help, [/^blogterm keys/, /^Everywhere/, /^ {2}\? +this help/, /^Posts list/, /^ {2}↓\/↑ j\/k +move/]);
			assert.doesNotMatch(help, /^Everywhere +Post/m);
		} finally {
			app.unmount();
		}
	});

	it('the post: its title, the text, the position in words; the cursor on the first line shown', async () => {
		const {app, cursorLine} = renderReading(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'id', id: posts[1]!.id}} />);
		try {
			const frame = await waitForText(app, /lines 1 to \d+ of \d+/);
			assertReadInOrder(frame, [/^Shell History as a Garden Diary$/, /^January 27, 2025 · Maren Holt/, /^With timestamps turned on/, /^ lines 1 to \d+ of \d+ · \d+%/]);
			assert.doesNotMatch(frame, drawing);
			assert.equal(cursorLine(), 'Shell History as a Garden Diary');
			await press(app, 'j', 'j');
			const moved = await waitForText(app, /lines 3 to/);
			assert.equal(cursorLine(), moved.split('\n')[0], 'on the top line as the post scrolls');
		} finally {
			app.unmount();
		}
	});

	it('the post on a wide terminal: Related Posts after the post\'s lines, a list of its own; after Tab the one chosen says so, with the cursor on it', async () => {
		const {app, cursorLine} = renderReading(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'id', id: posts[1]!.id}} />, 160, 48);
		try {
			const frame = await waitForFrame(app, current => current.includes('list: Related Posts') && !current.includes('Loading…') && current.includes('Previous post: '));
			assertReadInOrder(frame, [/^Shell History as a Garden Diary$/, /^With timestamps turned on/, /^Previous post: Sowing Chillies Under a Lamp$/, /^Next post: Ten Minutes a Day$/, /^list: Related Posts$/, /^ lines 1 to \d+ of \d+/]);
			assert.doesNotMatch(frame, drawing);
			await press(app, keys.tab);
			const chosen = await waitForText(app, /^\S.* · selected · /mu);
			assert.doesNotMatch(chosen, drawing);
			const row = chosen.split('\n').find(line => line.includes(' · selected · '))!;
			assert.equal(cursorLine(), row);
		} finally {
			app.unmount();
		}
	});

	it('the post at 80×24: the newer and older posts in words; Related Posts a list of their own; after Tab the one chosen says so, with the cursor on it', async () => {
		const {app, cursorLine} = renderReading(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'id', id: posts[2]!.id}} />);
		try {
			await waitForFrame(app, current => Number(/lines 1 to \d+ of (\d+)/.exec(current)?.[1] ?? 0) >= 28);
			await press(app, 'G', keys.tab);
			const frame = await waitForText(app, ' · selected · ');
			assertReadInOrder(frame, [/^Previous post: Chitting Potatoes$/, /^Next post: Shell History as a Garden Diary$/, /^list: Related Posts$/, /^\S.* · selected · \w+ \d+, \d{4}/u, /^ lines \d+ to \d+ of \d+/]);
			assert.doesNotMatch(frame, drawing);
			const rows = frame.split('\n');
			const first = rows.findIndex(line => line.includes(' · selected · '));
			assert.equal(cursorLine(), rows[first]);
			await press(app, 'j');
			const moved = await waitForFrame(app, current => current.split('\n')[first + 1]!.includes(' · selected · '));
			assert.equal(cursorLine(), moved.split('\n')[first + 1], 'the cursor follows the choice');
		} finally {
			app.unmount();
		}
	});

	it('the thread: which thread, each comment with its author first, the selected one said in words; the cursor on it', async () => {
		const {app, cursorLine} = renderReading(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'id', id: posts[1]!.id}} />);
		try {
			await waitForText(app, /lines 1 to/);
			await press(app, 'C');
			const frame = await waitForText(app, 'comment 1 of 2');
			assertReadInOrder(frame, ['list: Comments on “Shell History as a Garden Diary”', /^Priya N\.\[1] · January 28, 2025 at 8:30 am · selected$/, /^histappend saved me/, /^ {3}Robin Reader · January 28, 2025 at 10:15 am$/, /^ comment 1 of 2/]);
			assert.doesNotMatch(frame, drawing);
			assert.match(cursorLine() ?? '', /^Priya N\./);
			await press(app, 'j');
			await waitForText(app, 'comment 2 of 2');
			assert.match(cursorLine() ?? '', /^ {3}Robin Reader · .* · selected$/);
		} finally {
			app.unmount();
		}
	});

	it('the form: each field a textbox with its label in words, the checkbox and the button said so; the cursor on the focused field; a message on one line', async () => {
		const refusal = 'The blog did not take the comment: it says a comment with the very same words was already sent, so this one looks like a duplicate of it.';
		const source = fakeSource(async () => Promise.resolve({kind: 'failed', message: refusal}));
		// The screens around a form give it their key router; the reader's apps make their own.
		const {app, cursorLine} = renderReading(<KeyRouterProvider><CommentForm source={source} post={post} replyTo={dana} width={80} height={24} draftKey="screen-reader" onClose={() => {}} /></KeyRouterProvider>);
		try {
			const frame = await waitForText(app, 'textbox: Comment (required):');
			assertReadInOrder(frame, [/^Leave a Reply to Dana/, /^First!$/, 'Required fields are marked', /^textbox: Comment \(required\): /, /^textbox: Name \(required\): $/, /^textbox: Email \(required\): $/, /^textbox: Website: $/, /^Save my name, email, and website for the next time I comment\. \(checkbox, not/, /^Post Comment \(button, Ctrl-S\)$/]);
			assert.doesNotMatch(frame, drawing);
			assert.match(cursorLine() ?? '', /^textbox: Comment/);
			await press(app, keys.tab);
			const checked = await waitForText(app, 'Error: Fill out this field');
			assert.match(checked, /^Error: Fill out this field$/m, 'an error says "Error", on one line');
			assert.match(cursorLine() ?? '', /^textbox: Name/, 'the cursor follows the focus');
			await press(app, keys.shiftTab);
			await waitForFrame(app, () => /^textbox: Comment/.test(cursorLine() ?? ''));
			await press(app, ...'Lovely.'.split(''), keys.tab, ...'Ann'.split(''), keys.tab, ...'ann@example.org'.split(''), '\u0013');
			const failed = await waitForText(app, 'did not take the comment');
			assert.deepEqual(failed.split('\n').filter(line => /did not take|duplicate/.test(line)), [refusal], 'the whole message on one line');
		} finally {
			app.unmount();
		}
	});

	it('the list: a title too long for the row is shortened, so its row still says selected and unread', async () => {
		const blog = await startFakeWordPress({id: 7, slug: 'long', title: `Long ${'x'.repeat(5000)}`, html: '<p>Text.</p>', date: '2026-01-02T03:04:05'});
		try {
			for (const [columns, rows] of [[80, 24], [160, 48]] as const) {
				const {app, cursorLine} = renderReading(<App site={blog.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} />, columns, rows);
				try {
					const list = await waitForText(app, 'Page 1 of');
					assert.match(cursorLine() ?? '', /^Long x+… · selected · unread/, `at ${columns}×${rows}:\n${list}`);
					assert.ok((cursorLine() ?? '').length <= columns, 'within the row');
				} finally {
					app.unmount();
				}
			}
		} finally {
			await blog.close();
		}
	});

	it('the home screen: a title too long for the row is shortened, so its row still says selected, unread and the blog', async () => {
		const long = 'x'.repeat(5000);
		const store = memoryHomeData(http, [
			{url: 'http://127.0.0.1:9/long/', title: `Long ${long}`, folder: undefined, lastUpdated: new Date().toISOString(), lastError: undefined},
		], [{blogUrl: 'http://127.0.0.1:9/long/', id: 1, title: `Post ${long}`, link: 'http://127.0.0.1:9/long/1/', date: new Date().toISOString()}]);
		for (const [columns, rows] of [[80, 24], [160, 48]] as const) {
			const {app, cursorLine} = renderReading(<HomeApp data={store.data} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} />, columns, rows);
			try {
				const blogs = await waitForText(app, 'list: Followed blogs');
				assert.match(cursorLine() ?? '', /^Long x+… · selected · 1 unread · just now$/, `at ${columns}×${rows}:\n${blogs}`);
				await press(app, keys.tab);
				const river = await waitForText(app, 'list: Posts from the blogs you follow');
				assert.match(cursorLine() ?? '', /^Post x+… · selected · unread · Long x+… · [A-Z][a-z]{2} \d{1,2}, \d{4}$/, `at ${columns}×${rows}:\n${river}`);
				assert.ok(river.split('\n').every(line => line.length <= columns), 'every line fits the row');
			} finally {
				app.unmount();
			}
		}
	});

	it('the home screen: the followed blogs and What is new, titles first, the cursor on the selection', async () => {
		const store = memoryHomeData(http, [
			{url: demo.url, title: 'Demo WordPress', folder: undefined, lastUpdated: new Date().toISOString(), lastError: undefined},
			{url: 'http://127.0.0.1:9/', title: 'Gone Blog', folder: 'Feeds', lastUpdated: undefined, lastError: 'The blog took longer than 15 s to answer.'},
		], posts.slice(0, 3).map((item, index) => ({blogUrl: demo.url, id: item.id, title: item.title, link: item.link, date: new Date(Date.now() - index * 3_600_000).toISOString()})));
		const {app, cursorLine} = renderReading(<HomeApp data={store.data} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} />);
		try {
			const blogs = await waitForText(app, 'Gone Blog');
			assertReadInOrder(blogs, ['list: Followed blogs', /^Demo WordPress · selected · 3 unread/, /^Feeds \(folder\)/, /^Gone Blog · 0 unread · error: The blog took longer than 15 s to answer\./]);
			assert.doesNotMatch(blogs, drawing);
			assert.match(cursorLine() ?? '', /^Demo WordPress · selected/);
			await press(app, 'j');
			await waitForText(app, 'Gone Blog · selected');
			assert.match(cursorLine() ?? '', /^Gone Blog · selected · 0 unread · error:/);
			await press(app, keys.tab);
			const river = await waitForText(app, 'list: Posts from the blogs you follow');
			assertReadInOrder(river, ['list: Posts from the blogs you follow', new RegExp(`^${posts[0]!.title} · selected · unread · Demo WordPress`), new RegExp(`^${posts[1]!.title} · unread`)]);
			assert.doesNotMatch(river, drawing);
			assert.match(cursorLine() ?? '', new RegExp(`^${posts[0]!.title} · selected`));
		} finally {
			app.unmount();
		}
	});
});
