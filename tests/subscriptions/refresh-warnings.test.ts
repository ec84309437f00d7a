import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {getMaxListeners} from 'node:events';
import {dailyPosts, startFeedBlog, type FeedBlog} from './blog-servers.js';
import {makeTestStore, type TestStore} from './store-helper.js';

// test-runner: own process (it listens for the process's warnings: another file's would be heard here)
describe('refreshing more blogs at once than an AbortSignal has listeners by default', () => {
	let store: TestStore;
	let blogs: FeedBlog[];
	before(async () => {
		store = makeTestStore();
		blogs = await Promise.all(Array.from({length: 14}, async (_, index) => startFeedBlog(`Blog ${index + 1}`, dailyPosts(`Blog ${index + 1} post`, 2, '2024-05-10T10:00:00Z'))));
	});
	after(async () => {
		store.remove();
		await Promise.all(blogs.map(async blog => blog.close()));
	});

	it('prints no MaxListenersExceededWarning (the reader refreshes with its own signal, and a warning would be written over its screen)', async () => {
		const warnings: string[] = [];
		const heard = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
		process.on('warning', heard);
		try {
			const subscriptions = store.open();
			for (const blog of blogs) await subscriptions.follow(blog.feedUrl);
			const signal = new AbortController().signal;
			const result = await subscriptions.refresh({concurrency: 14, signal});
			assert.deepEqual([result.total, result.failures], [14, []]);
			// Warnings are emitted on the next tick.
			await new Promise(resolve => setImmediate(resolve));
			assert.deepEqual(warnings, []);
			assert.equal(getMaxListeners(signal), 10, 'the signal\'s limit is put back after the refresh');
		} finally {
			process.off('warning', heard);
		}
	});
});
