import {readFileSync} from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {startTestServer, type TestServer} from '../../helpers/http-server.js';

/** What the server answers for one path. */
export type Answer = {
	readonly status?: number;
	readonly type?: string;
	readonly body: string | Buffer;
	readonly headers?: Record<string, string>;
};

export type FeedServer = TestServer & {
	/** `http://127.0.0.1:PORT`, without the final slash, as fixtures write `{{origin}}`. */
	readonly origin: string;
	/** Sets what a path (with its query, or without one to answer any query) answers. */
	route(path: string, answer: Answer | AnswerFunction): void;
	/** The paths (with query) requested with GET, in order. */
	gets(): string[];
};

type AnswerFunction = (request: IncomingMessage & {body: string}) => Answer | Promise<Answer>;

const fixturesDir = new URL('../../fixtures/feeds/', import.meta.url);

/** A fixture's bytes with `{{origin}}` filled in; byte-exact for ISO-8859-1 and windows-1252 files. */
export function fixture(name: string, origin: string): Buffer {
	const bytes = readFileSync(new URL(name, fixturesDir));
	return Buffer.from(bytes.toString('latin1').replaceAll('{{origin}}', origin), 'latin1');
}

/** A real HTTP server on 127.0.0.1 answering from a table of routes; anything else is a 404 page. */
export async function startFeedServer(): Promise<FeedServer> {
	const routes = new Map<string, Answer | AnswerFunction>();
	const server = await startTestServer(async (request, response: ServerResponse) => {
		const url = request.url ?? '/';
		const route = routes.get(url) ?? routes.get(url.split('?')[0]!);
		const answer = typeof route === 'function' ? await route(request) : route ?? {status: 404, type: 'text/html; charset=UTF-8', body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body>Nothing here.</body></html>'};
		response.writeHead(answer.status ?? 200, {'content-type': answer.type ?? 'application/xml', ...answer.headers});
		response.end(answer.body);
	});
	const origin = server.url.replace(/\/$/, '');
	return Object.assign(server, {
		origin,
		route(path: string, answer: Answer | AnswerFunction) {
			routes.set(path, answer);
		},
		gets() {
			return server.requests.filter(request => request.method === 'GET').map(request => request.url);
		},
	});
}

/** An RSS 2.0 feed of `count` numbered posts, newest first, one a day back from 2024-12-31. */
export function manyItemsFeed(count: number, origin: string): string {
	const items: string[] = [];
	for (let number = count; number >= 1; number--) {
		const date = new Date(Date.UTC(2024, 11, 31) - ((count - number) * 86_400_000)).toUTCString();
		items.push(`<item><title>Post number ${number}</title><link>${origin}/many/${number}</link><guid>${origin}/many/${number}</guid><pubDate>${date}</pubDate><description>Body of post ${number}.</description></item>`);
	}
	return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Many Posts</title><link>${origin}/many/</link><description>A feed that keeps everything</description><generator>Jekyll</generator>\n${items.join('\n')}\n</channel></rss>\n`;
}

