import assert from 'node:assert/strict';
import {mock, test} from 'node:test';
import {waitUntil} from './poll.js';

test('a wait that times out fails, naming what it waited for and the last thing it saw', async () => {
	await assert.rejects(waitUntil(() => 'Loading posts…', frame => frame.includes('Tomatoes'), 'the list shows', 50), (error: unknown) => {
		assert.ok(error instanceof Error);
		assert.match(error.message, /waiting until the list shows/);
		assert.match(error.message, /Loading posts…/);
		return true;
	});
});

test('a wait gives the first value that satisfies it', async () => {
	let reads = 0;
	assert.equal(await waitUntil(() => ++reads, count => count >= 3, 'three reads'), 3);
});

test('a wait counts the time that passed, not the wall clock: a clock set an hour forward does not end it', async () => {
	const realNow = Date.now.bind(Date);
	let reads = 0;
	// The wall clock jumps an hour once the wait has begun, as a paused virtual machine's does when it resumes.
	mock.method(Date, 'now', () => realNow() + (reads > 0 ? 3_600_000 : 0));
	try {
		assert.equal(await waitUntil(() => ++reads, count => count >= 3, 'three reads', 1000), 3);
	} finally {
		mock.restoreAll();
	}
});
