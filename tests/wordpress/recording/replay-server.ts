import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {bodyText, recordedOrigin, replaceOrigin, requestKey, type Exchange} from './exchange.js';

/*
Serves recorded WordPress answers on 127.0.0.1: each request gets what WordPress answered to the
same request (same method, path, query and form, in any order). A request asked again gets the next
answer recorded for it (the comment form answers the same comment 302, then 409), and the last one
after that. A request never recorded gets a 599 and is kept in `unrecorded`, so that a check can fail
saying which requests blogterm makes that WordPress was never asked.
*/

export type ReplayServer = {
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	readonly origin: string;
	/** `origin/`: what blogterm is given as SITE. */
	readonly url: string;
	/** Requests with no recorded answer: `METHOD path`. */
	readonly unrecorded: string[];
	close(): Promise<void>;
};

function parseBody(text: string, contentType: string | undefined): Record<string, unknown> | undefined {
	if (text === '') return undefined;
	if (/json/i.test(contentType ?? '')) return JSON.parse(text) as Record<string, unknown>;
	return Object.fromEntries(new URLSearchParams(text));
}

export async function startReplayServer(exchanges: readonly Exchange[]): Promise<ReplayServer> {
	const byKey = new Map<string, Exchange[]>();
	for (const exchange of exchanges) {
		const key = requestKey(exchange.method, exchange.path, exchange.requestBody);
		byKey.set(key, [...(byKey.get(key) ?? []), exchange]);
	}
	const served = new Map<string, number>();
	const unrecorded: string[] = [];
	let origin = '';

	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const method = request.method ?? 'GET';
			const path = request.url ?? '/';
			const body = replaceOrigin(Buffer.concat(chunks).toString('utf8'), origin, recordedOrigin);
			const key = requestKey(method, path, parseBody(body, request.headers['content-type']));
			const answers = byKey.get(key);
			if (!answers) {
				unrecorded.push(`${method} ${path}${body ? ` ${body}` : ''}`);
				response.writeHead(599, {'content-type': 'text/plain'}).end(`Not recorded: ${method} ${path}. Run \`npm run test:wordpress -- --record\`.`);
				return;
			}
			const count = served.get(key) ?? 0;
			served.set(key, count + 1);
			const exchange = answers[Math.min(count, answers.length - 1)]!;
			const headers = Object.fromEntries(Object.entries(exchange.headers).map(([name, value]) => [name, replaceOrigin(value, recordedOrigin, origin)]));
			response.writeHead(exchange.status, headers).end(method === 'HEAD' ? undefined : bodyText(exchange, origin));
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: `${origin}/`,
		unrecorded,
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
