import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {PostSummary} from '../../../source/model/post.js';
import {textWidth} from '../../../source/render/text-width.js';
import {listRow} from '../../../source/ui/post-list/post-list-lines.js';

function post(title: string, author = 'Ilya Brandt', commentCount = 0): PostSummary {
	return {id: 1, title, link: 'https://blog.example/p/', date: '2024-11-28T12:00:00', author, commentCount, excerpt: '', categories: [], tags: []};
}

/** The row as the list shows it, and its width. */
function shown(row: {title: string; gap: string; meta: string}) {
	const text = `${row.title}${row.gap}${row.meta}`;
	return {text, width: textWidth(text)};
}

// 76 columns: a list row of an 80-column terminal (the marker and the unread sign take 4).
test('a short title and a meta wider than half the row are both shown whole when they fit side by side', () => {
	const row = listRow(post('On Keeping a Bee Diary'), 76);
	assert.deepEqual(shown(row), {text: `On Keeping a Bee Diary${' '.repeat(15)}Nov 28, 2024 · Ilya Brandt · 0 comments`, width: 76});
});

test('beside a long title the meta takes half the row: the author is cut first, the date and the comments stay whole', () => {
	const row = listRow(post('Pruning Old Branches (in git and in the orchard) before the frost'), 76);
	assert.equal(row.meta, 'Nov 28, 2024 · Ilya Bran… · 0 comments');
	assert.equal(row.title, 'Pruning Old Branches (in git and in…');
	assert.equal(shown(row).width, 76);
});

test('where even a cut name does not fit, the row shows the date and the comments without it; narrower still, the meta is cut at its end', () => {
	const long = post('Shell History as a Garden Diary, and Other Notes', 'Maren Holt', 2);
	assert.equal(listRow(long, 56).meta, 'Nov 28, 2024 · 2 comments');
	assert.equal(listRow(long, 36).meta, 'Nov 28, 2024 · 2 …');
	for (const width of [36, 56, 76]) assert.equal(shown(listRow(long, width)).width, width, `at ${width} columns`);
});
