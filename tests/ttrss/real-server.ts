/**
 * The real TT-RSS that scripts/ttrss/start.sh started (its ttrss.json named by BLOGTERM_TTRSS_SERVER):
 * calling its API as a test (not through blogterm), and writing the feeds it reads.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export type RealServer = {
	readonly url: string;
	readonly api: string;
	readonly feedsUrl: string;
	readonly feedsDir: string;
	readonly user: {readonly login: string; readonly password: string};
	readonly apiDisabledUser: {readonly login: string; readonly password: string};
	readonly categoryId: number;
};

export function realServer(): RealServer {
	const path = process.env['BLOGTERM_TTRSS_SERVER'];
	if (!path) throw new Error('BLOGTERM_TTRSS_SERVER is not set: run through `npm run test:ttrss`');
	return JSON.parse(readFileSync(path, 'utf8')) as RealServer;
}

export type ApiAnswer = {seq: number | null; status: number; content: Record<string, unknown> & {error?: string}};

/** One API call, as JSON in and out: the answer as TT-RSS sent it. */
export async function callApi(server: RealServer, request: Record<string, unknown>): Promise<{text: string; answer: ApiAnswer}> {
	const response = await fetch(server.api, {method: 'POST', body: JSON.stringify(request), headers: {'content-type': 'application/json'}});
	const text = await response.text();
	return {text, answer: JSON.parse(text) as ApiAnswer};
}

export async function logIn(server: RealServer): Promise<string> {
	const {answer} = await callApi(server, {op: 'login', user: server.user.login, password: server.user.password});
	if (answer.status !== 0) throw new Error(`login failed: ${JSON.stringify(answer)}`);
	return answer.content['session_id'] as string;
}

export type FeedItem = {readonly title: string; readonly slug: string; readonly date: Date; readonly html: string};

/** Writes an RSS 2.0 feed into the feed server's folder; returns its URL as TT-RSS reaches it. */
export function writeFeed(server: RealServer, name: string, title: string, items: readonly FeedItem[]): string {
	const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
	const site = `https://${name}.example/`;
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title><link>${site}</link><description>${escape(title)}</description>
${items.map(item => `<item><title>${escape(item.title)}</title><link>${site}${item.slug}/</link><guid>${site}${item.slug}/</guid>`
	+ `<pubDate>${item.date.toUTCString()}</pubDate><author>ada@${name}.example (Ada)</author><description>${escape(item.html)}</description></item>`).join('\n')}
</channel></rss>
`;
	writeFileSync(join(server.feedsDir, `${name}.xml`), xml);
	return `${server.feedsUrl}/${name}.xml`;
}

/** Items numbered from..to, a day apart, newest last. */
export function items(prefix: string, from: number, to: number): FeedItem[] {
	const list: FeedItem[] = [];
	for (let n = from; n <= to; n++) {
		list.push({title: `${prefix} post ${n}`, slug: `${prefix.toLowerCase()}-${n}`, date: new Date(Date.UTC(2026, 10, 1, 9) + n * 3_600_000), html: `<p>Body of ${prefix} post ${n}, with <b>bold</b> text.</p>`});
	}
	return list;
}

/** Makes TT-RSS read a feed now (the API's updateFeed runs the update in the request). */
export async function updateFeed(server: RealServer, sid: string, feedId: number): Promise<void> {
	const {answer} = await callApi(server, {op: 'updateFeed', sid, feed_id: feedId});
	if (answer.status !== 0) throw new Error(`updateFeed failed: ${JSON.stringify(answer)}`);
}
