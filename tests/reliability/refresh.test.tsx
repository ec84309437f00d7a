import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {openBlog} from '../../source/sources/open-blog.js';
import {App, type AppProps, type ReadMarks} from '../../source/ui/app.js';
import {keys, press, resize, waitFor, waitForFrame, waitForText} from '../ui/helpers.js';
import {startRefreshBlog, type RefreshBlog} from './refresh-blog.js';
import {createHttpClient, type HttpClient} from '../../source/http/client.js';
import {userHttpCache} from '../../source/store/cache.js';
import {withEnvironment} from '../helpers/environment.js';

/*
A blog read once is kept on disk: the second start shows what was kept at once, before the blog has
answered anything ("updating…"), then what the blog says now. The blog's answers are held until the
test releases them, so "at once" is a fact about the order of things, not about time.
*/

const home = mkdtempSync(join(tmpdir(), 'blogterm-refresh-'));
// Answers are kept in the test's own home, as the reader keeps them in the user's.
let http: HttpClient;
after(() => rmSync(home, {recursive: true, force: true}));

const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
const openSource: AppProps['openSource'] = (url, signal, options) => openBlog(http, url, {...options, signal});

function renderReader(blog: RefreshBlog, initialPost?: AppProps['initialPost']) {
	const app = render(<App site={blog.url} openSource={openSource} perPage={10} readMarks={noMarks} initialPost={initialPost} />);
	resize(app.stdout, 80, 24);
	return app;
}

const settled = (text: string) => (frame: string) => frame.includes(text) && !frame.includes('updating…');

describe('a blog read before, read again', () => {
	withEnvironment({BLOGTERM_HOME: home});
	before(() => {
		http = createHttpClient({cache: userHttpCache()});
	});

	describe('a WordPress blog read before', () => {
		let blog: RefreshBlog;
		before(async () => {
			blog = await startRefreshBlog('wordpress');
		});
		after(async () => blog.close());

		test('the first start asks the blog once for each thing, with nothing to refresh', async () => {
			const app = renderReader(blog);
			const list = await waitForText(app, 'Old title one');
			assert.doesNotMatch(list, /updating…/);
			await press(app, keys.enter);
			await waitForFrame(app, settled('lines 1–'));
			await waitFor(() => blog.waiting() === 0 && blog.answered() === blog.requests.length, 'the blog has answered all it was asked');
			app.unmount();
			const urls = blog.requests.map(request => request.url);
			assert.deepEqual(urls.filter((url, index) => urls.indexOf(url) !== index), [], 'no address asked twice');
		});

		test('the second start shows the kept list before the blog answers, then the blog’s new titles', async () => {
			blog.titles = ['New title one', 'New title two', 'Old title three'];
			const answeredBefore = blog.answered();
			blog.hold();
			const app = renderReader(blog);
			const kept = await waitForText(app, 'Old title one');
			assert.match(kept, /updating…/, 'says it is asking the blog');
			assert.match(kept, /Old title two/);
			assert.equal(blog.answered(), answeredBefore, 'shown before the blog answered anything');
			await waitFor(() => blog.waiting() > 0, 'the blog is asked again');

			blog.release();
			const fresh = await waitForFrame(app, settled('New title one'));
			assert.match(fresh, /New title two/);
			assert.doesNotMatch(fresh, /Old title one|offline/);
			app.unmount();
		});

		test('a post changed on the blog shows the change after the refresh, at the place the reader was', async () => {
			blog.paragraphs[5] = 'Paragraph 6 edited on the blog.';
			// Opened straight at the post (--post): from the list, the highlighted post is fetched fresh ahead of Enter.
			blog.requests.length = 0;
			blog.hold();
			const app = renderReader(blog, {kind: 'id', id: 1});
			const kept = await waitForText(app, /lines 1–\d+ of \d+ · \d+% · updating…/);
			assert.match(kept, /Paragraph 6 as first written\./, 'the kept post, at once');
			await press(app, 'j', 'j', 'j');
			const scrolled = await waitForText(app, /lines 4–/);
			const place = /lines 4–\d+ of \d+/.exec(scrolled)![0];

			blog.release();
			const fresh = await waitForFrame(app, settled('Paragraph 6 edited on the blog.'));
			assert.match(fresh, new RegExp(`${place} `), 'the reader stays where they were');
			assert.doesNotMatch(fresh, /Paragraph 6 as first written/);
			await waitFor(() => blog.waiting() === 0, 'the blog has answered all it was asked');
			const neighbourAsks = blog.requests.filter(request => /[?&](?:before|after)=/.test(request.url)).length;
			assert.equal(neighbourAsks, 2, 'the previous and next posts are asked for once, not again after the refresh');
			app.unmount();
		});

		test('a refresh that brings the same post keeps it as it was: no “updating…” left, same place', async () => {
			const app = renderReader(blog);
			await waitForFrame(app, settled('New title one'));
			await press(app, keys.enter);
			await waitForFrame(app, settled('Paragraph 6 edited on the blog.'));
			await press(app, 'j', 'j');
			const frame = await waitForFrame(app, settled('lines 3–'));
			assert.match(frame, /Paragraph 6 edited on the blog\./);
			app.unmount();
		});
	});

	describe('what failed while the blog was being asked again', () => {
		let blog: RefreshBlog;
		before(async () => {
			blog = await startRefreshBlog('wordpress');
		});
		after(async () => blog.close());

		test('is asked for again once the blog answers: the previous and next posts of the post open', async () => {
			const first = renderReader(blog, {kind: 'id', id: 1});
			await waitForFrame(first, settled('lines 1–'));
			first.unmount();

			const isNeighbourAsk = (url: string) => /[?&](?:before|after)=/.test(url);
			blog.requests.length = 0;
			blog.failing = url => isNeighbourAsk(url.search);
			blog.hold();
			const app = renderReader(blog, {kind: 'id', id: 1});
			await waitForText(app, /lines 1–.*updating…/);
			const neighbourAsks = () => blog.requests.filter(request => isNeighbourAsk(request.url)).length;
			// Older and newer: at least two asks (a prefetch may ask as well), each failing.
			await waitFor(() => neighbourAsks() >= 2, 'the neighbours were asked for, and failed');
			blog.failing = undefined;
			const failedAsks = neighbourAsks();
			blog.release();
			await waitFor(() => neighbourAsks() >= failedAsks + 2, 'asked again with the blog answering');
			app.unmount();
		});
	});

	describe('a blog read through its feed, read before', () => {
		let blog: RefreshBlog;
		before(async () => {
			blog = await startRefreshBlog('feed');
		});
		after(async () => blog.close());

		test('the second start shows the kept list at once, then the feed’s new titles', async () => {
			const first = renderReader(blog);
			await waitForFrame(first, settled('Old title one'));
			first.unmount();

			blog.titles = ['New title one', 'Old title two', 'Old title three'];
			const answeredBefore = blog.answered();
			blog.hold();
			const app = renderReader(blog);
			const kept = await waitForText(app, 'Old title one');
			assert.match(kept, /updating…/);
			assert.equal(blog.answered(), answeredBefore, 'shown before the blog answered anything');

			blog.release();
			const fresh = await waitForFrame(app, settled('New title one'));
			assert.doesNotMatch(fresh, /Old title one/);
			app.unmount();
		});
	});

	describe('a blog read before that cannot be reached now', () => {
		test('the kept list shows at once, then says it is the copy kept offline', async () => {
			const blog = await startRefreshBlog('wordpress');
			const first = renderReader(blog);
			await waitForFrame(first, settled('Old title one'));
			first.unmount();
			await blog.close();

			const app = renderReader(blog);
			const frame = await waitForFrame(app, frame => /offline — saved at/.test(frame) && !frame.includes('updating…'));
			assert.match(frame, /Old title one/);
			app.unmount();
		});
	});
});
