import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {BlogError} from '../../../source/errors.js';
import {decodeFeedBytes, parseFeedDate, parseFeedText, readFeedResponse} from '../../../source/sources/feed/parse-feed.js';
import {fixture} from './feed-server.js';
import {maxFeedItemsPerAnswer} from '../../../source/sources/clean.js';

const origin = 'http://blog.test';

describe('decodeFeedBytes', () => {
	test('reads ISO-8859-1 as the XML prolog declares it', () => {
		const text = decodeFeedBytes(fixture('iso-8859-1.xml', origin), undefined);
		assert.match(text, /Crème brûlée für alle/);
	});

	test('reads windows-1252 “smart quotes”, dashes and the euro sign as the prolog declares', () => {
		const text = decodeFeedBytes(fixture('windows-1252.xml', origin), undefined);
		assert.match(text, /It’s “quoted” … and costs €5/);
		assert.match(text, /Dash — and ‘single’ quotes/);
	});

	test('reads ISO-8859-1 bytes as windows-1252, as browsers do (0x93 is a quote, not a control character)', () => {
		assert.equal(decodeFeedBytes(Buffer.from([0x3C, 0x3F, ...Buffer.from('xml version="1.0" encoding="ISO-8859-1"?>'), 0x93, 0x41, 0x94]), undefined).slice(-3), '“A”');
	});

	test('takes the charset from the HTTP Content-Type when the prolog names none', () => {
		const text = decodeFeedBytes(fixture('header-charset.xml', origin), 'application/rss+xml; charset=ISO-8859-1');
		assert.match(text, /Señor Piña/);
	});

	test('drops a UTF-8 byte order mark', () => {
		const text = decodeFeedBytes(fixture('utf8-bom.xml', origin), 'text/xml');
		assert.ok(text.startsWith('<?xml'));
		assert.match(text, /Ça marche ✓/);
	});

	test('a header claiming UTF-8 gives way to the prolog when the bytes are not UTF-8', () => {
		const text = decodeFeedBytes(fixture('iso-8859-1.xml', origin), 'application/xml; charset=utf-8');
		assert.match(text, /Café Müller/);
	});

	test('undeclared bytes that are not UTF-8 are read as windows-1252', () => {
		assert.equal(decodeFeedBytes(Buffer.from([0x93, 0x68, 0x69, 0x94]), undefined), '“hi”');
	});
});

describe('parseFeedDate', () => {
	test('reads RFC 822 dates, with numeric zones, US zones and two-digit years', () => {
		assert.equal(parseFeedDate('Tue, 16 Jan 2024 09:15:00 +0100'), '2024-01-16T09:15:00+01:00');
		assert.equal(parseFeedDate('Tue, 2 Jan 24 10:00:00 EST'), '2024-01-02T15:00:00.000Z');
		assert.equal(parseFeedDate('02 Jan 2024 10:00 GMT'), '2024-01-02T10:00:00.000Z');
	});

	test('reads ISO 8601 dates, with and without an offset (kept as written; none means UTC)', () => {
		assert.equal(parseFeedDate('2024-03-03T10:00:00+01:00'), '2024-03-03T10:00:00+01:00');
		assert.equal(parseFeedDate('2024-03-03T10:00:00'), '2024-03-03T10:00:00.000Z');
		assert.equal(parseFeedDate('2024-03-03'), '2024-03-03T00:00:00.000Z');
	});

	test('a missing or unreadable date is undefined, not an error', () => {
		assert.equal(parseFeedDate(undefined), undefined);
		assert.equal(parseFeedDate(''), undefined);
		assert.equal(parseFeedDate('sometime last week'), undefined);
	});
});

describe('parseFeedText', () => {
	test('an HTML page is not a feed: an unreadable BlogError', () => {
		assert.throws(() => parseFeedText('<!DOCTYPE html><html><body>Hi</body></html>', `${origin}/`), (error: unknown) => {
			assert.ok(error instanceof BlogError);
			assert.equal(error.kind, 'unreadable');
			assert.match(error.message, /not an RSS, Atom or JSON feed/);
			return true;
		});
	});

	test('Atom: xml:base on the feed, the entry and the content makes links absolute', () => {
		const feed = parseFeedText(fixture('atom-xml-base.xml', origin).toString('utf8'), `${origin}/atom/atom.xml`);
		const [make, xhtml] = feed.items;
		assert.equal(make?.link, `${origin}/atom/posts/make/`);
		assert.match(make?.html ?? '', new RegExp(`href="${origin}/atom/posts/make/Makefile"`));
		assert.match(make?.html ?? '', new RegExp(`src="${origin}/img/make.png"`));
		// No xml:base on this entry: the feed's is still in scope.
		assert.match(xhtml?.html ?? '', new RegExp(`href="${origin}/about/"`));
	});

	test('RSS without xml:base: content links are relative to the item\'s own link', () => {
		const feed = parseFeedText(fixture('rss-10-rdf.xml', origin).toString('utf8'), `${origin}/rdf/index.rdf`);
		assert.match(feed.items[0]?.html ?? '', new RegExp(`href="${origin}/rdf/graph.png"`));
	});

	test('JSON Feed: relative item URLs are resolved against the feed URL', () => {
		const feed = parseFeedText(fixture('json-feed-11.json', origin).toString('utf8'), `${origin}/json/feed.json`);
		assert.equal(feed.items[0]?.link, `${origin}/json/2024/04/02/long-post`);
		assert.match(feed.items[0]?.html ?? '', new RegExp(`src="${origin}/json/2024/04/02/photo.jpg"`));
	});
});

describe('a refresh that brings the same feed back', () => {
	const rss = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link><item><title>${title}</title><link>https://t.example/1</link></item></channel></rss>`;

	test('reuses what was read from the same text, and reads changed text anew', () => {
		const first = parseFeedText(rss('One'), 'https://t.example/feed');
		assert.equal(parseFeedText(rss('One'), 'https://t.example/feed'), first, 'the same text: the same feed');
		const changed = parseFeedText(rss('Two'), 'https://t.example/feed');
		assert.notEqual(changed, first);
		assert.equal(changed.items[0]?.title, 'Two');
	});

	test('reuses what was read from the same bytes, and reads other bytes, or the same bytes labelled otherwise, anew', () => {
		const answer = (bytes: Buffer, contentType = 'application/rss+xml') => ({statusCode: 200, url: 'https://t.example/feed', headers: {'content-type': contentType}, body: '', bytes});
		const first = readFeedResponse(answer(Buffer.from(rss('Caf\u00E9'), 'latin1'), 'application/rss+xml; charset=iso-8859-1'));
		assert.equal(first.items[0]?.title, 'Café');
		const again = readFeedResponse(answer(Buffer.from(rss('Caf\u00E9'), 'latin1'), 'application/rss+xml; charset=iso-8859-1'));
		assert.equal(again.items, first.items, 'the same bytes: the same items, not read again');
		const changed = readFeedResponse(answer(Buffer.from(rss('Caf\u00E8'), 'latin1'), 'application/rss+xml; charset=iso-8859-1'));
		assert.equal(changed.items[0]?.title, 'Cafè');
		const relabelled = readFeedResponse(answer(Buffer.from(rss('Caf\u00E8'), 'latin1'), 'application/rss+xml; charset=x-mac-roman'));
		assert.notEqual(relabelled.items, changed.items, 'another label: read anew');
		assert.equal(relabelled.items[0]?.title, 'Caf\u00CB', 'read as the new label says (0xE8 is Ë in Mac OS Roman)');
	});
});

describe('text from feed HTML', () => {
	test('a feed item\'s title and excerpt read as the post does: no script or style text, an image by its alt', () => {
		const feed = parseFeedText(`<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item>
			<title>Seeds &lt;script&gt;steal()&lt;/script&gt;sown</title>
			<description>&lt;p&gt;Sown today.&lt;style&gt;p{color:red}&lt;/style&gt; &lt;img src="a.png" alt="a tray"&gt;&lt;/p&gt;</description>
			<link>${origin}/seeds</link></item></channel></rss>`, `${origin}/feed`);
		const [item] = feed.items;
		assert.equal(item?.title, 'Seeds sown');
		assert.equal(item?.excerpt, 'Sown today. [image: a tray]');
	});
});

describe('a feed with more items than blogterm reads (maxFeedItemsPerAnswer)', () => {
	const rss = (count: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://b.example/</link>${Array.from({length: count}, (_, index) => `<item><title>${index}</title></item>`).join('')}</channel></rss>`;
	const json = (count: number) => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'T', items: Array.from({length: count}, (_, index) => ({id: String(index), title: String(index)}))});

	test('says it read the first 20,000 and how many the feed has; a feed of exactly 20,000 says nothing', () => {
		for (const [what, text] of [['RSS', rss], ['JSON Feed', json]] as const) {
			const over = parseFeedText(text(maxFeedItemsPerAnswer + 3), `https://b.example/${what}-over`);
			assert.equal(over.items.length, maxFeedItemsPerAnswer, what);
			assert.deepEqual(over.cut, {read: maxFeedItemsPerAnswer, total: maxFeedItemsPerAnswer + 3}, what);
			const exact = parseFeedText(text(maxFeedItemsPerAnswer), `https://b.example/${what}-exact`);
			assert.equal(exact.items.length, maxFeedItemsPerAnswer, what);
			assert.equal(exact.cut, undefined, `${what}: read to its end`);
		}
	});
});
