import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {maxFeedItemsPerAnswer} from '../../../source/sources/clean.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startFeedServer, type FeedServer} from '../../sources/feed/feed-server.js';
import {press, waitForText} from '../helpers.js';

/*
A feed post's comment feed longer than blogterm reads: the reader's thread says so in its dim line above
the comments, as it says a WordPress thread cut short (tests/script/comments-cut-short.test.ts has print mode).
*/

const noReadMarks = {readIds: () => new Set<string>(), markRead: () => undefined};
const many = maxFeedItemsPerAnswer + 7;

let server: FeedServer;
let host: string;

before(async () => {
	server = await startFeedServer();
	host = new URL(server.url).host;
	const origin = server.origin;
	const comments: string[] = [];
	for (let number = many; number >= 1; number--) {
		comments.push(`<item><title>By: Reader ${number}</title><link>${origin}/crowded/#comment-${number}</link><dc:creator>Reader ${number}</dc:creator><pubDate>${new Date(Date.UTC(2025, 0, 1) + number * 60_000).toUTCString()}</pubDate><description>Comment ${number}.</description></item>`);
	}
	server.route('/feed/', {type: 'application/rss+xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Feed Only</title><link>${origin}/</link><description>A blog</description><item><title>Crowded</title><link>${origin}/crowded/</link><guid>${origin}/crowded/</guid><pubDate>Fri, 10 Jan 2025 10:00:00 GMT</pubDate><description>About it.</description><wfw:commentRss>${origin}/crowded/feed/</wfw:commentRss><slash:comments>${many}</slash:comments></item></channel></rss>\n`});
	server.route('/crowded/feed/', {type: 'application/rss+xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on Crowded</title><link>${origin}/crowded/</link><description>Comments</description>\n${comments.join('\n')}\n</channel></rss>\n`});
});

after(async () => server.close());

test('the thread says above its comments that the feed has 20,007 and blogterm read the first 20,000 it lists', async () => {
	const http = createHttpClient();
	const app = render(<App site={`${server.origin}/feed/`} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noReadMarks} />);
	try {
		await waitForText(app, 'Page 1 of 1');
		await press(app, '\r');
		await waitForText(app, 'About it.');
		await press(app, 'C');
		const frame = await waitForText(app, /comment 1 of 20,?000/, 30_000);
		const flat = frame.replace(/\s*\n\s*/g, ' ');
		assert.ok(flat.includes(`${host}'s comment feed has 20,007 comments; blogterm read the first 20,000 it lists.`), frame);
		const lines = frame.split('\n');
		assert.ok(lines.findIndex(line => line.includes('comment feed has')) < lines.findIndex(line => line.includes('Reader 8')), 'above the first comment read');
	} finally {
		app.unmount();
	}
});
