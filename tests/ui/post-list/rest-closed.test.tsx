import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {closedBlog, postsRouteRefused, restRefusals, startFakeWordPressBlog} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';
import {waitForText} from '../helpers.js';

// Keeps nothing on disk.
const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

let server: TestServer;
before(async () => {
	// A security plugin's answer to a visitor on the posts route; the REST index still answers.
	server = await startFakeWordPressBlog(closedBlog(' in the feed'), postsRouteRefused(restRefusals[3]));
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
