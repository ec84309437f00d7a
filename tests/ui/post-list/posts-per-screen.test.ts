import assert from 'node:assert/strict';
import {test} from 'node:test';
import {postRows, postsPerScreen} from '../../../source/ui/post-list/post-list-lines.js';

test('a list page holds as many posts as the list screen shows, its last row too: 19 at 24 rows (18 with a line under the reader), 43 at 48, never under 10 nor over WordPress\'s 100', () => {
	assert.equal(postsPerScreen(24), 19);
	assert.equal(postsPerScreen(23), 18);
	assert.equal(postsPerScreen(48), 43);
	assert.equal(postsPerScreen(12), 10);
	assert.equal(postsPerScreen(200), 100);
});

test('a list screen shows the posts of one such page, no more, at least one', () => {
	for (const rows of [23, 24, 48]) assert.equal(postRows(rows), postsPerScreen(rows), `at ${rows} rows`);
	assert.equal(postRows(3), 1);
});
