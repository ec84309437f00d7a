/**
 * A TT-RSS on 127.0.0.1 that answers with the answers a real one gave (tests/fixtures/ttrss, recorded by
 * `npm run test:ttrss -- --record`): the same envelopes, fields and types (getUnread's string, tags [""]).
 * It keeps the recorded articles' read and starred flags as updateArticle changes them, so a sync sees
 * what a server would; a test can read the calls it got, end the session, or go offline.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

const folder = join(import.meta.dirname, '..', 'fixtures', 'ttrss');
export const recordedSession = 'RECORDED-SESSION';
export const replayUser = {login: 'ada', password: 'ada-password'};

type Recorded = {request: Record<string, unknown>; answer: {seq: number | null; status: number; content: unknown}};
export function recorded(name: string): Recorded {
	return JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as Recorded;
}

type Article = Record<string, unknown> & {id: number; feed_id: number; unread: boolean; marked: boolean};

export type ReplayServer = TestServer & {
	/** Every API call after the body was read: its op and parameters (the password as sent). */
	readonly calls: Array<Record<string, unknown>>;
	/** The articles as the server holds them (flags change with updateArticle). */
	readonly articles: Map<number, Article>;
	/** Ends the session: the next call gets NOT_LOGGED_IN. */
	expireSession(): void;
	/** While true, every connection is closed without an answer. */
	offline: boolean;
	/** Makes the two newest articles (recorded after the first pages) arrive. */
	publishNewArticles(): void;
};

export type ReplayOptions = {
	/** Answers the login with this API level instead of the recorded one. */
	readonly apiLevel?: number;
	/** Answers every call with a redirect here. */
	readonly redirectTo?: string;
	/** Never takes a new session (login works, every call answers NOT_LOGGED_IN). */
	readonly alwaysExpired?: boolean;
};

export async function startReplayServer(options: ReplayOptions = {}): Promise<ReplayServer> {
	const calls: Array<Record<string, unknown>> = [];
	const articles = new Map<number, Article>();
	const initial = ['headlines-page-1', 'headlines-page-2'].flatMap(name => recorded(name).answer.content as Article[]);
	const later = recorded('headlines-since').answer.content as Article[];
	for (const article of initial) articles.set(article.id, {...article});
	let sessionValid = false;
	let unsubscribed = false;
	let published = false;

	const envelope = (content: unknown, status = 0) => JSON.stringify({seq: 0, status, content});
	const visible = () => [...articles.values()].filter(article => !unsubscribed || article.feed_id !== 2);

	const answer = (request: Record<string, unknown>): string => {
		const op = String(request['op']);
		if (op === 'login') {
			if (request['user'] === 'bob') return JSON.stringify(recorded('api-disabled').answer);
			if (request['user'] !== replayUser.login || request['password'] !== replayUser.password) return JSON.stringify(recorded('login-error').answer);
			sessionValid = !options.alwaysExpired;
			const login = recorded('login').answer;
			const content = login.content as Record<string, unknown>;
			return JSON.stringify({...login, content: {...content, ...(options.apiLevel === undefined ? {} : {api_level: options.apiLevel})}});
		}
		if (!sessionValid || request['sid'] !== recordedSession) return JSON.stringify(recorded('not-logged-in').answer);
		switch (op) {
			case 'getCategories': return JSON.stringify(recorded('categories').answer);
			case 'getFeeds': return JSON.stringify(recorded(unsubscribed ? 'feeds-after-unsubscribe' : 'feeds').answer);
			case 'getUnread': return envelope({unread: String(visible().filter(article => article.unread).length)});
			case 'getCounters': {
				const counters = (recorded('counters').answer.content as Array<Record<string, unknown>>).map(counter => {
					if (typeof counter['id'] === 'number' && counter['id'] > 0 && counter['kind'] === undefined) {
						return {...counter, counter: visible().filter(article => article.feed_id === counter['id'] && article.unread).length};
					}
					return counter;
				});
				return envelope(counters);
			}
			case 'getHeadlines': {
				const feedId = Number(request['feed_id']);
				const sinceId = Number(request['since_id'] ?? 0);
				let list = visible().filter(article => article.id > sinceId);
				if (feedId === -1) list = list.filter(article => article.marked);
				else if (feedId > 0) list = list.filter(article => article.feed_id === feedId);
				if (request['view_mode'] === 'unread') list = list.filter(article => article.unread);
				const skip = Number(request['skip'] ?? 0);
				const limit = Number(request['limit'] ?? 200);
				return envelope(list.slice(skip, skip + limit).map(article => request['show_content'] ? article : {...article, content: undefined}));
			}
			case 'updateArticle': {
				const ids = String(request['article_ids']).split(',').map(Number);
				const on = Number(request['mode']) === 1;
				for (const id of ids) {
					const article = articles.get(id);
					if (!article) continue;
					if (Number(request['field']) === 2) article.unread = on;
					else article.marked = on;
				}
				return JSON.stringify(recorded(Number(request['field']) === 2 ? 'mark-read' : 'star').answer);
			}
			case 'subscribeToFeed': {
				const url = String(request['feed_url']);
				if (url.includes('missing')) return JSON.stringify(recorded('subscribe-missing').answer);
				if (url.includes('127.0.0.1:9')) return JSON.stringify(recorded('subscribe-loopback').answer);
				return JSON.stringify(recorded('subscribe').answer);
			}
			case 'unsubscribeFeed': {
				if (Number(request['feed_id']) === 2 && !unsubscribed) {
					unsubscribed = true;
					return JSON.stringify(recorded('unsubscribe').answer);
				}
				return JSON.stringify(recorded('unsubscribe-missing').answer);
			}
			case 'updateFeed': return envelope({status: 'OK'});
			case 'getVersion': return JSON.stringify(recorded('version').answer);
			case 'logout': {
				sessionValid = false;
				return JSON.stringify(recorded('logout').answer);
			}
			default: return envelope({error: 'UNKNOWN_METHOD', method: op.toLowerCase()}, 1);
		}
	};

	const server: ReplayServer = Object.assign(await startTestServer((request, response) => {
		if (server.offline) {
			request.socket.destroy();
			return;
		}
		if (options.redirectTo) {
			response.writeHead(301, {location: options.redirectTo});
			response.end();
			return;
		}
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(request.body) as Record<string, unknown>;
		} catch {
			body = {};
		}
		calls.push(body);
		response.writeHead(200, {'content-type': 'text/json'});
		response.end(answer(body));
	}), {
		calls,
		articles,
		offline: false,
		expireSession() {
			sessionValid = false;
		},
		publishNewArticles() {
			if (published) return;
			published = true;
			for (const article of later) articles.set(article.id, {...article});
		},
	});
	return server;
}
