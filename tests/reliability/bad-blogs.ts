import {gzipSync} from 'node:zlib';
import {httpLimits} from '../../source/http/client.js';
import {answer, startFaultServer, type Behaviour, type FaultServer} from './fault-server.js';

/*
Blogs that send what no blog should: malformed JSON and XML, bytes that are not UTF-8, an HTML page
where a feed belongs, HTML nested 10,000 deep, a 20,000-character word, 10,000 feed items, bodies
past the 20 MB limit, a gzip body that expands past it. Each WordPress blog lives under its own path
(`/malformed/`, `/huge/`…) on one server; feeds are single files.
*/

export const nestingDepth = 10_000;
export const longWordLength = 20_000;
export const bigFeedItems = 10_000;

export const nestedHtml = `<p>Before.</p>${'<div>'.repeat(nestingDepth)}deep text${'</div>'.repeat(nestingDepth)}<p>After.</p>`;
export const longWord = 'w'.repeat(longWordLength);

/** What each WordPress blog answers for its list and for its post 1. */
type BadWordPress = {readonly list?: Behaviour; readonly post?: Behaviour};

const json = (body: unknown, headers: Record<string, string> = {}): Behaviour => answer(200, typeof body === 'string' ? body : JSON.stringify(body), {'content-type': 'application/json; charset=UTF-8', 'x-wp-total': '1', 'x-wp-totalpages': '1', ...headers});

const post = (html: string, title = 'A post') => ({
	id: 1, date: '2026-03-01T10:00:00', date_gmt: '2026-03-01T10:00:00', slug: 'a-post', link: 'https://bad.example/a-post/',
	title: {rendered: title}, excerpt: {rendered: '<p>An excerpt.</p>'}, content: {rendered: html}, comment_status: 'closed', categories: [], tags: [],
});

const tooLarge = Buffer.alloc(httpLimits.maxBodyBytes + 1, ' ');

/** A list whose one title has bytes that are not UTF-8 in the middle. */
function notUtf8Json(): Buffer {
	const [head, tail] = JSON.stringify([post('<p>x</p>', 'Caf@@')]).split('@@');
	return Buffer.concat([Buffer.from(head!), Buffer.from([0xE9, 0xFF, 0xC3, 0x28]), Buffer.from(tail!)]);
}

const wordpressBlogs: Record<string, BadWordPress> = {
	'malformed': {list: json('[{"id":1,"title":{"rendered":"Cut sh')},
	'firewall': {list: answer(200, '<!doctype html><html><body><h1>Access denied</h1><p>Your request was blocked.</p></body></html>', {'content-type': 'text/html'})},
	'wrong-shape': {list: json('null')},
	'not-utf8': {list: answer(200, notUtf8Json(), {'content-type': 'application/json', 'x-wp-total': '1', 'x-wp-totalpages': '1'})},
	'nested': {post: json(post(nestedHtml))},
	'long-word': {post: json(post(`<p>${longWord}</p>`))},
	'huge': {post: json(`{"id":1,"content":{"rendered":"${tooLarge.toString()}"}}`)},
	'bomb': {post: answer(200, gzipSync(Buffer.concat([Buffer.from('{"id":1,"content":{"rendered":"'), tooLarge, Buffer.from('"}}')])), {'content-type': 'application/json', 'content-encoding': 'gzip'})},
};

export type WordPressCase = keyof typeof wordpressBlogs;

const item = (index: number, body = `&lt;p&gt;Post number ${index}.&lt;/p&gt;`) => `<item><title>Post ${index}</title><link>https://bad.example/${index}/</link><guid>https://bad.example/${index}/</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + index * 60_000).toUTCString()}</pubDate><description>${body}</description></item>`;
const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bad feed</title><link>https://bad.example/</link><description>x</description>${items}</channel></rss>`;

const feeds: Record<string, Behaviour> = {
	'malformed.xml': answer(200, rss(item(1)).slice(0, -30), {'content-type': 'application/rss+xml'}),
	'html-instead.xml': answer(200, '<!doctype html><html><head><title>Welcome</title></head><body><p>Nothing to see.</p></body></html>', {'content-type': 'text/html'}),
	'not-utf8.xml': answer(200, latin1Feed(), {'content-type': 'application/rss+xml; charset=UTF-8'}),
	'big.xml': answer(200, rss(Array.from({length: bigFeedItems}, (_, index) => item(index + 1)).join('')), {'content-type': 'application/rss+xml'}),
	'nested.xml': answer(200, rss(item(1, `<![CDATA[${nestedHtml}]]>`)), {'content-type': 'application/rss+xml'}),
	'huge.xml': answer(200, Buffer.concat([Buffer.from(rss('')), tooLarge]), {'content-type': 'application/rss+xml'}),
};

/** A feed in windows-1252 bytes (“Café”, curly quotes) that claims to be UTF-8. */
function latin1Feed(): Buffer {
	const text = rss(item(1)).replace('<title>Post 1</title>', '<title>Caf\u00E9 \u201Cquoted\u201D</title>');
	return Buffer.from(text.replace('\u201C', '\u0093').replace('\u201D', '\u0094'), 'latin1');
}

export type FeedCase = keyof typeof feeds;

export type BadBlogs = FaultServer & {
	/** The home page of a WordPress blog that misbehaves as `name` says. */
	wordpress(name: WordPressCase): string;
	/** A feed that misbehaves as `name` says. */
	feed(name: FeedCase): string;
};

/** All the bad blogs, on one server on 127.0.0.1. */
export async function startBadBlogs(): Promise<BadBlogs> {
	const server = await startFaultServer();
	for (const [name, blog] of Object.entries(wordpressBlogs)) {
		const root = `${server.url}${name}/wp-json/`;
		server.route(`/${name}/`, answer(200, '<!doctype html><title>Bad</title>', {link: `<${root}>; rel="https://api.w.org/"`}));
		server.route(`/${name}/wp-json/`, json({name: `Bad: ${name}`, description: '', url: `${server.url}${name}/`, home: `${server.url}${name}/`, namespaces: ['wp/v2']}));
		server.route(`/${name}/wp-json/wp/v2/posts`, blog.list ?? json([post('<p>Fine.</p>')]));
		server.route(`/${name}/wp-json/wp/v2/posts/1`, blog.post ?? json(post('<p>Fine.</p>')));
		server.route(`/${name}/wp-json/wp/v2/comments`, json([], {'x-wp-total': '0', 'x-wp-totalpages': '0'}));
	}
	for (const [name, behaviour] of Object.entries(feeds)) server.route(`/${name}`, behaviour);
	return Object.assign(server, {
		wordpress: (name: WordPressCase) => `${server.url}${name}/`,
		feed: (name: FeedCase) => `${server.url}${name}`,
	});
}
