import http, {type ClientRequest} from 'node:http';
import https from 'node:https';
import net, {type Socket} from 'node:net';
import tls from 'node:tls';
import type {Duplex} from 'node:stream';
import {cleanLine} from '../render/sanitize.js';

/*
HTTP proxies, as curl, gh and newsboat take them: `https_proxy`/`HTTPS_PROXY` for https addresses,
`http_proxy`/`HTTP_PROXY` for http ones, `no_proxy`/`NO_PROXY` for the hosts reached directly, or one
proxy for all (`--proxy URL`). An https address goes through a CONNECT tunnel (TLS end to end); an http
one is asked of the proxy in absolute form (`GET http://host/path`), as curl does.
*/

/** The proxies a client uses: by scheme, and the hosts that bypass them. */
export type ProxySettings = {
	readonly http?: URL;
	readonly https?: URL;
	/** `no_proxy` entries, lowercased: `*`, a host, `.domain` or `domain` (with its subdomains), an IP, each with an optional `:port`. */
	readonly bypass: readonly string[];
};

/** A proxy address that cannot be used: the message says which variable (or flag) and why. */
export class ProxyAddressError extends Error {
	override readonly name = 'ProxyAddressError';
}

/** `proxy.example:3128` means http://proxy.example:3128; only http:// proxies are spoken to. */
export function parseProxyUrl(text: string, source: string): URL {
	const trimmed = text.trim();
	const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new ProxyAddressError(`${source}: “${cleanLine(text)}” is not a proxy address (http://host:port).`);
	}
	if (url.protocol !== 'http:') throw new ProxyAddressError(`${source}: “${cleanLine(text)}” is not an http:// proxy; blogterm speaks to http proxies only.`);
	if (url.hostname === '') throw new ProxyAddressError(`${source}: “${cleanLine(text)}” names no host.`);
	return url;
}

function variable(environment: NodeJS.ProcessEnv, name: string): {value: string; name: string} | undefined {
	for (const spelled of [name.toLowerCase(), name.toUpperCase()]) {
		const value = environment[spelled];
		if (value !== undefined && value.trim() !== '') return {value, name: spelled};
	}
	return undefined;
}

/** The proxies `environment` names, or `explicit` (--proxy) for every address; undefined when there are none. */
export function proxySettingsFrom(environment: NodeJS.ProcessEnv, explicit?: string): ProxySettings | undefined {
	const noProxy = variable(environment, 'no_proxy');
	const bypass = (noProxy?.value ?? '').split(',').map(entry => entry.trim().toLowerCase()).filter(entry => entry !== '');
	if (explicit !== undefined) {
		const proxy = parseProxyUrl(explicit, '--proxy');
		return {http: proxy, https: proxy, bypass};
	}
	const forHttps = variable(environment, 'https_proxy');
	const forHttp = variable(environment, 'http_proxy');
	if (!forHttps && !forHttp) return undefined;
	return {
		...(forHttp ? {http: parseProxyUrl(forHttp.value, forHttp.name)} : {}),
		...(forHttps ? {https: parseProxyUrl(forHttps.value, forHttps.name)} : {}),
		bypass,
	};
}

/** The proxy for `url`, or undefined: none for its scheme, or its host is in no_proxy. */
export function proxyFor(url: string, settings: ProxySettings | undefined): URL | undefined {
	if (!settings) return undefined;
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		return undefined;
	}
	const proxy = target.protocol === 'https:' ? settings.https : target.protocol === 'http:' ? settings.http : undefined;
	if (!proxy) return undefined;
	const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
	const port = target.port || (target.protocol === 'https:' ? '443' : '80');
	const bypassed = settings.bypass.some(entry => {
		if (entry === '*') return true;
		const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''))!;
		const name = match[1]!.replace(/^\*?\./, '');
		if (match[2] !== undefined && match[2] !== port) return false;
		return host === name || host.endsWith(`.${name}`);
	});
	return bypassed ? undefined : proxy;
}

function authorization(proxy: URL): Record<string, string> {
	if (proxy.username === '' && proxy.password === '') return {};
	const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
	return {'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}`};
}

function proxyPort(proxy: URL): number {
	return Number(proxy.port || 80);
}

/** An error that says the proxy refused: its code tells messages it was the proxy. */
export class ProxyRefusedError extends Error {
	override readonly name = 'ProxyRefusedError';
	readonly code = 'EPROXY';
}

type ConnectionOptions = tls.ConnectionOptions & {readonly host?: string; readonly port?: number | string; readonly servername?: string};
type Callback = (error: Error | null, socket?: Duplex) => void;

/** https through an http proxy: a CONNECT tunnel, then TLS with the site itself inside it. */
class TunnelAgent extends https.Agent {
	readonly #proxy: URL;

	constructor(proxy: URL) {
		super({keepAlive: false});
		this.#proxy = proxy;
	}

	override createConnection(options: ConnectionOptions, callback: Callback): undefined {
		const host = String(options.host ?? 'localhost');
		const port = Number(options.port ?? 443);
		const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
		const socket: Socket = net.connect({host: this.#proxy.hostname.replace(/^\[|\]$/g, ''), port: proxyPort(this.#proxy)});
		let answer = Buffer.alloc(0);
		const fail = (error: Error) => {
			socket.destroy();
			callback(error);
		};
		const onData = (chunk: Buffer) => {
			answer = Buffer.concat([answer, chunk]);
			const end = answer.indexOf('\r\n\r\n');
			if (end === -1) {
				if (answer.length > 16_384) fail(new ProxyRefusedError('the proxy sent an answer to CONNECT that is too long'));
				return;
			}
			socket.off('data', onData);
			socket.off('error', fail);
			const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer.subarray(0, end).toString('latin1'))?.[1]);
			if (status !== 200) {
				fail(new ProxyRefusedError(`the proxy answered ${Number.isNaN(status) ? 'something that is not HTTP' : status} to CONNECT ${target}`));
				return;
			}
			// Anything after the proxy's answer belongs to the tunnel.
			if (answer.length > end + 4) socket.unshift(answer.subarray(end + 4));
			const secure = tls.connect({...options, socket, servername: options.servername ?? (net.isIP(host) ? undefined : host)});
			callback(null, secure);
		};
		socket.on('error', fail);
		socket.on('data', onData);
		socket.once('connect', () => {
			const headers = Object.entries({host: target, ...authorization(this.#proxy)}).map(([name, value]) => `${name}: ${value}\r\n`).join('');
			socket.write(`CONNECT ${target} HTTP/1.1\r\n${headers}\r\n`);
		});
		return undefined;
	}
}

type AgentWithAddRequest = {addRequest(request: ClientRequest, options: object): void};

/** http through an http proxy: the request goes to the proxy, its target in absolute form. */
class AbsoluteFormAgent extends http.Agent {
	readonly #proxy: URL;

	constructor(proxy: URL) {
		super({keepAlive: false});
		this.#proxy = proxy;
	}

	/** Node's own hook, called before the request line is written: the path becomes the whole URL. */
	addRequest(request: ClientRequest, options: {readonly host?: string; readonly port?: number | string}): void {
		const host = options.host ?? request.host;
		const port = options.port === undefined || String(options.port) === '80' ? '' : `:${options.port}`;
		request.path = `http://${host.includes(':') ? `[${host}]` : host}${port}${request.path}`;
		for (const [name, value] of Object.entries(authorization(this.#proxy))) request.setHeader(name, value);
		const base = http.Agent.prototype as unknown as AgentWithAddRequest;
		base.addRequest.call(this, request, {...options, host: this.#proxy.hostname.replace(/^\[|\]$/g, ''), port: proxyPort(this.#proxy)});
	}
}

/** The agents got takes for a proxy (`agent: {http, https}`), made once per client and proxy. */
export function agentsFor(proxy: URL): {http: http.Agent; https: https.Agent} {
	return {http: new AbsoluteFormAgent(proxy), https: new TunnelAgent(proxy)};
}
