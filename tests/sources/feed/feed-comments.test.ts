import assert from 'node:assert/strict';
import {test} from 'node:test';
import {toComments} from '../../../source/sources/feed/feed-comments.js';
import type {FeedItem} from '../../../source/sources/feed/parse-feed.js';

const post = 'https://blog.example/2024/02/08/a-thread/';

/** A WordPress comment feed's item: comment `number`, its text `html`, newest first in the feed. */
function item(number: number, html: string, minute: number): FeedItem {
	return {
		id: `${post}#comment-${number}`, title: `By: Reader ${number}`, link: `${post}#comment-${number}`, date: new Date(Date.UTC(2024, 1, 8, 10, minute)).toISOString(),
		author: `Reader ${number}`, authorUrl: undefined, html, isSummaryOnly: false, excerpt: '', categories: [], tags: [],
		commentCount: undefined, commentFeedUrl: undefined, inReplyTo: undefined, attachments: [],
	};
}

test('a reply nested under its parent leaves out the line WordPress begins it with, in any language; without a known parent it keeps it', () => {
	const items = [
		item(7, `<p>Als Antwort auf <a href="${post}#comment-5">Reader 5</a>.</p>\n<p>Danke!</p>`, 3),
		item(6, `<p>In reply to <a href="${post}#comment-5">Reader 5</a>.</p>\n<p>Replying to five.</p>`, 2),
		item(5, '<p>First.</p>', 1),
		item(4, `<p>In reply to <a href="${post}#comment-2">Reader 2</a>.</p>\n<p>Its parent is not on the page.</p>`, 0),
	];
	const comments = toComments(items, new Map([[6, 5], [7, 5]]));
	assert.deepEqual(comments.map(comment => [comment.id, comment.parent, comment.html]), [
		[4, 0, `<p>In reply to <a href="${post}#comment-2">Reader 2</a>.</p>\n<p>Its parent is not on the page.</p>`],
		[5, 0, '<p>First.</p>'],
		[6, 5, '<p>Replying to five.</p>'],
		[7, 5, '<p>Danke!</p>'],
	]);
});

test('a first paragraph that links another comment, or says more than the line, stays', () => {
	const other = `<p>In reply to <a href="${post}#comment-3">Reader 3</a>.</p>\n<p>Not my parent.</p>`;
	const longer = `<p>As I said to <a href="${post}#comment-5">Reader 5</a> at length yesterday, and again this morning in the shed, no.</p>`;
	const comments = toComments([item(9, longer, 2), item(8, other, 1), item(5, '<p>First.</p>', 0)], new Map([[8, 5], [9, 5]]));
	assert.deepEqual(comments.map(comment => comment.html), ['<p>First.</p>', other, longer]);
});
