import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseFeedText} from '../../../source/sources/feed/parse-feed.js';

let feedNumber = 0;
/** Each feed read at a URL of its own (parseFeedText keeps the last read per URL). */
function read(text: string) {
	return parseFeedText(text, `http://127.0.0.1/titles-${++feedNumber}.xml`);
}

function rssTitles(...titles: string[]): string[] {
	const items = titles.map((title, index) => `<item><title>${title}</title><guid>item-${index}</guid></item>`).join('');
	return read(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://127.0.0.1/</link>${items}</channel></rss>`).items.map(item => item.title);
}

describe('feed titles: text is text, HTML only where the format says so', () => {
	test('an RSS title with escaped angle brackets keeps them: Vec<T>, x<y', () => {
		assert.deepEqual(rssTitles('Understanding Vec&lt;T&gt; in Rust', 'x&lt;y', 'a &lt; b &gt; c'), ['Understanding Vec<T> in Rust', 'x<y', 'a < b > c']);
	});

	test('an RSS channel\'s description may hold escaped HTML, as its items\' do: its text is shown', () => {
		const feed = read('<?xml version="1.0"?><rss version="2.0"><channel><title>Vec&lt;T&gt; notes</title><description>&lt;p&gt;Notes on &lt;em&gt;Rust&lt;/em&gt;&lt;/p&gt;</description></channel></rss>');
		assert.equal(feed.title, 'Vec<T> notes');
		assert.equal(feed.description, 'Notes on Rust');
	});

	test('RSS author names are text too, decoded once', () => {
		const feed = read('<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><item><title>A</title><guid>a</guid><dc:creator>Jo &amp;amp; Al &lt;jo@example.com&gt;</dc:creator></item></channel></rss>');
		assert.equal(feed.items[0]!.author, 'Jo &amp; Al <jo@example.com>');
	});

	test('RSS entities are decoded once: &amp;amp; shows as &amp;, AT&amp;T as AT&T', () => {
		assert.deepEqual(rssTitles('AT&amp;T', 'Fish &amp;amp; chips', 'Don&#8217;t'), ['AT&T', 'Fish &amp; chips', 'Don’t']);
	});

	test('an RSS title holding inline tags only is HTML: its text is shown, its entities decoded', () => {
		assert.deepEqual(rssTitles('&lt;em&gt;Rust&lt;/em&gt; &amp;amp; &lt;code&gt;Vec&lt;/code&gt;', '<![CDATA[A <b>bold</b> move]]>'), ['Rust & Vec', 'A bold move']);
	});

	test('Atom type="text" titles are text, decoded once; "html" and "xhtml" are markup', () => {
		const feed = read(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Notes &amp;amp; more</title><id>urn:x</id>
			<entry><id>urn:1</id><title type="text">AT&amp;T &amp;amp; x&lt;y &lt;b&gt;</title></entry>
			<entry><id>urn:2</id><title>Vec&lt;T&gt;</title></entry>
			<entry><id>urn:3</id><title type="html">AT&amp;amp;T &lt;b&gt;bold&lt;/b&gt;</title></entry>
			<entry><id>urn:4</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title></entry>
		</feed>`);
		assert.equal(feed.title, 'Notes &amp; more');
		assert.deepEqual(feed.items.map(item => item.title), ['AT&T &amp; x<y <b>', 'Vec<T>', 'AT&T bold', 'An xhtml title']);
	});

	test('JSON Feed titles are text: no entity is decoded, no tag read', () => {
		const feed = read(JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Q&amp;A', items: [
			{id: '1', title: 'AT&amp;T', content_text: 'x'},
			{id: '2', title: 'Vec<T> and x<y', content_text: 'x'},
		]}));
		assert.equal(feed.title, 'Q&amp;A');
		assert.deepEqual(feed.items.map(item => item.title), ['AT&amp;T', 'Vec<T> and x<y']);
	});
});

describe('script and style text', () => {
	const scripted = 'Safe&lt;script&gt;alert("title")&lt;/script&gt; title &lt;style&gt;.x{color:red}&lt;/style&gt;';
	const body = '&lt;p&gt;Safe&lt;script&gt;alert("body")&lt;/script&gt; text&lt;style&gt;.x{color:red}&lt;/style&gt;&lt;/p&gt;';

	test('are left out of RSS titles and list excerpts', () => {
		const feed = read(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
			<item><title>${scripted}</title><guid>a</guid><description>${body}</description></item>
			<item><title><![CDATA[Safe<SCRIPT type="text/javascript">alert("title")</SCRIPT> title<style>.x{color:red}</style>]]></title><guid>b</guid><description><![CDATA[<script>alert(1)</script>Visible <noscript>hidden</noscript>text]]></description></item>
		</channel></rss>`);
		assert.deepEqual(feed.items.map(item => [item.title, item.excerpt]), [['Safe title', 'Safe text'], ['Safe title', 'Visible text']]);
	});

	test('are left out of Atom html titles, JSON Feed titles and their excerpts', () => {
		const atom = read(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
			<entry><id>urn:1</id><title type="html">${scripted}</title><summary type="html">${body}</summary></entry></feed>`);
		assert.deepEqual(atom.items.map(item => [item.title, item.excerpt]), [['Safe title', 'Safe text']]);
		const json = read(JSON.stringify({version: 'https://jsonfeed.org/version/1', title: 'T', items: [
			{id: '1', title: 'Safe<script>alert("title")</script> title <style>.x{color:red}</style>', content_html: '<p>Safe<script>alert("body")</script> text<style>.x{}</style></p>'},
		]}));
		assert.deepEqual(json.items.map(item => [item.title, item.excerpt]), [['Safe title', 'Safe text']]);
	});
});

describe('fields read where the usual ones are missing', () => {
	test('dc:title, media:title (alone, in a group, on a content), itunes:author and media:description', () => {
		const feed = read(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>
			<item><dc:title>A Dublin Core title</dc:title><itunes:author>Pod Person</itunes:author><guid>a</guid></item>
			<item><media:title>A media title</media:title><media:description>What the video shows.</media:description><guid>b</guid></item>
			<item><media:group><media:title type="html">Grouped &lt;b&gt;title&lt;/b&gt;</media:title><media:description type="html">&lt;p&gt;An &lt;em&gt;HTML&lt;/em&gt; description&lt;/p&gt;</media:description></media:group><guid>c</guid></item>
			<item><title>Own title</title><dc:title>Not this</dc:title><media:title>Nor this</media:title><guid>d</guid></item>
		</channel></rss>`);
		assert.deepEqual(feed.items.map(item => item.title), ['A Dublin Core title', 'A media title', 'Grouped title', 'Own title']);
		assert.equal(feed.items[0]!.author, 'Pod Person');
		assert.equal(feed.items[1]!.excerpt, 'What the video shows.');
		assert.equal(feed.items[2]!.excerpt, 'An HTML description');
	});

	test('an Atom entry (YouTube) takes media:group\'s title and description', () => {
		const feed = read(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>T</title><id>urn:x</id>
			<entry><id>yt:video:1</id><link rel="alternate" href="http://127.0.0.1/watch?v=1"/><media:group><media:title>A video</media:title><media:description>About the video.</media:description></media:group></entry></feed>`);
		assert.equal(feed.items[0]!.title, 'A video');
		assert.equal(feed.items[0]!.excerpt, 'About the video.');
	});

	test('base64 Atom content is decoded: RFC 4287 types and Atom 0.3 mode="base64"', () => {
		const html = Buffer.from('<p>Hello <b>base64</b> wörld</p>').toString('base64');
		const atom = read(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
			<entry><id>urn:1</id><title>One</title><content type="application/octet-stream">${Buffer.from('Plain text in base64').toString('base64')}</content></entry>
			<entry><id>urn:2</id><title>Two</title><content type="image/png">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ</content><summary>The summary instead.</summary></entry></feed>`);
		assert.equal(atom.items[0]!.excerpt, 'Plain text in base64');
		assert.equal(atom.items[1]!.excerpt, 'The summary instead.');
		const old = read(`<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
			<entry><title>Old entry</title><id>tag:old,2004:1</id><issued>2004-01-01T10:00:00+01:00</issued><content type="text/html" mode="base64">${html}</content></entry></feed>`);
		assert.match(old.items[0]!.html, /<b>base64<\/b> wörld/);
		assert.equal(old.items[0]!.excerpt, 'Hello base64 wörld');
		assert.equal(old.items[0]!.date, '2004-01-01T10:00:00+01:00');
	});
});
