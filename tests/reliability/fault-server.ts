import {spawn, type ChildProcess} from 'node:child_process';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect, type AddressInfo, type Socket} from 'node:net';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/*
A server on 127.0.0.1 that misbehaves on purpose: never answers, answers a byte at a time, resets the
connection, fails with 5xx a few times, redirects in loops or to odd schemes, sends too much. Each
path is given a behaviour; every request is recorded (method, path, when, its headers).
*/

export type SeenRequest = {
	readonly method: string;
	readonly url: string;
	readonly at: number;
	readonly headers: IncomingMessage['headers'];
	readonly body: string;
};

/** What a path does with a request; `count` is how many requests that path has had, this one included (1-based). */
export type Behaviour = (request: IncomingMessage, response: ServerResponse, count: number) => void | Promise<void>;

export type FaultServer = {
	/** `http://127.0.0.1:PORT/` (or https). */
	readonly url: string;
	readonly requests: SeenRequest[];
	/** Sets what a path (without its query) does. */
	route(path: string, behaviour: Behaviour): void;
	/** The requests for one path (without query), in order. */
	requestsTo(path: string): SeenRequest[];
	close(): Promise<void>;
};

export type FaultServerOptions = {
	/** Serve https with this key and certificate (PEM). */
	readonly tls?: {readonly key: string; readonly cert: string};
};

/** Starts a fault server on 127.0.0.1, port 0. Paths without a behaviour answer 404. */
export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
	const routes = new Map<string, Behaviour>();
	const counts = new Map<string, number>();
	const requests: SeenRequest[] = [];
	const sockets = new Set<Socket>();
	const handler = (request: IncomingMessage, response: ServerResponse) => {
		const chunks: Buffer[] = [];
		request.on('data', chunk => chunks.push(chunk as Buffer));
		request.on('end', () => {
			const path = (request.url ?? '/').split('?')[0]!;
			const count = (counts.get(path) ?? 0) + 1;
			counts.set(path, count);
			requests.push({method: request.method ?? 'GET', url: request.url ?? '/', at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8')});
			const behaviour = routes.get(path) ?? answer(404, 'Not here.', {'content-type': 'text/plain'});
			void Promise.resolve(behaviour(request, response, count)).catch(() => response.destroy());
		});
	};
	const server = options.tls ? createHttpsServer({key: options.tls.key, cert: options.tls.cert}, handler) : createServer(handler);
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('secureConnection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	// A client that gives up on TLS makes the server emit errors nobody needs to see.
	server.on('tlsClientError', () => undefined);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
		requests,
		route(path, behaviour) {
			routes.set(path, behaviour);
		},
		requestsTo(path) {
			return requests.filter(request => request.url.split('?')[0] === path);
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

// ---- behaviours ----

/** Answers at once. */
export function answer(status: number, body: string | Buffer, headers: Record<string, string | number> = {}): Behaviour {
	return (_request, response) => {
		response.writeHead(status, {'content-type': 'text/html; charset=UTF-8', ...headers});
		response.end(body);
	};
}

/** Reads the request and never answers (the connection stays open until the client gives up). */
export const neverAnswer: Behaviour = () => undefined;

/** Sends the headers, then one byte every `intervalMs`, forever (until the client gives up). */
export function drip(intervalMs: number): Behaviour {
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'text/html; charset=UTF-8'});
		const timer = setInterval(() => response.write('.'), intervalMs);
		response.on('close', () => clearInterval(timer));
	};
}

/** Closes the connection without a word: the client sees ECONNRESET (or a socket hang up). */
export const resetConnection: Behaviour = (request) => {
	request.socket.resetAndDestroy();
};

/** Announces all of `body` (Content-Length), sends its first `bytes`, then resets the connection. */
export function midBodyReset(body: Buffer, bytes: number): Behaviour {
	return (request, response) => {
		response.writeHead(200, {'content-type': 'text/plain', 'content-length': body.length});
		response.write(body.subarray(0, bytes), () => {
			setTimeout(() => request.socket.resetAndDestroy(), 10);
		});
	};
}

/** The first `times` requests get `first`, the rest `then`. */
export function failFirst(times: number, first: Behaviour, then: Behaviour): Behaviour {
	return (request, response, count) => (count <= times ? first : then)(request, response, count);
}

/** Redirects with `status` to `location` (absolute or relative). */
export function redirect(location: string | ((count: number) => string), status = 302): Behaviour {
	return (_request, response, count) => {
		response.writeHead(status, {location: typeof location === 'function' ? location(count) : location});
		response.end();
	};
}

// ---- addresses that misbehave below HTTP ----

/** An address nobody listens on: connection refused. */
export async function refusedUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return `http://127.0.0.1:${port}/`;
}

export type BlackHole = {
	/** Connecting here never completes: no SYN-ACK ever comes. */
	readonly url: string;
	close(): void;
};

/**
 * An address where a TCP connect hangs: a process listens with a backlog of one and never accepts
 * (its event loop is blocked); two connections fill the queue, after which the kernel drops SYNs.
 */
export async function startBlackHole(): Promise<BlackHole> {
	const child: ChildProcess = spawn(process.execPath, ['-e', `
		const server = require('node:net').createServer();
		server.listen({port: 0, host: '127.0.0.1', backlog: 1}, () => {
			// Writes to a pipe are synchronous on Linux and macOS: the port is out before the loop stops.
			process.stdout.write(server.address().port + '\\n');
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
		});
	`], {stdio: ['ignore', 'pipe', 'inherit']});
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout!.once('data', data => resolve(Number(String(data).trim())));
		child.once('error', reject);
	});
	// Linux queues backlog + 1 completed connections for a listener that never accepts: two here, each
	// waited for until it connects. With both in the queue the kernel drops every further SYN, so the
	// next connect hangs. No connection is tried again: the test that uses the hole checks that a connect
	// hangs ("could not be connected to within …"), and fails in those words if the queue took a third.
	const fillers = await Promise.all([0, 1].map(async () => new Promise<Socket>((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => resolve(socket));
		socket.once('error', reject);
	}))).catch((error: unknown) => {
		child.kill('SIGKILL');
		throw error;
	});
	for (const socket of fillers) socket.on('error', () => undefined);
	return {
		url: `http://127.0.0.1:${port}/`,
		close() {
			for (const socket of fillers) socket.destroy();
			child.kill('SIGKILL');
		},
	};
}

/**
A self-signed certificate for 127.0.0.1, made with openssl now. Its key is an elliptic curve's (P-256),
as most sites' are now: made in a few milliseconds, where a 2048-bit RSA key took openssl some 0.1 s of
CPU (0.3 to 0.6 s beside the tests).
*/
export function selfSignedCertificate(): {key: string; cert: string} {
	const directory = mkdtempSync(join(tmpdir(), 'blogterm-tls-'));
	try {
		execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {stdio: 'ignore'});
		return {key: readFileSync(join(directory, 'key.pem'), 'utf8'), cert: readFileSync(join(directory, 'cert.pem'), 'utf8')};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
