import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {checkReplies} from '../../../source/replies/check-replies.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {myCommentsInMemory} from '../../../source/store/my-comments.js';
import {repliesInMemory} from '../../../source/store/replies.js';
import {blogtermPaths} from '../../../source/store/paths.js';
import {App} from '../../../source/ui/app.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {maren, postDemoComment} from '../../helpers/demo-comment.js';
import {withEnvironment} from '../../helpers/environment.js';
import {keys, press, resize, waitFor, waitForFrame, waitForText} from '../helpers.js';
import {memoryHomeData} from './memory-home-data.js';

const http = createHttpClient();

/** A comment sent from blogterm (remembered with the blog's address) on the demo's cron post, then answered there by Maren: what blogterm remembers. */
async function myCommentAnswered(demo: TestDemo, question: string, answer: string, myComments = myCommentsInMemory()) {
	const {body: posts} = await demo.rest<Array<{id: number; title: {rendered: string}}>>('wp/v2/posts?slug=watering-schedules-with-cron');
	const post = posts[0]!;
	const mine = await postDemoComment(demo, {author: 'Robin Reader', email: 'reader@example.com', postId: post.id, comment: question});
	const source = await openBlog(http, demo.url);
	myComments.remember(source.site.key, post.id, {id: mine, parent: 0, author: 'Robin Reader', text: question, date: new Date().toISOString(), status: 'approved', siteUrl: demo.url, postTitle: post.title.rendered});
	await postDemoComment(demo, {...maren, postId: post.id, parent: mine, comment: answer});
	return myComments;
}

describe('Replies to you, on the home screen', () => {
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
	});
	after(async () => demo.stop());

	test('the check runs with the refresh; the home screen says "1 reply to you"; R lists it under your comment; Enter opens the thread at it', async () => {
		const myComments = await myCommentAnswered(demo, 'Does the timer survive a reboot?', 'It does: Persistent=true.');

		const replies = repliesInMemory();
		let checked = false;
		const check = async (signal: AbortSignal) => {
			await checkReplies({myComments, replies, openSource: async (url, openSignal) => openBlog(http, url, {signal: openSignal}), signal});
			checked = true;
		};
		const store = memoryHomeData(http, [{url: demo.url, title: 'The Terminal Gardener', folder: undefined, lastUpdated: undefined, lastError: undefined}], []);
		const app = render(<HomeApp data={store.data} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} myComments={myComments} replies={{store: replies, check}} />);
		resize(app.stdout, 100, 30);
		await waitFor(() => checked && store.refreshes.length === 1, 'the refresh and the check ran');
		store.refreshes[0]!.finish({done: 1, total: 1, failed: 0});
		await waitForText(app, '1 reply to you');

		await press(app, 'R');
		let frame = await waitForText(app, 'Replies to you (1, 1 new)');
		assert.match(frame, /You: Does the timer survive a reboot\?/);
		assert.match(frame, /↳ Maren Holt · .* · new/);
		assert.match(frame, /It does: Persistent=true\./);

		await press(app, keys.enter);
		frame = await waitForText(app, 'A reply to you: r answers it.');
		const selected = frame.split('\n').filter(line => line.startsWith('▌'));
		assert.match(selected[0]!, /Maren Holt/);
		assert.equal(replies.unreadCount(), 0, 'read once opened');
		app.unmount();
	});

	test('back from the thread of the second reply (Esc to the post, Esc again), Replies to you show that reply chosen', async () => {
		const myComments = await myCommentAnswered(demo, 'Nettles in the heap?', 'Nettles, yes.');
		await myCommentAnswered(demo, 'Leaves too?', 'Leaves in their own bin.', myComments);
		const replies = repliesInMemory();
		await checkReplies({myComments, replies, openSource: async url => openBlog(http, url)});
		const store = memoryHomeData(http, [{url: demo.url, title: 'The Terminal Gardener', folder: undefined, lastUpdated: undefined, lastError: undefined}], []);
		const app = render(<HomeApp data={store.data} openSource={(url, signal, options) => openBlog(http, url, {...options, signal})} perPage={10} refreshMinutes={0} refreshOnStart={false} myComments={myComments} replies={{store: replies, check: () => Promise.resolve()}} />);
		resize(app.stdout, 100, 30);
		const chosenReply = (frame: string) => frame.split('\n').filter(line => line.startsWith('▌')).join('\n').match(/Nettles, yes\.|Leaves in their own bin\./)?.[0];
		await waitForText(app, '2 replies to you');
		await press(app, 'R');
		let frame = await waitForText(app, 'Replies to you (2, 2 new)');
		const first = chosenReply(frame);
		assert.ok(first, frame);
		await press(app, 'j');
		frame = await waitForFrame(app, shown => chosenReply(shown) !== undefined && chosenReply(shown) !== first);
		const second = chosenReply(frame)!;
		await press(app, keys.enter);
		frame = await waitForText(app, 'A reply to you: r answers it.');
		assert.equal(chosenReply(frame), second, 'the thread opens at the second reply');
		await press(app, keys.escape);
		await waitForFrame(app, shown => shown.startsWith('Watering Schedules with cron') && !shown.includes('A reply to you'));
		await press(app, keys.escape);
		frame = await waitForText(app, 'Replies to you (2, 1 new)');
		assert.equal(chosenReply(frame), second, 'back on Replies to you, the same reply chosen');
		app.unmount();
	});
});

describe('Replies to you, from a blog\'s list', () => {
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
	});
	after(async () => demo.stop());

	test('R on the list shows the replies on this blog; Enter opens the thread at the reply; Esc comes back to them, Esc again to the list', async () => {
		const myComments = await myCommentAnswered(demo, 'Cron or a timer, then?', 'A timer, now.');
		const replies = repliesInMemory();
		await checkReplies({myComments, replies, openSource: async url => openBlog(http, url)});
		// A reply on another blog is not this blog's.
		replies.add([{...replies.all()[0]!, siteKey: 'elsewhere.example', reply: {...replies.all()[0]!.reply, id: '999', text: 'Elsewhere.'}}]);

		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => {}}} myComments={myComments} replies={replies} />);
		resize(app.stdout, 100, 30);
		await waitForText(app, /Page 1 of/);
		await press(app, 'R');
		let frame = await waitForText(app, 'Replies to you (1, 1 new)');
		assert.match(frame, /A timer, now\./);
		assert.doesNotMatch(frame, /Elsewhere\./);
		await press(app, keys.enter);
		frame = await waitForText(app, 'A reply to you: r answers it.');
		assert.match(frame.split('\n').find(line => line.startsWith('▌'))!, /Maren Holt/);
		await press(app, keys.escape);
		frame = await waitForText(app, 'Replies to you (1)');
		assert.match(frame, /A timer, now\./);
		await press(app, keys.escape);
		await waitForText(app, /Page 1 of/);
		app.unmount();
	});

	test('Esc from the thread of the second reply comes back to Replies to you with that reply chosen', async () => {
		const myComments = await myCommentAnswered(demo, 'Mulch first?', 'Mulch last.');
		await myCommentAnswered(demo, 'Water at dawn?', 'At dusk, here.', myComments);
		const replies = repliesInMemory();
		await checkReplies({myComments, replies, openSource: async url => openBlog(http, url)});
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => {}}} myComments={myComments} replies={replies} />);
		resize(app.stdout, 100, 30);
		const chosenReply = (frame: string) => frame.split('\n').filter(line => line.startsWith('▌')).join('\n').match(/Mulch last\.|At dusk, here\./)?.[0];
		await waitForText(app, /Page 1 of/);
		await press(app, 'R');
		let frame = await waitForText(app, /Replies to you \(\d+, \d+ new\)/);
		const first = chosenReply(frame);
		assert.ok(first, frame);
		await press(app, 'j');
		frame = await waitForFrame(app, shown => chosenReply(shown) !== undefined && chosenReply(shown) !== first);
		const second = chosenReply(frame)!;
		await press(app, keys.enter);
		frame = await waitForText(app, 'A reply to you: r answers it.');
		assert.equal(chosenReply(frame), second, 'the thread opens at the second reply');
		await press(app, keys.escape);
		frame = await waitForText(app, 'Replies to you (2, 1 new)');
		assert.equal(chosenReply(frame), second, 'back on Replies to you, the same reply chosen');
		await press(app, keys.escape);
		await waitForText(app, /Page 1 of/);
		app.unmount();
	});

	test('R on the list looks for replies on this blog, and shows one found while it is open', async () => {
		const myComments = await myCommentAnswered(demo, 'And in winter?', 'Every other week.');
		// Nothing was looked for yet: no refresh, no --replies.
		const replies = repliesInMemory();
		const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => {}}} myComments={myComments} replies={replies} />);
		resize(app.stdout, 100, 30);
		await waitForText(app, /Page 1 of/);
		await press(app, 'R');
		const frame = await waitForText(app, 'Every other week.');
		assert.match(frame, /Replies to you \(1, 1 new\)/);
		app.unmount();
	});
});

describe('Replies to you, on the demo blog this run serves', () => {
	let home: string;
	let demo: TestDemo;
	before(async () => {
		home = await mkdtemp(join(tmpdir(), 'blogterm-demo-replies-'));
	});
	// blogterm's own demo keeps its comments in its data folder: the test's demo is that one.
	withEnvironment(() => ({BLOGTERM_HOME: home}));
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0, dataDir: join(blogtermPaths().data, 'demo')});
	});
	after(async () => {
		await demo.stop();
		await rm(home, {recursive: true, force: true});
	});

	test('R on the demo\'s list looks for replies on that demo, without starting another', async () => {
		const myComments = await myCommentAnswered(demo, 'Timer or cron on the Pi?', 'A timer: it catches up after a power cut.');
		const opened: string[] = [];
		const openSource = async (url: string, signal: AbortSignal) => {
			opened.push(url);
			return openBlog(http, url, {signal});
		};
		const app = render(<App site={demo.url} runningDemo={demo.url} openSource={openSource} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => {}}} myComments={myComments} replies={repliesInMemory()} />);
		resize(app.stdout, 100, 30);
		await waitForText(app, /Page 1 of/);
		await press(app, 'R');
		const frame = await waitForText(app, 'A timer: it catches up after a power cut.');
		assert.match(frame, /Replies to you \(1, 1 new\)/);
		assert.deepEqual(new Set(opened), new Set([demo.url]), 'every blog opened is the demo already running');
		app.unmount();
	});
});
