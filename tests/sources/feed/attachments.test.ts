import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {attachmentsHtml, cleanAttachments, maxAttachmentsPerItem} from '../../../source/sources/feed/attachments.js';
import {parseFeedText} from '../../../source/sources/feed/parse-feed.js';
import {attachmentDetails, formatDuration, formatSize} from '../../../source/render/media.js';

const base = 'https://pod.example/feed/';

describe('feed attachments are cleaned where they enter', () => {
	test('an RSS enclosure with iTunes\'s duration: kind from its type, size and duration kept', () => {
		const feed = parseFeedText(`<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Pod</title><link>https://pod.example/</link>
<item><title>Episode 12: Soil</title><link>https://pod.example/12</link><guid>ep12</guid><description>About soil.</description>
<enclosure url="https://pod.example/media/ep12.mp3" length="48234567" type="audio/mpeg"/><itunes:duration>1:02:03</itunes:duration></item></channel></rss>`, base);
		assert.deepEqual(feed.items[0]!.attachments, [{kind: 'audio', url: 'https://pod.example/media/ep12.mp3', title: 'Episode 12: Soil', mimeType: 'audio/mpeg', sizeBytes: 48_234_567, durationSeconds: 3723}]);
		assert.match(feed.items[0]!.html, /<audio src="https:\/\/pod\.example\/media\/ep12\.mp3" title="Episode 12: Soil \(1:02:03, 48 MB\)" controls><\/audio>/);
	});

	test('an Atom enclosure link with its own title, and a JSON Feed attachment', () => {
		const atom = parseFeedText(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>a</id><entry><id>e1</id><title>Entry</title>
<link rel="enclosure" href="/files/talk.webm" length="1200000" type="video/webm" title="The talk"/></entry></feed>`, base);
		assert.deepEqual(atom.items[0]!.attachments, [{kind: 'video', url: 'https://pod.example/files/talk.webm', title: 'The talk', mimeType: 'video/webm', sizeBytes: 1_200_000}]);
		const json = parseFeedText(JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{id: 'j1', title: 'Jay', content_text: 'Hi.', attachments: [{url: 'https://pod.example/j.m4a', mime_type: 'audio/x-m4a', size_in_bytes: 89_970_236, duration_in_seconds: 6629.4}]}]}), base);
		assert.deepEqual(json.items[0]!.attachments, [{kind: 'audio', url: 'https://pod.example/j.m4a', title: 'Jay', mimeType: 'audio/x-m4a', sizeBytes: 89_970_236, durationSeconds: 6629}]);
	});

	test('Media RSS content, on the item or in a group, when there is no enclosure', () => {
		const feed = parseFeedText(`<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>V</title><link>https://pod.example/</link>
<item><title>Clip</title><link>https://pod.example/clip</link><media:group><media:content url="https://pod.example/clip.mp4" type="video/mp4" fileSize="4600000" duration="245"/></media:group></item></channel></rss>`, base);
		assert.deepEqual(feed.items[0]!.attachments, [{kind: 'video', url: 'https://pod.example/clip.mp4', title: 'Clip', mimeType: 'video/mp4', sizeBytes: 4_600_000, durationSeconds: 245}]);
	});

	test('hostile values: javascript: and data: URLs dropped, control characters cleaned, huge or negative sizes and durations left out, at most 20', () => {
		const attachments = cleanAttachments([
			{url: 'javascript:alert(1)', type: 'audio/mpeg'},
			{url: 'data:audio/mpeg;base64,AAAA', type: 'audio/mpeg'},
			{url: 'https://pod.example/a.mp3', type: 'audio/mpeg\u001B[31m', title: 'Evil\u001B]52;c;aGk=\u0007 title\u009B2J', length: '99999999999999999999999', duration: -5},
			{url: 'https://pod.example/b.mp3', length: 1e300, duration: Number.POSITIVE_INFINITY},
			{url: 'https://pod.example/c.pdf', type: 'application/pdf', length: '0'},
		], base, 'Item');
		assert.deepEqual(attachments, [
			{kind: 'audio', url: 'https://pod.example/a.mp3', title: 'Evil title'},
			{kind: 'audio', url: 'https://pod.example/b.mp3', title: 'Item'},
			{kind: 'file', url: 'https://pod.example/c.pdf', title: 'Item', mimeType: 'application/pdf'},
		]);
		const many = cleanAttachments(Array.from({length: 5000}, (_, index) => ({url: `https://pod.example/${index}.mp3`})), base, '');
		assert.equal(many.length, maxAttachmentsPerItem);
	});

	test('the HTML made of them escapes what it holds, and skips a file the post already plays', () => {
		const [attachment] = cleanAttachments([{url: 'https://pod.example/a.mp3?x=1&y="2"', title: '<script>alert(1)</script> & "quotes"', type: 'audio/mpeg'}], base, '');
		const html = attachmentsHtml([attachment!], '<p>Hi</p>');
		assert.doesNotMatch(html, /<script>/);
		assert.match(html, /title="&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;"/);
		assert.equal(attachmentsHtml([attachment!], `<audio src="${attachment!.url.replaceAll('&', '&amp;')}"></audio>`), '');
	});

	test('durations and sizes read as a player and a download list show them', () => {
		assert.deepEqual([formatDuration(59), formatDuration(245), formatDuration(3723)], ['0:59', '4:05', '1:02:03']);
		assert.deepEqual([formatSize(1), formatSize(999), formatSize(4_600_000), formatSize(48_234_567), formatSize(999_999_999), formatSize(1e15)], ['1 byte', '999 bytes', '4.6 MB', '48 MB', '1.0 GB', '1.0 PB']);
		assert.equal(attachmentDetails({kind: 'file', mimeType: 'application/pdf', sizeBytes: 2_100_000}), '(PDF, 2.1 MB)');
		assert.equal(attachmentDetails({kind: 'audio'}), '');
	});
});
