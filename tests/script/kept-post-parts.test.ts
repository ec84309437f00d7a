import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {after, test} from 'node:test';
import {answerAsWordPress, wordPressPost, type FakeBlog, type FakePost} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess, temporaryHome} from './run-cli.js';

/*
Printing a post read before: its neighbours and related posts are asked from the copy of the post kept on
disk, alongside the post itself (one round trip where there were two in a row), and used only when the
post that comes back is still the one they were asked for.
*/

const servers: TestServer[] = [];
const homes: string[] = [];
after(async () => {
	await Promise.all(servers.map(async server => server.close()));
	for (const home of homes) rmSync(home, {recursive: true, force: true});
});

type PostJson = {previous: {id: number} | null; next: {id: number} | null; related: Array<{id: number}>};

const post = (id: number, day: number, title: string): FakePost => ({id, slug: `post-${id}`, title, html: `<p>${title}.</p>`, date: `2026-01-0${day}T10:00:00`});

/**
 * A WordPress blog of three posts whose neighbours are answered by date (`before`/`after`), and whose post
 * 7 can be held: not answered until its neighbours and its Jetpack related posts have been asked for.
 */
async function blogOfThree() {
	const blog: {posts: FakePost[]} & FakeBlog = {name: 'Three Posts', posts: [post(5, 5, 'Five'), post(7, 7, 'Seven'), post(9, 9, 'Nine')]};
	let holdUntilParts = false;
	let neighboursAsked = () => {};
	let relatedAsked = () => {};
	const parts = async () => Promise.all([
		new Promise<void>(resolve => {
			neighboursAsked = resolve;
		}),
		new Promise<void>(resolve => {
			relatedAsked = resolve;
		}),
	]);
	let neighbourRequests = 0;
	let asked = parts();
	const server = await startTestServer(async (request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		};
		const before = url.searchParams.get('before');
		const afterDate = url.searchParams.get('after');
		if (url.pathname === '/wp-json/wp/v2/posts' && (before ?? afterDate) !== null) {
			// Both of them (the one before and the one after) before the post is answered.
			neighbourRequests += 1;
			if (neighbourRequests === 2) neighboursAsked();
			const time = (found: FakePost) => Date.parse(`${found.date}Z`);
			const excluded = Number(url.searchParams.get('exclude'));
			const found = blog.posts
				.filter(candidate => candidate.id !== excluded && (before === null ? time(candidate) > Date.parse(afterDate!) : time(candidate) < Date.parse(before)))
				.sort((a, b) => (before === null ? time(a) - time(b) : time(b) - time(a)));
			send(200, 'application/json', JSON.stringify(found.slice(0, 1).map(candidate => wordPressPost(candidate, server.url))));
			return;
		}
		if (url.searchParams.has('relatedposts')) relatedAsked();
		// The post itself (not its Jetpack field, asked by the same path).
		if (url.pathname === '/wp-json/wp/v2/posts/7' && url.searchParams.has('_embed') && holdUntilParts) await asked;
		answerAsWordPress(url, blog, server.url, send);
	});
	servers.push(server);
	return {
		server,
		blog,
		/** From now on, post 7 is answered only once its neighbours and related posts are asked for. */
		holdPostUntilParts: () => {
			holdUntilParts = true;
			neighbourRequests = 0;
			asked = parts();
		},
	};
}

async function printPost(site: string, home: string): Promise<PostJson> {
	// A post held for ever fails in a tenth of its 15 s.
	const run = await runInProcess([site, '--post', '7', '--format', 'json'], {home, env: {BLOGTERM_HOME: home, BLOGTERM_TIMEOUT_SCALE: '0.1'}});
	assert.equal(run.stderr, '');
	assert.equal(run.code, 0);
	return JSON.parse(run.stdout) as PostJson;
}

function newHome(): string {
	const home = temporaryHome();
	homes.push(home);
	return home;
}

const neighbourAsks = (requests: readonly string[]) => requests.filter(url => /[?&](?:before|after)=/.test(url)).length;
const relatedAsks = (requests: readonly string[]) => requests.filter(url => url.includes('relatedposts=1')).length;

/**
 * Prints post 7 of a new blog of three, changes the blog with `change` (or not), and prints it again
 * with its answer held until its neighbours and related posts are asked: what the second print gave, and
 * the requests it made.
 */
async function printedAgain(change: (posts: FakePost[]) => void = () => {}) {
	const {server, blog, holdPostUntilParts} = await blogOfThree();
	const home = newHome();
	const first = await printPost(server.url, home);
	const cold = server.requests.map(request => request.url);
	holdPostUntilParts();
	change(blog.posts);
	const again = await printPost(server.url, home);
	return {first, cold, again, requests: server.requests.slice(cold.length).map(request => request.url)};
}

test('a post printed again has its neighbours and related posts asked before the post has answered', async () => {
	const {first, cold, again, requests} = await printedAgain();
	assert.deepEqual([first.previous?.id, first.next?.id], [5, 9]);
	// Nothing kept yet: nothing is guessed, and nothing asked twice.
	assert.equal(cold.filter(url => url.startsWith('/wp-json/wp/v2/posts/7?_embed=')).length, 1, cold.join(' '));
	assert.equal(neighbourAsks(cold), 2, cold.join(' '));

	assert.deepEqual([again.previous?.id, again.next?.id], [5, 9]);
	// What was asked alongside is what is printed: nothing is asked twice.
	assert.equal(neighbourAsks(requests), 2, requests.join(' '));
	assert.equal(relatedAsks(requests), 1, requests.join(' '));
});

test('a post whose date changed since it was kept has the neighbours of its new date', async () => {
	const {again, requests} = await printedAgain(posts => {
		posts[1] = {...posts[1]!, date: '2026-01-10T10:00:00'};
	});
	assert.deepEqual([again.previous?.id, again.next?.id], [9, undefined]);
	assert.equal(neighbourAsks(requests), 4, `the guess from the kept date, then the post's own: ${requests.join(' ')}`);
});

test('a post whose title changed since it was kept has its related posts asked again from it, and its neighbours once', async () => {
	const {again, requests} = await printedAgain(posts => {
		posts[1] = {...posts[1]!, title: 'Seven, retitled'};
	});
	assert.deepEqual([again.previous?.id, again.next?.id], [5, 9]);
	assert.equal(relatedAsks(requests), 2, `the guess from the kept post, then the post's own: ${requests.join(' ')}`);
	assert.equal(neighbourAsks(requests), 2, requests.join(' '));
});
