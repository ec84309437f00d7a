import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {specialPosts} from '../../../source/demo/content/index.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {resize} from '../helpers.js';
import {keys, pressTogether, waitForFrame, waitForText} from '../helpers.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

/*
Keys that arrive in one read (a held key on a busy machine, typing over SSH, fast typing) are each a
key, in order, on every screen: every test here writes several keys in ONE write to the terminal.
*/

type RestPost = {id: number; slug: string; title: {rendered: string}};

const noMarks: ReadMarks = {readIds: () => new Set(), markRead() {}};
const decode = (title: string) => title.replaceAll('&#8217;', '’').replaceAll('&amp;', '&').replaceAll('&#8211;', '–');
const highlighted = (frame: string) => frame.split('\n').find(line => line.startsWith('▸')) ?? '';

describe('keys in one read, on every screen of the reader', () => {
	let demo: TestDemo;
	let pages: RestPost[][];
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		pages = [(await demo.rest<RestPost[]>('wp/v2/posts?per_page=10')).body, (await demo.rest<RestPost[]>('wp/v2/posts?per_page=10&page=2')).body];
	});
	after(async () => demo.stop());

	function renderApp(initialPost?: number) {
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={initialPost === undefined ? undefined : {kind: 'id', id: initialPost}} />);
		resize(app.stdout, 80, 24);
		return app;
	}

	/** The post with its tail (neighbours, related posts, comments line): long enough to scroll. */
	const waitForPostLoaded = async (app: ReturnType<typeof renderApp>) => waitForFrame(app, frame => Number(/lines 1–\d+ of (\d+)/.exec(frame)?.[1] ?? 0) >= 30);

	const titleStart = (post: RestPost) => decode(post.title.rendered).slice(0, 20);

	it('list: j and Enter in one read open the second post', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		pressTogether(app, 'j', keys.enter);
		const frame = await waitForText(app, /lines 1–/);
		assert.ok(frame.split('\n')[0]!.includes(titleStart(pages[0]![1]!)), `the second post is open:\n${frame}`);
		app.unmount();
	});

	it('list: ] and Enter in one read open the first post of page 2, once the page is here', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		pressTogether(app, ']', keys.enter);
		const frame = await waitForText(app, /lines 1–/);
		assert.ok(frame.split('\n')[0]!.includes(titleStart(pages[1]![0]!)), `the first post of page 2 is open:\n${frame}`);
		app.unmount();
	});

	it('connecting: j and Enter typed before the blog answers open the second post, once the list is here', async () => {
		let answer: () => void = () => {};
		const answered = new Promise<void>(resolve => {
			answer = resolve;
		});
		const app = render(<App site={demo.url} openSource={async (url, signal) => answered.then(async () => openBlog(http, url, {signal}))} perPage={10} readMarks={noMarks} />);
		resize(app.stdout, 80, 24);
		await waitForText(app, 'Connecting');
		pressTogether(app, 'j', keys.enter);
		answer();
		const frame = await waitForText(app, /lines 1–/);
		assert.ok(frame.split('\n')[0]!.includes(titleStart(pages[0]![1]!)), `the second post is open:\n${frame}`);
		app.unmount();
	});

	it('list: kk at the top of page 2 goes back to page 1 and up one more; Gk lands one above the last', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		pressTogether(app, ']');
		await waitForText(app, 'Page 2 of');
		pressTogether(app, 'kk');
		await waitForFrame(app, current => current.includes('Page 1 of') && highlighted(current).includes(titleStart(pages[0]![8]!)));
		pressTogether(app, 'g');
		await waitForFrame(app, current => highlighted(current).includes(titleStart(pages[0]![0]!)));
		pressTogether(app, 'Gk');
		await waitForFrame(app, current => highlighted(current).includes(titleStart(pages[0]![8]!)));
		pressTogether(app, 'gjjjk');
		await waitForFrame(app, current => highlighted(current).includes(titleStart(pages[0]![2]!)));
		app.unmount();
	});

	it('post: jjj in one read scrolls three lines; G then g goes to the bottom and back', async () => {
		const app = renderApp(pages[0]![0]!.id);
		await waitForText(app, /lines 1–/);
		await waitForPostLoaded(app);
		pressTogether(app, 'jjj');
		await waitForText(app, /lines 4–/);
		pressTogether(app, 'Gg');
		await waitForText(app, /lines 1–/);
		app.unmount();
	});

	/** The post shown: its title on the first row, its tail loaded (neighbours, related posts, comments line). */
	const waitForPost = async (app: ReturnType<typeof renderApp>, post: RestPost) => waitForFrame(app, frame => frame.split('\n')[0]!.startsWith(titleStart(post)) && Number(/lines 1–\d+ of (\d+)/.exec(frame)?.[1] ?? 0) >= 30);
	/** Whether the post is at `line`, with all its lines in (its tail too): what is left once every key typed is taken. */
	const atLineOnceLoaded = (frame: string, line: number) => Number(new RegExp(`lines ${line}–\\d+ of (\\d+)`).exec(frame)?.[1] ?? 0) >= 30;

	it('post: ppp in one read opens the third post older, each p once the newer and older posts of the one before are known', async () => {
		const app = renderApp(pages[0]![0]!.id);
		await waitForPost(app, pages[0]![0]!);
		pressTogether(app, 'ppp');
		await waitForPost(app, pages[0]![3]!);
		app.unmount();
	});

	it('post: nn in one read opens the second post newer', async () => {
		const app = renderApp(pages[0]![5]!.id);
		await waitForPost(app, pages[0]![5]!);
		pressTogether(app, 'nn');
		await waitForPost(app, pages[0]![3]!);
		app.unmount();
	});

	it('post: p then j in one read scrolls the older post a line, once it is here', async () => {
		const app = renderApp(pages[0]![5]!.id);
		await waitForPost(app, pages[0]![5]!);
		pressTogether(app, 'pj');
		const frame = await waitForFrame(app, current => atLineOnceLoaded(current, 2));
		assert.match(frame.split('\n')[0]!, /^December 16, 2024/u, `the older post, its byline at the top:\n${frame}`);
		app.unmount();
	});

	it('post: p j j in one read is line 3 of the older post once its last lines come, not its end', async () => {
		const app = renderApp(pages[0]![1]!.id);
		await waitForPost(app, pages[0]![1]!);
		pressTogether(app, 'p', 'j', 'j');
		// Its first lines come before its tail (the newer and older posts, Related Posts): two lines down is kept for them.
		const frame = await waitForFrame(app, current => atLineOnceLoaded(current, 3));
		assert.match(frame, /Chillies need a long season/u, `the older post:\n${frame}`);
		app.unmount();
	});

	it('list: Enter then jjj in one read opens a post read before and scrolls it three lines', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		pressTogether(app, keys.enter);
		await waitForPost(app, pages[0]![0]!);
		pressTogether(app, keys.escape);
		await waitForText(app, 'Page 1 of');
		pressTogether(app, keys.enter, 'jjj');
		const frame = await waitForFrame(app, current => atLineOnceLoaded(current, 4));
		assert.match(frame, /Five months of this blog/u, `the first post:\n${frame}`);
		app.unmount();
	});

	it('thread: jj in one read moves two comments; r then text and Ctrl-S in one read sends it', async () => {
		const {body: posts} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,slug,title');
		const counts = await Promise.all(posts.map(async post => ({post, count: (await demo.rest<unknown[]>(`wp/v2/comments?post=${post.id}&per_page=100`)).body.length})));
		const {post} = counts.find(entry => entry.count >= 3 && entry.post.slug !== specialPosts.commentsClosed)!;
		const app = renderApp(post.id);
		await waitForText(app, /lines 1–/);
		pressTogether(app, 'C');
		await waitForText(app, /comment 1 of/);
		pressTogether(app, 'jj');
		await waitForText(app, /comment 3 of/);
		pressTogether(app, 'c');
		await waitForText(app, 'Leave a Reply');
		const text = `Sent with the rest of the keys ${Date.now()}`;
		// The comment, Name and Email, each followed by a Tab, then Ctrl-S: one read.
		pressTogether(app, `${text}xyz\u007F\u007F\u007F`, keys.tab, 'Robin Reader', keys.tab, 'reader@example.com', '\u0013');
		// Accepted: the thread again.
		await waitForText(app, 'Comments on');
		const {body: comments} = await demo.rest<Array<{author_name: string; content: {rendered: string}}>>(`wp/v2/comments?post=${post.id}&per_page=100`);
		const sent = comments.filter(comment => comment.content.rendered.includes('Sent with the rest of the keys'));
		assert.equal(sent.length, 1, 'sent once');
		assert.match(sent[0]!.content.rendered, new RegExp(`${text}</p>`), 'the three Backspaces took xyz off');
		assert.equal(sent[0]!.author_name, 'Robin Reader');
		app.unmount();
	});

	it('post: C and jj in one read open the thread at its third comment, once the comments are here', async () => {
		const {body: posts} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,slug,title');
		const counts = await Promise.all(posts.map(async post => ({post, count: (await demo.rest<unknown[]>(`wp/v2/comments?post=${post.id}&per_page=100`)).body.length})));
		const {post} = counts.find(entry => entry.count >= 3)!;
		const app = renderApp(post.id);
		await waitForText(app, /lines 1–/);
		pressTogether(app, 'C', 'jj');
		await waitForText(app, /comment 3 of/);
		app.unmount();
	});

	it('help: jj and ? in one read scroll, then open it; ? and j in one read close it and scroll on', async () => {
		const app = renderApp(pages[0]![0]!.id);
		await waitForText(app, /lines 1–/);
		await waitForPostLoaded(app);
		pressTogether(app, 'jj?');
		await waitForText(app, 'blogterm keys');
		pressTogether(app, '?j');
		await waitForText(app, /lines 4–/);
		// Esc then j in one read (as a terminal sends Alt-j): Esc closes the help, j scrolls on.
		pressTogether(app, '?');
		await waitForText(app, 'blogterm keys');
		pressTogether(app, keys.escape, 'j');
		await waitForText(app, /lines 5–/);
		app.unmount();
	});

	it('post: Esc then j in one read goes back to the list and moves down it', async () => {
		const app = renderApp();
		await waitForText(app, 'Page 1 of');
		pressTogether(app, keys.enter);
		await waitForText(app, /lines 1–/);
		pressTogether(app, keys.escape, 'j');
		await waitForFrame(app, current => current.includes('Page 1 of') && highlighted(current).includes(titleStart(pages[0]![1]!)));
		app.unmount();
	});
});
