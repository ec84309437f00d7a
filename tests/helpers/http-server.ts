import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type TestServer = {
	/** `http://127.0.0.1:PORT/` */
	readonly url: string;
	/** Every request seen, in order: method and path with query. */
	readonly requests: Array<{method: string; url: string; body: string}>;
	close(): Promise<void>;
};

/** A real HTTP server on 127.0.0.1 with a free port, answering with `handler`. */
export async function startTestServer(handler: (request: IncomingMessage & {body: string}, response: ServerResponse) => unknown): Promise<TestServer> {
	const requests: TestServer['requests'] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', chunk => chunks.push(chunk as Buffer));
		request.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			requests.push({method: request.method ?? 'GET', url: request.url ?? '/', body});
			void Promise.resolve(handler(Object.assign(request, {body}), response)).catch(error => {
				response.statusCode = 500;
				response.end(String(error));
			});
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
