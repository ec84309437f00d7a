import assert from 'node:assert/strict';
import {test} from 'node:test';
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
