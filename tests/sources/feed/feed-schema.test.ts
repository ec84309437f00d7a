import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {atomEntrySchema, checkedItem, jsonItemSchema, rssItemSchema} from '../../../source/sources/feed/feed-schema.js';
import {parseFeedText} from '../../../source/sources/feed/parse-feed.js';

/*
feedsmith hands over strings for nearly everything in RSS and Atom; these schemas make sure of it before
a field is read, and check a JSON Feed's items as they came. Items of the wrong types: each bad field is
dropped, the rest kept; what is not an object is not an item.
*/

describe('feed items are checked field by field before they are read', () => {
	test('RSS: a title that is an array, a guid that is a number, categories that are a string: dropped; the link kept', () => {
		const item = checkedItem<Record<string, unknown>>(rssItemSchema, {title: ['a', 'b'], link: 'https://blog.example/1/', guid: 5, categories: 'x', slash: {comments: {}}, dc: {creators: [null]}});
		assert.equal(checkedItem(rssItemSchema, null), undefined, 'what is not an object is no item');
		assert.equal(checkedItem(rssItemSchema, 'a string'), undefined);
		assert.equal(item!['title'], undefined);
		assert.equal(item!['guid'], undefined);
		assert.equal(item!['categories'], undefined);
		assert.deepEqual(item!['slash'], {comments: undefined});
		assert.equal((item!['dc'] as {creators?: unknown}).creators, undefined, 'a list holding null is no list of names');
		assert.equal(item!['link'], 'https://blog.example/1/');
	});

	test('Atom: a title that is a string, links that are an object: dropped; the id kept', () => {
		const entry = checkedItem<Record<string, unknown>>(atomEntrySchema, {id: 'tag:x,2026:1', title: 'plain', links: {href: 'x'}, authors: [{name: 7}]});
		assert.equal(entry!['id'], 'tag:x,2026:1');
		assert.equal(entry!['title'], undefined);
		assert.equal(entry!['links'], undefined);
		assert.deepEqual(entry!['authors'], [{name: undefined}]);
	});

	test('JSON Feed: an id that is an object, tags that are a string, a date that is a number: dropped', () => {
		const item = checkedItem<Record<string, unknown>>(jsonItemSchema, {id: {a: 1}, title: 'T', tags: 'x', date_published: 5});
		assert.equal(item!['id'], undefined);
		assert.equal(item!['tags'], undefined);
		assert.equal(item!['date_published'], undefined);
		assert.equal(item!['title'], 'T');
	});

	test('JSON Feed: a url that is a number and a title that is an array are dropped, not made text; an id that is a number is kept', () => {
		const item = checkedItem<Record<string, unknown>>(jsonItemSchema, {id: 5, url: 7, title: ['x'], content_html: '  ', author: 'Ann'});
		assert.equal(item!['id'], 5, 'JSON Feed 1.1 asks readers to take a number for its text');
		assert.equal(item!['url'], undefined);
		assert.equal(item!['title'], undefined);
		assert.equal(item!['content_html'], undefined, 'a blank text is none');
		assert.equal(item!['author'], undefined, 'an author is an object');
	});

	test('JSON Feed: a title true, a summary that is a list, an author\'s name that is an object are dropped; of tags [1, null, "ok"] "ok" is kept', () => {
		const feed = parseFeedText(JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: ['not', 'a', 'string'], items: [
			{id: '4', title: true, summary: [1, 2], authors: [{name: {x: 1}}], tags: [1, null, 'ok'], content_html: '<p>Its text</p>'},
		]}), 'http://127.0.0.1/typed.json');
		const item = feed.items[0]!;
		assert.deepEqual([feed.title, item.title, item.author, item.tags, item.excerpt], ['', '', '', ['ok'], 'Its text']);
	});
});
