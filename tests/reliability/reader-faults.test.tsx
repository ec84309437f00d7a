import assert from 'node:assert/strict';
import {after, afterEach, before, beforeEach, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient, currentHttpLimits, httpLimits, type HttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../source/ui/app.js';
import {keys, press, waitForText} from '../ui/helpers.js';
import {answer, drip, startFaultServer, type Behaviour, type FaultServer} from './fault-server.js';
import {waitUntil} from '../helpers/poll.js';
import {resize} from '../ui/helpers.js';
import {pressAndWaitFor} from './tui.js';
import {withEnvironment} from '../helpers/environment.js';

/*
The reader when the network misbehaves: Esc cancels a load in progress (and the request with it), a
server that answers a byte at a time ends in a message, an answer too large is an error on that post
only. Waits run at a twentieth of real time.
*/

// Keeps nothing on disk.
let http: HttpClient;

const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

const wpPost = (id: number) => ({
	id, date: `2026-03-0${id}T10:00:00`, date_gmt: `2026-03-0${id}T10:00:00`, slug: `post-${id}`, link: `https://blog.example/post-${id}/`,
	title: {rendered: `Post number ${id}`}, excerpt: {rendered: `<p>Excerpt ${id}.</p>`}, content: {rendered: `<p>The body of post ${id}.</p>`},
	comment_status: 'closed', categories: [], tags: [],
});
const json = (body: unknown, headers: Record<string, string> = {}) => answer(200, JSON.stringify(body), {'content-type': 'application/json', ...headers});

/** Answers nothing until the client goes away; counts the requests it dropped that way. */
function hangingUp(): Behaviour & {readonly abandoned: () => number} {
	let abandoned = 0;
	const behaviour: Behaviour = (request) => {
		request.socket.once('close', () => abandoned++);
	};
	return Object.assign(behaviour, {abandoned: () => abandoned});
}

describe('the reader when the network misbehaves', () => {
	withEnvironment({BLOGTERM_TIMEOUT_SCALE: '0.05'});
	before(() => {
		http = createHttpClient();
	});

	let server: FaultServer;
	/** A two-post WordPress blog, as every test starts. */
	function healthyBlog(): void {
		server.route('/', answer(200, '<!doctype html><title>Blog</title>', {link: `<${server.url}wp-json/>; rel="https://api.w.org/"`}));
		server.route('/wp-json/', json({name: 'Fault Blog', description: '', url: server.url, home: server.url, namespaces: ['wp/v2']}));
		server.route('/wp-json/wp/v2/posts', (request, response, count) => {
			const url = new URL(request.url ?? '/', server.url);
			const posts = url.searchParams.has('before') || url.searchParams.has('after') ? [] : [wpPost(2), wpPost(1)];
			return json(posts, {'x-wp-total': '2', 'x-wp-totalpages': '1'})(request, response, count);
		});
		server.route('/wp-json/wp/v2/posts/1', json(wpPost(1)));
		server.route('/wp-json/wp/v2/posts/2', json(wpPost(2)));
		server.route('/wp-json/wp/v2/comments', json([], {'x-wp-total': '0', 'x-wp-totalpages': '0'}));
	}

	before(async () => {
		server = await startFaultServer();
	});
	after(async () => server.close());
	beforeEach(() => healthyBlog());

	let app: ReturnType<typeof render> | undefined;
	afterEach(() => app?.unmount());

	function renderReader(client = http): ReturnType<typeof render> {
		app = render(<App site={server.url} openSource={(url, signal) => openBlog(client, url, {signal})} perPage={10} readMarks={noMarks} />);
		resize(app.stdout, 80, 20);
		return app;
	}

	describe('Esc cancels a load in progress', () => {
		// Long enough that no timeout ends the load before Esc does, however busy the machine.
		const patient = createHttpClient({limits: {...currentHttpLimits(), responseTimeoutMs: 60_000, requestTimeoutMs: 60_000}});

		test('while connecting: the request is dropped, “Cancelled”, and r tries again', async () => {
			const hang = hangingUp();
			server.route('/', hang);
			const reader = renderReader(patient);
			await waitForText(reader, 'Connecting to 127.0.0.1');
			await newRequestTo('/', 0);
			await pressAndWaitFor(reader, keys.escape, 'Cancelled');
			await waitForText(reader, 'r retry');
			assert.equal(await waitUntil(() => hang.abandoned(), count => count > 0, 'the request itself is given up', 2000), 1);
			healthyBlog();
			await press(reader, 'r');
			await waitForText(reader, 'Post number 2');
		});

		test('while the list loads: “Cancelled”, r tries again; while a post or its comments load, Esc goes back where you were', async () => {
			const list = hangingUp();
			server.route('/wp-json/wp/v2/posts', list);
			const listsBefore = server.requestsTo('/wp-json/wp/v2/posts').length;
			const reader = renderReader(patient);
			await waitForText(reader, 'Loading page 1 of posts');
			await newRequestTo('/wp-json/wp/v2/posts', listsBefore);
			await pressAndWaitFor(reader, keys.escape, 'Cancelled');
			// The list and, asked alongside it, the blog's sticky posts: each request that left is given up.
			const listsAsked = () => server.requestsTo('/wp-json/wp/v2/posts').length - listsBefore;
			await waitUntil(() => [list.abandoned(), listsAsked()] as const, ([abandoned, asked]) => abandoned > 0 && abandoned === asked, 'every list request is given up', 2000);

			healthyBlog();
			const post = hangingUp();
			server.route('/wp-json/wp/v2/posts/2', post);
			await press(reader, 'r');
			await waitForText(reader, 'Post number 2');
			await press(reader, keys.enter);
			await waitForText(reader, 'Loading the post');
			assert.match(reader.lastFrame() ?? '', /Esc goes back/);
			// The request is on its way (the screen shows "Loading" a moment before it leaves).
			await newRequestTo('/wp-json/wp/v2/posts/2', 0);
			// Answered from now on (the list fetches the highlighted post ahead again).
			healthyBlog();
			await press(reader, keys.escape);
			const listAgain = await waitForText(reader, 'Page 1 of 1');
			assert.match(listAgain, /▸ ● Post number 2/, 'back on the list, at the post, which was never shown: still unread');
			assert.doesNotMatch(listAgain, /Cancelled|Error/);
			assert.equal(await waitUntil(() => post.abandoned(), count => count > 0, 'the post request is given up', 2000), 1);

			await press(reader, keys.enter);
			await waitForText(reader, /lines 1–/);
			// The post asks for its comments' count as it opens; its thread's own request hangs.
			const comments = hangingUp();
			server.route('/wp-json/wp/v2/comments', comments);
			const commentsBefore = server.requestsTo('/wp-json/wp/v2/comments').length;
			await press(reader, 'C');
			await waitForText(reader, 'Loading the comments');
			await newRequestTo('/wp-json/wp/v2/comments', commentsBefore);
			await press(reader, keys.escape);
			const postFrame = await waitForText(reader, /lines 1–/);
			assert.doesNotMatch(postFrame, /Cancelled|Error|Loading the comments/);
			assert.equal(await waitUntil(() => comments.abandoned(), count => count > 0, 'the comments request is given up', 2000), 1);
		});
	});

	describe('a server that misbehaves while the reader waits', () => {
		test('one byte at a time: the load ends in a message naming the limit, not a frozen screen', async () => {
			server.route('/wp-json/wp/v2/posts', drip(50));
			const reader = renderReader();
			const frame = await waitForText(reader, /did not finish answering within/);
			assert.match(frame, new RegExp(`within ${httpLimits.requestTimeoutMs * 0.05 / 1000} s`));
			assert.match(frame, /r retry/);
		});

		test('a post over 20 MB is an error on that post only: Esc goes back and the other post opens', async () => {
			server.route('/wp-json/wp/v2/posts/2', answer(200, Buffer.alloc(httpLimits.maxBodyBytes + 10, ' '), {'content-type': 'application/json'}));
			const reader = renderReader();
			await waitForText(reader, 'Post number 2');
			await press(reader, keys.enter);
			await waitForText(reader, /larger than 20 MB/);
			await press(reader, keys.escape);
			await waitForText(reader, 'Page 1 of 1');
			// The refusal now comes on the header, while the list is busy again: Enter waits for the highlight to move.
			await press(reader, 'j');
			await waitForText(reader, '▸ ● Post number 1');
			await press(reader, keys.enter);
			await waitForText(reader, 'The body of post 1.');
		});
	});

	/** Waits until `path` has had more than `before` requests. */
	async function newRequestTo(path: string, before: number): Promise<void> {
		await waitUntil(() => server.requestsTo(path).length, count => count > before, `a new request to ${path} comes (it had ${before})`);
	}
});
