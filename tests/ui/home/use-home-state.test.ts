import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {FollowedBlog, RiverItem} from '../../../source/ui/home/home-data.js';
import {blogRows, splitRow, updatedAgo} from '../../../source/ui/home/rows.js';
import {homeReducer, initialHomeState, nextUnread, progressLine, riverKey, selectedRiverRow} from '../../../source/ui/home/use-home-state.js';

const blog = (title: string, folder?: string, unread = 1): FollowedBlog => ({url: `https://${title}.example/`, title, folder, unread, total: 5, lastUpdated: undefined, lastError: undefined});
const item = (id: number, read: boolean): RiverItem => ({blogUrl: 'https://a.example/', blogTitle: 'A', id, title: `Post ${id}`, link: `https://a.example/${id}`, date: undefined, read});

describe('the home screen’s state', () => {
	it('groups blogs by folder: loose ones first, each folder under its name with its unread total', () => {
		const rows = blogRows([blog('a', 'Tech', 2), blog('b'), blog('c', 'Tech', 3), blog('d', 'Art')]);
		assert.deepEqual(rows.map(row => (row.kind === 'folder' ? `[${row.name} ${row.unread}]` : row.blog.title)), ['b', '[Tech 5]', 'a', 'c', '[Art 1]', 'd']);
	});

	it('finds the next unread post after the highlighted one, wrapping round, and none when all are read', () => {
		const items = [item(1, false), item(2, true), item(3, false), item(4, true)];
		assert.equal(nextUnread(items, 0), 2);
		assert.equal(nextUnread(items, 2), 0);
		assert.equal(nextUnread(items.map(each => ({...each, read: true})), 0), undefined);
	});

	it('finds the highlighted post where it moved; gone, its row (the last, past the end); with no post chosen, the row', () => {
		const items = [item(1, false), item(2, true), item(3, false)];
		assert.equal(selectedRiverRow([item(9, false), ...items], {key: riverKey(item(2, true)), index: 1}), 2);
		assert.equal(selectedRiverRow([item(1, false), item(3, false)], {key: riverKey(item(2, true)), index: 1}), 1);
		assert.equal(selectedRiverRow([item(1, false)], {key: riverKey(item(2, true)), index: 1}), 0);
		assert.equal(selectedRiverRow(items, {key: undefined, index: 2}), 2);
		assert.equal(selectedRiverRow([], {key: undefined, index: 2}), 0);
	});

	it('says how far a refresh has got, with the failures only when there are some', () => {
		// The store's line: the blog being read is counted (36 done: the 37th is under way).
		assert.equal(progressLine({done: 36, total: 500, failed: 2}, true), 'Refreshing 37 of 500 · 2 failed');
		assert.equal(progressLine({done: 2, total: 500, failed: 0}, true), 'Refreshing 3 of 500');
		assert.equal(progressLine({done: 500, total: 500, failed: 2}, false), 'Refreshed 500 blogs · 2 failed');
	});

	it('keeps the address typed when nothing is found there, with why', () => {
		let state = homeReducer(initialHomeState(), {type: 'start-adding'});
		state = homeReducer(state, {type: 'type-url', url: 'blog.example'});
		state = homeReducer(state, {type: 'finding'});
		state = homeReducer(state, {type: 'not-found', error: 'No feed found at blog.example.'});
		assert.deepEqual(state.adding, {phase: 'typing', url: 'blog.example', error: 'No feed found at blog.example.'});
	});

	it('progress from a refresh that was stopped does not come back', () => {
		const done = homeReducer(initialHomeState(), {type: 'refresh-done', progress: {done: 1, total: 1, failed: 0}});
		assert.equal(homeReducer(done, {type: 'refresh-progress', progress: {done: 0, total: 1, failed: 0}}).refresh.running, false);
	});

	it('a row shows its text and its meta whole when they fit side by side; otherwise the meta takes half the row, the text the rest', () => {
		const meta = '35 unread · ✗ The blog took longer than 15 s to answer.';
		const whole = splitRow('Gone', meta, 64);
		assert.deepEqual([whole.text, whole.meta, `${whole.text}${whole.gap}${whole.meta}`.length], ['Gone', meta, 64]);
		const cut = splitRow('The Terminal Gardener, a blog with a long name', meta, 64);
		assert.deepEqual([cut.text, cut.meta], ['The Terminal Gardener, a blog…', '35 unread · ✗ The blog took lon…']);
	});

	it('says when a blog was updated in words', () => {
		const now = Date.parse('2026-12-02T12:00:00Z');
		assert.equal(updatedAgo(undefined, now), 'never read');
		assert.equal(updatedAgo('2026-12-02T11:55:00Z', now), '5 min ago');
		assert.equal(updatedAgo('2026-12-02T09:00:00Z', now), '3 h ago');
		assert.equal(updatedAgo('2026-11-29T12:00:00Z', now), '3 days ago');
		// Two months and more: the date, as the lists write it.
		assert.equal(updatedAgo('2025-02-03T07:30:00Z', now), 'Feb 3, 2025');
	});
});
