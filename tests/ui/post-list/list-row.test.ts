import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {PostSummary} from '../../../source/model/post.js';
import {textWidth} from '../../../source/render/text-width.js';
import {listRow, metaColumns} from '../../../source/ui/post-list/post-list-lines.js';

function post(title: string, date: string, author: string, commentCount: number | undefined): PostSummary {
	return {id: title, title, link: 'https://blog.example/p/', date: `${date}T12:00:00`, author, commentCount, excerpt: '', categories: [], tags: []};
}

const page = [
	post('Ten Minutes a Day', '2025-02-03', 'Maren Holt', 0),
	post('Greenhouse Heater Alerts', '2024-12-19', 'Ilya Brandt', 1),
	post('Shell History as a Garden Diary, and Other Notes from the Shed', '2025-01-27', 'Maren Holt', 12),
];

/** The page's rows as the list shows them at `width` columns: the title, the gap, the columns after it. */
const rows = (width: number) => {
	const columns = metaColumns(page, width);
	return page.map(each => listRow(each, width, {columns}));
};
const whole = (row: {title: string; gap: string; meta: string}) => `${row.title}${row.gap}${row.meta}`;

// 76 columns: a list row of an 80-column terminal (the marker and the unread sign take 4).
test('the date, the author and the comments are columns that line up down the page: dates to the right of theirs, so that the years line up', () => {
	assert.deepEqual(rows(76).map(whole), [
		'Ten Minutes a Day                    Feb 3, 2025 · Maren Holt  · 0 comments ',
		'Greenhouse Heater Alerts            Dec 19, 2024 · Ilya Brandt · 1 comment  ',
		'Shell History as a Garden Diary, …  Jan 27, 2025 · Maren Holt  · 12 comments',
	]);
});

test('narrower, the author’s column is cut, then left out; then the comments’ column; every row keeps its width', () => {
	assert.deepEqual(rows(70).map(row => row.meta), [' Feb 3, 2025 · Maren Ho… · 0 comments ', 'Dec 19, 2024 · Ilya Bra… · 1 comment  ', 'Jan 27, 2025 · Maren Ho… · 12 comments']);
	assert.deepEqual(rows(56).map(row => row.meta), [' Feb 3, 2025 · 0 comments ', 'Dec 19, 2024 · 1 comment  ', 'Jan 27, 2025 · 12 comments']);
	assert.deepEqual(rows(36).map(row => row.meta), [' Feb 3, 2025', 'Dec 19, 2024', 'Jan 27, 2025']);
	for (const width of [36, 56, 70, 76]) assert.deepEqual(rows(width).map(row => textWidth(whole(row))), [width, width, width], `at ${width} columns`);
});

test('a cell a post has nothing for is left blank, without its separator', () => {
	const item = post('A feed item', '2025-01-01', '', undefined);
	const row = listRow(item, 76, {columns: metaColumns([...page, item], 76)});
	assert.equal(row.meta, ` Jan 1, 2025${' '.repeat(3 + 11 + 3 + 11)}`);
	assert.equal(row.title, 'A feed item');
});
