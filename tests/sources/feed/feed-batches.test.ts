import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {batchedFeedChars, feedBatches, itemsPerBatch} from '../../../source/sources/feed/feed-batches.js';
import {parseFeedText, readInBatches} from '../../../source/sources/feed/parse-feed.js';

const item = (number: number, description = `<p>Text of post ${number}.</p>`) => `<item>
<title>Post ${number}</title>
<link>https://blog.test/posts/${number}/</link>
<guid>post-${number}</guid>
<pubDate>Wed, 01 Jan 2025 00:00:00 GMT</pubDate>
<description><![CDATA[${description}]]></description>
</item>
`;

const rss = (items: string, channelEnd = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Many posts</title>
<link>https://blog.test/</link>
${items}${channelEnd}</channel>
</rss>
`;

/** A feed of `count` items, made long enough to be parsed in parts: each item's text is padded. */
function bigFeed(count: number, special: Record<number, string> = {}, channelEnd = ''): string {
	const padding = 'word '.repeat(Math.ceil(batchedFeedChars / count / 5));
	let items = '';
	for (let number = count; number >= 1; number--) items += item(number, special[number] ?? `<p>Text of post ${number}. ${padding}</p>`);
	return rss(items, channelEnd);
}

const small = {minChars: 0, perBatch: 2};

describe('feedBatches', () => {
	test('leaves a short feed whole', () => {
		assert.equal(feedBatches(rss(item(1) + item(2) + item(3)), 'item', {perBatch: 2}), undefined);
	});

	test('cuts a feed into feeds of its text before the first item, a run of items, and its text after the last', () => {
		const text = rss([1, 2, 3, 4, 5].map(number => item(number)).join(''));
		const batches = feedBatches(text, 'item', small)!;
		const parts = [...batches.parts()];
		assert.equal(parts.length, 3);
		assert.deepEqual(parts.map(part => [...part.matchAll(/<title>(Post \d)<\/title>/g)].map(match => match[1])), [['Post 1', 'Post 2'], ['Post 3', 'Post 4'], ['Post 5']]);
		for (const part of parts) {
			assert.ok(part.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n<title>Many posts</title>'));
			assert.ok(part.endsWith('</item>\n</channel>\n</rss>\n'));
		}
		assert.doesNotMatch(batches.head, /<item>/);
		assert.match(batches.head, /<title>Many posts<\/title>/);
	});

	test('an item written inside CDATA, a comment or a processing instruction is not one', () => {
		const tricky = item(2, '<p>Close with </item> and open with <item> as in RSS.</p>') + '<!-- <item>old</item> -->\n<?note <item> ?>\n';
		const batches = feedBatches(rss(item(1) + tricky + item(3)), 'item', small)!;
		const parts = [...batches.parts()];
		assert.equal(parts.length, 2);
		assert.match(parts[0]!, /Close with <\/item> and open with <item> as in RSS/);
		assert.match(parts[1]!, /<title>Post 3<\/title>/);
	});

	test('what the channel holds between its items goes to the head', () => {
		const text = rss(item(1) + '<description>Between</description>\n' + item(2) + item(3));
		assert.match(feedBatches(text, 'item', small)!.head, /<description>Between<\/description>/);
	});

	test('a feed whose items cannot be told surely is left whole', () => {
		assert.equal(feedBatches(rss(item(1) + item(2) + '<item><title>Never closed</title>\n'), 'item', small), undefined, 'an item not closed');
		assert.equal(feedBatches(rss(item(1) + item(2) + '</item>'), 'item', small), undefined, 'a closing tag without its item');
		assert.equal(feedBatches(rss(item(1) + item(2) + '<!-- never closed'), 'item', small), undefined, 'a comment not closed');
		assert.equal(feedBatches(rss(item(1) + item(2) + item(3)).replace('<rss', '<!DOCTYPE rss [<!ENTITY e "<item>">]>\n<rss'), 'item', small), undefined, 'entities declared in the feed');
		assert.equal(feedBatches(rss(item(1) + item(2) + item(3)), 'entry', small), undefined, 'no such items');
	});
});

describe('a big feed read in parts', () => {
	test('gives every item, in order, as a feed read whole would', () => {
		const count = itemsPerBatch * 4 + 7;
		const text = bigFeed(count, {}, '<generator>Hugo 0.1</generator>\n');
		const feed = parseFeedText(text, 'https://blog.test/feed.xml');
		assert.deepEqual(readInBatches(text, 'https://blog.test/feed.xml', false), feed, 'the feed is read in parts');
		assert.equal(feed.items.length, count);
		assert.deepEqual(feed.items.slice(0, 2).map(found => [found.id, found.title, found.link]), [['post-' + count, `Post ${count}`, `https://blog.test/posts/${count}/`], ['post-' + (count - 1), `Post ${count - 1}`, `https://blog.test/posts/${count - 1}/`]]);
		assert.deepEqual(feed.items.map(found => found.title), Array.from({length: count}, (_, index) => `Post ${count - index}`));
		assert.equal(feed.title, 'Many posts');
		assert.equal(feed.generator, 'Hugo 0.1', 'what the channel says after its items is read');
		assert.equal(feed.items.at(-1)!.date, '2025-01-01T00:00:00.000Z');
	});

	test('an item whose text writes <item> tags keeps its text', () => {
		const count = itemsPerBatch * 2 + 1;
		const feed = parseFeedText(bigFeed(count, {[itemsPerBatch]: '<p>Close with </item> and open with <item>.</p>'}), 'https://blog.test/feed.xml');
		assert.equal(feed.items.length, count);
		// All of it, as its HTML is read: the stray </item> an HTML reader drops, the <item> it closes.
		assert.equal(feed.items.find(found => found.title === `Post ${itemsPerBatch}`)!.html, '<p>Close with  and open with <item>.</item></p>');
	});

	test('a big feed whose part the parser reads otherwise than the whole (no items in it) is read whole instead', () => {
		const count = itemsPerBatch * 3;
		const padding = 'word '.repeat(Math.ceil(batchedFeedChars / itemsPerBatch / 5));
		let items = '';
		for (let number = count; number >= 1; number--) items += number > itemsPerBatch && number <= itemsPerBatch * 2 ? '<item/>\n' : item(number, `<p>${padding}</p>`);
		const text = rss(items);
		assert.ok(feedBatches(text, 'item'), 'the feed is cut');
		assert.throws(() => readInBatches(text, 'https://blog.test/feed.xml', false), /a part of the feed has no items/);
		const feed = parseFeedText(text, 'https://blog.test/feed.xml');
		assert.deepEqual(feed.items.map(found => found.title), [...Array.from({length: itemsPerBatch}, (_, index) => `Post ${count - index}`), ...Array.from({length: itemsPerBatch}, (_, index) => `Post ${itemsPerBatch - index}`)]);
		assert.deepEqual(feed.notes, [`blog.test sent ${itemsPerBatch} posts blogterm cannot read (it has no title, link or text): left out.`], 'the empty items are said');
	});

	test('empty items in a feed read in parts are counted as in a feed read whole: one note', () => {
		const count = itemsPerBatch * 3;
		const text = bigFeed(count).replace('<item>', '<item></item>\n<item>').replace(/(<\/item>\n)(?=<\/channel>)/, '$1<item/>\n');
		const feed = parseFeedText(text, 'https://blog.test/feed.xml');
		assert.deepEqual(readInBatches(text, 'https://blog.test/feed.xml', false), feed, 'the feed is read in parts');
		assert.equal(feed.items.length, count);
		assert.deepEqual(feed.notes, ['blog.test sent 2 posts blogterm cannot read (it has no title, link or text): left out.']);
	});

	test('a big Atom feed is read in parts too, its entries in order', () => {
		const count = itemsPerBatch * 3;
		const padding = 'word '.repeat(Math.ceil(batchedFeedChars / count / 5));
		let entries = '';
		for (let number = count; number >= 1; number--) entries += `<entry><id>urn:post:${number}</id><title>Entry ${number}</title><link href="https://blog.test/${number}/"/><updated>2025-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;${padding}&lt;/p&gt;</content></entry>\n`;
		const text = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom blog</title><id>urn:blog</id>\n${entries}</feed>\n`;
		const feed = parseFeedText(text, 'https://blog.test/atom.xml');
		assert.deepEqual(readInBatches(text, 'https://blog.test/atom.xml', false), feed, 'the feed is read in parts');
		assert.equal(feed.format, 'atom');
		assert.equal(feed.title, 'Atom blog');
		assert.deepEqual(feed.items.map(found => found.id), Array.from({length: count}, (_, index) => `urn:post:${count - index}`));
	});

	test('a big feed\'s <author>s read whole as the XML has them, in every part, an empty item in a part or not', () => {
		const count = itemsPerBatch * 3;
		const author = 'Esc &#27;[31mRED&#27;[0m &lt;b&gt;Bold&lt;/b&gt;';
		// An empty item in the first part: the parser leaves it out, and that part's authors are the parser's reading.
		const text = bigFeed(count).replaceAll('</guid>', `</guid><author>${author}</author>`).replace('<item>', '<item></item>\n<item>');
		const feed = parseFeedText(text, 'https://blog.test/authors.xml');
		assert.ok(feedBatches(text, 'item'), 'the feed is read in parts');
		const authors = feed.items.map(found => found.author);
		assert.equal(authors.length, count);
		assert.deepEqual(new Set(authors.slice(itemsPerBatch)), new Set(['Esc RED Bold']), 'every item past the first part');
		assert.ok(authors.every(name => !name.includes('\u001B')), 'no escape in any author');
	});
});
