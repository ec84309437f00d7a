import {execFile} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {promisify} from 'node:util';
import type {CommentDraft} from '../../../source/model/comment-draft.js';
import type {Post} from '../../../source/model/post.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {createHttpClient} from '../../../source/http/client.js';
import {discoverRestRoot} from '../helpers/rest.js';
import {readBlogTruth} from '../helpers/truth.js';
import {readSitesFile} from '../helpers/wordpress-target.js';
import {fixturesDir, keptHeaders, recordedBody, recordedLocation, recordedOrigin, replaceOrigin, writeExchanges, type Exchange} from './exchange.js';
import {emailAddresses} from './email-addresses.js';
import {probes} from './probes.js';
import {rolesOf} from './roles.js';

/*
`npm run test:wordpress -- --record` (scripts/wordpress/run.sh) runs this against the seeded
WordPress with pretty permalinks, before the suite. It records into tests/fixtures/wordpress/:

- every request blogterm's WordPress source and feed source make while they list, read, thread and
  send, through a recording proxy in front of WordPress (so exactly what blogterm asks is recorded);
- the probes (./probes.ts), asked of WordPress directly, which the demo blog is checked against;
- seed.json: what scripts/wordpress/seed.php says it made, which the replayed answers are checked against;
- is-email.json: WordPress's own is_email() on a list of addresses.
*/

const run = promisify(execFile);
const sites = readSitesFile();
const siteNamed = (name: string) => {
	const found = sites.sites.find(candidate => candidate.name === name);
	if (!found) throw new Error(`No site named ${name} in BLOGTERM_WP_SITES`);
	return found;
};
const site = siteNamed('pretty');
const wordpressOrigin = new URL(site.seeded.url).origin;
const plainOrigin = new URL(siteNamed('plain').seeded.url).origin;
const tool = async (...args: string[]): Promise<string> => (await run('php', [sites.tool, ...args], {env: {...process.env, ...site.env}, timeout: 30_000})).stdout;
const forgetRecentComments = async () => void await tool('age-comments');

const exchanges: Exchange[] = [];
let scenario = '';
/** Requests the proxy is still waiting on WordPress for: a scenario ends when they are answered. */
const inFlight = new Set<Promise<unknown>>();

type Answer = {status: number; headers: Record<string, string>; text: string};

/** Asks WordPress, and records the exchange under the current scenario. */
async function ask(method: string, path: string, body?: {form?: Record<string, string>; json?: Record<string, unknown>}, accept?: string, origin = wordpressOrigin): Promise<Answer> {
	// Recorded under the scenario that asked, even when the answer comes after it ended.
	const askedIn = scenario;
	const headers: Record<string, string> = {'accept-encoding': 'identity'};
	if (accept) headers['accept'] = accept;
	let payload: string | undefined;
	if (body?.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams(body.form).toString();
	} else if (body?.json) {
		headers['content-type'] = 'application/json';
		payload = JSON.stringify(body.json);
	}
	const response = await fetch(`${origin}${path}`, {method, headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(30_000)});
	const text = await response.text();
	const kept: Record<string, string> = {};
	for (const name of keptHeaders) {
		const value = response.headers.get(name);
		if (value !== null) kept[name] = value;
	}
	const contentType = kept['content-type'];
	exchanges.push({
		scenario: askedIn,
		method,
		path,
		...(body ? {requestBody: body.form ?? body.json} : {}),
		status: response.status,
		headers: Object.fromEntries(Object.entries(kept).map(([name, value]) => [name, recordedLocation(replaceOrigin(value, origin, recordedOrigin))])),
		body: recordedBody(replaceOrigin(text, origin, recordedOrigin), contentType),
	});
	return {status: response.status, headers: kept, text};
}

/** A proxy in front of WordPress that records what blogterm asks, and gives blogterm its own origin in every answer. */
async function startRecordingProxy(wordpressOrigin: string): Promise<{origin: string; close(): Promise<void>}> {
	let origin = '';
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const text = replaceOrigin(Buffer.concat(chunks).toString('utf8'), origin, wordpressOrigin);
			const contentType = request.headers['content-type'] ?? '';
			const body = text === '' ? undefined : /json/.test(contentType) ? {json: JSON.parse(text) as Record<string, unknown>} : {form: Object.fromEntries(new URLSearchParams(text))};
			const asked = ask(request.method ?? 'GET', request.url ?? '/', body, request.headers['accept'], wordpressOrigin);
			inFlight.add(asked);
			void asked.finally(() => inFlight.delete(asked)).catch(() => undefined);
			asked.then(answer => {
				const headers = Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name, replaceOrigin(value, wordpressOrigin, origin)]));
				response.writeHead(answer.status, headers).end(replaceOrigin(answer.text, wordpressOrigin, origin));
			}, (error: unknown) => {
				console.error(error);
				response.destroy();
			});
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {origin, close: async () => new Promise<void>(resolve => server.close(() => resolve()))};
}

async function during<T>(name: string, work: () => Promise<T>): Promise<T | Error> {
	scenario = name;
	try {
		return await work();
	} catch (error) {
		// A refusal is an answer worth recording too (a post that does not exist).
		return error as Error;
	} finally {
		// What blogterm asked at the same time and did not wait for (a comment count) is still part of it.
		while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
		scenario = '';
	}
}

const draft = (comment: string, name: string, email: string, parent = 0): CommentDraft => ({comment, name, email, website: '', saveIdentity: false, parent});

// Nothing kept on disk: every answer recorded is the server's own.
const http = createHttpClient();
const proxy = await startRecordingProxy(wordpressOrigin);
const seeded = site.seeded;
const seededPost = (id: number) => seeded.posts.find(post => post.id === id)!;
const onProxy = (url: string) => replaceOrigin(url, wordpressOrigin, proxy.origin);
const known = seeded.knownCommenter;

try {
	// What blogterm's WordPress source asks, and what it is answered.
	const source = await during('wordpress source: open', async () => openBlog(http, `${proxy.origin}/`)) as BlogSource;
	if (source instanceof Error) throw source;
	for (const page of [1, 2, 3, 4]) await during(`wordpress source: list page ${page}`, async () => source.fetchPostPage(page, 10));
	// The first page as the reader and --list ask for it: the sticky posts asked for alongside.
	await during('wordpress source: the first page, sticky posts first', async () => source.fetchPostPage(1, 10, {stickyFirst: true}));
	const readable = seeded.posts.find(post => post.commentsOpen && !post.isProtected && post.comments.length === 0)!;
	const posts = new Map<string, Post>();
	for (const [name, ref] of [
		['a post by ID', {kind: 'id', id: seeded.threadedPostId}],
		['a post by slug', {kind: 'slug', slug: readable.slug}],
		['a post by link', {kind: 'url', url: onProxy(readable.link)}],
		['a post by ?p=', {kind: 'url', url: `${proxy.origin}/?p=${readable.id}`}],
		['a post that does not exist', {kind: 'id', id: 999_999}],
		['a password-protected post', {kind: 'id', id: seeded.protectedPostId}],
		['a post with comments closed', {kind: 'id', id: seeded.closedPostId}],
		['a long thread', {kind: 'id', id: seeded.busyPostId}],
		['the post to comment on', {kind: 'id', id: seeded.commentPostId}],
		['the newest post', {kind: 'id', id: seeded.posts[0]!.id}],
		['the oldest post', {kind: 'id', id: seeded.posts.at(-1)!.id}],
		['a post with a pingback', {kind: 'id', id: seeded.pingbackPostId}],
	] as const) {
		const post = await during(`wordpress source: ${name}`, async () => source.fetchPost(ref));
		if (!(post instanceof Error)) posts.set(name, post);
	}
	for (const name of ['a post by ID', 'the newest post', 'the oldest post']) {
		await during(`wordpress source: neighbours of ${name}`, async () => source.fetchNeighbours(posts.get(name)!));
	}
	for (const name of ['a post by ID', 'a long thread', 'a post with comments closed', 'a password-protected post', 'a post with a pingback']) {
		await during(`wordpress source: comments of ${name}`, async () => source.fetchComments(posts.get(name)!));
	}
	await during('wordpress source: related posts', async () => source.fetchRelated(posts.get('a post by ID')!, 5));

	// The same blog with plain permalinks: ?rest_route=, ?p=, ?feed=.
	const plainProxy = await startRecordingProxy(plainOrigin);
	try {
		const plain = await during('wordpress source (plain permalinks): open', async () => openBlog(http, `${plainProxy.origin}/`)) as BlogSource;
		if (plain instanceof Error) throw plain;
		await during('wordpress source (plain permalinks): list page 1', async () => plain.fetchPostPage(1, 10));
		const post = await during('wordpress source (plain permalinks): a post by ?p=', async () => plain.fetchPost({kind: 'url', url: `${plainProxy.origin}/?p=${seeded.threadedPostId}`}));
		if (post instanceof Error) throw post;
		await during('wordpress source (plain permalinks): comments', async () => plain.fetchComments(post));
	} finally {
		await plainProxy.close();
	}

	// What blogterm's feed source asks of the same blog.
	for (const [name, path] of [['feed source', '/feed/'], ['feed source (Atom)', '/feed/atom/']] as const) {
		const feed = await during(`${name}: open`, async () => openFeedBlog(http, `${proxy.origin}${path}`)) as BlogSource;
		if (feed instanceof Error) throw feed;
		await during(`${name}: list page 1`, async () => feed.fetchPostPage(1, 10));
		if (name !== 'feed source') continue;
		await during(`${name}: list page 2`, async () => feed.fetchPostPage(2, 10));
		const threaded = await during(`${name}: a post`, async () => feed.fetchPost({kind: 'url', url: onProxy(seededPost(seeded.threadedPostId).link)}));
		if (threaded instanceof Error) throw threaded;
		await during(`${name}: its comments`, async () => feed.fetchComments(threaded));
		await during(`${name}: can comment`, async () => feed.canComment(threaded));
	}

	// Last, as they change the blog: comments sent through the WordPress source.
	const target = posts.get('the post to comment on')!;
	const sends: Array<[string, Post, CommentDraft, boolean]> = [
		['published', target, draft('Sent by blogterm, published.', known.name, known.email), true],
		['too fast', target, draft('Sent by blogterm, too fast.', known.name, known.email), false],
		['a duplicate', target, draft('Sent by blogterm, published.', known.name, known.email), true],
		['held', target, draft('Sent by blogterm, held.', 'First Timer', 'first-timer@example.org'), true],
		['a reply', posts.get('a post by ID')!, draft('Sent by blogterm, a reply.', known.name, known.email, seeded.posts.find(post => post.id === seeded.threadedPostId)!.comments[0]!.id), true],
		['comments closed', posts.get('a post with comments closed')!, draft('Sent by blogterm, closed.', known.name, known.email), true],
		['a password-protected post', posts.get('a password-protected post')!, draft('Sent by blogterm, protected.', known.name, known.email), true],
	];
	for (const [name, post, comment, fresh] of sends) {
		if (fresh) await forgetRecentComments();
		await during(`wordpress source: send ${name}`, async () => source.submitComment(post, comment));
	}
} finally {
	await proxy.close();
}

// The probes, asked of WordPress directly.
const restRoot = await discoverRestRoot(seeded.url);
const roles = rolesOf('WordPress', seeded.url, restRoot, await readBlogTruth(restRoot), known, {name: 'Probe Stranger', email: 'probe-stranger@example.org'});
for (const probe of probes) {
	if (probe.fresh) await forgetRecentComments();
	const request = probe.request(roles);
	const url = new URL(request.url);
	await during(`probe: ${probe.name}`, async () => ask(request.method, `${url.pathname}${url.search}`, request.form || request.json ? {form: request.form, json: request.json} : undefined));
}

writeExchanges(exchanges);
writeFileSync(join(fixturesDir, 'seed.json'), `${replaceOrigin(JSON.stringify(seeded, undefined, '\t'), wordpressOrigin, recordedOrigin)}\n`);
writeFileSync(join(fixturesDir, 'probe-roles.json'), `${JSON.stringify(Object.fromEntries(Object.entries(roles).map(([name, value]) => [name, typeof value === 'object' && 'id' in value ? value.id : value])), undefined, '\t').replaceAll(wordpressOrigin, recordedOrigin)}\n`);
const addresses = JSON.parse(await tool('is-email', JSON.stringify(emailAddresses))) as unknown;
writeFileSync(join(fixturesDir, 'is-email.json'), `${JSON.stringify(addresses, undefined, '\t')}\n`);
console.error(`wordpress e2e: recorded ${exchanges.length} answers into ${fixturesDir}`);
