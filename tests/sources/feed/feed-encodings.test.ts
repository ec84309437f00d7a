import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {decodeFeedBytes} from '../../../source/sources/feed/parse-feed.js';
import {createHttpClient} from '../../../source/http/client.js';
import {startFeedServer, type FeedServer} from './feed-server.js';

const http = createHttpClient();
let server: FeedServer;

before(async () => {
	server = await startFeedServer();
});

after(async () => {
	await server.close();
});

const title = 'Café “naïve” — 日本語 😀';
const rss = (declaration: string) => `${declaration}<rss version="2.0"><channel><title>Encodings</title><link>http://127.0.0.1/</link><item><title>${title}</title><guid>urn:enc:1</guid><description>Body ok.</description></item></channel></rss>`;

function utf16(text: string, bigEndian: boolean): Buffer {
	const bytes = Buffer.from(text, 'utf16le');
	return bigEndian ? Buffer.from(bytes).swap16() : bytes;
}

function utf32(text: string, bigEndian: boolean): Buffer {
	const points = [...text].map(character => character.codePointAt(0)!);
	const bytes = Buffer.alloc(points.length * 4);
	for (const [index, point] of points.entries()) {
		if (bigEndian) bytes.writeUInt32BE(point, index * 4);
		else bytes.writeUInt32LE(point, index * 4);
	}
	return bytes;
}

describe('decodeFeedBytes: sniffed as browsers do', () => {
	test('UTF-16 without a byte order mark, little and big endian', () => {
		const text = rss('<?xml version="1.0" encoding="UTF-16"?>');
		assert.equal(decodeFeedBytes(utf16(text, false), 'application/rss+xml'), text);
		assert.equal(decodeFeedBytes(utf16(text, true), undefined), text);
	});

	test('UTF-32, with and without a byte order mark, both byte orders', () => {
		const text = rss('<?xml version="1.0" encoding="UTF-32"?>');
		assert.equal(decodeFeedBytes(utf32(text, false), undefined), text);
		assert.equal(decodeFeedBytes(utf32(text, true), undefined), text);
		assert.equal(decodeFeedBytes(utf32(`\uFEFF${text}`, false), undefined), text);
		assert.equal(decodeFeedBytes(utf32(`\uFEFF${text}`, true), undefined), text);
	});

	test('a UTF-8 body labelled ISO-8859-1 (header or declaration) is read as UTF-8', () => {
		const text = rss('<?xml version="1.0" encoding="ISO-8859-1"?>');
		assert.equal(decodeFeedBytes(Buffer.from(text), 'text/xml; charset=ISO-8859-1'), text);
		assert.equal(decodeFeedBytes(Buffer.from(text), undefined), text);
	});

	test('the XML declaration comes before the header', () => {
		const text = 'x<?xml version="1.0" encoding="windows-1252"?><a>“q”</a>'.slice(1);
		const bytes = Buffer.from(text.replace('“', '\u0093').replace('”', '\u0094'), 'latin1');
		assert.equal(decodeFeedBytes(bytes, 'text/xml; charset=koi8-r'), text);
	});

	test('one bad byte in a UTF-8 feed is one replacement character: the rest of the text stays', () => {
		const good = Buffer.from(rss('<?xml version="1.0" encoding="UTF-8"?>'));
		const at = good.indexOf('Body');
		const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xFF]), good.subarray(at)]);
		const text = decodeFeedBytes(bad, 'application/rss+xml; charset=utf-8');
		assert.equal(text.replace('\uFFFD', ''), good.toString('utf8'));
	});
});

describe('feeds in every encoding read through to their titles', () => {
	const cases: ReadonlyArray<readonly [string, Buffer, string]> = [
		['UTF-16LE without BOM', utf16(rss('<?xml version="1.0" encoding="UTF-16"?>'), false), 'application/rss+xml'],
		['UTF-16BE without BOM', utf16(rss('<?xml version="1.0" encoding="UTF-16"?>'), true), 'text/xml'],
		['UTF-32LE with BOM', utf32(`\uFEFF${rss('<?xml version="1.0" encoding="UTF-32"?>')}`, false), 'application/rss+xml'],
		['UTF-32BE without BOM', utf32(rss('<?xml version="1.0"?>'), true), 'application/rss+xml'],
		['UTF-8 labelled ISO-8859-1', Buffer.from(rss('<?xml version="1.0"?>')), 'application/rss+xml; charset=ISO-8859-1'],
	];
	for (const [name, body, type] of cases) {
		test(name, async () => {
			const path = `/${name.replaceAll(/\W+/g, '-')}.xml`;
			server.route(path, {type, body});
			const source = await openFeedBlog(http, `${server.origin}${path}`);
			const page = await source.fetchPostPage(1, 10);
			assert.deepEqual(page.posts.map(post => post.title), [title]);
		});
	}

	test('a UTF-8 title with a character whose bytes hold 0x9D (”) is whole when labelled ISO-8859-1', async () => {
		// U+201D is E2 80 9D: read as windows-1252 it held U+009D, an 8-bit OSC, and the title was cut there.
		const text = '<?xml version="1.0"?><rss version="2.0"><channel><title>C1</title><item><title>He said ”stop” and left</title><guid>urn:c1</guid></item></channel></rss>';
		server.route('/c1.xml', {type: 'text/xml; charset=iso-8859-1', body: Buffer.from(text)});
		const page = await (await openFeedBlog(http, `${server.origin}/c1.xml`)).fetchPostPage(1, 10);
		assert.equal(page.posts[0]!.title, 'He said ”stop” and left');
	});
});

describe('feeds the way servers send them', () => {
	test('a JSON Feed with a bare "version": "1.1" is read', async () => {
		server.route('/bare.json', {type: 'application/json', body: JSON.stringify({version: '1.1', title: 'Bare', home_page_url: `${server.origin}/`, items: [{id: 'b1', url: `${server.origin}/b1`, title: 'Bare version', content_text: 'Hi.', date_published: '2026-11-02T10:00:00+01:00'}]})});
		const source = await openFeedBlog(http, `${server.origin}/bare.json`);
		assert.equal(source.description, 'JSON Feed');
		const page = await source.fetchPostPage(1, 10);
		assert.deepEqual(page.posts.map(post => [post.title, post.date]), [['Bare version', '2026-11-02T10:00:00+01:00']]);
	});

	test('an RSS or Atom feed served as text/html is a feed, not "No feed found"', async () => {
		server.route('/html-rss', {type: 'text/html; charset=utf-8', body: '<?xml version="1.0" encoding="utf-8"?>\n<!-- generated -->\n<rss version="2.0"><channel><title>Served as HTML</title><item><title>Still a feed</title><guid>urn:h1</guid></item></channel></rss>'});
		server.route('/html-atom', {type: 'text/html', body: '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom as HTML</title><id>urn:a</id><entry><id>urn:a1</id><title>Atom entry</title></entry></feed>'});
		const rssSource = await openFeedBlog(http, `${server.origin}/html-rss`);
		assert.equal(rssSource.site.name, 'Served as HTML');
		assert.deepEqual((await rssSource.fetchPostPage(1, 10)).posts.map(post => post.title), ['Still a feed']);
		const atomSource = await openFeedBlog(http, `${server.origin}/html-atom`);
		assert.deepEqual((await atomSource.fetchPostPage(1, 10)).posts.map(post => post.title), ['Atom entry']);
	});
});
