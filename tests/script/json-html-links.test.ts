import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFakeWordPressBlog} from '../helpers/fake-wordpress.js';
import type {TestServer} from '../helpers/http-server.js';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

/*
README, Reliability: links from the network "stay links only when they are http or https … whatever screen
or format shows it". The `html` a script is given (--post -f json, --fields html, --all --with-content) is
the post's HTML as the model keeps it: relative links absolute against the post, javascript: and data:
ones gone with their text kept, from every kind of source alike.
*/

const body = '<p>Full <a href="/relative">rel</a> <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <img src="data:image/png;base64,AAAA" alt="pic"> <img src="photo.jpg" alt="photo"></p>';

let feed: FeedServer;
let wordpress: TestServer;

before(async () => {
	feed = await startFeedServer();
	feed.route('/feed/', {type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed blog</title><link>${feed.origin}/</link>`
		+ `<item><title>Five</title><link>${feed.origin}/2026/five/</link><guid>${feed.origin}/?p=5</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>`});
	wordpress = await startFakeWordPressBlog({name: 'WordPress blog', posts: [{id: 5, slug: 'five', title: 'Five', html: body, date: '2026-11-02T10:00:00'}]});
});

after(async () => {
	await feed.close();
	await wordpress.close();
});

/** The `html` of each post a run printed: a post's document, a list's posts, or ndjson's lines. */
function htmlsOf(args: readonly string[], stdout: string): string[] {
	if (args.includes('ndjson')) return stdout.trim().split('\n').map(line => (JSON.parse(line) as {html: string}).html);
	const document = JSON.parse(stdout) as {html?: string; posts?: Array<{html: string}>};
	return document.posts ? document.posts.map(post => post.html) : [document.html ?? ''];
}

function assertSafe(html: string, postUrl: string, what: string): void {
	assert.match(html, new RegExp(`<a href="${new URL('/relative', postUrl).href}">rel</a>`), `${what}: the relative link, absolute`);
	assert.match(html, /<a>js<\/a> <a>data<\/a>/, `${what}: the javascript: and data: links are their text`);
	assert.match(html, new RegExp(`<img src="${new URL('photo.jpg', postUrl).href}" alt="photo">`), `${what}: the relative image, absolute`);
	assert.match(html, /<img alt="pic">/, `${what}: the data: image without its address`);
	assert.doesNotMatch(html, /javascript:|data:|href="\/|src="photo/, what);
}

describe('the html given to scripts has only safe, absolute addresses, from every source', () => {
	for (const [kind, site, postUrl] of [
		['a feed', () => `${feed.origin}/feed/`, () => `${feed.origin}/2026/five/`],
		['WordPress', () => wordpress.url, () => `${wordpress.url}five/`],
	] as const) {
		test(`${kind}: --post -f json, with --fields html, and --all --with-content as json and ndjson`, async () => {
			for (const args of [['--post', '5', '-f', 'json'], ['--post', '5', '-f', 'json', '--fields', 'html'], ['--all', '--with-content', '-f', 'ndjson'], ['--all', '--with-content', '-f', 'json']]) {
				const run = await runInProcess([site(), ...args]);
				assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
				const htmls = htmlsOf(args, run.stdout);
				assert.equal(htmls.length, 1, args.join(' '));
				assertSafe(htmls[0]!, postUrl(), `${kind} ${args.join(' ')}`);
			}
		});
	}
});
