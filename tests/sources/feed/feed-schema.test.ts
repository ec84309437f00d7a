import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {atomEntrySchema, checkedItems, jsonItemSchema, rssItemSchema} from '../../../source/sources/feed/feed-schema.js';

/*
feedsmith hands over strings for nearly everything; these schemas make sure of it before a field is read.
Items of the wrong types as a parser could give them: each bad field is dropped, the rest kept; what is
not an object is left out.
*/

describe('feed items are checked field by field before they are read', () => {
	test('RSS: a title that is an array, a guid that is a number, categories that are a string: dropped; the link kept', () => {
		const [item, ...rest] = checkedItems<Record<string, unknown>>(rssItemSchema, [
			{title: ['a', 'b'], link: 'https://blog.example/1/', guid: 5, categories: 'x', slash: {comments: {}}, dc: {creators: [null]}},
			null,
			'a string',
		]);
		assert.deepEqual(rest, [], 'what is not an object is left out');
		assert.equal(item!['title'], undefined);
		assert.equal(item!['guid'], undefined);
		assert.equal(item!['categories'], undefined);
		assert.deepEqual(item!['slash'], {comments: undefined});
		assert.equal((item!['dc'] as {creators?: unknown}).creators, undefined, 'a list holding null is no list of names');
		assert.equal(item!['link'], 'https://blog.example/1/');
	});

	test('Atom: a title that is a string, links that are an object: dropped; the id kept', () => {
		const [entry] = checkedItems<Record<string, unknown>>(atomEntrySchema, [{id: 'tag:x,2026:1', title: 'plain', links: {href: 'x'}, authors: [{name: 7}]}]);
		assert.equal(entry!['id'], 'tag:x,2026:1');
		assert.equal(entry!['title'], undefined);
		assert.equal(entry!['links'], undefined);
		assert.deepEqual(entry!['authors'], [{name: undefined}]);
	});

	test('JSON Feed: an id that is an object, tags that are a string, a date that is a number: dropped', () => {
		const [item] = checkedItems<Record<string, unknown>>(jsonItemSchema, [{id: {a: 1}, title: 'T', tags: 'x', date_published: 5}]);
		assert.equal(item!['id'], undefined);
		assert.equal(item!['tags'], undefined);
		assert.equal(item!['date_published'], undefined);
		assert.equal(item!['title'], 'T');
	});
});
