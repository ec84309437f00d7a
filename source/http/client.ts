import got, {type Method, RequestError, type Response} from 'got';
import {BlogError} from '../sources/errors.js';
import {cleanLine} from '../render/sanitize.js';

/** The limits every request lives within. Named in the README ("Reliability"). */
export const httpLimits = {
	/** No connection (DNS, TCP, TLS) within this many ms: give up. */
	connectTimeoutMs: 10_000,
	/** No first byte of the answer within this many ms after sending: give up. */
	responseTimeoutMs: 15_000,
	/** The whole request, body included, must be done within this many ms. */
	requestTimeoutMs: 30_000,
	/** A body (after decompression) larger than this is refused. */
	maxBodyBytes: 20 * 1024 * 1024,
	/** GET retries on 502/503/504 (and 429 with Retry-After) and connection resets. POST never. */
	getRetries: 2,
	maxRedirects: 10,
} as const;

export type HttpResponse = {
	readonly statusCode: number;
	readonly url: string;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly body: string;
};

export type RequestOptions = {
	readonly signal?: AbortSignal;
	readonly headers?: Record<string, string>;
	/** Follow redirects (GET only; default true). */
	readonly followRedirect?: boolean;
};

const userAgent = 'blogterm (+https://www.npmjs.com/package/blogterm)';

/** A hostname for messages ("Could not reach blog.example: …"). */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** Turns got's errors into BlogErrors that say in words what happened. */
export function toBlogError(error: unknown, url: string): BlogError {
	if (error instanceof BlogError) return error;
	const host = cleanLine(hostOf(url));
	const code = (error as {code?: string}).code ?? '';
	const name = (error as {name?: string}).name ?? '';
	if (name === 'AbortError' || code === 'ERR_CANCELED' || name === 'CancelError') {
		return new BlogError('cancelled', `Loading ${host} was cancelled.`, {cause: error});
	}
	if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
		const event = (error as {event?: string}).event;
		const what = event === 'request'
			? `did not finish answering within ${httpLimits.requestTimeoutMs / 1000} s`
			: event === 'response'
				? `took longer than ${httpLimits.responseTimeoutMs / 1000} s to answer`
				: `could not be connected to within ${httpLimits.connectTimeoutMs / 1000} s`;
		return new BlogError('timeout', `${host} ${what}.`, {cause: error});
	}
	const reasons: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ECONNRESET: 'the connection was reset',
		ENOTFOUND: 'no such host (DNS lookup failed)',
		EAI_AGAIN: 'DNS lookup failed (temporary failure)',
		ENETUNREACH: 'network unreachable',
		EHOSTUNREACH: 'host unreachable',
		EPIPE: 'the connection was closed',
		ERR_TOO_MANY_REDIRECTS: `more than ${httpLimits.maxRedirects} redirects (a redirect loop?)`,
		ERR_UNSUPPORTED_PROTOCOL: 'it redirected to an address that is not http or https',
		ERR_BODY_TOO_LARGE: `the answer is larger than ${httpLimits.maxBodyBytes / 1024 / 1024} MB`,
		Z_DATA_ERROR: 'the compressed answer is corrupt',
	};
	if (code in reasons) {
		const kind = code === 'ERR_BODY_TOO_LARGE' || code === 'Z_DATA_ERROR' ? 'unreadable' : 'network';
		return new BlogError(kind, `Could not read ${host}: ${reasons[code]}.`, {cause: error});
	}
	if (/CERT|SSL|TLS|self[- ]signed/i.test(`${code} ${(error as Error).message ?? ''}`)) {
		return new BlogError('network', `Could not reach ${host}: the TLS certificate was not accepted (${cleanLine(code || 'TLS error')}).`, {cause: error});
	}
	if (error instanceof RequestError) {
		return new BlogError('network', `Could not reach ${host}: ${cleanLine(error.message)}.`, {cause: error});
	}
	return new BlogError('network', `Could not reach ${host}: ${cleanLine(String((error as Error)?.message ?? error))}.`, {cause: error});
}

async function send(method: Method, url: string, options: RequestOptions & {form?: Record<string, string>; json?: unknown}): Promise<HttpResponse> {
	const isGet = method === 'GET';
	let tooLarge = false;
	try {
		const request = got(url, {
			method,
			headers: {'user-agent': userAgent, ...options.headers},
			form: options.form,
			json: options.json,
			signal: options.signal,
			throwHttpErrors: false,
			followRedirect: isGet ? (options.followRedirect ?? true) : false,
			maxRedirects: httpLimits.maxRedirects,
			timeout: {
				lookup: httpLimits.connectTimeoutMs,
				connect: httpLimits.connectTimeoutMs,
				secureConnect: httpLimits.connectTimeoutMs,
				response: httpLimits.responseTimeoutMs,
				request: httpLimits.requestTimeoutMs,
			},
			retry: isGet
				? {
					limit: httpLimits.getRetries,
					methods: ['GET'],
					statusCodes: [429, 502, 503, 504],
					errorCodes: ['ECONNRESET', 'EPIPE', 'EAI_AGAIN'],
					maxRetryAfter: 10_000,
					backoffLimit: 4000,
				}
				: {limit: 0},
		});
		request.on('downloadProgress', progress => {
			if (progress.transferred > httpLimits.maxBodyBytes) {
				tooLarge = true;
				request.cancel();
			}
		});
		const response: Response<string> = await request;
		return {statusCode: response.statusCode, url: response.url, headers: response.headers, body: response.body};
	} catch (error) {
		if (tooLarge) throw toBlogError(Object.assign(new Error('too large'), {code: 'ERR_BODY_TOO_LARGE'}), url);
		throw toBlogError(error, url);
	}
}

/** GET a URL as text. Never throws for HTTP status codes: callers decide what a status means. */
export async function getText(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
	return send('GET', url, options);
}

/**
 * GET a URL as raw bytes, for answers whose text encoding the caller decides (a feed declares
 * ISO-8859-1 or windows-1252 in its XML prolog). Same limits and retries as getText; `body` is the bytes read as UTF-8.
 */
export async function getBytes(url: string, options: RequestOptions = {}): Promise<HttpResponse & {readonly bytes: Buffer}> {
	let tooLarge = false;
	try {
		const request = got(url, {
			method: 'GET',
			responseType: 'buffer',
			headers: {'user-agent': userAgent, ...options.headers},
			signal: options.signal,
			throwHttpErrors: false,
			followRedirect: options.followRedirect ?? true,
			maxRedirects: httpLimits.maxRedirects,
			timeout: {
				lookup: httpLimits.connectTimeoutMs,
				connect: httpLimits.connectTimeoutMs,
				secureConnect: httpLimits.connectTimeoutMs,
				response: httpLimits.responseTimeoutMs,
				request: httpLimits.requestTimeoutMs,
			},
			retry: {
				limit: httpLimits.getRetries,
				methods: ['GET'],
				statusCodes: [429, 502, 503, 504],
				errorCodes: ['ECONNRESET', 'EPIPE', 'EAI_AGAIN'],
				maxRetryAfter: 10_000,
				backoffLimit: 4000,
			},
		});
		request.on('downloadProgress', progress => {
			if (progress.transferred > httpLimits.maxBodyBytes) {
				tooLarge = true;
				request.cancel();
			}
		});
		const response: Response<Buffer> = await request;
		return {statusCode: response.statusCode, url: response.url, headers: response.headers, body: response.body.toString('utf8'), bytes: response.body};
	} catch (error) {
		if (tooLarge) throw toBlogError(Object.assign(new Error('too large'), {code: 'ERR_BODY_TOO_LARGE'}), url);
		throw toBlogError(error, url);
	}
}

/** POST a form, without following redirects and without ever retrying. */
export async function postForm(url: string, form: Record<string, string>, options: RequestOptions = {}): Promise<HttpResponse> {
	return send('POST', url, {...options, form});
}

/** POST JSON, without following redirects and without ever retrying. */
export async function postJson(url: string, json: unknown, options: RequestOptions = {}): Promise<HttpResponse> {
	return send('POST', url, {...options, json});
}

/** Parses a JSON body, or rejects with an 'unreadable' BlogError that says where it came from. */
export function parseJsonBody<T>(response: HttpResponse): T {
	try {
		return JSON.parse(response.body.replace(/^\uFEFF/, '')) as T;
	} catch (error) {
		throw new BlogError('unreadable', `${cleanLine(hostOf(response.url))} sent an answer that is not valid JSON.`, {cause: error, statusCode: response.statusCode});
	}
}

/** The value of a header as one string. */
export function header(response: HttpResponse, name: string): string | undefined {
	const value = response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}
