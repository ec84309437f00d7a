import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient, httpLimits, type HttpClient} from '../../../source/http/client.js';
import {HttpCache} from '../../../source/store/cache.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import type {Subscriptions} from '../../../source/subscriptions/subscriptions.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {storeHomeData} from '../../../source/ui/home/store-home-data.js';
import {startFeedBlog, type FeedBlog, type TestPost} from '../../subscriptions/blog-servers.js';
import {makeTestStore, type TestStore} from '../../subscriptions/store-helper.js';
import {keys, press, resize, waitFor, waitForFrame, waitForText} from '../helpers.js';

/*
A followed blog's posts are kept in the store with their text by each refresh. One opened from What is
new or a search shows that text at once, without waiting for the blog, then as the blog gives it; when
the blog cannot be read, the text stays, read as any post.
*/

const paragraphs = (word: string, count: number) => Array.from({length: count}, (_, index) => `<p>${word} paragraph ${index + 1}.</p>`).join('');

for (const kept of ['pages kept on disk', 'nothing kept on disk'] as const) describe(`a followed blog’s post opened from the home screen, its text kept in the store (${kept})`, () => {
	let store: TestStore;
	let http: HttpClient;
	let subscriptions: Subscriptions;
	let blog: FeedBlog;
	const early: TestPost = {id: 1, title: 'Early sowing', date: '2026-11-01T10:00:00Z', html: paragraphs('Early', 3)};
	const later: TestPost = {id: 2, title: 'Later harvest', date: '2026-11-05T10:00:00Z', html: paragraphs('Stored', 40)};

	/**
	 * The blog followed (its pages kept on disk then, as in real use; or not: a blog followed from OPML, the
	 * cache cleared), then a post published and the blogs refreshed: the store holds its text, which no page
	 * kept on disk holds.
	 */
	beforeEach(async () => {
		store = makeTestStore();
		const cache = kept === 'pages kept on disk' ? new HttpCache({directory: join(store.home, 'cache', 'http')}) : undefined;
		http = createHttpClient({cache, limits: {...httpLimits, retryDelayMs: 10, maxRetryDelayMs: 20}});
		blog = await startFeedBlog('Kept Blog', [early]);
		subscriptions = store.open({http});
		await subscriptions.follow(blog.url);
		blog.posts = [later, early];
		await subscriptions.refresh();
		const stored = subscriptions.river().posts.find(post => post.title === later.title);
		assert.match(subscriptions.storedPost(blog.url, stored!.id)?.html ?? '', /Stored paragraph 40/, 'the refresh kept its text');
	});
	afterEach(async () => {
		// The reader writes its read mark (with the post's text) once a post shows: written before the store closes.
		await waitFor(() => subscriptions.river().posts.find(post => post.title === later.title)?.read === true, 'the post opened is marked read');
		blog.letGo();
		await blog.close();
		store.remove();
	});

	function renderHome() {
		const app = render(
			<HomeApp
				data={storeHomeData(subscriptions)}
				openSource={(url, signal, options) => openBlog(http, url, {...options, signal})}
				perPage={10}
				refreshMinutes={0}
				refreshOnStart={false}
				startView="river"
			/>,
		);
		resize(app.stdout, 80, 24);
		return app;
	}

	it('with the blog gone, opens from What is new and from a search with its text, read as any post', async () => {
		await blog.close();
		const app = renderHome();
		try {
			await waitForText(app, /▸ ● Later harvest/);
			await press(app, keys.enter);
			let frame = await waitForText(app, 'Stored paragraph 1.');
			assert.match(frame, /Later harvest/);
			assert.doesNotMatch(frame, /Could not|Loading|Connecting/);
			// The blog was asked again and could not be read: said quietly, the text stays.
			frame = await waitForText(app, / lines 1–23 of \d+ · \d+% · not updated /);
			assert.match(frame, /Stored paragraph 1\./);
			await press(app, ' ');
			await waitForText(app, 'Stored paragraph 12.');
			await press(app, keys.escape);
			await waitForText(app, 'What is new');
			await press(app, '/', ...'harvest', keys.enter);
			await waitForText(app, /Search: “harvest” · 1 post/);
			await press(app, keys.enter);
			frame = await waitForText(app, 'Stored paragraph 1.');
			assert.doesNotMatch(frame, /Could not|Loading|Connecting/);
			await press(app, keys.escape);
			await waitForText(app, /Search: “harvest” · 1 post/);
		} finally {
			app.unmount();
		}
	});

	it('on a slow blog, shows the kept text at once, then the blog’s own, the reader’s place kept', async () => {
		blog.posts = [{...later, html: paragraphs('Fresh', 40)}, early];
		blog.hold();
		const app = renderHome();
		try {
			await waitForText(app, /▸ ● Later harvest/);
			await press(app, keys.enter);
			let frame = await waitForText(app, 'Stored paragraph 1.');
			assert.match(frame, / lines 1–23 of \d+ · \d+% · updating… /, 'the blog is being asked');
			// Read on while the blog has not answered.
			await press(app, 'j', 'j', 'j', 'j');
			frame = await waitForText(app, / lines 5–27 of /);
			const firstParagraph = (shown: string) => shown.split('\n').find(line => line.includes('paragraph'))!;
			const atTop = firstParagraph(frame);
			assert.match(atTop, /Stored paragraph \d+\./);
			blog.letGo();
			frame = await waitForFrame(app, shown => shown.includes('Fresh paragraph') && !shown.includes('updating…'));
			assert.doesNotMatch(frame, /Stored paragraph/);
			assert.match(frame, / lines 5–27 of /, 'the same place');
			assert.equal(firstParagraph(frame), atTop.replace('Stored', 'Fresh'), 'the same paragraph at the top');
			assert.doesNotMatch(frame, /not updated/);
			// Kept in the store in its turn: what opens next time, offline too.
			await waitFor(() => /Fresh paragraph 40/.test(subscriptions.storedPost(blog.url, subscriptions.river().posts.find(post => post.title === later.title)!.id)?.html ?? ''), 'the blog’s text is kept');
		} finally {
			app.unmount();
		}
	});
});
