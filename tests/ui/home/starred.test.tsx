import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {storeHomeData} from '../../../source/ui/home/store-home-data.js';
import {demoFeedAndStore} from '../../subscriptions/store-helper.js';
import {press, resize, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();

describe('stars in What is new and the Starred folder', () => {
	const suite = demoFeedAndStore();

	it('s stars the post under the cursor (a star sign on its line); S shows the Starred folder and comes back', async () => {
		const subscriptions = suite.store.open();
		const data = storeHomeData(subscriptions);
		await data.follow(await data.discover(suite.feed.url, new AbortController().signal));
		const first = data.river(500)[0]!;
		const app = render(createElement(HomeApp, {data, openSource: async (url: string, signal: AbortSignal) => openBlog(http, url, {signal}), perPage: 10, refreshOnStart: false, refreshMinutes: 0, startView: 'river'}));
		try {
			resize(app.stdout, 100, 30);
			await waitForText(app, 'Starred (0)');
			await press(app, 's');
			const starred = await waitForText(app, `★ ${first.title}`);
			assert.match(starred, /Starred \(1\)/);
			assert.equal(subscriptions.isStarred(first.blogUrl, first.id), true);
			await press(app, 'S');
			const folder = await waitForFrame(app, frame => !frame.includes(data.river(500)[1]!.title) && frame.includes(`★ ${first.title}`));
			assert.equal(folder.split('\n').filter(line => line.includes('★')).length, 1);
			await press(app, 's');
			await waitForText(app, 'No starred posts: s stars the post under the cursor in What is new.');
			assert.equal(subscriptions.isStarred(first.blogUrl, first.id), false);
			await press(app, 'S');
			await waitForText(app, data.river(500)[1]!.title);
		} finally {
			app.unmount();
		}
	});
});
