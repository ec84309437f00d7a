import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {HttpClient} from '../../../source/http/client.js';
import {countOf, readBlogCounts} from '../../../source/sources/wordpress/blog-counts.js';

/** A client that answers every GET with this RSS text. */
function answering(text: string): HttpClient {
	const bytes = Buffer.from(text);
	const answer = (url: string) => Promise.resolve({statusCode: 200, url, headers: {'content-type': 'application/rss+xml; charset=UTF-8'}, body: text, bytes});
	return {getText: answer, getBytes: answer} as unknown as HttpClient;
}

test('a post\'s count is found by its ID (a `?p=` guid) or, when its guid is another, by its link', async () => {
	const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Blog</title><link>https://blog.test/</link>
<item><title>By ID</title><link>https://blog.test/by-id/</link><guid isPermaLink="false">https://blog.test/?p=7</guid><slash:comments>3</slash:comments></item>
<item><title>By link</title><link>https://blog.test/by-link/</link><guid>urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</guid><slash:comments>5</slash:comments></item>
<item><title>Uncounted</title><link>https://blog.test/uncounted/</link><guid isPermaLink="false">https://blog.test/?p=9</guid></item>
</channel></rss>
`;
	const found = await readBlogCounts(answering(feed), ['https://blog.test/?feed=rss2'], {});
	assert.equal(found.items, 3);
	assert.equal(countOf(found, {id: 7, link: 'https://blog.test/elsewhere/'}), 3);
	assert.equal(countOf(found, {id: 8, link: 'https://blog.test/by-link/'}), 5);
	assert.equal(countOf(found, {id: 8}), undefined);
	assert.equal(countOf(found, {id: 9, link: 'https://blog.test/uncounted/'}), undefined, 'an item without slash:comments gives no count');
});
