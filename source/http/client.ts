import type {Agent as HttpAgent, ClientRequest, IncomingMessage} from 'node:http';
import type {Agent as HttpsAgent} from 'node:https';
import {agentsFor, ProxyAddressError, proxyFor, proxySettingsFrom, type ProxySettings} from './proxy.js';
import got, {type Method, RequestError, type Response, type RetryObject} from 'got';
import {BlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';
import {cacheKey, type CachedAnswer, type HttpCache} from '../store/cache.js';
import {BodyDecodeError, contentEncodings, decodeBody} from './decode-body.js';
import {currentHttpLimits, formatMegabytes, formatSeconds, httpLimits, timeScale, type HttpLimits} from './limits.js';

export {currentHttpLimits, httpLimits, type HttpLimits} from './limits.js';

export type HttpResponse = {
	readonly statusCode: number;
	readonly url: string;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly body: string;
	/**
	 * The body's bytes, for a caller that decides the encoding itself: a page that turns out to be a feed
	 * is decoded as it declares (or as windows-1252 when it claims UTF-8 but is not).
	 */
	readonly bytes?: Buffer;
	/** Set when the server could not be reached and this is the copy kept on disk (ISO 8601 time it was saved). */
	readonly offlineSavedAt?: string;
	/** Set when `cacheFirst` gave the copy kept on disk without asking the server: the caller has a refresh to do. */
	readonly fromCache?: true;
	/** With `fromCache`: when the kept copy was saved, or last confirmed unchanged by the server (ISO 8601). */
	readonly savedAt?: string;
};

export type RequestOptions = {
	readonly signal?: AbortSignal;
	readonly headers?: Record<string, string>;
	/** Follow redirects (GET only; default true). */
	readonly followRedirect?: boolean;
	/**
	 * GET only: keep a 200 answer on disk, revalidate it next time (If-None-Match / If-Modified-Since;
	 * a 304 gives the kept body), and give it, marked `offlineSavedAt`, when the server cannot be reached.
	 */
	readonly cache?: boolean;
	/**
	 * With `cache`: give the copy kept on disk, marked `fromCache`, without any request when there is
	 * one (the caller asks again without it to refresh); with none, the server is asked as usual.
	 */
	readonly cacheFirst?: boolean;
	/**
	 * With `cache`: give the copy kept on disk (marked `fromCache`), or fail with a `NotKeptOffline` when
	 * there is none; the server is never asked (a guess at what is asked again alongside).
	 */
	readonly keptOnly?: boolean;
};

const userAgent = 'blogterm (+https://www.npmjs.com/package/blogterm)';

/** A hostname for messages ("Could not reach blog.example: …"); never anything a terminal would act on. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return cleanLine(url);
	}
}

/** Certificate problems in words; anything else TLS says by its code. */
const tlsReasons: Record<string, string> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate',
	CERT_HAS_EXPIRED: 'its certificate has expired',
	CERT_NOT_YET_VALID: 'its certificate is not valid yet',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another name',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate could not be verified',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate could not be verified',
	EPROTO: 'the secure connection could not be set up',
	ERR_SSL_WRONG_VERSION_NUMBER: 'it did not answer in TLS (is it http only?)',
};

/**
 * What is wrong with an answer Node's HTTP parser (llhttp) refuses, by its code: it says "Parse Error".
 * One whose length is given twice, or in two ways, is refused because its end cannot be told (a proxy
 * and blogterm could read two different answers from it).
 */
const malformedHttpReasons: Record<string, string> = {
	HPE_INVALID_CONSTANT: 'the answer is not HTTP',
	HPE_INVALID_HEADER_TOKEN: 'the answer has a malformed header',
	HPE_HEADER_OVERFLOW: 'the answer\'s headers are too large',
	HPE_UNEXPECTED_CONTENT_LENGTH: 'the answer is not valid HTTP: it gives its length twice (two Content-Length headers, or one beside Transfer-Encoding), so where it ends cannot be told',
	HPE_INVALID_TRANSFER_ENCODING: 'the answer is not valid HTTP: its Transfer-Encoding header is wrong, or beside a Content-Length, so where it ends cannot be told',
	HPE_INVALID_CONTENT_LENGTH: 'the answer is not valid HTTP: its Content-Length header is not a number',
	HPE_INVALID_CHUNK_SIZE: 'the answer is not valid HTTP: a part of its body (a chunk) has no readable length',
	HPE_INVALID_STATUS: 'the answer is not valid HTTP: its status code is not a number',
	HPE_INVALID_VERSION: 'the answer is not valid HTTP: its HTTP version is unknown',
	HPE_CR_EXPECTED: 'the answer is not valid HTTP: its lines do not end in CR LF',
	HPE_LF_EXPECTED: 'the answer is not valid HTTP: its lines do not end in CR LF',
};

/** Turns got's errors into BlogErrors that say in words what happened. */
export function toBlogError(error: unknown, url: string, limits: HttpLimits = currentHttpLimits()): BlogError {
	if (error instanceof BlogError) return error;
	const host = hostOf(url);
	const code = (error as {code?: string}).code ?? '';
	const name = (error as {name?: string}).name ?? '';
	const message = String((error as Error)?.message ?? '');
	if (name === 'AbortError' || code === 'ERR_CANCELED' || code === 'ABORT_ERR' || name === 'CancelError') {
		return new BlogError('cancelled', `Loading ${host} was cancelled.`, {cause: error});
	}
	if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
		const event = (error as {event?: string}).event;
		const what = event === 'request'
			? `did not finish answering within ${formatSeconds(limits.requestTimeoutMs)}`
			: event === 'response'
				? `took longer than ${formatSeconds(limits.responseTimeoutMs)} to answer`
				: `could not be connected to within ${formatSeconds(limits.connectTimeoutMs)}`;
		return new BlogError('timeout', `${host} ${what}.`, {cause: error});
	}
	if (error instanceof BodyDecodeError) {
		const reason = error.code === 'ERR_BODY_TOO_LARGE'
			? `the answer is larger than ${formatMegabytes(limits.maxBodyBytes)} once uncompressed, blogterm's limit`
			: error.code === 'ERR_UNKNOWN_ENCODING'
				? `the answer is compressed in a way blogterm cannot read (${cleanLine(error.encoding)})`
				: error.code === 'ERR_TOO_MANY_ENCODINGS'
					? `the answer is compressed ${cleanLine(error.encoding)} times over; blogterm undoes at most ${limits.maxContentEncodings}`
					: 'the compressed answer is corrupt';
		return new BlogError('unreadable', `Could not read ${host}: ${reason}.`, {cause: error});
	}
	const reasons: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ECONNRESET: 'the connection was reset',
		ENOTFOUND: 'no such host (DNS lookup failed)',
		EAI_AGAIN: 'DNS lookup failed (temporary failure)',
		ENETUNREACH: 'network unreachable',
		EHOSTUNREACH: 'host unreachable',
		EPIPE: 'the connection was closed',
		ERR_TOO_MANY_REDIRECTS: `more than ${limits.maxRedirects} redirects (a redirect loop?)`,
		ERR_UNSUPPORTED_PROTOCOL: 'it redirected to an address that is not http or https',
		ERR_BODY_TOO_LARGE: `the answer is larger than ${formatMegabytes(limits.maxBodyBytes)}, blogterm's limit`,
		Z_DATA_ERROR: 'the compressed answer is corrupt',
		ERR_INVALID_URL: 'it redirected to an address that cannot be read',
		...malformedHttpReasons,
	};
	if (code in reasons) {
		const kind = code === 'ERR_BODY_TOO_LARGE' || code === 'Z_DATA_ERROR' || code.startsWith('HPE_') ? 'unreadable' : 'network';
		return new BlogError(kind, `Could not read ${host}: ${reasons[code]}.`, {cause: error});
	}
	// Any other answer Node's HTTP parser refuses: said as that, never as "Parse Error".
	if (code.startsWith('HPE_')) {
		const reason = (error as {reason?: unknown}).reason;
		const detail = cleanLine(typeof reason === 'string' ? reason : message.replace(/^Parse Error:?\s*/i, '')).replace(/\.$/, '');
		return new BlogError('unreadable', `Could not read ${host}: the answer is not valid HTTP${detail === '' ? '' : ` (${detail})`}.`, {cause: error});
	}
	if (code in tlsReasons || /CERT|SSL|TLS|self[- ]signed/i.test(`${code} ${message}`)) {
		const reason = tlsReasons[code] ?? `the TLS certificate was not accepted (${cleanLine(code || 'TLS error')})`;
		return new BlogError('network', `Could not reach ${host}: ${reason}.`, {cause: error});
	}
	if (error instanceof RequestError) {
		return new BlogError('network', `Could not reach ${host}: ${cleanLine(message)}.`, {cause: error});
	}
	return new BlogError('network', `Could not reach ${host}: ${cleanLine(message || String(error))}.`, {cause: error});
}

/** Connection failures that, through a proxy, are the proxy's: every connection goes to it. */
const proxyConnectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A failure through a proxy, said as the proxy's when it was (it could not be reached, it refused the tunnel). */
function proxyError(error: unknown, url: string, proxy: URL, limits: HttpLimits): BlogError {
	const blogError = toBlogError(error, url, limits);
	const code = codeOf(error);
	if (code === 'EPROXY') return new BlogError('network', `Could not read ${hostOf(url)} through the proxy ${proxy.host}: ${cleanLine((error as Error).message)}.`, {cause: error});
	if (code !== undefined && proxyConnectCodes.has(code)) {
		return new BlogError('network', `Could not reach the proxy ${proxy.host} (for ${hostOf(url)}): ${blogError.message.replace(/^.*?: /, '').replace(/\.$/, '')}.`, {cause: error});
	}
	return blogError;
}

/** The system's code of an error or of the error inside it. */
function codeOf(error: unknown): string | undefined {
	const code = (error as {code?: unknown}).code;
	if (typeof code === 'string' && code !== '' && code !== 'ERR_GOT_REQUEST_ERROR') return code;
	const inner = (error as {cause?: unknown}).cause;
	const innerCode = inner === undefined || inner === null ? undefined : (inner as {code?: unknown}).code;
	return typeof innerCode === 'string' ? innerCode : typeof code === 'string' ? code : undefined;
}

const retriedStatuses = new Set([502, 503, 504]);
const retryAfterStatuses = new Set([429, 503]);
const retriedErrorCodes = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

/**
 * How long to wait before retrying a GET, or 0 not to: 502/503/504 and connection resets (before the
 * answer or in the middle of its body) are retried with backoff (1 s, 2 s… at most 4 s); 429 and 503
 * wait as long as Retry-After says, when that is short, and never less than the backoff.
 */
export function retryDelay(retry: Pick<RetryObject, 'attemptCount' | 'retryAfter'> & {readonly method: string; readonly statusCode: number | undefined; readonly code: string | undefined}, limits: HttpLimits, scale = 1): number {
	if (retry.method !== 'GET' || retry.attemptCount > limits.getRetries) return 0;
	const backoff = Math.min(limits.retryDelayMs * 2 ** (retry.attemptCount - 1), limits.maxRetryDelayMs);
	// A reset in the middle of a body comes with the answer's status (200): the reset is what counts.
	if (retriedErrorCodes.has(retry.code ?? '')) return backoff;
	const status = retry.statusCode;
	if (status !== undefined && retryAfterStatuses.has(status) && retry.retryAfter !== undefined && Number.isFinite(retry.retryAfter)) {
		// got gives Retry-After in ms of real time; the limit is in real time too.
		if (retry.retryAfter > httpLimits.maxRetryAfterMs) return 0;
		// "Retry-After: 0", or a date already past: not at once, but after the usual backoff.
		return Math.max(backoff, Math.round(retry.retryAfter * scale));
	}
	if (status === undefined || !retriedStatuses.has(status)) return 0;
	return backoff;
}

type RawResponse = {
	readonly statusCode: number;
	readonly url: string;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly bytes: Buffer;
};

type SendOptions = RequestOptions & {readonly form?: Record<string, string>; readonly json?: unknown};

/** Why a request was cancelled by blogterm itself, from its headers, before the body was read. */
type RefusedOnHeader = {readonly code: 'ERR_BODY_TOO_LARGE'} | {readonly code: 'ERR_TOO_MANY_ENCODINGS'; readonly layers: number};

/** An answer refused on its headers: announced larger than the limit, or compressed in too many layers. */
function refusalOf(headers: Readonly<Record<string, string | string[] | undefined>>, limits: HttpLimits): RefusedOnHeader | undefined {
	if (Number(headers['content-length']) > limits.maxBodyBytes) return {code: 'ERR_BODY_TOO_LARGE'};
	const encoding = headers['content-encoding'];
	const layers = contentEncodings(Array.isArray(encoding) ? encoding.join(',') : encoding).length;
	if (layers > limits.maxContentEncodings) return {code: 'ERR_TOO_MANY_ENCODINGS', layers};
	return undefined;
}

/** What every request of one client lives within. */
type ClientSettings = {
	readonly limits: HttpLimits;
	readonly scale: number;
	/** The proxy a URL is asked through, with got's agents for it; undefined to go direct. */
	readonly proxyFor?: (url: string) => {readonly proxy: URL; readonly agents: {http: HttpAgent; https: HttpsAgent}} | undefined;
	/** Why the proxy variables cannot be used (HTTPS_PROXY=ftp://…): every request fails with it. */
	readonly proxyProblem?: string;
};

/** One request: timeouts, retries (GET), redirects (GET), the body limit and decompression. Rejects with a BlogError. */
async function send(method: Method, url: string, options: SendOptions, {limits, scale, proxyFor: proxyOf, proxyProblem}: ClientSettings): Promise<RawResponse> {
	if (proxyProblem) throw new BlogError('network', `Could not read ${hostOf(url)}: ${proxyProblem}`);
	const proxied = proxyOf?.(url);
	const isGet = method === 'GET';
	let refused: RefusedOnHeader | undefined;
	// The request's time limit counts from the start of the attempt that answered; decoding is within it.
	let attemptStarted = Date.now();
	try {
		const request = got(url, {
			method,
			headers: {'user-agent': userAgent, 'accept-encoding': 'gzip, deflate, br', ...options.headers},
			form: options.form,
			json: options.json,
			signal: options.signal,
			...(proxied ? {agent: proxied.agents} : {}),
			responseType: 'buffer',
			// Decompressed below, within the body limit.
			decompress: false,
			throwHttpErrors: false,
			// A POST is never re-sent anywhere by a redirect: the caller reads the 3xx.
			followRedirect: isGet ? (options.followRedirect ?? true) : false,
			maxRedirects: limits.maxRedirects,
			timeout: {
				lookup: limits.connectTimeoutMs,
				connect: limits.connectTimeoutMs,
				secureConnect: limits.connectTimeoutMs,
				response: limits.responseTimeoutMs,
				request: limits.requestTimeoutMs,
			},
			retry: {
				limit: isGet ? limits.getRetries : 0,
				methods: ['GET'],
				calculateDelay: ({attemptCount, retryAfter, error}) => retryDelay({
					attemptCount,
					retryAfter,
					method: error.options.method,
					statusCode: error.response?.statusCode,
					code: error.code,
				}, limits, scale),
			},
		});
		// got's own 'response' comes only once the whole body is read: its headers are judged as they arrive.
		void request.on('request', (clientRequest: ClientRequest) => {
			// got's request timeout starts again with each attempt and each redirect.
			attemptStarted = Date.now();
			clientRequest.once('response', (incoming: IncomingMessage) => {
				// A 304 has no body, whatever length it names.
				if (incoming.statusCode === 304) return;
				refused = refusalOf(incoming.headers, limits);
				if (refused) request.cancel();
			});
		});
		void request.on('downloadProgress', progress => {
			if (progress.transferred > limits.maxBodyBytes) {
				refused = {code: 'ERR_BODY_TOO_LARGE'};
				request.cancel();
			}
		});
		const response: Response<Buffer> = await request;
		const encoding = response.headers['content-encoding'];
		const bytes = await decodeBody(response.body, Array.isArray(encoding) ? encoding.join(',') : encoding, {
			maxBytes: limits.maxBodyBytes,
			maxLayers: limits.maxContentEncodings,
			deadline: attemptStarted + limits.requestTimeoutMs,
			signal: options.signal,
		});
		return {statusCode: response.statusCode, url: response.url, headers: response.headers, bytes};
	} catch (error) {
		if (refused?.code === 'ERR_BODY_TOO_LARGE') throw toBlogError(Object.assign(new Error('too large'), {code: 'ERR_BODY_TOO_LARGE'}), url, limits);
		if (refused?.code === 'ERR_TOO_MANY_ENCODINGS') throw toBlogError(new BodyDecodeError('ERR_TOO_MANY_ENCODINGS', String(refused.layers)), url, limits);
		if (proxied) throw proxyError(error, url, proxied.proxy, limits);
		throw toBlogError(error, url, limits);
	}
}

type GotResponse = RawResponse & {offlineSavedAt?: string; fromCache?: true; savedAt?: string};

function fromCache(answer: CachedAnswer, offline: boolean): GotResponse {
	const response = {statusCode: answer.statusCode, url: answer.url, headers: answer.headers, bytes: answer.bytes};
	return offline ? {...response, offlineSavedAt: answer.savedAt} : response;
}

/**
 * A GET answered 429 (after any retry its Retry-After allowed): an error that says so in words, with the
 * wait the server asked for, rather than each caller's bare "answered 429". A POST's 429 is the caller's to
 * read (WordPress's comment flood), so this is for GETs only.
 */
function tooManyRequests(response: RawResponse, url: string): BlogError {
	const header = response.headers['retry-after'];
	const wait = retryAfterSeconds(Array.isArray(header) ? header[0] : header, Date.now());
	// "Retry-After: 0" (or a date gone by) asks for no wait: the retries did not help, and that is all there is to say.
	const asked = wait === undefined || wait === 0 ? '' : `; it asks to wait ${formatWait(wait)} before asking again`;
	return new BlogError('http', `${cleanLine(hostOf(response.url || url))} answered 429, too many requests${asked}.`, {statusCode: 429});
}

/** Retry-After in seconds (a number of them, or an HTTP date), from `now`; undefined when there is none that can be read. */
function retryAfterSeconds(value: string | undefined, now: number): number | undefined {
	const text = value?.trim() ?? '';
	if (/^\d+$/.test(text)) return Number(text);
	const date = text === '' ? Number.NaN : Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** `45 s`, `2 min`, `3 h`: a wait as a person reads it (rounded up). */
function formatWait(seconds: number): string {
	if (seconds < 120) return `${seconds} s`;
	if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
	return `${Math.ceil(seconds / 3600)} h`;
}

/** Failures that mean "no network" (nothing answered): the kept copy is given instead. */
function isUnreachable(error: BlogError): boolean {
	return error.kind === 'network' || error.kind === 'timeout';
}

function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return url;
	}
}

/**
 * An answer with its text, read as UTF-8 when first asked for: a feed's bytes are decoded by the feed
 * reader as the feed declares, so its text here would be one more copy of a body that may be 7 MB.
 */
function asText(response: GotResponse): HttpResponse & {readonly bytes: Buffer} {
	const {bytes} = response;
	let body: string | undefined;
	return {
		statusCode: response.statusCode,
		url: response.url,
		headers: response.headers,
		get body() {
			body ??= bytes.toString('utf8');
			return body;
		},
		bytes,
		...(response.offlineSavedAt === undefined ? {} : {offlineSavedAt: response.offlineSavedAt}),
		...(response.fromCache ? {fromCache: true as const, ...(response.savedAt === undefined ? {} : {savedAt: response.savedAt})} : {}),
	};
}

/**
 * What a client does with the copies kept on disk when the blog cannot be reached:
 * - `fallback` gives the kept copy, marked `offlineSavedAt` (the reader: something to read on a train);
 * - `fresh` fails, with a `StaleCopyRefused` that says when the copy it did not give was saved (print mode's default:
 *   a script must not take old data for new);
 * - `only` asks nothing of the network: every GET is the kept copy (marked `offlineSavedAt`) or a `NotKeptOffline`.
 */
export type CacheMode = 'fallback' | 'fresh' | 'only';

/** The blog could not be reached and a copy was kept, but fresh data was asked for (`CacheMode` `fresh`). */
export class StaleCopyRefused extends BlogError {
	/** When the copy that was not given was saved (ISO 8601). */
	readonly savedAt: string;

	constructor(error: BlogError, savedAt: string) {
		super(error.kind, error.message, {statusCode: error.statusCode, cause: error.cause ?? error});
		this.savedAt = savedAt;
	}
}

/** Offline only (`CacheMode` `only`) and nothing was kept of this address. */
export class NotKeptOffline extends BlogError {
	readonly offline = true;

	constructor(url: string) {
		super('network', `Nothing of ${hostOf(url)} is kept for offline reading${pathOf(url)}; read it once without --offline.`);
	}
}

/** The page or feed not kept, said after the host; not a REST API route, which is blogterm's business, not the reader's. */
function pathOf(url: string): string {
	try {
		const {pathname, search} = new URL(url);
		if (pathname.includes('/wp-json/') || new URLSearchParams(search).has('rest_route')) return '';
		return pathname === '/' && search === '' ? '' : ` (${cleanLine(`${pathname}${search}`)})`;
	} catch {
		return '';
	}
}

export type HttpClientOptions = {
	/**
	 * The proxy: a URL (--proxy) for every address, false for none (the demo blog, on this machine), or by
	 * default the environment's (`https_proxy`, `http_proxy`, `no_proxy`, upper case too), as curl reads them.
	 */
	readonly proxy?: string | false;
	/** What kept copies are for when the blog cannot be reached; `fallback` by default (see CacheMode). */
	readonly cacheMode?: CacheMode;
	/**
	 * Where GETs asked with `cache: true` are kept, revalidated and read offline. Without one nothing is
	 * kept (the demo blog, on this machine; tests that keep nothing).
	 */
	readonly cache?: HttpCache;
	/** Default: `currentHttpLimits(environment)`, the real figures (time ones scaled by BLOGTERM_TIMEOUT_SCALE). */
	readonly limits?: HttpLimits;
	/** Read for BLOGTERM_TIMEOUT_SCALE; process.env by default. */
	readonly environment?: NodeJS.ProcessEnv;
};

/** The one way blogterm speaks HTTP: made at the edge (the reader, print mode, a test) and passed down. */
export type HttpClient = {
	readonly limits: HttpLimits;
	/** The disk cache this client keeps answers in, if any (its folder also holds what a site refused: send-comment.ts). */
	readonly cache?: HttpCache;
	/**
	 * GET a URL as text. Never throws for HTTP status codes, callers decide what a status means, but for
	 * 429 (too many requests, after the retries): a BlogError that says so, with the wait asked for.
	 */
	getText(url: string, options?: RequestOptions): Promise<HttpResponse>;
	/**
	 * GET a URL as raw bytes, for answers whose text encoding the caller decides (a feed declares
	 * ISO-8859-1 or windows-1252 in its XML prolog). Same limits and retries as getText; `body` is the bytes read as UTF-8.
	 */
	getBytes(url: string, options?: RequestOptions): Promise<HttpResponse & {readonly bytes: Buffer}>;
	/** POST a form, without following redirects and without ever retrying. */
	postForm(url: string, form: Record<string, string>, options?: RequestOptions): Promise<HttpResponse>;
	/** POST JSON, without following redirects and without ever retrying. */
	postJson(url: string, json: unknown, options?: RequestOptions): Promise<HttpResponse>;
	/**
	 * Resolves once no request of this client is under way (nor its answer being kept), nor any work
	 * handed to `inBackground`: what a run asked for in the background (discovery asked again for the
	 * next run, parts guessed ahead) is done. A process waits for these before it exits; a run inside a
	 * test process waits here instead.
	 */
	settled(): Promise<void>;
	/**
	 * Work started in the background that asks more than once, one request after another (discovery: the
	 * home page, then the REST index it names): `settled()` waits for all of it. Between two of its
	 * requests none is under way, and a wait for the requests alone could end there, before the second.
	 */
	inBackground<T>(work: Promise<T>): Promise<T>;
};

/** How a client reaches addresses: through the proxy its options or environment name, its agents made once. */
function proxySettingsOf(proxy: string | false | undefined, environment: NodeJS.ProcessEnv): Pick<ClientSettings, 'proxyFor' | 'proxyProblem'> {
	if (proxy === false) return {};
	let proxies: ProxySettings | undefined;
	try {
		proxies = proxySettingsFrom(environment, proxy);
	} catch (error) {
		if (error instanceof ProxyAddressError) return {proxyProblem: error.message};
		throw error;
	}
	if (!proxies) return {};
	const agents = new Map<string, {http: HttpAgent; https: HttpsAgent}>();
	return {
		proxyFor(url) {
			const found = proxyFor(url, proxies);
			if (!found) return undefined;
			let made = agents.get(found.href);
			if (!made) {
				made = agentsFor(found);
				agents.set(found.href, made);
			}
			return {proxy: found, agents: made};
		},
	};
}

/** An HTTP client (got inside) with its own cache and limits. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
	const environment = options.environment ?? process.env;
	const settings: ClientSettings = {limits: options.limits ?? currentHttpLimits(environment), scale: timeScale(environment), ...proxySettingsOf(options.proxy, environment)};
	const {cache} = options;
	const cacheMode = options.cacheMode ?? 'fallback';
	/** Origins that could not be reached when last asked (until one answers): their kept copies are offline copies. */
	const unreachableOrigins = new Set<string>();

	/** Requests under way (with the keeping of their answers). */
	const underWay = new Set<Promise<unknown>>();
	const tracked = <T>(work: Promise<T>): Promise<T> => {
		underWay.add(work);
		work.then(() => underWay.delete(work), () => underWay.delete(work));
		return work;
	};

	/** The requests under way under each caller's signal (the signals are the callers': kept no longer than they are). */
	const underSignal = new WeakMap<AbortSignal, Set<AbortController>>();
	/**
	 * One request, listening to the caller's signal through a signal of its own. got and the decoder each
	 * listen to the signal they are given; a caller's signal often covers many requests at once (a page of
	 * a hundred posts asks their comment counts, its feeds and more), and past ten listeners on one signal
	 * Node prints a MaxListenersExceededWarning: over the reader's screen, or into a script's stderr. The
	 * client listens to each caller's signal once, and passes its abort (and reason) on to every request
	 * under it. (Node 20's `AbortSignal.any([caller])` adds no listener either, but keeps a weak
	 * reference to each signal it makes in the caller's, never removed: a million requests under one
	 * signal held 56 MB after a full collection, where the caller's signal may be the reader's for as
	 * long as it runs.)
	 */
	const sendUnder = async (method: Method, url: string, request: SendOptions): Promise<RawResponse> => {
		const caller = request.signal;
		if (!caller) return send(method, url, request, settings);
		const own = new AbortController();
		if (caller.aborted) own.abort(caller.reason);
		let requests = underSignal.get(caller);
		if (!requests) {
			const listening = new Set<AbortController>();
			requests = listening;
			underSignal.set(caller, listening);
			caller.addEventListener('abort', () => {
				for (const each of listening) each.abort(caller.reason);
			}, {once: true});
		}
		requests.add(own);
		try {
			return await send(method, url, {...request, signal: own.signal}, settings);
		} finally {
			requests.delete(own);
		}
	};

	/** A GET, through the on-disk cache when asked and there is one; a 429 left after the retries is an error in words. */
	const get = async (url: string, request: RequestOptions): Promise<GotResponse> => tracked(getAnswer(url, request).then(answer => {
		if (answer.statusCode === 429) throw tooManyRequests(answer, url);
		return answer;
	}));
	const getAnswer = async (url: string, request: RequestOptions): Promise<GotResponse> => {
		if (cacheMode === 'only') {
			const kept = request.cache && cache ? await cache.get(cacheKey(url, request.headers?.['accept'])) : undefined;
			if (!kept) throw new NotKeptOffline(url);
			return fromCache(kept, true);
		}
		if (request.keptOnly && (!request.cache || !cache)) throw new NotKeptOffline(url);
		if (!request.cache || !cache) return sendUnder('GET', url, request);
		const key = cacheKey(url, request.headers?.['accept']);
		const cached = await cache.get(key);
		if (request.keptOnly && !cached) throw new NotKeptOffline(url);
		if (cached && (request.cacheFirst || request.keptOnly)) {
			// Asked to show what was kept at once: a cancel still ends the load as it would have.
			if (request.signal?.aborted) throw toBlogError(Object.assign(new Error('aborted'), {name: 'AbortError'}), url, settings.limits);
			// The blog did not answer a moment ago: say at once that this is what was kept.
			return {...fromCache(cached, unreachableOrigins.has(originOf(url))), fromCache: true, savedAt: cached.savedAt};
		}
		const headers = {...request.headers};
		const etag = cached?.headers['etag'];
		const lastModified = cached?.headers['last-modified'];
		if (etag) headers['if-none-match'] = etag;
		if (lastModified) headers['if-modified-since'] = lastModified;
		let response: RawResponse;
		try {
			response = await sendUnder('GET', url, {...request, headers});
		} catch (error) {
			if (error instanceof BlogError && isUnreachable(error)) {
				unreachableOrigins.add(originOf(url));
				if (cached && cacheMode === 'fresh') throw new StaleCopyRefused(error, cached.savedAt);
				if (cached) return fromCache(cached, true);
			}
			throw error;
		}
		unreachableOrigins.delete(originOf(url));
		if (response.statusCode === 304 && cached) return fromCache(await cache.refresh(key, cached), false);
		if (response.statusCode === 200) await cache.put(key, response);
		else if ((response.statusCode === 404 || response.statusCode === 410) && cached) await cache.delete(key);
		return response;
	};

	return {
		limits: settings.limits,
		cache,
		getText: getAsText,
		// The same answer: its bytes are kept on it (asText), its UTF-8 text made only when read.
		getBytes: getAsText,
		async postForm(url, form, request = {}) {
			refuseOffline(url);
			return asText(await tracked(sendUnder('POST', url, {...request, cache: false, form})));
		},
		async postJson(url, json, request = {}) {
			refuseOffline(url);
			return asText(await tracked(sendUnder('POST', url, {...request, cache: false, json})));
		},
		async settled() {
			while (underWay.size > 0) await Promise.allSettled([...underWay]);
		},
		inBackground: tracked,
	};

	async function getAsText(url: string, request: RequestOptions = {}): Promise<HttpResponse & {readonly bytes: Buffer}> {
		return asText(await get(url, request));
	}

	/** Offline only: nothing is sent. */
	function refuseOffline(url: string): void {
		if (cacheMode === 'only') throw new NotKeptOffline(url);
	}
}

/** Parses a JSON body, or rejects with an 'unreadable' BlogError that says where it came from. */
export function parseJsonBody<T>(response: HttpResponse): T {
	try {
		return JSON.parse(response.body.replace(/^\uFEFF/, '')) as T;
	} catch (error) {
		throw new BlogError('unreadable', `${hostOf(response.url)} sent an answer that is not valid JSON.`, {cause: error, statusCode: response.statusCode});
	}
}

/** The value of a header as one string. */
export function header(response: HttpResponse, name: string): string | undefined {
	const value = response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}
