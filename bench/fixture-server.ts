// A WordPress-like blog and a big static feed on 127.0.0.1, for the bench. Every answer is computed
// once per URL and kept as bytes, so after the first run of a case the server's cost is a lookup and a write.

import {createServer, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {performance} from 'node:perf_hooks';
import {bigRssFeed, fixturePosts, fixtureTerms, type FixturePost} from './fixtures.js';

export type FixtureServer = {
	/** `http://127.0.0.1:PORT/`: the blog's home page (it advertises its REST API). */
	readonly url: string;
	/** The 10,000-item RSS feed. */
	readonly feedUrl: string;
	/** REST URL of one post, as blogterm asks for it (what the floor fetches). */
	postRestUrl(id: number): string;
	/** Requests seen since the last reset, by path and query. */
	readonly requests: string[];
	/** When each of those arrived and was answered (performance.now(), this process's clock). */
	readonly timings: RequestTiming[];
	close(): Promise<void>;
};

export type RequestTiming = {readonly path: string; readonly arrivedAt: number; answeredAt: number};

/**
 * The round trips on the critical path of what was asked: the longest chain of requests where each
 * was sent only after the one before it was answered (requests sent together count once).
 */
export function criticalRoundTrips(timings: readonly RequestTiming[], until = Number.POSITIVE_INFINITY): number {
	const done = timings.filter(timing => timing.answeredAt <= until).sort((a, b) => a.arrivedAt - b.arrivedAt);
	const depth: number[] = [];
	for (const [index, timing] of done.entries()) {
		let deepest = 0;
		for (let before = 0; before < index; before++) if (done[before]!.answeredAt <= timing.arrivedAt) deepest = Math.max(deepest, depth[before]!);
		depth.push(deepest + 1);
	}
	return Math.max(0, ...depth);
}

type Answer = {readonly status: number; readonly headers: Record<string, string>; readonly body: Buffer};

const json = (value: unknown, status = 200, headers: Record<string, string> = {}): Answer => ({
	status,
	headers: {'content-type': 'application/json; charset=UTF-8', ...headers},
	body: Buffer.from(JSON.stringify(value)),
});

export type FixtureServerOptions = {
	/** Added before every answer is written, as a real blog's round trip would (0: none). */
	readonly latencyMs?: number;
};

export async function startFixtureServer({latencyMs = 0}: FixtureServerOptions = {}): Promise<FixtureServer> {
	const posts = fixturePosts();
	const byId = new Map(posts.map(post => [post.id, post]));
	const answers = new Map<string, Answer>();
	const requests: string[] = [];
	const timings: RequestTiming[] = [];
	let base = '';

	const linkOf = (post: FixturePost) => `${base}${post.date.slice(0, 10).replaceAll('-', '/')}/${post.slug}/`;
	const embedded = (post: FixturePost) => ({
		author: [{id: 1, name: 'Dana Gardener'}],
		'wp:term': [
			post.categories.map(id => ({id, name: fixtureTerms[id]!.name, taxonomy: 'category'})),
			post.tags.map(id => ({id, name: fixtureTerms[id]!.name, taxonomy: 'post_tag'})),
		],
	});
	const summary = (post: FixturePost) => ({
		id: post.id,
		date: post.date,
		date_gmt: post.date,
		slug: post.slug,
		link: linkOf(post),
		title: {rendered: post.title},
		excerpt: {rendered: `<p>${post.html.replaceAll(/<[^>]+>/g, '').slice(0, 200)} […]</p>\n`, protected: false},
		author: 1,
		categories: post.categories,
		tags: post.tags,
		comment_status: 'open',
		_embedded: embedded(post),
	});
	const full = (post: FixturePost) => ({...summary(post), status: 'publish', content: {rendered: post.html, protected: false}});
	const page = (list: readonly unknown[], total: number, totalPages: number) => json(list, 200, {'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages)});
	const homeHtml = (title: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>`
		+ `<link rel="https://api.w.org/" href="${base}wp-json/"><link rel="alternate" type="application/rss+xml" title="Feed" href="${base}feed/">`
		+ `</head><body><h1>${title}</h1>${posts.slice(0, 10).map(post => `<article><h2><a href="${linkOf(post)}">${post.title}</a></h2></article>`).join('')}</body></html>`;

	/**
	 * WordPress's RSS of some posts, with each post's count as the blog counts it (`slash:comments`): blogterm
	 * takes its counts from these, asked beside the REST list and the post, as real WordPress serves them.
	 */
	const rssOf = (shown: readonly FixturePost[]) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Bench Blog</title><link>${base}</link><description>Fixed fixtures</description>`
		+ shown.map(post => `<item><title>${post.title}</title><link>${linkOf(post)}</link><guid isPermaLink="false">${base}?p=${post.id}</guid><pubDate>${new Date(`${post.date}Z`).toUTCString()}</pubDate><slash:comments>${post.commentCount}</slash:comments></item>`).join('')
		+ '</channel></rss>');
	const feedAnswer = (query: URLSearchParams): Answer => {
		const rss = {'content-type': 'application/rss+xml; charset=UTF-8'};
		if (query.has('p')) {
			const post = byId.get(Number(query.get('p')));
			return post && query.has('withoutcomments') ? {status: 200, headers: rss, body: rssOf([post])} : {status: 404, headers: {}, body: Buffer.from('')};
		}
		// posts_per_rss: 10, as WordPress's default.
		const number = Number(query.get('paged') ?? 1);
		return {status: 200, headers: rss, body: rssOf(posts.slice((number - 1) * 10, number * 10))};
	};

	function compute(url: URL): Answer {
		const path = url.pathname;
		const query = url.searchParams;
		const restRoute = query.get('rest_route');
		const route = restRoute ?? (path.startsWith('/wp-json') ? path.slice('/wp-json'.length) : undefined);
		if (path === '/feed.xml') {
			return {status: 200, headers: {'content-type': 'application/rss+xml; charset=UTF-8'}, body: Buffer.from(bigRssFeed(base))};
		}
		if (route === undefined && query.get('feed') === 'rss2') return feedAnswer(query);
		if (route === undefined) {
			const post = posts.find(candidate => path === new URL(linkOf(candidate)).pathname);
			const html = homeHtml(post ? post.title : 'Bench Blog');
			return {status: 200, headers: {'content-type': 'text/html; charset=UTF-8', link: `<${base}wp-json/>; rel="https://api.w.org/"`}, body: Buffer.from(html)};
		}
		if (route === '/' || route === '') {
			return json({name: 'Bench Blog', description: 'Fixed fixtures for npm run bench', url: base.slice(0, -1), home: base.slice(0, -1), namespaces: ['oembed/1.0', 'wp/v2']});
		}
		const single = /^\/wp\/v2\/posts\/(\d+)$/.exec(route);
		if (single) {
			const post = byId.get(Number(single[1]));
			if (!post) return json({code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: {status: 404}}, 404);
			// Without Jetpack, WordPress leaves out a field it does not have.
			if (query.get('_fields') === 'id,jetpack-related-posts') return json({id: post.id});
			return json(query.get('_fields')?.includes('content') ? full(post) : summary(post));
		}
		if (route === '/wp/v2/posts') {
			if (query.has('slug')) return json(posts.filter(post => post.slug === query.get('slug')).map(full));
			const exclude = Number(query.get('exclude') ?? 0);
			if (query.has('before') || query.has('after')) {
				const before = query.get('before');
				const after = query.get('after');
				const found = before
					? posts.find(post => post.id !== exclude && post.date < before.slice(0, 19))
					: [...posts].reverse().find(post => post.id !== exclude && post.date > after!.slice(0, 19));
				return json(found ? [{id: found.id, title: {rendered: found.title}, link: linkOf(found)}] : []);
			}
			if (query.has('categories') || query.has('tags')) {
				const categories = new Set((query.get('categories') ?? '').split(',').filter(Boolean).map(Number));
				const tags = new Set((query.get('tags') ?? '').split(',').filter(Boolean).map(Number));
				const related = posts.filter(post => post.id !== exclude && (post.categories.some(id => categories.has(id)) || post.tags.some(id => tags.has(id)))).slice(0, Number(query.get('per_page') ?? 10));
				return page(related.map(summary), related.length, 1);
			}
			const perPage = Number(query.get('per_page') ?? 10);
			const number = Number(query.get('page') ?? 1);
			const totalPages = Math.ceil(posts.length / perPage);
			if (number > totalPages) return json({code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: {status: 400}}, 400);
			const slice = posts.slice((number - 1) * perPage, number * perPage);
			return page(slice.map(post => (query.get('_fields') === 'id' ? {id: post.id} : summary(post))), posts.length, totalPages);
		}
		if (route === '/wp/v2/comments') {
			const ids = (query.get('post') ?? '').split(',').filter(Boolean).map(Number);
			const comments = ids.flatMap(id => Array.from({length: byId.get(id)?.commentCount ?? 0}, (_, index) => ({
				id: id * 100 + index,
				post: id,
				parent: 0,
				author_name: 'A reader',
				date: '2025-01-02T10:00:00',
				date_gmt: '2025-01-02T10:00:00',
				content: {rendered: `<p>${'Thank you for this. '.repeat(3)}</p>\n`},
				status: 'approved',
			})));
			const perPage = Number(query.get('per_page') ?? 10);
			const fields = query.get('_fields');
			const shown = comments.slice(0, perPage).map(comment => (fields === 'id' ? {id: comment.id} : fields === 'post' ? {post: comment.post} : comment));
			return page(shown, comments.length, Math.ceil(comments.length / perPage));
		}
		return json({code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: {status: 404}}, 404);
	}

	const server = createServer((request, response: ServerResponse) => {
		const key = request.url ?? '/';
		requests.push(key);
		const timing = {path: key, arrivedAt: performance.now(), answeredAt: Number.POSITIVE_INFINITY};
		timings.push(timing);
		let answer = answers.get(key);
		if (!answer) {
			answer = compute(new URL(key, base));
			answers.set(key, answer);
		}
		const send = (ready: Answer) => {
			response.writeHead(ready.status, {...ready.headers, 'content-length': String(ready.body.length)});
			response.end(ready.body);
			timing.answeredAt = performance.now();
		};
		if (latencyMs > 0) setTimeout(send, latencyMs, answer);
		else send(answer);
		// Drain whatever the client sent (a POST would not be answered differently).
		request.resume();
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	base = `http://127.0.0.1:${port}/`;
	return {
		url: base,
		feedUrl: `${base}feed.xml`,
		postRestUrl: id => `${base}wp-json/wp/v2/posts/${id}?_embed=author%2Cwp%3Aterm&_fields=id%2Cdate%2Cdate_gmt%2Cslug%2Clink%2Ctitle%2Cexcerpt%2Cauthor%2Ccategories%2Ctags%2Ccomment_status%2C_links%2C_embedded%2Ccontent%2Cstatus`,
		requests,
		timings,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
