import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {createHttpClient} from '../../../source/http/client.js';
import type {PostSummary} from '../../../source/model/post.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, notFollowedStarNote} from '../../../source/ui/app.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {storeHomeData, storeStarMarks} from '../../../source/ui/home/store-home-data.js';
import {fullTextsInMemory} from '../../../source/full-text/full-text-store.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {makeTestStore, type TestStore} from '../../subscriptions/store-helper.js';
import {keys, press, resize, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();
const openSource = async (url: string, signal: AbortSignal) => openBlog(http, url, {signal});
const lineWith = (frame: string, text: string) => frame.split('\n').find(line => line.includes(text)) ?? '';

describe('stars in a followed blog’s own list and post (#24)', () => {
	let feed: TestDemo;
	let other: TestDemo;
	let store: TestStore;
	before(async () => {
		[feed, other] = await Promise.all([startTestDemo({mode: 'feed-only'}), startTestDemo({mode: 'feed-only'})]);
		store = makeTestStore();
	});
	after(async () => {
		store.remove();
		await Promise.all([feed.stop(), other.stop()]);
	});

	it('s on the list stars the post (★ on its row, kept in the store, in the Starred folder); s on the post unstars it', async () => {
		const subscriptions = store.open();
		const data = storeHomeData(subscriptions);
		await data.follow(await data.discover(feed.url, new AbortController().signal));
		const blog = data.blogs()[0]!;
		const [first, second] = data.river(500);
		const app = render(createElement(HomeApp, {data, openSource, perPage: 10, refreshOnStart: false, refreshMinutes: 0}));
		try {
			resize(app.stdout, 100, 30);
			await waitForText(app, 'Starred (0)');
			await press(app, keys.enter);
			await waitForText(app, 'Page 1 of');
			await press(app, 's');
			const starred = await waitForText(app, `★ ${first!.title}`);
			assert.match(starred, /Starred: the home screen’s Starred folder has it/);
			assert.doesNotMatch(lineWith(starred, second!.title), /★/, 'only the post under the cursor');
			assert.equal(subscriptions.isStarred(blog.url, first!.id), true);

			// Back on the home screen, the Starred folder counts it.
			await press(app, keys.escape);
			await waitForText(app, 'Starred (1)');

			// Opened again, the list shows the star from the store; the post view says it, and s there unstars it.
			await press(app, keys.enter);
			await waitForText(app, `★ ${first!.title}`);
			await press(app, keys.enter);
			await waitForFrame(app, frame => /^ ★ lines 1–/m.test(frame));
			await press(app, 's');
			await waitForFrame(app, frame => frame.includes('Unstarred') && !/★ lines/.test(frame));
			assert.equal(subscriptions.isStarred(blog.url, first!.id), false);
			await press(app, keys.escape);
			await waitForFrame(app, frame => frame.includes(first!.title) && !frame.includes('★'));
			await press(app, keys.escape);
			await waitForText(app, 'Starred (0)');
		} finally {
			app.unmount();
		}
	});

	it('a post the store does not hold yet is stored when starred, so that the Starred folder lists it', () => {
		const subscriptions = store.open();
		const data = storeHomeData(subscriptions);
		const blog = data.blogs()[0]!;
		const older: PostSummary = {id: 'not-refreshed-yet', title: 'An older post, past the feed', link: `${feed.url}older/`, date: '2001-01-01T00:00:00Z', author: 'Ada', commentCount: undefined, excerpt: 'From long ago.', categories: [], tags: []};
		assert.equal(data.starPost!(blog.url, older, true), true);
		assert.deepEqual(data.river(500, {starred: true}).map(item => item.title), ['An older post, past the feed']);
		assert.equal(data.starredIds!(blog.url).has('not-refreshed-yet'), true);
		assert.equal(data.starPost!(blog.url, older, false), true);
		assert.equal(data.river(500, {starred: true}).length, 0);
	});

	it('s on a blog not followed says so in words and keeps nothing', async () => {
		const subscriptions = store.open();
		const app = render(<App site={other.url} openSource={openSource} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => undefined}} starMarks={storeStarMarks(subscriptions)} />);
		try {
			resize(app.stdout, 100, 30);
			const list = await waitForText(app, 'Page 1 of');
			const title = list.split('\n').find(line => line.startsWith('▸'))!.slice(4, 20);
			await press(app, 's');
			const said = await waitForText(app, notFollowedStarNote);
			assert.doesNotMatch(lineWith(said, title), /★/);
			await press(app, keys.enter);
			await waitForText(app, 'lines 1–');
			await press(app, 's');
			await waitForText(app, notFollowedStarNote);
			assert.equal(subscriptions.river({perPage: 100, starred: true}).posts.length, 0);
		} finally {
			app.unmount();
		}
	});

	it('F on a row reads that blog alone, not every blog and post again, and the row says “full text” at once', async () => {
		const subscriptions = store.open();
		const stored = storeHomeData(subscriptions);
		// What the home screen reads of the store: every blog with its counts, and posts (the starred ones, What is new).
		const reads: string[] = [];
		const data = {
			...stored,
			blogs: () => {
				reads.push('blogs');
				return stored.blogs();
			},
			river: (...args: Parameters<typeof stored.river>) => {
				reads.push('river');
				return stored.river(...args);
			},
		};
		const blog = stored.blogs()[0]!;
		const fullTexts = fullTextsInMemory();
		const app = render(createElement(HomeApp, {data, openSource, perPage: 10, refreshOnStart: false, refreshMinutes: 0, fullTexts, readFullText: () => Promise.reject(new Error('not asked in this test'))}));
		try {
			resize(app.stdout, 100, 30);
			await waitForText(app, blog.title);
			reads.length = 0;
			await press(app, 'F');
			const on = await waitForText(app, 'Full text on: summary-only posts read whole (F: off)');
			assert.match(lineWith(on, blog.title), /· full text$/);
			await press(app, 'F');
			const off = await waitForText(app, 'Full text off: summaries as the feed gives them');
			assert.doesNotMatch(lineWith(off, blog.title), /full text/);
			assert.deepEqual(reads, [], 'nothing read again but the blog');
		} finally {
			app.unmount();
		}
	});

	it('F on a followed blog’s row sets its full text, with the words the list uses, and the row says “full text”', async () => {
		const subscriptions = store.open();
		const data = storeHomeData(subscriptions);
		const blog = data.blogs()[0]!;
		const fullTexts = fullTextsInMemory();
		const app = render(createElement(HomeApp, {data, openSource, perPage: 10, refreshOnStart: false, refreshMinutes: 0, fullTexts, readFullText: () => Promise.reject(new Error('not asked in this test'))}));
		try {
			resize(app.stdout, 100, 30);
			const before = await waitForText(app, blog.title);
			assert.doesNotMatch(lineWith(before, blog.title), /full text/);
			await press(app, 'F');
			const on = await waitForText(app, 'Full text on: summary-only posts read whole (F: off)');
			assert.match(lineWith(on, blog.title), /· full text$/);
			assert.equal(fullTexts.isAutomatic(blog.siteKey!), true);
			// The blog's own list says the same setting: F there turns it off again.
			await press(app, keys.enter);
			await waitForText(app, 'Page 1 of');
			await press(app, 'F');
			await waitForText(app, 'Full text off: summaries as the feed gives them');
			await press(app, keys.escape);
			const off = await waitForFrame(app, frame => frame.includes(blog.title) && !frame.includes('Page 1 of'));
			assert.doesNotMatch(lineWith(off, blog.title), /full text/);
			await press(app, 'F');
			await waitForText(app, 'Full text on:');
			await press(app, 'F');
			const again = await waitForText(app, 'Full text off: summaries as the feed gives them');
			assert.doesNotMatch(lineWith(again, blog.title), /full text/);
			assert.equal(fullTexts.isAutomatic(blog.siteKey!), false);
		} finally {
			app.unmount();
		}
	});
});
