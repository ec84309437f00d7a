import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startFeedServer, type FeedServer} from '../../sources/feed/feed-server.js';
import {waitForText} from '../helpers.js';

/*
A feed's items that cannot be read are left out with a note: print mode says it on stderr, the reader
under the list, a dim line.
*/

/** Nothing read yet, nothing kept. */
const noReadMarks = {readIds: () => new Set<string>(), markRead: () => undefined};

let server: FeedServer;
let host: string;

before(async () => {
	server = await startFeedServer();
	host = new URL(server.url).host;
	const item = (name: string) => ({id: name, url: `${server.origin}/${name}`, title: `Post ${name}`, content_html: `<p>${name}</p>`});
	server.route('/gaps.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Gaps', items: [item('a'), null, 'str', item('b')]})});
	server.route('/whole.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Whole', items: [item('a'), item('b')]})});
});

after(async () => server.close());

test('the reader says under the list what the blog sent that it cannot read, as print mode says it on stderr', async () => {
	const http = createHttpClient();
	const app = render(<App site={`${server.origin}/gaps.json`} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noReadMarks} />);
	try {
		const frame = await waitForText(app, 'Page 1 of 1');
		const lines = frame.split('\n');
		const note = lines.findIndex(line => line.includes(`${host} sent 2 posts blogterm cannot read (it is not a JSON object): left out.`));
		assert.notEqual(note, -1, frame);
		assert.match(lines[note - 1]!, /Post b/, 'right under the last post');
		assert.equal((lines.findIndex(line => line.startsWith('Page 1 of 1'))) > note, true, 'above the status line');
	} finally {
		app.unmount();
	}
});

test('a feed whose every item is read has no such line', async () => {
	const http = createHttpClient();
	const app = render(<App site={`${server.origin}/whole.json`} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={noReadMarks} />);
	try {
		const frame = await waitForText(app, 'Page 1 of 1');
		assert.doesNotMatch(frame, /left out/);
	} finally {
		app.unmount();
	}
});
