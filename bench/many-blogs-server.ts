// Many blogs on 127.0.0.1, for the bench's subscription cases: half WordPress-like (a home page that
// names its REST API and feed, /wp-json/ and /wp-json/wp/v2/posts with WordPress's paging headers and
// `after`/`modified_after`), half feed-only (an RSS feed, named by the home page). 20 to 50 posts each,
// the same for every run (or as many as asked). Every answer carries an ETag and a Last-Modified and answers a conditional
// request with 304, as a well-configured blog does; answers are made once per URL and kept as bytes.

import {createHash} from 'node:crypto';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type ManyBlogsServer = {
	readonly origin: string;
	readonly blogs: readonly ManyBlogsBlog[];
	/** OPML 2.0 naming every blog (its feed as xmlUrl, its home page as htmlUrl), in folders of 50. */
	opml(): string;
	/** Requests seen (path and query), and how many were answered 304. */
	readonly stats: {requests: number; notModified: number};
	close(): Promise<void>;
};

export type ManyBlogsBlog = {readonly index: number; readonly kind: 'wordpress' | 'feed'; readonly home: string; readonly feed: string; readonly postCount: number};

type Answer = {readonly status: number; readonly headers: Record<string, string>; readonly body: Buffer};

const lastModified = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
const words = ['garden', 'tomato', 'soil', 'compost', 'seedling', 'harvest', 'shade', 'water', 'frost', 'pollinator', 'mulch', 'trellis', 'basil', 'squash', 'orchard', 'pruning'];

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function postOf(blog: number, index: number) {
	const id = blog * 1000 + index + 1;
	const word = (offset: number) => words[(blog * 7 + index * 3 + offset) % words.length]!;
	const title = `${word(0)} and ${word(1)}: notes ${index + 1} from blog ${blog + 1}`;
	// Newest first: post 0 is the newest of its blog; blogs are spread over the last months.
	const date = new Date(lastModified.getTime() - (index * 86_400 + blog * 3_607) * 1000).toISOString().slice(0, 19);
	const html = Array.from({length: 4}, (_, paragraph) => `<p>${Array.from({length: 40}, (_, at) => word(paragraph + at)).join(' ')}.</p>`).join('\n');
	return {id, title, date, slug: `notes-${index + 1}`, html};
}

export async function startManyBlogsServer(count = 500, postsPerBlog?: number): Promise<ManyBlogsServer> {
	const answers = new Map<string, Answer>();
	const stats = {requests: 0, notModified: 0};
	const blogs: ManyBlogsBlog[] = [];

	const answer = (status: number, type: string, text: string, headers: Record<string, string> = {}): Answer => {
		const body = Buffer.from(text);
		const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
		return {status, headers: {'content-type': type, etag, 'last-modified': lastModified.toUTCString(), ...headers}, body};
	};

	function make(path: string, query: URLSearchParams): Answer {
		const match = /^\/b\/(\d+)\/(.*)$/.exec(path);
		const blog = match ? blogs[Number(match[1])] : undefined;
		if (!match || !blog) return answer(404, 'text/html', '<h1>Not found</h1>');
		const rest = match[2]!;
		const base = blog.home;
		const posts = Array.from({length: blog.postCount}, (_, index) => postOf(blog.index, index));
		const name = `${blog.kind === 'wordpress' ? 'WordPress' : 'Feed'} blog ${blog.index + 1}`;
		const linkOf = (post: ReturnType<typeof postOf>) => `${base}${post.date.slice(0, 10).replaceAll('-', '/')}/${post.slug}/`;
		if (rest === '') {
			const api = blog.kind === 'wordpress' ? `<link rel="https://api.w.org/" href="${base}wp-json/">` : '';
			return answer(200, 'text/html; charset=UTF-8', `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>${api}`
				+ `<link rel="alternate" type="application/rss+xml" title="${name}" href="${blog.feed}"></head><body><h1>${name}</h1></body></html>`);
		}
		if (rest === 'feed/') {
			const items = posts.map(post => `<item><title>${escapeXml(post.title)}</title><link>${linkOf(post)}</link><guid isPermaLink="false">${base}?p=${post.id}</guid>`
				+ `<pubDate>${new Date(`${post.date}Z`).toUTCString()}</pubDate><dc:creator>Dana</dc:creator><description>${escapeXml(post.html.slice(0, 300))}</description>`
				+ `<content:encoded><![CDATA[${post.html}]]></content:encoded></item>`).join('\n');
			return answer(200, 'application/rss+xml; charset=UTF-8', `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">`
				+ `<channel><title>${name}</title><link>${base}</link><description>Notes</description>\n${items}\n</channel></rss>\n`);
		}
		if (blog.kind !== 'wordpress') return answer(404, 'text/html', '<h1>Not found</h1>');
		if (rest === 'wp-json/' || rest === 'wp-json') {
			return answer(200, 'application/json; charset=UTF-8', JSON.stringify({name, description: 'Notes', url: base.slice(0, -1), home: base.slice(0, -1), namespaces: ['wp/v2'], routes: {}}));
		}
		const wpPost = (post: ReturnType<typeof postOf>) => ({
			id: post.id, date: post.date, date_gmt: post.date, modified: post.date, modified_gmt: post.date, slug: post.slug, status: 'publish', type: 'post', link: linkOf(post),
			title: {rendered: post.title}, content: {rendered: post.html, protected: false}, excerpt: {rendered: `<p>${post.html.slice(3, 200)}</p>`, protected: false},
			author: 1, comment_status: 'open', categories: [1], tags: [],
		});
		const single = /^wp-json\/wp\/v2\/posts\/(\d+)$/.exec(rest);
		if (single) {
			const post = posts.find(candidate => candidate.id === Number(single[1]));
			return post ? answer(200, 'application/json; charset=UTF-8', JSON.stringify(wpPost(post))) : answer(404, 'application/json', JSON.stringify({code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: {status: 404}}));
		}
		if (rest === 'wp-json/wp/v2/posts') {
			const since = query.get('modified_after') ?? query.get('after');
			const chosen = since ? posts.filter(post => post.date > since.slice(0, 19)) : posts;
			const perPage = Math.min(100, Number(query.get('per_page') ?? 10) || 10);
			const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
			const totalPages = Math.max(1, Math.ceil(chosen.length / perPage));
			if (page > totalPages && chosen.length > 0) return answer(400, 'application/json', JSON.stringify({code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: {status: 400}}));
			const slice = chosen.slice((page - 1) * perPage, page * perPage).map(wpPost);
			return answer(200, 'application/json; charset=UTF-8', JSON.stringify(slice), {'x-wp-total': String(chosen.length), 'x-wp-totalpages': String(totalPages)});
		}
		if (rest.startsWith('wp-json/wp/v2/comments')) return answer(200, 'application/json; charset=UTF-8', '[]', {'x-wp-total': '0', 'x-wp-totalpages': '0'});
		if (rest.startsWith('wp-json/wp/v2/')) return answer(200, 'application/json; charset=UTF-8', '[]', {'x-wp-total': '0', 'x-wp-totalpages': '0'});
		return answer(404, 'text/html', '<h1>Not found</h1>');
	}

	const server = createServer((request: IncomingMessage, response: ServerResponse) => {
		stats.requests++;
		const url = new URL(request.url ?? '/', 'http://x');
		const key = `${url.pathname}?${url.searchParams.toString()}`;
		let kept = answers.get(key);
		if (!kept) {
			kept = make(url.pathname, url.searchParams);
			answers.set(key, kept);
		}
		const matches = request.headers['if-none-match'] === kept.headers['etag']
			|| (request.headers['if-none-match'] === undefined && request.headers['if-modified-since'] !== undefined && new Date(request.headers['if-modified-since']).getTime() >= lastModified.getTime());
		if (kept.status === 200 && matches) {
			stats.notModified++;
			response.writeHead(304, {etag: kept.headers['etag']!, 'last-modified': kept.headers['last-modified']!});
			response.end();
			return;
		}
		response.writeHead(kept.status, {...kept.headers, 'content-length': String(kept.body.length)});
		response.end(kept.body);
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	for (let index = 0; index < count; index++) {
		const home = `${origin}/b/${index}/`;
		blogs.push({index, kind: index % 2 === 0 ? 'wordpress' : 'feed', home, feed: `${home}feed/`, postCount: postsPerBlog ?? 20 + ((index * 13) % 31)});
	}

	return {
		origin,
		blogs,
		stats,
		opml() {
			const folders = new Map<number, ManyBlogsBlog[]>();
			for (const blog of blogs) folders.set(Math.floor(blog.index / 50), [...(folders.get(Math.floor(blog.index / 50)) ?? []), blog]);
			const outlines = [...folders].map(([folder, members]) => `    <outline text="Folder ${folder + 1}" title="Folder ${folder + 1}">\n${members.map(blog => {
				const name = `${blog.kind === 'wordpress' ? 'WordPress' : 'Feed'} blog ${blog.index + 1}`;
				return `      <outline type="rss" text="${name}" title="${name}" xmlUrl="${blog.feed}" htmlUrl="${blog.home}"/>`;
			}).join('\n')}\n    </outline>`).join('\n');
			return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>bench subscriptions</title></head>\n  <body>\n${outlines}\n  </body>\n</opml>\n`;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
