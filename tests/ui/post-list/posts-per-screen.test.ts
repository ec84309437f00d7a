import assert from 'node:assert/strict';
import {test} from 'node:test';
import {postRows, postsPerScreen} from '../../../source/ui/post-list/post-list-lines.js';

test('a list page holds as many posts as the terminal shows, its last row too: 17 at 24 rows, 41 at 48, never under 10 nor over WordPress\'s 100', () => {
	assert.equal(postsPerScreen(24), 17);
	assert.equal(postsPerScreen(48), 41);
	assert.equal(postsPerScreen(12), 10);
	assert.equal(postsPerScreen(200), 100);
	assert.equal(postsPerScreen(undefined), 17, 'no terminal size known: as at 80×24');
});

test('a list screen as tall as the terminal shows the posts of one such page, no more, at least one', () => {
	for (const rows of [24, 48]) assert.equal(postRows(rows), postsPerScreen(rows), `at ${rows} rows`);
	assert.equal(postRows(3), 1);
});
