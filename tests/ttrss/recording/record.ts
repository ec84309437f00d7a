/**
 * Records a real TT-RSS's answers into tests/fixtures/ttrss/ (`npm run test:ttrss -- --record`): what
 * `npm test` replays (tests/sync/ttrss-replay.ts). Each file is {request, answer}: the request as sent
 * (the password and session replaced), and the answer's text exactly as the server sent it, its session
 * ID replaced by "RECORDED-SESSION".
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {callApi, items, logIn, realServer, updateFeed, writeFeed} from '../real-server.js';

const server = realServer();
const folder = join(import.meta.dirname, '..', '..', 'fixtures', 'ttrss');
mkdirSync(folder, {recursive: true});
const session = 'RECORDED-SESSION';

let sid = '';
async function record(name: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
	const {text, answer} = await callApi(server, request);
	const shown = {...request};
	if ('password' in shown) shown['password'] = '********';
	if ('sid' in shown) shown['sid'] = session;
	// A login's own new session too.
	const body = (sid ? text.replaceAll(sid, session) : text).replace(/"session_id":"[^"]*"/, `"session_id":"${session}"`);
	writeFileSync(join(folder, `${name}.json`), JSON.stringify({request: shown, answer: JSON.parse(body) as unknown}, null, '\t') + '\n');
	console.log(`recorded ${name}`);
	return answer.content;
}

await record('login-error', {op: 'login', user: server.user.login, password: 'not-the-password'});
await record('api-disabled', {op: 'login', user: server.apiDisabledUser.login, password: server.apiDisabledUser.password});
await record('not-logged-in', {op: 'getFeeds', sid: 'expired-session', cat_id: -3});
sid = await logIn(server);
await record('login', {op: 'login', user: server.user.login, password: server.user.password});
sid = await logIn(server);
await record('version', {op: 'getVersion', sid});
await record('api-level', {op: 'getApiLevel', sid});

const oneUrl = writeFeed(server, 'one', 'Blog One', items('One', 1, 4));
const twoUrl = writeFeed(server, 'two', 'Blog Two & Co', items('Two', 1, 2));
const one = await record('subscribe', {op: 'subscribeToFeed', sid, feed_url: oneUrl, category_id: server.categoryId});
const oneId = (one['status'] as {feed_id: number}).feed_id;
await record('subscribe-again', {op: 'subscribeToFeed', sid, feed_url: oneUrl, category_id: server.categoryId});
const two = await record('subscribe-uncategorized', {op: 'subscribeToFeed', sid, feed_url: twoUrl, category_id: 0});
const twoId = (two['status'] as {feed_id: number}).feed_id;
await record('subscribe-loopback', {op: 'subscribeToFeed', sid, feed_url: 'http://127.0.0.1:9/feed.xml'});
await record('subscribe-missing', {op: 'subscribeToFeed', sid, feed_url: `${server.feedsUrl}/missing.xml`});
await updateFeed(server, sid, oneId);
await updateFeed(server, sid, twoId);

await record('categories', {op: 'getCategories', sid, include_empty: true});
await record('feeds', {op: 'getFeeds', sid, cat_id: -3});
const headlines = {op: 'getHeadlines', sid, feed_id: -4, view_mode: 'all_articles', order_by: 'date_reverse', show_excerpt: true, excerpt_length: 200, show_content: true, limit: 4};
const page1 = await record('headlines-page-1', {...headlines, since_id: 0, skip: 0}) as unknown as Array<{id: number}>;
await record('headlines-page-2', {...headlines, since_id: 0, skip: 4});
await record('headlines-page-3', {...headlines, since_id: 0, skip: 8});
await record('counters', {op: 'getCounters', sid, output_mode: 'flc'});
await record('unread', {op: 'getUnread', sid});
const newest = Math.max(...page1.map(article => article.id));
await record('mark-read', {op: 'updateArticle', sid, article_ids: String(page1[0]!.id), mode: 0, field: 2});
await record('star', {op: 'updateArticle', sid, article_ids: String(page1[1]!.id), mode: 1, field: 0});
await record('headlines-starred', {...headlines, feed_id: -1, since_id: 0, skip: 0});

writeFeed(server, 'one', 'Blog One', items('One', 1, 6));
await updateFeed(server, sid, oneId);
await record('headlines-since', {...headlines, since_id: newest, skip: 0});
await record('unsubscribe', {op: 'unsubscribeFeed', sid, feed_id: twoId});
await record('unsubscribe-missing', {op: 'unsubscribeFeed', sid, feed_id: 9999});
await record('feeds-after-unsubscribe', {op: 'getFeeds', sid, cat_id: -3});
await record('logout', {op: 'logout', sid});
await record('after-logout', {op: 'getCounters', sid, output_mode: 'flc'});
sid = '';
