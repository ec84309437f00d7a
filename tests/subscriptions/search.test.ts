import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {openDatabase, writeTransaction} from '../../source/store/db.js';
import {insertBlog} from '../../source/store/blogs-table.js';
import {upsertPosts, type IncomingPost} from '../../source/store/posts-table.js';
import {readSnippet} from '../../source/subscriptions/search.js';
import type {Subscriptions} from '../../source/subscriptions/subscriptions.js';
import {makeTestStore, type TestStore} from './store-helper.js';

function post(id: number, title: string, date: string, plainText: string): IncomingPost {
	return {id, title, link: `https://x.example/${id}/`, date, author: 'Ann', commentCount: 0, excerpt: '', categories: [], tags: [], plainText};
}

describe('searching every stored post', () => {
	let store: TestStore;
	let subscriptions: Subscriptions;
	before(() => {
		store = makeTestStore();
		const db = openDatabase(store.paths);
		writeTransaction(db, () => {
			const garden = insertBlog(db, {url: 'https://garden.example/', siteKey: 'garden.example', title: 'The Garden Blog', kind: 'feed', feedUrl: 'https://garden.example/feed/', apiUrl: '', htmlUrl: 'https://garden.example/', folder: '', addedAt: '2024-01-01T00:00:00Z'});
			const shed = insertBlog(db, {url: 'https://shed.example/', siteKey: 'shed.example', title: 'Notes from the Shed', kind: 'feed', feedUrl: 'https://shed.example/feed/', apiUrl: '', htmlUrl: 'https://shed.example/', folder: '', addedAt: '2024-01-01T00:00:00Z'});
			upsertPosts(db, {id: garden, siteKey: 'garden.example'}, [
				post(1, 'Compost heaps', '2024-01-01T10:00:00Z', 'Turn them every week.'),
				post(2, 'Autumn notes', '2024-06-01T10:00:00Z', 'The leaves went in, and by spring the compost was warm and full of worms, as it should be.'),
				post(3, 'Nothing to see', '2024-07-01T10:00:00Z', 'Tomatoes and beans.'),
			], '2024-08-01T00:00:00Z');
			upsertPosts(db, {id: shed, siteKey: 'shed.example'}, [
				post(10, 'Compost and worms', '2023-01-01T10:00:00Z', 'A wormery in the shed.'),
				post(11, 'Worms, again', '2024-05-01T10:00:00Z', 'They love Compost.'),
			], '2024-08-01T00:00:00Z');
		});
		db.close();
		subscriptions = store.open();
	});
	after(() => store.remove());

	it('puts posts with the word in their title first, newest first among them, then the others, newest first; each with its blog', () => {
		const hits = subscriptions.search('compost');
		assert.deepEqual(hits.map(hit => [hit.title, hit.blog.title, hit.inTitle]), [
			['Compost heaps', 'The Garden Blog', true],
			['Compost and worms', 'Notes from the Shed', true],
			['Autumn notes', 'The Garden Blog', false],
			['Worms, again', 'Notes from the Shed', false],
		]);
	});

	it('finds posts with every word, case and accents ignored', () => {
		assert.deepEqual(subscriptions.search('WORMS compost').map(hit => hit.title), ['Compost and worms', 'Autumn notes', 'Worms, again']);
		assert.deepEqual(subscriptions.search('cómpost heaps').map(hit => hit.title), ['Compost heaps']);
		assert.deepEqual(subscriptions.search('marrows'), []);
		assert.deepEqual(subscriptions.search('"(*'), [], 'no words: nothing searched');
	});

	it('shows a short excerpt of the text with the matched words marked', () => {
		const autumn = subscriptions.search('compost worms').find(hit => hit.title === 'Autumn notes')!;
		const {text, marks} = autumn.excerptMatch;
		assert.deepEqual(marks.map(([start, end]) => text.slice(start, end)), ['compost', 'worms']);
		assert.ok(text.length < 100, text);
		assert.doesNotMatch(text, /[\u0000-\u001F]/);
	});

	it('reads an excerpt’s marks, and cleans what is between them', () => {
		assert.deepEqual(readSnippet('…the \u0002compost\u0003 was\n\u001B[31mwarm \u0002worms\u0003…'), {text: '…the compost was warm worms…', marks: [[5, 12], [22, 27]]});
	});
});
