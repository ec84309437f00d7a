import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {startFeedServer, type FeedServer} from '../../sources/feed/feed-server.js';
import {frameText, resize, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

let server: FeedServer;
before(async () => {
	server = await startFeedServer();
	server.route('/pod/feed', {type: 'application/rss+xml', body: `<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Soil Pod</title><link>${server.origin}/pod/</link>
<item><title>Episode 12: Soil</title><link>${server.origin}/pod/12</link><guid>ep12</guid><description>We talk about soil.</description>
<enclosure url="${server.origin}/media/ep12.mp3" length="48234567" type="audio/mpeg"/><itunes:duration>1:02:03</itunes:duration></item>
</channel></rss>`});
});
after(async () => server.close());

describe('a podcast episode in the reader', () => {
	test('its enclosure shows as [audio: TITLE (duration, size) URL], a numbered link, its URL in the list under the post', async () => {
		const app = render(<App site={`${server.origin}/pod/feed`} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} initialPost={{kind: 'id', id: 'ep12'}} />);
		try {
			resize(app.stdout, 100, 40); // Related Posts under the post, not beside it
			const frame = await waitForText(app, /\[audio: Episode 12: Soil \(1:02:03, 48 MB\)\s+http:\/\/127\.0\.0\.1:\d+\/media\/ep12\.mp3\]\[1\]/);
			assert.match(frame, /^\[1\] http:\/\/127\.0\.0\.1:\d+\/media\/ep12\.mp3\s/m, frameText(app));
		} finally {
			app.unmount();
		}
	});
});
