/**
 * A client of Tiny Tiny RSS's JSON API (api/), through blogterm's HTTP client. Plain TypeScript: it
 * knows nothing of the store or the screen. It keeps the user's account safe: https only (but for a
 * server on this machine), a redirect to another host is not followed (the password is not sent
 * there), the password and session never appear in a message. A session that has ended is logged
 * in again, once.
 */
import * as v from 'valibot';
import type {HttpClient, HttpResponse} from '../../http/client.js';
import {hostOf} from '../../http/client.js';
import {isBlogError} from '../../errors.js';
import {cleanLine} from '../../render/sanitize.js';
import {SyncError} from '../sync-error.js';
import {envelopeSchema, errorContentSchema, loginSchema, readArticles, readCategories, readCounters, readFeeds, readSubscribe, readUnread, type ServerArticle, type ServerCategory, type ServerCounters, type ServerFeed} from './ttrss-schema.js';

/** The oldest API level blogterm reads (since_id, show_content, excerpt_length, getCounters are older). */
export const minimumApiLevel = 9;
/** At most this many headlines per page (TT-RSS's own limit is 200). */
export const headlinesPageSize = 200;

export type TtrssAccount = {
	/** The server's address, where its web page is ("https://rss.example/tt-rss/"). */
	readonly url: string;
	readonly user: string;
	readonly password: string;
	/** A session kept from last time, tried before logging in. */
	readonly sessionId?: string;
};

export type TtrssClientOptions = {
	readonly http: HttpClient;
	readonly account: TtrssAccount;
	/** Told each new session (to keep it, 0600) and undefined when one ends. */
	readonly onSession?: (sessionId: string | undefined) => void;
	readonly signal?: AbortSignal;
};

export type HeadlinesRequest = {
	/** Only articles with a greater ID (0: all). */
	readonly sinceId: number;
	readonly skip: number;
	readonly limit?: number;
	/** A feed; by default all articles (-4); -1 is Starred. */
	readonly feedId?: number;
	/** Default all_articles. */
	readonly viewMode?: 'all_articles' | 'unread';
	/** Ask for each article's HTML (default true); reading only IDs and flags does without. */
	readonly withContent?: boolean;
};

export type TtrssClient = {
	/** The server's address, normalised (ending in /). */
	readonly url: string;
	/** Logs in (again): the API level the server speaks. */
	logIn(): Promise<{readonly apiLevel: number}>;
	feeds(): Promise<ServerFeed[]>;
	categories(): Promise<ServerCategory[]>;
	headlines(request: HeadlinesRequest): Promise<ServerArticle[]>;
	counters(): Promise<ServerCounters>;
	unread(): Promise<number | undefined>;
	/** Marks articles read (or unread) on the server. */
	setRead(articleIds: readonly number[], read: boolean): Promise<void>;
	/** Stars (or unstars) articles on the server. */
	setStarred(articleIds: readonly number[], starred: boolean): Promise<void>;
	/** Asks the server to follow a feed: its feed ID. A feed it cannot reach rejects with its reason. */
	subscribe(feedUrl: string, categoryId?: number): Promise<number>;
	unsubscribe(feedId: number): Promise<void>;
	/** Asks the server to read a feed now (a feed just followed has its posts at once). */
	updateFeed(feedId: number): Promise<void>;
	logOut(): Promise<void>;
};

/** Whether a host is this machine (where http is allowed, for tests and a server of one's own). */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The server's address as blogterm keeps it (ending in /, no query, no credentials), or a SyncError
 * that says why not: not a URL, not http(s), http to another machine.
 */
export function serverAddress(text: string): string {
	let url: URL;
	try {
		url = new URL(/^[a-z][\w+.-]*:\/\//i.test(text.trim()) ? text.trim() : `https://${text.trim()}`);
	} catch {
		throw new SyncError('insecure', 'The TT-RSS address is not a URL (for example https://rss.example/tt-rss/).');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncError('insecure', 'The TT-RSS address must start with https://.');
	const insecure = url.protocol === 'http:' && !isLoopbackHost(url.hostname);
	url.username = '';
	url.password = '';
	url.search = '';
	url.hash = '';
	url.pathname = url.pathname.replace(/\/(index\.php|api\/?)?$/, '/').replace(/([^/])$/, '$1/');
	if (insecure) throw new SyncError('insecure', `blogterm sends your password to TT-RSS only over https: use https://${url.host}${url.pathname}`);
	return url.href;
}

const subscribeReasons: Record<number, string> = {
	2: 'the address is not a valid URL',
	3: 'the page has no feed',
	4: 'the page has more than one feed: follow the feed itself',
	5: 'it could not download the feed',
	6: 'the feed is not valid XML',
};

export function createTtrssClient(options: TtrssClientOptions): TtrssClient {
	const {http, account, signal} = options;
	const url = serverAddress(account.url);
	const host = hostOf(url);
	const user = cleanLine(account.user);
	let endpoint = new URL('api/', url).href;
	let sessionId = account.sessionId;

	/** One POST to the API, following a redirect only on the same host and over https (or loopback). */
	const post = async (body: Record<string, unknown>): Promise<HttpResponse> => {
		for (let redirects = 0; ; redirects++) {
			let response: HttpResponse;
			try {
				response = await http.postJson(endpoint, body, {signal});
			} catch (error) {
				const reason = isBlogError(error) ? error.message : 'it did not answer';
				throw new SyncError('unreachable', `Could not reach the TT-RSS server at ${host}: ${reason.replace(/\.$/, '')}.`, {cause: error});
			}
			if (response.statusCode < 300 || response.statusCode >= 400) return response;
			const location = response.headers['location'];
			const target = typeof location === 'string' ? safeUrl(location, endpoint) : undefined;
			if (!target || redirects >= 3) throw new SyncError('unreachable', `The TT-RSS server at ${host} answered with a redirect blogterm cannot follow.`);
			if (target.host !== new URL(endpoint).host || (target.protocol !== 'https:' && !isLoopbackHost(target.hostname))) {
				throw new SyncError('insecure', `The TT-RSS server at ${host} sent blogterm to another address (${target.protocol === 'https:' ? target.host : `${target.protocol}//${target.host}`}); your password was not sent there.`);
			}
			endpoint = target.href;
		}
	};

	/** The content of an answer with status 0, or a SyncError for its error. */
	const content = (response: HttpResponse): {ok: true; content: unknown} | {ok: false; error: string} => {
		if (response.statusCode !== 200) {
			throw new SyncError('unreachable', `The TT-RSS server at ${host} answered ${response.statusCode}${response.statusCode === 404 ? ': is this the address of Tiny Tiny RSS?' : '.'}`);
		}
		let json: unknown;
		try {
			json = JSON.parse(response.body.replace(/^\uFEFF/, ''));
		} catch {
			throw new SyncError('version', `${host} did not answer as Tiny Tiny RSS's API does: is this its address, with the API switched on?`);
		}
		const envelope = v.safeParse(envelopeSchema, json);
		if (!envelope.success) throw new SyncError('version', `${host} did not answer as Tiny Tiny RSS's API does: is this its address?`);
		if (Number(envelope.output.status) === 0) return {ok: true, content: envelope.output.content};
		const error = v.safeParse(errorContentSchema, envelope.output.content);
		return {ok: false, error: error.success ? error.output.error ?? '' : ''};
	};

	const explain = (error: string): SyncError => {
		switch (error) {
			case 'API_DISABLED': {
				return new SyncError('api-disabled', `The TT-RSS server at ${host} has its API switched off for ${user}: turn on "Enable API" in its Preferences.`);
			}
			case 'LOGIN_ERROR': {
				return new SyncError('login', `TT-RSS at ${host} did not accept the user name ${user} with that password.`);
			}
			case 'NOT_LOGGED_IN': {
				return new SyncError('session', `TT-RSS at ${host} ended the session and did not take a new one.`);
			}
			case 'UNKNOWN_METHOD': {
				return new SyncError('version', `The TT-RSS server at ${host} is a version blogterm does not know (it lacks a call blogterm needs).`);
			}
			default: {
				return new SyncError('refused', `TT-RSS at ${host} refused: ${error.replace(/[^\w -]/g, '') || 'no reason given'}.`);
			}
		}
	};

	const logIn = async (): Promise<{apiLevel: number}> => {
		sessionId = undefined;
		const answer = content(await post({op: 'login', user: account.user, password: account.password}));
		if (!answer.ok) throw explain(answer.error);
		const login = v.safeParse(loginSchema, answer.content);
		if (!login.success) throw new SyncError('version', `The TT-RSS server at ${host} answered the login in a form blogterm does not know.`);
		const apiLevel = login.output.api_level;
		if (apiLevel === undefined || apiLevel < minimumApiLevel) {
			throw new SyncError('version', `The TT-RSS server at ${host} speaks API level ${apiLevel ?? 'unknown'}; blogterm needs ${minimumApiLevel} or newer.`);
		}
		sessionId = login.output.session_id;
		options.onSession?.(sessionId);
		return {apiLevel};
	};

	/** A call in the session (logging in first when there is none, and again once when it has ended). */
	const call = async (op: string, parameters: Record<string, unknown> = {}): Promise<unknown> => {
		if (sessionId === undefined) await logIn();
		let answer = content(await post({op, sid: sessionId, ...parameters}));
		if (!answer.ok && answer.error === 'NOT_LOGGED_IN') {
			options.onSession?.(undefined);
			await logIn();
			answer = content(await post({op, sid: sessionId, ...parameters}));
		}
		if (!answer.ok) throw explain(answer.error);
		return answer.content;
	};

	const update = async (articleIds: readonly number[], field: number, on: boolean) => {
		// A few hundred IDs at a time: the request stays small.
		for (let start = 0; start < articleIds.length; start += 500) {
			await call('updateArticle', {article_ids: articleIds.slice(start, start + 500).join(','), mode: on ? 1 : 0, field});
		}
	};

	return {
		url,
		logIn,
		feeds: async () => readFeeds(await call('getFeeds', {cat_id: -3})),
		categories: async () => readCategories(await call('getCategories', {include_empty: true})),
		async headlines(request) {
			return readArticles(await call('getHeadlines', {
				feed_id: request.feedId ?? -4,
				view_mode: request.viewMode ?? 'all_articles',
				order_by: 'date_reverse',
				since_id: request.sinceId,
				skip: request.skip,
				limit: Math.min(headlinesPageSize, request.limit ?? headlinesPageSize),
				show_excerpt: request.withContent ?? true,
				// Without it this version sends an empty excerpt.
				excerpt_length: 300,
				show_content: request.withContent ?? true,
			}));
		},
		counters: async () => readCounters(await call('getCounters', {output_mode: 'flc'})),
		unread: async () => readUnread(await call('getUnread')),
		setRead: async (ids, read) => update(ids, 2, !read),
		setStarred: async (ids, starred) => update(ids, 0, starred),
		async subscribe(feedUrl, categoryId = 0) {
			const answer = readSubscribe(await call('subscribeToFeed', {feed_url: feedUrl, category_id: categoryId}));
			if ((answer.code === 0 || answer.code === 1) && answer.feedId !== undefined) return answer.feedId;
			const reason = answer.message || (answer.code === undefined ? undefined : subscribeReasons[answer.code]) || 'no reason given';
			throw new SyncError('refused', `TT-RSS at ${host} could not follow ${hostOf(feedUrl)}: ${reason.replace(/\.$/, '')}.`);
		},
		async unsubscribe(feedId) {
			await call('unsubscribeFeed', {feed_id: feedId});
		},
		async updateFeed(feedId) {
			await call('updateFeed', {feed_id: feedId});
		},
		async logOut() {
			if (sessionId === undefined) return;
			try {
				await post({op: 'logout', sid: sessionId});
			} finally {
				sessionId = undefined;
				options.onSession?.(undefined);
			}
		},
	};
}

function safeUrl(text: string, base: string): URL | undefined {
	try {
		return new URL(text, base);
	} catch {
		return undefined;
	}
}
