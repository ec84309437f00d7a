import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App, type ReadMarks} from '../../source/ui/app.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {BlogError} from '../../source/errors.js';
import {specialPosts} from '../../source/demo/content/index.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {frameText, keys, press, resize, waitFor, waitForFrame, waitForText} from './helpers.js';
import {createHttpClient} from '../../source/http/client.js';
import type {BlogSource, FetchOptions} from '../../source/sources/blog-source.js';
import {withEnvironment} from '../helpers/environment.js';
import {myCommentsInMemory} from '../../source/store/my-comments.js';

// Keeps nothing on disk.
const http = createHttpClient();

type RestPost = {id: number; title: {rendered: string}; slug: string};

function memoryReadMarks(): ReadMarks & {marked: string[]} {
	const marked: string[] = [];
	return {
		marked,
		readIds: () => new Set(marked),
		markRead: (_site, id) => {
			marked.push(String(id));
		},
	};
}

/** openBlog with the test's client. */
type OpenBlog = (url: string, options?: FetchOptions) => Promise<BlogSource>;
const openWithClient: OpenBlog = async (url, options) => openBlog(http, url, options);

function renderApp(demo: TestDemo, options: {marks?: ReadMarks; columns?: number; rows?: number; openSource?: OpenBlog} = {}) {
	const open = options.openSource ?? openWithClient;
	const rendered = render(
		<App site={demo.url} openSource={(url, signal) => open(url, {signal})} perPage={10} readMarks={options.marks ?? memoryReadMarks()} />,
	);
	resize(rendered.stdout, options.columns ?? 80, options.rows ?? 24);
	return rendered;
}

/** openBlog, with a callback after each call of one of the source's methods (what the reader asked the blog for). */
function openWatching(method: 'fetchPost' | 'fetchPostPage', onCall: (result: unknown) => void): OpenBlog {
	return async (url, options) => {
		const source = await openBlog(http, url, options);
		return new Proxy(source, {
			get(target, property) {
				const value = Reflect.get(target, property, target) as unknown;
				if (typeof value !== 'function') return value;
				const bound = (value as (...parameters: unknown[]) => Promise<unknown>).bind(target);
				if (property !== method) return bound;
				return async (...parameters: unknown[]) => {
					const result = await bound(...parameters);
					onCall(result);
					return result;
				};
			},
		});
	};
}

const decode = (title: string) => title.replaceAll('&#8217;', '’').replaceAll('&amp;', '&').replaceAll('&#8211;', '–');

describe('the reader', () => {
	let demo: TestDemo;
	let firstPage: RestPost[];
	let total: number;
	let totalPages: number;
	before(async () => {
		demo = await startTestDemo();
		const {body, headers} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=10');
		firstPage = body;
		total = Number(headers.get('x-wp-total'));
		totalPages = Number(headers.get('x-wp-totalpages'));
	});
	after(async () => demo.stop());

	it('opens on the list of posts with the page and total', async () => {
		const app = renderApp(demo);
		const frame = await waitForText(app, `Page 1 of ${totalPages} · ${total} posts`);
		assert.ok(frame.includes('▸'), 'the first post is highlighted');
		const firstTitle = decode(firstPage[0]!.title.rendered);
		assert.ok(frame.includes(firstTitle.slice(0, 20)), `shows the newest post “${firstTitle}”`);
		assert.equal(frame.split('\n').length, 24, 'every row of the terminal, the last one too, and never taller');
		app.unmount();
	});

	it('shows the highlighted post in the first frame after Enter: it was fetched ahead', async () => {
		const fetched: string[] = [];
		const spying = openWatching('fetchPost', post => fetched.push(String((post as {id: number}).id)));
		const app = renderApp(demo, {openSource: spying});
		await waitForText(app, 'Page 1 of');
		await press(app, keys.down);
		await waitFor(() => fetched.includes(String(firstPage[1]!.id)), 'the second post was fetched ahead');
		const before = app.frames.length;
		await press(app, keys.enter);
		await waitForText(app, /lines 1–/);
		const after = app.frames.slice(before).map(frame => frame.replaceAll(/\u001B\[[\d;]*m/g, ''));
		assert.ok(after.every(frame => !frame.includes('Loading the post')), 'no loading frame');
		assert.ok(after[0]!.includes(decode(firstPage[1]!.title.rendered).slice(0, 20)), 'the first frame is the post');
		app.unmount();
	});

	it('shows the list again at once after a post, without asking the blog for the page again', async () => {
		let pageLoads = 0;
		const counting = openWatching('fetchPostPage', () => pageLoads++);
		const app = renderApp(demo, {openSource: counting});
		await waitForText(app, 'Page 1 of');
		assert.equal(pageLoads, 1);
		await press(app, keys.enter);
		await waitForText(app, /lines 1–/);
		const before = app.frames.length;
		await press(app, keys.escape);
		await waitForText(app, 'Page 1 of');
		assert.ok(app.frames.slice(before).every(frame => !frame.includes('Loading page')), 'no loading frame');
		assert.equal(pageLoads, 1, 'the page was not asked for again');
		await press(app, 'r');
		await waitFor(() => pageLoads === 2, 'r asks the blog again');
		app.unmount();
	});

	it('takes keys that arrive together ("jj") one by one', async () => {
		const app = renderApp(demo);
		await waitForText(app, 'Page 1 of');
		app.stdin.write('jj');
		const frame = await waitForFrame(app, current => current.split('\n').some(line => line.startsWith('▸') && line.includes(decode(firstPage[2]!.title.rendered).slice(0, 20))));
		assert.ok(frame);
		app.unmount();
	});

	it('moves between list pages with → and ←', async () => {
		const app = renderApp(demo);
		await waitForText(app, 'Page 1 of');
		await press(app, keys.right);
		await waitForText(app, `Page 2 of ${totalPages}`);
		await press(app, keys.left);
		await waitForText(app, `Page 1 of ${totalPages}`);
		app.unmount();
	});

	it('opens a post with Enter, pages through it, and goes back with Esc', async () => {
		const marks = memoryReadMarks();
		const app = renderApp(demo, {marks});
		await waitForText(app, 'Page 1 of');
		await press(app, keys.enter);
		const opened = await waitForText(app, /lines 1–\d+ of \d+/);
		assert.ok(opened.includes(decode(firstPage[0]!.title.rendered).slice(0, 20)));
		await waitFor(() => marks.marked.includes(String(firstPage[0]!.id)), 'the post is marked read');
		await press(app, keys.escape);
		await waitForText(app, 'Page 1 of');
		app.unmount();
	});

	it('reads the long post page by page, to the end, and shows its position', async () => {
		const {body} = await demo.rest<Array<{id: number; content: {rendered: string}}>>('wp/v2/posts?per_page=100&_fields=id,content');
		const longest = [...body].sort((a, b) => b.content.rendered.length - a.content.rendered.length)[0]!;
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} initialPost={{kind: 'id', id: longest.id}} />);
		resize(app.stdout, 80, 24);
		const first = await waitForText(app, /lines 1–23 of (\d+)/);
		const totalLines = Number(/lines 1–23 of (\d+)/.exec(first)![1]);
		assert.ok(totalLines > 5 * 23, `the long post is more than five screens (${totalLines} lines)`);
		await press(app, ' ');
		await waitForText(app, /lines 22–44 of/);
		await press(app, 'b');
		await waitForText(app, /lines 1–23 of/);
		await press(app, 'G');
		// Previous/next and related posts arrive after the post; wait for them, then go to the end again.
		await waitForFrame(app, frame => frame.includes('»') && frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'G');
		const end = await waitForText(app, /of \d+ · 100%/);
		assert.match(end, /comments? · C to read|Comments · C to read/);
		app.unmount();
	});

	it('moves to the next and previous post with n and p, across list pages', async () => {
		const {body} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=1&page=11');
		const eleventh = body[0]!;
		const {body: tenth} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=1&page=10');
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} initialPost={{kind: 'id', id: tenth[0]!.id}} />);
		resize(app.stdout, 80, 24);
		await waitForText(app, decode(tenth[0]!.title.rendered).slice(0, 20));
		// The « previous / next » links are at the end of the post; they tell that the neighbours are known.
		await press(app, 'G');
		await waitForText(app, '«');
		await press(app, 'p');
		await waitForText(app, decode(eleventh.title.rendered).slice(0, 20));
		await press(app, 'G');
		await waitForText(app, '»');
		await press(app, 'n');
		await waitForText(app, decode(tenth[0]!.title.rendered).slice(0, 20));
		app.unmount();
	});

	it('back on the list after n/p, the highlight is on the post read last, on its page', async () => {
		const app = renderApp(demo);
		await waitForText(app, 'Page 1 of');
		await press(app, 'G', keys.enter);
		await waitForText(app, /lines 1–/);
		await press(app, 'G');
		await waitForText(app, '«');
		const {body: second} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=10&page=2');
		await press(app, 'p');
		await waitForText(app, decode(second[0]!.title.rendered).slice(0, 20));
		await press(app, keys.escape);
		const list = await waitForText(app, `Page 2 of ${totalPages}`);
		const highlighted = list.split('\n').find(line => line.startsWith('▸'))!;
		assert.ok(highlighted.includes(decode(second[0]!.title.rendered).slice(0, 20)), `highlighted: ${highlighted}`);
		app.unmount();
	});

	it('re-wraps on resize and keeps the reader’s place', async () => {
		const {body} = await demo.rest<Array<{id: number; content: {rendered: string}}>>('wp/v2/posts?per_page=100&_fields=id,content');
		const longest = [...body].sort((a, b) => b.content.rendered.length - a.content.rendered.length)[0]!;
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} initialPost={{kind: 'id', id: longest.id}} />);
		resize(app.stdout, 100, 30);
		// Let everything arrive (previous/next, related) so that only the width changes the length.
		await waitForText(app, /lines 1–29 of/);
		await press(app, 'G');
		await waitForFrame(app, frame => frame.includes('»') && frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'g', ' ', ' ');
		const wide = await waitForText(app, /lines 55–/);
		const wideTotal = Number(/of (\d+)/.exec(wide)![1]);
		// The words the screen starts with (a blank line: those of the line under it).
		const wideLines = wide.split('\n');
		const firstWords = (wideLines[0]!.trim() === '' ? wideLines[1]! : wideLines[0]!).trim().split(' ').slice(0, 2);
		resize(app.stdout, 60, 30);
		const narrow = await waitForFrame(app, frame => {
			const match = /lines (\d+)–\d+ of (\d+)/.exec(frame);
			return Boolean(match && Number(match[2]) !== wideTotal) && frame.split('\n').every(line => line.length <= 60);
		});
		const [, , narrowTotal] = /lines (\d+)–\d+ of (\d+)/.exec(narrow)!.map(Number) as [number, number, number];
		assert.ok(narrowTotal > wideTotal, 'narrower means more lines');
		// Kept the place: the same words are on the first lines (the one that held the first character first).
		const narrowTop = narrow.split('\n').slice(0, 2).join(' ');
		assert.ok(firstWords.every(word => narrowTop.split(' ').includes(word)), `“${firstWords.join(' ')}” still starts the screen:\n${narrow}`);
		for (const line of frameText(app).split('\n')) assert.ok(line.length <= 60, `no line wider than 60 columns: “${line}”`);
		app.unmount();
	});

	it('shows what went wrong in words, and retries with r', async () => {
		let attempts = 0;
		const flaky: OpenBlog = async (url, options) => {
			attempts++;
			if (attempts === 1) throw new BlogError('network', 'Could not read blog.example: connection refused.');
			return openBlog(http, url, options);
		};
		const app = renderApp(demo, {openSource: flaky});
		const failed = await waitForText(app, 'Could not read blog.example: connection refused.');
		assert.ok(failed.includes('r retry'));
		assert.ok(!failed.includes('    at '), 'no stack trace');
		await press(app, 'r');
		await waitForText(app, 'Page 1 of');
		app.unmount();
	});

	it('shows the keys with ?', async () => {
		const app = renderApp(demo);
		await waitForText(app, 'Page 1 of');
		await press(app, '?');
		const help = await waitForText(app, 'blogterm keys');
		assert.match(help, /n\/p\s+newer \/ older post/);
		await press(app, '?');
		await waitForText(app, 'Page 1 of');
		app.unmount();
	});

	it('says "at least" for a WordPress feed whose end it has not read yet', async () => {
		const feedDemo = await startTestDemo({mode: 'feed-only'});
		try {
			const app = renderApp(feedDemo);
			await waitForText(app, /Page 1 of \d+\+ · \d+\+ posts/);
			app.unmount();
		} finally {
			await feedDemo.stop();
		}
	});

	it('keeps the reader’s place in a post when the help opens and closes', async () => {
		const {body} = await demo.rest<Array<{id: number; content: {rendered: string}}>>('wp/v2/posts?per_page=100&_fields=id,content');
		const longest = [...body].sort((a, b) => b.content.rendered.length - a.content.rendered.length)[0]!;
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} initialPost={{kind: 'id', id: longest.id}} />);
		resize(app.stdout, 80, 24);
		await waitForText(app, /lines 1–23 of/);
		await press(app, ' ', ' ');
		await waitForText(app, /lines 43–65 of/);
		await press(app, '?');
		await waitForText(app, 'blogterm keys');
		await press(app, '?');
		await waitForText(app, /lines 43–65 of/);
		app.unmount();
	});
});

describe('commenting from the reader', () => {
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
	});
	after(async () => demo.stop());

	it('sends a comment on the post, not a reply, after Ctrl-X cancels the reply; one Esc then leaves the thread', async () => {
		const {body: posts} = await demo.rest<Array<{id: number; slug: string}>>('wp/v2/posts?per_page=100&_fields=id,slug');
		const counts = await Promise.all(posts.map(async post => ({post, comments: (await demo.rest<Array<{id: number}>>(`wp/v2/comments?post=${post.id}`)).body})));
		const {post} = counts.find(entry => entry.comments.length > 0 && entry.post.slug !== specialPosts.commentsClosed)!;
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} initialPost={{kind: 'id', id: post.id}} />);
		resize(app.stdout, 80, 40);
		await waitForText(app, /lines 1–/);
		await press(app, 'C');
		await waitForText(app, /comment 1 of/);
		await press(app, 'r');
		await waitForText(app, /Leave a Reply to /);
		await press(app, '\u0018');
		await waitForFrame(app, frame => frame.includes('Leave a Reply') && !frame.includes('Leave a Reply to'));
		const text = `Cancelled the reply, said this to the post ${Date.now()}.`;
		await press(app, text, keys.tab, 'Robin Reader', keys.tab, 'reader@example.com');
		await press(app, '\u0013');
		await waitForFrame(app, frame => frame.includes('Comments on') && frame.includes('(yours)'));
		const {body: after} = await demo.rest<Array<{parent: number; content: {rendered: string}}>>(`wp/v2/comments?post=${post.id}&per_page=100`);
		const sent = after.find(comment => comment.content.rendered.includes(text.slice(0, 30)));
		assert.ok(sent, 'the blog holds the comment');
		assert.equal(sent.parent, 0, 'sent on the post, not as a reply');
		await press(app, keys.escape);
		await waitForText(app, /lines \d+–/);
		app.unmount();
	});
});

/** The "lines 22–44 of 300" of a post's status line. */
const linesShown = (frame: string) => /lines (\d+–\d+) of/.exec(frame)?.[1];
/** The list row or comment header that is highlighted. */
const highlightedRow = (frame: string) => frame.split('\n').find(line => line.startsWith('▸') || line.startsWith('▌'));

describe('your place in the reader', () => {
	let demo: TestDemo;
	let posts: Array<{id: number; slug: string; title: {rendered: string}}>;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		posts = (await demo.rest<typeof posts>('wp/v2/posts?per_page=100&_fields=id,slug,title')).body;
	});
	after(async () => demo.stop());
	// A test that fails leaves no reader running behind it.
	let mounted: Array<{unmount(): void}> = [];
	afterEach(() => {
		for (const app of mounted) app.unmount();
		mounted = [];
	});

	const atPost = (slug: string, options: {columns?: number; rows?: number} = {}) => {
		const post = posts.find(entry => entry.slug === slug)!;
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} initialPost={{kind: 'id', id: post.id}} />);
		resize(app.stdout, options.columns ?? 80, options.rows ?? 24);
		mounted.push(app);
		return app;
	};

	it('comes back to the line you left after the comments, the reply form and the help', async () => {
		const app = atPost(specialPosts.long);
		await waitForText(app, /lines 1–23 of/);
		await press(app, ' ', ' ');
		await waitForText(app, /lines 43–65 of/);
		await press(app, 'C');
		await waitForText(app, /comment 1 of/);
		await press(app, keys.escape);
		assert.equal(linesShown(await waitForText(app, /lines \d+–/)), '43–65', 'back from the comments');
		await press(app, 'c');
		await waitForText(app, 'Leave a Reply');
		await press(app, keys.escape);
		assert.equal(linesShown(await waitForText(app, /lines \d+–/)), '43–65', 'back from the reply form');
		await press(app, '?');
		await waitForText(app, 'blogterm keys');
		await press(app, '?');
		assert.equal(linesShown(await waitForText(app, /lines \d+–/)), '43–65', 'back from the help');
		app.unmount();
	});

	it('comes back to the comment you had selected after the reply form', async () => {
		const {body: comments} = await demo.rest<Array<{post: number}>>('wp/v2/comments?per_page=100&_fields=post');
		const busiest = posts.find(post => comments.filter(comment => comment.post === post.id).length >= 5 && post.slug !== specialPosts.commentsClosed)!;
		const app = atPost(busiest.slug);
		await waitForText(app, /lines 1–/);
		await press(app, 'C');
		await waitForText(app, /comment 1 of/);
		await press(app, 'j', 'j', 'j');
		const chosen = await waitForText(app, /comment 4 of/);
		await press(app, 'r');
		await waitForText(app, 'Leave a Reply to');
		await press(app, keys.escape);
		const back = await waitForText(app, /comment \d+ of/);
		assert.match(back, /comment 4 of/);
		assert.equal(highlightedRow(back), highlightedRow(chosen), 'the same comment is selected, at the same place on screen');
		app.unmount();
	});

	it('Tab into Related Posts shows them without jumping to the end, and Tab comes back to the line you left', async () => {
		const app = atPost(specialPosts.long);
		await waitForText(app, /lines 1–23 of/);
		await press(app, 'G');
		await waitForFrame(app, frame => frame.includes('»') && frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'g', ' ', ' ');
		await waitForText(app, /lines 43–65 of/);
		await press(app, keys.tab);
		const focused = await waitForText(app, 'Enter open');
		assert.ok(focused.includes('Related Posts'), 'the related posts are on screen');
		assert.doesNotMatch(focused, /· 100%/, 'not scrolled to the end of the post');
		await press(app, keys.tab);
		assert.equal(linesShown(await waitForText(app, 'Space/b page')), '43–65');
		app.unmount();
	});

	it('Esc after a related post returns to the post you came from, at its line', async () => {
		const app = atPost(specialPosts.withoutJetpack);
		const title = decode(posts.find(post => post.slug === specialPosts.withoutJetpack)!.title.rendered);
		await waitForText(app, /lines 1–/);
		await press(app, 'G');
		await waitForFrame(app, frame => frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'g', 'j', 'j', 'j');
		await waitForText(app, /lines 4–/);
		await press(app, keys.tab);
		const left = await waitForText(app, 'Enter open');
		const leftAt = linesShown(left);
		await press(app, 'j');
		await waitForText(app, '▸ A Field Guide');
		await press(app, keys.enter);
		await waitForFrame(app, frame => frame.startsWith('A Field Guide to the Terminal Garden') && /lines 1–/.test(frame));
		await press(app, keys.escape);
		// Previous/next and the related posts arrive a moment after the post: then the place is the one left.
		const back = await waitForFrame(app, frame => frame.includes('Enter open') && linesShown(frame) === leftAt);
		assert.ok(back.includes('Related Posts'), 'in Related Posts, as it was left');
		await press(app, keys.tab);
		assert.equal(linesShown(await waitForText(app, 'Space/b page')), `4–${3 + 23}`, 'and Tab goes back to the line before it');
		await press(app, 'g');
		await waitForText(app, title.slice(0, 15));
		app.unmount();
	});

	it('Backspace and H on a post go back like Esc', async () => {
		const app = atPost(specialPosts.withoutJetpack);
		await waitForText(app, /lines 1–/);
		await press(app, 'G');
		await waitForFrame(app, frame => frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, keys.tab);
		await waitForText(app, 'Enter open');
		await press(app, 'j');
		await waitForText(app, '▸ A Field Guide');
		await press(app, keys.enter);
		await waitForFrame(app, frame => frame.startsWith('A Field Guide to the Terminal Garden') && /lines 1–/.test(frame));
		await press(app, '\u007F');
		await waitForFrame(app, frame => frame.includes('Enter open') && frame.includes('▸ A Field Guide'));
		await press(app, keys.tab);
		await waitForText(app, 'Space/b page');
		await press(app, 'H');
		await waitForText(app, /Page \d+ of/);
		app.unmount();
	});

	it('Esc from a post opened with --post shows the list page that holds it, with it highlighted', async () => {
		const all = (await demo.rest<typeof posts>('wp/v2/posts?per_page=100&_fields=id,slug,title')).body;
		const position = all.findIndex(post => post.slug === specialPosts.withoutJetpack);
		assert.ok(position >= 10, 'the post is not on the first page');
		const app = atPost(specialPosts.withoutJetpack);
		await waitForText(app, /lines 1–/);
		await press(app, keys.escape);
		// The list page is found through the blog, a moment after the post is shown.
		const list = await waitForFrame(app, frame => Boolean(highlightedRow(frame)?.includes(decode(all[position]!.title.rendered).slice(0, 20))));
		assert.match(list, new RegExp(`Page ${Math.floor(position / 10) + 1} of`));
		app.unmount();
	});
});

describe('after sending a comment', () => {
	let demo: TestDemo;
	let posts: Array<{id: number; slug: string; title: {rendered: string}}>;
	// What the form keeps (drafts, the name and email) goes to a folder of the test's own.
	let home: string;
	before(async () => {
		home = await mkdtemp(join(tmpdir(), 'blogterm-sending-'));
	});
	withEnvironment(() => ({BLOGTERM_HOME: home}));
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		posts = (await demo.rest<typeof posts>('wp/v2/posts?per_page=10&_fields=id,slug,title')).body;
	});
	after(async () => {
		await demo.stop();
		await rm(home, {recursive: true, force: true});
	});
	let mounted: Array<{unmount(): void}> = [];
	afterEach(() => {
		for (const app of mounted) app.unmount();
		mounted = [];
	});

	/** Opens the list's post `index` from the list, its comments, and sends a comment on the post as `name`. */
	async function sendFromList(index: number, name: string, email: string) {
		const app = renderApp(demo, {rows: 30});
		mounted.push(app);
		await waitForText(app, 'Page 1 of');
		for (let step = 0; step < index; step++) await press(app, 'j');
		const title = decode(posts[index]!.title.rendered).slice(0, 20);
		await waitForFrame(app, frame => Boolean(highlightedRow(frame)?.includes(title)));
		const row = highlightedRow(frameText(app))!;
		await press(app, keys.enter);
		await waitForText(app, /lines 1–/);
		await press(app, 'C');
		await waitForText(app, /comment 1 of|No comments yet/);
		await press(app, 'c');
		await waitForText(app, 'Leave a Reply');
		const text = `Sent from the thread ${Date.now()}, ${name}.`;
		await press(app, text, keys.tab, name, keys.tab, email);
		await press(app, '\u0013');
		return {app, row, text};
	}

	it('a published comment: says so, shows it selected in the thread, and the list counts it without r', async () => {
		const index = posts.findIndex(post => post.slug !== specialPosts.commentsClosed);
		const {app, row} = await sendFromList(index, 'Robin Reader', 'reader@example.com');
		const thread = await waitForFrame(app, frame => frame.includes('Comments on') && frame.includes('(yours)'));
		assert.equal(thread.split('\n')[1], 'Your comment was published.', 'the line under the heading says what the blog did');
		assert.match(highlightedRow(thread) ?? '', /Robin Reader · .* \(yours\)/, 'your comment is the selected one');
		const [, before] = /(\d+) comments?$/.exec(row.trimEnd()) ?? [];
		await press(app, keys.escape);
		await waitForText(app, /lines \d+–/);
		// The post shows the new count too (at its end, once previous/next and related posts are in).
		await waitForFrame(app, frame => frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'G');
		await waitForText(app, new RegExp(`\\b${Number(before) + 1} comments? · C to read`));
		await press(app, keys.escape);
		const list = await waitForText(app, 'Page 1 of');
		const after = /(\d+) comments?$/.exec(highlightedRow(list)!.trimEnd())?.[1];
		assert.equal(Number(after), Number(before) + 1, `the list counts it: ${highlightedRow(list)}`);
		app.unmount();
	});

	it('a held comment: says it is awaiting moderation, and shows it to you, selected', async () => {
		const index = posts.findIndex((post, at) => at > 0 && post.slug !== specialPosts.commentsClosed);
		const {app} = await sendFromList(index, 'Quinn Newcomer', 'quinn@example.com');
		const thread = await waitForFrame(app, frame => frame.includes('Comments on') && frame.includes('(yours)'));
		assert.equal(thread.split('\n')[1], 'Your comment is awaiting moderation.', 'the line under the heading says what the blog did');
		assert.match(highlightedRow(thread) ?? '', /Quinn Newcomer · .* \(yours\)/, 'your comment is the selected one');
		app.unmount();
	});
});

describe('after sending a comment to a feed-only blog with "Save my name…" ticked', () => {
	let demo: TestDemo;
	let home: string;
	before(async () => {
		home = await mkdtemp(join(tmpdir(), 'blogterm-sending-feed-'));
	});
	withEnvironment(() => ({BLOGTERM_HOME: home}));
	before(async () => {
		demo = await startTestDemo({mode: 'feed-only', floodIntervalMs: 0});
	});
	after(async () => {
		await demo.stop();
		await rm(home, {recursive: true, force: true});
	});

	it('a held comment (WordPress leaves unapproved= out of its answer) says it is awaiting moderation, and is kept, not called gone', async () => {
		const myComments = myCommentsInMemory();
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={memoryReadMarks()} myComments={myComments} />);
		resize(app.stdout, 80, 30);
		// "Shell History as a Garden Diary", second on the list, has comments older than the one sent.
		await waitForText(app, 'Page 1 of');
		await press(app, 'j');
		await waitForFrame(app, frame => Boolean(highlightedRow(frame)?.includes('Shell History as a Garden')));
		await press(app, keys.enter);
		await waitForText(app, /lines 1–/);
		await press(app, 'C');
		await waitForText(app, /comment 1 of/);
		await press(app, 'c');
		await waitForText(app, 'Leave a Reply');
		const text = `Held with my name saved ${Date.now()}.`;
		await press(app, text, keys.tab, 'Alice Newcomer', keys.tab, 'alice@example.org', keys.tab, keys.tab, ' ');
		await waitForText(app, '[x] Save my name');
		await press(app, '\u0013');
		const thread = await waitForFrame(app, frame => frame.includes('Comments on') && frame.includes('(yours)'));
		assert.equal(thread.split('\n')[1], 'Your comment is awaiting moderation.', 'the line under the heading says what the blog did');
		assert.doesNotMatch(thread, /published|no longer on the blog/);
		const kept = myComments.all();
		assert.deepEqual(kept.map(({sent}) => [sent.author, sent.status, sent.unconfirmed]), [['Alice Newcomer', 'held', undefined]]);
		// The thread read again (Esc, C) still shows it to its writer, held.
		await press(app, keys.escape);
		await waitForText(app, /lines \d+–/);
		await press(app, 'C');
		const again = await waitForFrame(app, frame => frame.includes('Comments on') && frame.includes(text.slice(0, 30)));
		assert.doesNotMatch(again, /no longer on the blog/);
		assert.match(again, /Your comment is awaiting moderation\./);
		assert.equal(myComments.all().length, 1);
		app.unmount();
	});
});
