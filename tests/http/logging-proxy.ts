import {createServer, request as httpRequest, type IncomingMessage} from 'node:http';
import {connect, type AddressInfo, type Socket} from 'node:net';

/*
An HTTP proxy on 127.0.0.1 that writes down what it is asked: CONNECT tunnels (for https) and requests in
absolute form (for http), each with its Proxy-Authorization header. `refuseConnect` answers CONNECT with 403.
*/

export type ProxyLogEntry = {readonly method: string; readonly target: string; readonly authorization: string | undefined};

export type LoggingProxy = {
	/** `http://127.0.0.1:PORT` */
	readonly url: string;
	readonly log: ProxyLogEntry[];
	close(): Promise<void>;
};

export async function startLoggingProxy(options: {readonly refuseConnect?: boolean} = {}): Promise<LoggingProxy> {
	const log: ProxyLogEntry[] = [];
	const sockets = new Set<Socket>();
	const authorizationOf = (request: IncomingMessage) => request.headers['proxy-authorization'];
	const server = createServer((request, response) => {
		log.push({method: request.method ?? 'GET', target: request.url ?? '', authorization: authorizationOf(request)});
		const target = new URL(request.url ?? '');
		const headers = {...request.headers};
		delete headers['proxy-authorization'];
		const upstream = httpRequest({host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers}, answer => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		upstream.on('error', () => {
			response.writeHead(502);
			response.end('Bad gateway');
		});
		request.pipe(upstream);
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
		log.push({method: 'CONNECT', target: request.url ?? '', authorization: authorizationOf(request)});
		if (options.refuseConnect) {
			client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		const [host, port] = (request.url ?? '').split(/:(?=\d+$)/);
		const upstream = connect({host, port: Number(port)}, () => {
			client.write('HTTP/1.1 200 Connection established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		log,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
