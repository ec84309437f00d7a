import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import type {TestServer} from '../../helpers/http-server.js';
import {startFakeWordPress} from '../../helpers/fake-wordpress.js';
import {keys, press, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
const paragraph = `<p>${'The quick brown fox jumps over the lazy dog, again and again. '.repeat(20)}</p>\n`;
// About 6 MB of HTML: most of a second to lay out, long enough to press Esc meanwhile.
const html = `${paragraph.repeat(Math.ceil(6_000_000 / paragraph.length))}<p>The end of the long post.</p>`;

let server: TestServer;
before(async () => {
	server = await startFakeWordPress({id: 8, slug: 'long', title: 'A very long post', html, date: '2026-01-02T03:04:05'});
});
after(async () => server.close());

test('a post of megabytes is laid out while the screen stays alive: a spinner says so, Esc goes back at once, and the post shows whole once laid out', async () => {
	const app = render(<App site={server.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noMarks} />);
	try {
		await waitForText(app, /▸ [● ] A very long post/);
		await press(app, keys.enter);
		await waitForText(app, /Laying out a long post \(6\.\d MB\)/);
		await press(app, keys.escape);
		await waitForText(app, /▸ [● ] A very long post/);
		await press(app, keys.enter);
		await waitForText(app, /lines 1–\d+ of \d+/, 20_000);
		await press(app, 'G');
		await waitForText(app, 'The end of the long post.');
	} finally {
		app.unmount();
	}
});
