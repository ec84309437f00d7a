import type {ServerResponse} from 'node:http';
import {startTestServer, type TestServer} from './http-server.js';

/*
The one fake WordPress blog for tests that need what the demo blog cannot show (hostile titles, a post of
several megabytes, a blog that breaks or changes under the reader). The servers that exist to misbehave
(tests/reliability/hostile-servers.ts, fault-server.ts, bad-blogs.ts) stay apart.
*/

/** A post as WordPress's REST API gives it, with only what blogterm reads. */
export type FakePost = {
	readonly id: number;
	readonly slug: string;
	readonly title: string;
	readonly html: string;
	readonly date: string;
	readonly excerpt?: string;
	readonly commentStatus?: 'open' | 'closed';
	/** How many approved comments it holds (none by default). */
	readonly comments?: number;
	/** How many approved pingbacks it holds: WordPress counts them, its REST API shows visitors none. */
	readonly pingbacks?: number;
	/** The site's local time (WordPress `date_gmt`), when it is not `date`. */
	readonly dateGmt?: string;
};

/** What a fake blog holds; read at each request, so a test may change it between requests. */
export type FakeBlog = {
	readonly name: string;
	readonly description?: string;
	/** What the REST index claims as the blog's address (`url` and `home`): by default, the server's. */
	readonly claimedUrl?: string;
	readonly posts: readonly FakePost[];
	/** How many posts a page of its feed holds (WordPress's posts_per_rss): 10 by default. */
	readonly postsPerFeed?: number;
};

/** Writes one answer: status, content type, body and any further headers. */
export type Send = (status: number, type: string, body: string, headers?: Record<string, string>) => void;

/** A post's REST JSON, as `/wp/v2/posts` gives it with `_embed`. */
export function wordPressPost(post: FakePost, base: string) {
	return {
		id: post.id,
		date: post.date,
		date_gmt: post.dateGmt ?? post.date,
		slug: post.slug,
		link: new URL(`${post.slug}/`, base).toString(),
		title: {rendered: post.title},
		excerpt: {rendered: `<p>${post.excerpt ?? 'An excerpt.'}</p>`, protected: false},
		content: {rendered: post.html, protected: false},
		comment_status: post.commentStatus ?? 'open',
		author: 1,
		categories: [],
		tags: [],
		_embedded: {author: [{id: 1, name: 'Fake Author'}]},
	};
}

/**
Answers a GET as WordPress does for what blogterm reads: the home page with its REST link, the REST index,
the post list (a slug looks one up), one post, no comments, and WordPress's 404s.
*/
export function answerAsWordPress(url: URL, blog: FakeBlog, base: string, send: Send): void {
	const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
		send(status, 'application/json; charset=UTF-8', JSON.stringify(body), headers);
	};
	if (url.pathname === '/' && url.searchParams.get('feed') === 'rss2') {
		send(200, 'application/rss+xml; charset=UTF-8', feedOf(url, blog, base));
		return;
	}
	if (url.pathname === '/') {
		send(200, 'text/html; charset=UTF-8', `<!doctype html><html><head><title>${blog.name}</title></head><body></body></html>`, {link: `<${base}wp-json/>; rel="https://api.w.org/"`});
		return;
	}
	const claimed = blog.claimedUrl ?? base;
	if (url.pathname === '/wp-json/') {
		json(200, {name: blog.name, description: blog.description ?? '', url: claimed, home: claimed, namespaces: ['wp/v2']});
		return;
	}
	if (url.pathname === '/wp-json/wp/v2/posts') {
		if (url.searchParams.has('before') || url.searchParams.has('after')) {
			json(200, []);
			return;
		}
		const slug = url.searchParams.get('slug');
		const posts = blog.posts.filter(post => !slug || post.slug === slug).map(post => wordPressPost(post, base));
		json(200, posts, {'x-wp-total': String(posts.length), 'x-wp-totalpages': posts.length > 0 ? '1' : '0'});
		return;
	}
	const one = /^\/wp-json\/wp\/v2\/posts\/(\d+)$/.exec(url.pathname);
	if (one) {
		const post = blog.posts.find(candidate => candidate.id === Number(one[1]));
		if (post) json(200, wordPressPost(post, base));
		else json(404, {code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: {status: 404}});
		return;
	}
	if (url.pathname === '/wp-json/wp/v2/comments') {
		answerComments(url, blog, base, json);
		return;
	}
	const comment = /^\/wp-json\/wp\/v2\/comments\/(\d+)$/.exec(url.pathname);
	if (comment) {
		// One approved comment by its ID, whatever its type: WordPress shows a visitor a pingback this way.
		const found = allComments(blog, base).find(candidate => candidate.id === Number(comment[1]));
		if (found) json(200, found);
		else json(404, {code: 'rest_comment_invalid_id', message: 'Invalid comment ID.', data: {status: 404}});
		return;
	}
	if (url.pathname.startsWith('/wp-json/')) {
		json(404, {code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: {status: 404}});
		return;
	}
	send(404, 'text/html; charset=UTF-8', '<!doctype html><title>Page not found</title>');
}

/**
The comments route as WordPress answers a visitor: `post` (one ID or a comma list), `page`, `per_page` (at
most 100), the totals in `X-WP-Total` and `X-WP-TotalPages`, and 401 rest_forbidden_param for any `type`
but 'comment' (the default: pingbacks and trackbacks are never listed to visitors).
*/
function answerComments(url: URL, blog: FakeBlog, base: string, json: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
	const type = url.searchParams.get('type') ?? 'comment';
	if (type !== 'comment') {
		json(401, {code: 'rest_forbidden_param', message: 'Query parameter not permitted: type', data: {status: 401}});
		return;
	}
	const asked = url.searchParams.get('post')?.split(',').map(Number);
	const perPage = Number(url.searchParams.get('per_page') ?? 10);
	const page = Number(url.searchParams.get('page') ?? 1);
	if (!(perPage >= 1 && perPage <= 100)) {
		json(400, {code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: {status: 400}});
		return;
	}
	const all = allComments(blog, base).filter(comment => comment.type === 'comment' && (asked === undefined || asked.includes(comment.post)));
	const totalPages = Math.ceil(all.length / perPage);
	if (page > Math.max(1, totalPages)) {
		json(400, {code: 'rest_comment_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: {status: 400}});
		return;
	}
	const fields = url.searchParams.get('_fields')?.split(',');
	const shown = all.slice((page - 1) * perPage, page * perPage)
		.map(comment => (fields ? Object.fromEntries(Object.entries(comment).filter(([key]) => fields.includes(key))) : comment));
	json(200, shown, {'x-wp-total': String(all.length), 'x-wp-totalpages': String(totalPages)});
}

/** Every approved comment of the blog, its comments first, then its pingbacks (an hour after the post, from another blog). */
function allComments(blog: FakeBlog, base: string) {
	let nextId = 1;
	const made = (post: FakePost, type: 'comment' | 'pingback', index: number) => {
		const id = nextId++;
		const date = type === 'comment' ? post.date : post.date.replace(/T(\d\d)/, (_, hour: string) => `T${String((Number(hour) + 1) % 24).padStart(2, '0')}`);
		return {
			id,
			post: post.id,
			parent: 0,
			author_name: type === 'comment' ? `Reader ${index + 1}` : `Linking Blog ${index + 1} &raquo; About ${post.slug}`,
			author_url: type === 'comment' ? '' : `https://linking${index + 1}.example/about-${post.slug}/`,
			date,
			date_gmt: date,
			content: {rendered: type === 'comment' ? `<p>Comment ${index + 1} on ${post.slug}.</p>` : `<p>[&#8230;] linked to ${post.slug} [&#8230;]</p>`},
			link: new URL(`${post.slug}/#comment-${id}`, base).toString(),
			status: 'approved',
			type,
		};
	};
	return [
		...blog.posts.flatMap(post => Array.from({length: post.comments ?? 0}, (_, index) => made(post, 'comment', index))),
		...blog.posts.flatMap(post => Array.from({length: post.pingbacks ?? 0}, (_, index) => made(post, 'pingback', index))),
	];
}

/**
WordPress's RSS feeds, as `?feed=rss2` answers: the posts, ten to a page (`paged`; `postsPerFeed`), each with the blog's
count in `slash:comments` (pingbacks too); one post alone (`p` and `withoutcomments`); or a post's
comment feed (`p`): its ten newest entries, pingbacks among them, each guid ending `#comment-ID`.
*/
function feedOf(url: URL, blog: FakeBlog, base: string): string {
	const comments = allComments(blog, base);
	const postId = url.searchParams.get('p');
	const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
	const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escape(blog.name)}</title><link>${base}</link>${items.join('')}</channel></rss>`;
	if (postId !== null && !url.searchParams.has('withoutcomments')) {
		const newest = comments.filter(comment => comment.post === Number(postId)).sort((a, b) => b.date_gmt.localeCompare(a.date_gmt)).slice(0, 10);
		return rss(newest.map(comment => `<item><title>By: ${escape(comment.author_name)}</title><link>${comment.link}</link><dc:creator>${escape(comment.author_name)}</dc:creator><guid isPermaLink="false">${base}?p=${comment.post}#comment-${comment.id}</guid><description>${escape(comment.content.rendered)}</description></item>`));
	}
	const page = Number(url.searchParams.get('paged') ?? 1);
	const size = blog.postsPerFeed ?? 10;
	const posts = postId === null ? blog.posts.slice((page - 1) * size, page * size) : blog.posts.filter(post => post.id === Number(postId));
	return rss(posts.map(post => `<item><title>${escape(post.title)}</title><link>${wordPressPost(post, base).link}</link><guid isPermaLink="false">${base}?p=${post.id}</guid><slash:comments>${comments.filter(comment => comment.post === post.id).length}</slash:comments></item>`));
}

/** A fake WordPress blog of several posts on 127.0.0.1, answering as `answerAsWordPress` does. */
/** A request `startFakeWordPressBlog`'s `answer` may take over: answer it itself, leave it unanswered, or let the blog answer. */
export type Override = (url: URL, response: ServerResponse) => 'answered' | 'hang' | undefined;

/**
 * A fake WordPress blog on 127.0.0.1. `answer` breaks it where a test needs: a request it says to `hang` is
 * never answered, and `hung()` tells how many such requests there were and how many of them blogterm gave
 * up (closed) itself.
 */
export async function startFakeWordPressBlog(blog: FakeBlog, answer?: Override): Promise<TestServer & {hung(): {asked: number; closed: number}}> {
	let asked = 0;
	let closed = 0;
	const server: TestServer = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		const taken = answer?.(url, response);
		if (taken === 'answered') return;
		if (taken === 'hang') {
			asked++;
			response.on('close', () => closed++);
			return;
		}
		answerAsWordPress(url, blog, server.url, (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		});
	});
	return {...server, hung: () => ({asked, closed})};
}

/*
What security plugins answer a visitor on WordPress's posts route while its REST index still answers (each
through the `rest_authentication_errors` filter, with rest_authorization_required_code()).
*/
export const restRefusals = [
	{status: 401, code: 'rest_login_required', message: 'REST API restricted to authenticated users.'}, // Disable WP REST API
	{status: 401, code: 'rest_cannot_access', message: 'Only authenticated users can access the REST API.'}, // Disable REST API (DRA)
	{status: 401, code: 'rest_not_logged_in', message: 'You are not currently logged in.'}, // the REST API handbook's snippet
	{status: 403, code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.'},
] as const;

export type RestRefusal = {readonly status: number; readonly code: string; readonly message: string};

/** Answers as WordPress refuses a REST request: `refusal`'s status, and its code and message as JSON. */
export function refuseAsWordPress(response: ServerResponse, refusal: RestRefusal): 'answered' {
	response.writeHead(refusal.status, {'content-type': 'application/json; charset=UTF-8'});
	response.end(JSON.stringify({code: refusal.code, message: refusal.message, data: {status: refusal.status}}));
	return 'answered';
}

/** For `startFakeWordPressBlog`: the posts route (the list, a slug, one post) refused as `refusal` says; the rest as WordPress answers. */
export const postsRouteRefused = (refusal: RestRefusal): Override => (url, response) => (url.pathname.startsWith('/wp-json/wp/v2/posts') ? refuseAsWordPress(response, refusal) : undefined);

/** A blog of two posts, Five and Four, for the tests of a posts route closed to visitors (titles say where they were read). */
export const closedBlog = (titleSuffix = ''): FakeBlog => ({
	name: 'Closed Blog',
	posts: [
		{id: 5, slug: 'five', title: `Five${titleSuffix}`, html: '<p>Five.</p>', date: '2026-11-05T10:00:00'},
		{id: 4, slug: 'four', title: `Four${titleSuffix}`, html: '<p>Four.</p>', date: '2026-11-04T10:00:00'},
	],
});

/** A fake WordPress blog of one post on 127.0.0.1; the options break it in the ways tests need. */
export async function startFakeWordPress(post: FakePost, options: {
	/** The status the post's own route answers with (500: a broken blog). */
	readonly postStatus?: number;
	/** Answer a slug lookup with an object instead of a list, as a broken plugin might. */
	readonly objectForSlug?: boolean;
	/** What the REST index claims as the blog's address (`url` and `home`): by default, this server. */
	readonly claimedUrl?: string;
	/** Told of every POST this server receives (its path). */
	readonly onPost?: (path: string) => void;
} = {}): Promise<TestServer> {
	const blog: FakeBlog = {name: 'Fake Blog', claimedUrl: options.claimedUrl, posts: [post]};
	const server: TestServer = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		const send: Send = (status, type, body, headers = {}) => {
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		};
		const json = (status: number, body: unknown) => send(status, 'application/json; charset=UTF-8', JSON.stringify(body));
		if (request.method === 'POST') {
			options.onPost?.(url.pathname);
			if (url.pathname === '/wp-comments-post.php') {
				send(302, 'text/html; charset=UTF-8', '', {location: `${wordPressPost(post, server.url).link}#comment-5`});
				return;
			}
			json(401, {code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.'});
			return;
		}
		if (options.postStatus && url.pathname === `/wp-json/wp/v2/posts/${post.id}`) {
			json(options.postStatus, {code: 'internal_server_error', message: 'There has been a critical error on this website.'});
			return;
		}
		if (options.objectForSlug && url.pathname === '/wp-json/wp/v2/posts' && url.searchParams.has('slug')) {
			json(200, {surprise: true});
			return;
		}
		answerAsWordPress(url, blog, server.url, send);
	});
	return server;
}
