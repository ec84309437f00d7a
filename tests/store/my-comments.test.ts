import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import React from 'react';
import {specialPosts} from '../../source/demo/content/index.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {MyComments, type SentComment} from '../../source/store/my-comments.js';
import {setStoreNoticeSink} from '../../source/store/settings-files.js';
import {App} from '../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../helpers/demo.js';
import {withEnvironment} from '../helpers/environment.js';
import {keys, press, waitForFrame, waitForText} from '../ui/helpers.js';
import {createHttpClient} from '../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

const root = mkdtempSync(join(tmpdir(), 'blogterm-my-comments-'));
after(() => rmSync(root, {recursive: true, force: true}));
let count = 0;
const freshDirectory = () => join(root, `case-${++count}`, 'data');

const held: SentComment = {id: 118, parent: 0, author: 'Ada', text: 'Held for now.', date: '2026-11-03T10:00:00.000Z', status: 'held', link: 'https://blog.example/hello/?unapproved=118&moderation-hash=abc#comment-118'};
const published: SentComment = {id: 119, parent: 118, author: 'Ada', website: 'https://ada.example/', text: 'Out at once.', date: '2026-11-03T10:05:00.000Z', status: 'approved', link: 'https://blog.example/hello/#comment-119'};

describe('the comments you sent', () => {
	test('are found again per blog and post by a new store over the same folder, with what the blog answered', () => {
		const directory = freshDirectory();
		const first = new MyComments(directory);
		first.remember('blog.example', 42, held);
		first.remember('blog.example', 42, published);
		first.remember('other.example', 42, {...held, id: 5});
		const next = new MyComments(directory);
		assert.deepEqual(next.forPost('blog.example', 42), [held, published]);
		assert.deepEqual(next.forPost('blog.example', '42'), [held, published], 'a post id is the same as a number or a string');
		assert.deepEqual(next.forPost('blog.example', 43), []);
		assert.deepEqual(next.forPost('other.example', 42).map(comment => comment.id), [5]);
	});

	test('two readers open at once (two terminals) keep both their comments', () => {
		const directory = freshDirectory();
		const one = new MyComments(directory);
		const two = new MyComments(directory);
		assert.deepEqual(one.forPost('blog.example', 42), []);
		assert.deepEqual(two.forPost('blog.example', 42), []);
		one.remember('blog.example', 42, held);
		two.remember('blog.example', 42, published);
		assert.deepEqual(new MyComments(directory).forPost('blog.example', 42), [held, published]);
	});

	test('approved and forgotten, for good', () => {
		const directory = freshDirectory();
		const store = new MyComments(directory);
		store.remember('blog.example', 42, held);
		store.remember('blog.example', 42, published);
		store.markApproved('blog.example', 42, 118);
		store.forget('blog.example', 42, 119);
		assert.deepEqual(new MyComments(directory).forPost('blog.example', 42), [{...held, status: 'approved'}]);
	});

	test('one the blog took without a word on whether it is published is kept so, until the blog lists it', () => {
		const directory = freshDirectory();
		const store = new MyComments(directory);
		const unconfirmed: SentComment = {...held, id: 120, link: 'https://blog.example/hello/#comment-120', unconfirmed: true};
		store.remember('blog.example', 42, unconfirmed);
		assert.deepEqual(new MyComments(directory).forPost('blog.example', 42), [unconfirmed]);
		store.markApproved('blog.example', 42, 120);
		assert.deepEqual(new MyComments(directory).forPost('blog.example', 42), [{...held, id: 120, link: 'https://blog.example/hello/#comment-120', status: 'approved'}]);
	});

	test('the file is the user’s only (0600, in a 0700 folder), and no temporary file is left behind', () => {
		const directory = freshDirectory();
		new MyComments(directory).remember('blog.example', 42, held);
		assert.equal(statSync(directory).mode & 0o777, 0o700);
		assert.equal(statSync(join(directory, 'my-comments.json')).mode & 0o777, 0o600);
		assert.deepEqual(readdirSync(directory), ['my-comments.json']);
		assert.match(readFileSync(join(directory, 'my-comments.json'), 'utf8'), /moderation-hash=abc/);
	});

	test('a damaged file is moved aside with a message, and the store starts afresh', () => {
		const directory = freshDirectory();
		new MyComments(directory).remember('blog.example', 42, held);
		writeFileSync(join(directory, 'my-comments.json'), '{"version":1,"sites":{"blog.exa');
		const notes: string[] = [];
		const restore = setStoreNoticeSink(note => notes.push(note));
		try {
			const store = new MyComments(directory);
			assert.deepEqual(store.forPost('blog.example', 42), []);
			store.remember('blog.example', 42, published);
		} finally {
			restore();
		}
		assert.equal(notes.length, 1);
		assert.match(notes[0]!, /The comments you sent \(my-comments\.json\) could not be read \(not valid JSON\); moved it to .*my-comments\.json\.corrupt-/);
		assert.equal(readdirSync(directory).filter(name => name.includes('.corrupt-')).length, 1);
		assert.deepEqual(new MyComments(directory).forPost('blog.example', 42), [published]);
	});
});

describe('the comments you sent, across a restart of the reader', () => {
	let demo: TestDemo;
	let postId: number;
	withEnvironment({BLOGTERM_HOME: join(root, 'home')});
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		const {body} = await demo.rest<Array<{id: number; slug: string}>>('wp/v2/posts?per_page=100&_fields=id,slug');
		postId = body.find(post => post.slug === specialPosts.long)!.id;
	});
	after(async () => {
		await demo.stop();
	});
	let mounted: Array<{unmount(): void}> = [];
	afterEach(() => {
		for (const app of mounted) app.unmount();
		mounted = [];
	});

	/** blogterm at the post, at 80×40, over the sent comments kept in `directory`. */
	function startReader(directory: string) {
		const app = render(React.createElement(App, {
			site: demo.url,
			openSource: (url, signal) => openBlog(http, url, {signal}),
			perPage: 10,
			readMarks: {readIds: () => new Set<string>(), markRead() {}},
			myComments: new MyComments(directory),
			initialPost: {kind: 'id', id: postId},
		}));
		Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: 60, configurable: true});
		app.stdout.emit('resize');
		mounted.push(app);
		return app;
	}

	async function send(app: ReturnType<typeof startReader>, text: string, name: string, email: string) {
		await press(app, 'c');
		await waitForText(app, 'Leave a Reply');
		await press(app, text, keys.tab, name, keys.tab, email, '\u0013');
		await waitForFrame(app, frame => frame.includes('Comments on') && frame.includes(text));
	}

	test('finds (yours) and a held comment again after a restart; one gone from the blog is said once, then forgotten', async () => {
		const directory = freshDirectory();
		const first = startReader(directory);
		await waitForText(first, /lines 1–/);
		await press(first, 'C');
		await waitForText(first, /comment 1 of/);
		const heldText = `Held until the gardener looks ${Date.now()}.`;
		const publishedText = `Published at once ${Date.now()}.`;
		await send(first, heldText, 'Quinn Newcomer', 'quinn@example.com');
		await send(first, publishedText, 'Robin Reader', 'reader@example.com');
		first.unmount();

		// A comment the blog had published and no longer has (deleted there since).
		const store = new MyComments(directory);
		const siteKey = Object.keys((JSON.parse(readFileSync(join(directory, 'my-comments.json'), 'utf8')) as {sites: object}).sites)[0]!;
		store.remember(siteKey, postId, {id: 999_999, parent: 0, author: 'Robin Reader', text: 'Removed by the gardener.', date: new Date().toISOString(), status: 'approved'});
		// And one held that the gardener sent to the spam since: its moderation link no longer shows it.
		const [heldBefore] = store.forPost(siteKey, postId).filter(sent => sent.status === 'held');
		const spamLink = heldBefore!.link!.replace(/unapproved=\d+/, 'unapproved=999998').replace(/#comment-\d+$/, '#comment-999998');
		store.remember(siteKey, postId, {id: 999_998, parent: 0, author: 'Quinn Newcomer', text: 'Sent to the spam.', date: '2026-01-05T10:00:00.000Z', status: 'held', link: spamLink});

		const second = startReader(directory);
		await waitForText(second, /lines 1–/);
		await press(second, 'C');
		const thread = await waitForFrame(second, frame => frame.includes(heldText) && frame.includes(publishedText));
		const lines = thread.split('\n');
		const header = (text: string) => lines[lines.findIndex(line => line.includes(text)) - 1] ?? '';
		assert.match(lines[lines.findIndex(line => line.includes(heldText)) - 2] ?? '', /Quinn Newcomer · .* · \(yours\)/, 'the held comment is yours');
		assert.match(header(heldText), /Your comment is awaiting moderation\./, 'and still awaiting moderation');
		assert.match(header(publishedText), /Robin Reader · .* · \(yours\)/, 'the published one is yours');
		assert.match(thread, /Your comment of .* is no longer on the blog\./);
		assert.doesNotMatch(thread, /Removed by the gardener/);
		// The held one sent to the spam: its moderation link is read, then it is said once too.
		const checked = await waitForText(second, 'Your comment of January 5, 2026 is no longer on the blog.');
		assert.doesNotMatch(checked, /Sent to the spam/);
		assert.ok(checked.includes(heldText), 'the comment still held stays');
		second.unmount();

		const third = startReader(directory);
		await waitForText(third, /lines 1–/);
		await press(third, 'C');
		const again = await waitForFrame(third, frame => frame.includes(heldText) && frame.includes(publishedText));
		assert.doesNotMatch(again, /no longer on the blog/, 'said once');
		assert.equal(new MyComments(directory).forPost(siteKey, postId).length, 2, 'and forgotten');
	});
});
