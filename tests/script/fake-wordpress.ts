import type {ServerResponse} from 'node:http';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

/** A post as WordPress's REST API gives it, with only what blogterm reads. */
export type FakePost = {
	readonly id: number;
	readonly slug: string;
	readonly title: string;
	readonly html: string;
	readonly date: string;
};

/**
 * Just enough of a WordPress blog for the cases the demo blog cannot show: hostile titles,
 * a post of several megabytes, a blog that breaks after discovery. One post, no comments, no terms.
 */
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
	const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		response.writeHead(status, {'content-type': 'application/json; charset=UTF-8', ...headers});
		response.end(JSON.stringify(body));
	};
	const server: TestServer = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', server.url);
		const wpPost = {
			id: post.id,
			date: post.date,
			date_gmt: post.date,
			slug: post.slug,
			link: new URL(`${post.slug}/`, server.url).toString(),
			title: {rendered: post.title},
			excerpt: {rendered: '<p>An excerpt.</p>', protected: false},
			content: {rendered: post.html, protected: false},
			comment_status: 'open',
			author: 1,
			categories: [],
			tags: [],
			_embedded: {author: [{id: 1, name: 'Fake Author'}]},
		};
		if (url.pathname === '/') {
			response.writeHead(200, {'content-type': 'text/html', link: `<${server.url}wp-json/>; rel="https://api.w.org/"`});
			response.end('<!doctype html><title>Fake</title>');
			return;
		}
		if (request.method === 'POST') {
			options.onPost?.(url.pathname);
			if (url.pathname === '/wp-comments-post.php') {
				response.writeHead(302, {location: `${wpPost.link}#comment-5`});
				response.end();
				return;
			}
			return json(response, 401, {code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.'});
		}
		const claimed = options.claimedUrl ?? server.url;
		if (url.pathname === '/wp-json/') return json(response, 200, {name: 'Fake Blog', description: '', url: claimed, home: claimed, namespaces: ['wp/v2']});
		if (url.pathname === `/wp-json/wp/v2/posts/${post.id}`) {
			if (options.postStatus) return json(response, options.postStatus, {code: 'internal_server_error', message: 'There has been a critical error on this website.'});
			return json(response, 200, wpPost);
		}
		if (url.pathname === '/wp-json/wp/v2/posts') {
			if (url.searchParams.has('before') || url.searchParams.has('after')) return json(response, 200, []);
			if (url.searchParams.has('slug') && options.objectForSlug) return json(response, 200, {surprise: true});
			if (url.searchParams.get('slug') && url.searchParams.get('slug') !== post.slug) return json(response, 200, []);
			return json(response, 200, [wpPost], {'x-wp-total': '1', 'x-wp-totalpages': '1'});
		}
		if (url.pathname === '/wp-json/wp/v2/comments') return json(response, 200, [], {'x-wp-total': '0', 'x-wp-totalpages': '0'});
		json(response, 404, {code: 'rest_no_route', message: 'No route was found matching the URL and request method.'});
	});
	return server;
}
