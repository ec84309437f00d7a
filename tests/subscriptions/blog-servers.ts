import {createHash} from 'node:crypto';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

/** A post of a test blog. `modified` (WordPress) defaults to `date`. */
export type TestPost = {
	readonly id: number;
	readonly title: string;
	/** ISO 8601. */
	readonly date: string;
	readonly modified?: string;
	readonly html?: string;
};

export type FeedBlog = TestServer & {
	/** The feed's address. */
	readonly feedUrl: string;
	/** What the feed holds now: change it and the next request sees it (with a new ETag). */
	posts: TestPost[];
	/** GETs of the feed, and how many were answered 304. */
	readonly feedHits: {total: number; notModified: number};
	/** From now on every request waits until `letGo` (a slow blog). */
	hold(): void;
	letGo(): void;
};

function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The RSS 2.0 of a test blog. */
export function rssOf(title: string, base: string, posts: readonly TestPost[]): string {
	const items = posts.map(post => `<item><title>${escapeXml(post.title)}</title><link>${base}posts/${post.id}/</link>`
		+ `<guid isPermaLink="false">${base}?p=${post.id}</guid><pubDate>${new Date(post.date).toUTCString()}</pubDate>`
		+ `<description>${escapeXml(post.html ?? `<p>${post.title} text.</p>`)}</description></item>`).join('');
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${base}</link><description>A test blog</description>${items}</channel></rss>`;
}

/**
 * A blog read through its RSS feed on 127.0.0.1: its home page names the feed; the feed has an ETag
 * and Last-Modified, and answers 304 to a request that names the current one.
 */
export async function startFeedBlog(title: string, posts: TestPost[]): Promise<FeedBlog> {
	const feedHits = {total: 0, notModified: 0};
	const state = {posts};
	let held: Promise<void> | undefined;
	let release = () => undefined as void;
	const server = await startTestServer(async (request, response) => {
		await held;
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === '/') {
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
			response.end(`<!doctype html><html><head><title>${escapeXml(title)}</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>`);
			return;
		}
		if (url.pathname === '/feed.xml') {
			feedHits.total++;
			const body = rssOf(title, server.url, state.posts);
			const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
			if (request.headers['if-none-match'] === etag) {
				feedHits.notModified++;
				response.writeHead(304, {etag});
				response.end();
				return;
			}
			response.writeHead(200, {'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT'});
			response.end(body);
			return;
		}
		response.writeHead(404, {'content-type': 'text/plain'});
		response.end('not found');
	});
	const hold = () => {
		held = new Promise<void>(resolve => {
			release = resolve;
		});
	};
	const letGo = () => {
		release();
		held = undefined;
	};
	return withPosts(Object.assign(server, {feedUrl: `${server.url}feed.xml`, feedHits, hold, letGo}), state);
}

export type WordPressBlog = TestServer & {
	posts: TestPost[];
	/** The query of every request to /wp-json/wp/v2/posts. */
	readonly postQueries: URLSearchParams[];
};

/** A WordPress blog on 127.0.0.1: home page with its REST link, the index, and a post list that honours `modified_after`. */
export async function startWordPressBlog(name: string, posts: TestPost[]): Promise<WordPressBlog> {
	const postQueries: URLSearchParams[] = [];
	const state = {posts};
	const server = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const json = (body: unknown, headers: Record<string, string> = {}) => {
			response.writeHead(200, {'content-type': 'application/json; charset=UTF-8', ...headers});
			response.end(JSON.stringify(body));
		};
		if (url.pathname === '/') {
			response.writeHead(200, {'content-type': 'text/html; charset=UTF-8', link: `<${server.url}wp-json/>; rel="https://api.w.org/"`});
			response.end(`<!doctype html><html><head><title>${escapeXml(name)}</title><link rel="alternate" type="application/rss+xml" href="${server.url}feed/"></head><body></body></html>`);
			return;
		}
		if (url.pathname === '/wp-json/') {
			json({name, description: '', url: server.url, home: server.url, namespaces: ['wp/v2']});
			return;
		}
		if (url.pathname === '/wp-json/wp/v2/posts') {
			postQueries.push(url.searchParams);
			const after = url.searchParams.get('modified_after');
			const afterTime = after ? Date.parse(`${after}Z`) : Number.NEGATIVE_INFINITY;
			const perPage = Number(url.searchParams.get('per_page') ?? 10);
			const chosen = state.posts
				.filter(post => Date.parse(post.modified ?? post.date) > afterTime)
				.toSorted((a, b) => Date.parse(b.modified ?? b.date) - Date.parse(a.modified ?? a.date))
				.slice(0, perPage)
				.map(post => ({
					id: post.id,
					date: post.date.slice(0, 19),
					date_gmt: post.date.slice(0, 19),
					modified_gmt: (post.modified ?? post.date).slice(0, 19),
					slug: `post-${post.id}`,
					link: `${server.url}post-${post.id}/`,
					title: {rendered: escapeXml(post.title)},
					excerpt: {rendered: `<p>${escapeXml(post.title)} excerpt.</p>`, protected: false},
					author: 1,
					comment_status: 'open',
					_embedded: {author: [{id: 1, name: 'Ada'}]},
				}));
			json(chosen, {'x-wp-total': String(chosen.length), 'x-wp-totalpages': '1'});
			return;
		}
		response.writeHead(404, {'content-type': 'application/json'});
		response.end('{"code":"rest_no_route"}');
	});
	return withPosts(Object.assign(server, {postQueries}), state);
}

/** `posts` on the server, read and written through to what it serves. */
function withPosts<T extends object>(server: T, state: {posts: TestPost[]}): T & {posts: TestPost[]} {
	return Object.defineProperty(server, 'posts', {
		get: () => state.posts,
		set(next: TestPost[]) {
			state.posts = next;
		},
		enumerable: true,
	}) as T & {posts: TestPost[]};
}

/** A server that accepts connections and never answers: a blog that hangs. */
export async function startHangingBlog(): Promise<TestServer> {
	return startTestServer(() => new Promise(() => undefined));
}

/** A server that answers everything with 500. */
export async function startBrokenBlog(): Promise<TestServer> {
	return startTestServer((_request, response) => {
		response.writeHead(500, {'content-type': 'text/html'});
		response.end('<h1>Internal Server Error</h1>');
	});
}

/** Posts 1…count, one a day back from `newest`. */
export function dailyPosts(prefix: string, count: number, newest: string, firstId = 1): TestPost[] {
	return Array.from({length: count}, (_, index) => ({
		id: firstId + index,
		title: `${prefix} ${firstId + index}`,
		date: new Date(Date.parse(newest) - index * 86_400_000).toISOString(),
	}));
}
