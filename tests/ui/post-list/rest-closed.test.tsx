import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {startFakeWordPressBlog} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';
import {waitForText} from '../helpers.js';

// Keeps nothing on disk.
const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

let server: TestServer;
before(async () => {
	// A security plugin's answer to a visitor on the posts route; the REST index still answers.
	server = await startFakeWordPressBlog({
		name: 'Closed Blog',
		posts: [
			{id: 5, slug: 'five', title: 'Five in the feed', html: '<p>Five.</p>', date: '2026-11-05T10:00:00'},
			{id: 4, slug: 'four', title: 'Four in the feed', html: '<p>Four.</p>', date: '2026-11-04T10:00:00'},
		],
	}, (url, response) => {
		if (!url.pathname.startsWith('/wp-json/wp/v2/posts')) return undefined;
		response.writeHead(403, {'content-type': 'application/json; charset=UTF-8'});
		response.end(JSON.stringify({code: 'rest_cannot_access', message: 'Only authenticated users can access the REST API.', data: {status: 403}}));
		return 'answered';
	});
});
after(async () => server.close());

test('the reader lists a WordPress blog whose posts route is closed to visitors from its feed, not an error', async () => {
	const app = render(<App site={server.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} />);
	try {
		await waitForText(app, 'Five in the feed');
		await waitForText(app, 'Four in the feed');
	} finally {
		app.unmount();
	}
});
