import {type FakePost, answerAsWordPress} from '../helpers/fake-wordpress.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

/*
A small WordPress-like blog (home page, REST index, posts, comments) or an RSS blog on 127.0.0.1
whose titles and post text a test can change, and whose answers it can hold until it releases them:
what the reader shows before the blog answers is then what it kept on disk.
*/

export type RefreshBlog = TestServer & {
	/** The titles of the posts, newest first; post `n` is `titles[n - 1]`. */
	titles: string[];
	/** The paragraphs of post 1. */
	paragraphs: string[];
	/** Requests answered so far. */
	readonly answered: () => number;
	/** Requests waiting to be answered. */
	readonly waiting: () => number;
	/** From now on, answers wait until `release()`. */
	hold(): void;
	/** Addresses answered at once with a 500 while set, held or not. */
	failing: ((url: URL) => boolean) | undefined;
	/** Answers everything held, and stops holding. */
	release(): void;
};

export async function startRefreshBlog(kind: 'wordpress' | 'feed'): Promise<RefreshBlog> {
	let answered = 0;
	let waiting = 0;
	let gate: {promise: Promise<void>; open: () => void} | undefined;
	// Read at each request: the test changes them on the blog returned.
	let blog = {
		titles: ['Old title one', 'Old title two', 'Old title three'],
		paragraphs: Array.from({length: 40}, (_, index) => `Paragraph ${index + 1} as first written.`),
	};
	let base = '';
	// Post n is titles[n - 1], newest first; post 1 holds the paragraphs.
	const blogPosts = (): FakePost[] => blog.titles.map((title, index) => ({
		id: index + 1,
		slug: `post-${index + 1}`,
		title,
		html: index === 0 ? blog.paragraphs.map(text => `<p>${text}</p>`).join('\n') : '<p>Short.</p>',
		date: `2026-03-0${3 - index}T10:00:00`,
		excerpt: `Excerpt ${index + 1}.`,
		commentStatus: 'closed',
	}));
	// Set once the server is up; its handler reads `failing` from it.
	let refreshBlog: RefreshBlog = undefined as unknown as RefreshBlog;
	const rss = () => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Refresh feed</title><link>${base}</link><description>A feed that changes</description>${blog.titles.map((title, index) => `<item><title>${title}</title><link>${base}post-${index + 1}/</link><guid>${base}post-${index + 1}/</guid><pubDate>${new Date(Date.UTC(2026, 2, 3 - index, 10)).toUTCString()}</pubDate><description>Excerpt ${index + 1}.</description></item>`).join('')}</channel></rss>`;

	const server = await startTestServer(async (request, response) => {
		if (refreshBlog.failing?.(new URL(request.url ?? '/', base))) {
			response.writeHead(500, {'content-type': 'application/json'});
			response.end('{"code":"internal_server_error","message":"Something broke."}');
			return;
		}
		waiting++;
		if (gate) await gate.promise;
		waiting--;
		const url = new URL(request.url ?? '/', base);
		const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
			answered++;
			response.writeHead(status, {'content-type': type, ...headers});
			response.end(body);
		};
		if (kind === 'feed') {
			if (url.pathname === '/') return send(200, 'text/html', `<!doctype html><html><head><title>Refresh feed</title><link rel="alternate" type="application/rss+xml" href="${base}feed.xml"></head><body></body></html>`);
			if (url.pathname === '/feed.xml' && !url.searchParams.has('paged')) return send(200, 'application/rss+xml', rss());
			return send(404, 'text/plain', 'Not found');
		}
		answerAsWordPress(url, {name: 'Refresh blog', description: 'A blog that changes', posts: blogPosts()}, base, send);
	});
	base = server.url;
	const closeServer = server.close.bind(server);
	refreshBlog = Object.assign(server, blog, {
		failing: undefined,
		answered: () => answered,
		waiting: () => waiting,
		hold() {
			let open = () => undefined as void;
			const promise = new Promise<void>(resolve => {
				open = resolve;
			});
			gate = {promise, open};
		},
		release() {
			gate?.open();
			gate = undefined;
		},
		async close() {
			gate?.open();
			gate = undefined;
			await closeServer();
		},
	});
	blog = refreshBlog;
	return refreshBlog;
}
