import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Term} from '../../../source/model/post.js';
import {rankRelatedPosts, type RankablePost} from '../../../source/sources/related/rank.js';

function tag(name: string): Term {
	return {id: name.toLowerCase(), name, taxonomy: 'tag'};
}

function category(name: string): Term {
	return {id: name.toLowerCase(), name, taxonomy: 'category'};
}

function post(id: string, fields: Partial<RankablePost> = {}): RankablePost {
	return {
		id,
		title: `Post ${id}`,
		link: `https://blog.example/${id}/`,
		date: '2024-01-01T00:00:00.000Z',
		author: 'Ann',
		commentCount: undefined,
		excerpt: '',
		categories: [],
		tags: [],
		...fields,
	};
}

describe('rankRelatedPosts', () => {
	test('never offers the post itself, by id or by link', () => {
		const current = post('a', {tags: [tag('Roses')]});
		const related = rankRelatedPosts(current, [
			post('a', {tags: [tag('Roses')]}),
			post('copy', {link: 'http://blog.example/a', tags: [tag('Roses')]}),
			post('b', {tags: [tag('Roses')]}),
		], 5);
		assert.deepEqual(related.map(item => item.id), ['b']);
	});

	test('never offers the same post twice', () => {
		const related = rankRelatedPosts(post('a', {tags: [tag('Roses')]}), [
			post('b', {tags: [tag('Roses')]}),
			post('b', {tags: [tag('Roses')]}),
			post('b2', {link: 'https://blog.example/b/', tags: [tag('Roses')]}),
		], 5);
		assert.deepEqual(related.map(item => item.id), ['b']);
	});

	test('a shared tag ranks above a shared category, and says so', () => {
		const current = post('a', {tags: [tag('Roses'), tag('Pruning')], categories: [category('Gardening')]});
		const related = rankRelatedPosts(current, [
			post('same-category', {categories: [category('Gardening')], date: '2024-06-01T00:00:00.000Z'}),
			post('one-tag', {tags: [tag('Roses')]}),
			post('two-tags', {tags: [tag('Roses'), tag('Pruning')]}),
		], 5);
		assert.deepEqual(related.map(item => [item.id, item.context]), [
			['two-tags', 'Shares 2 tags'],
			['one-tag', 'Shares 1 tag'],
			['same-category', 'In Gardening'],
		]);
	});

	test('between equally shared terms, the post whose words are alike comes first', () => {
		const current = post('a', {title: 'Pruning roses in winter', html: '<p>Cut roses back to an outward bud with clean secateurs.</p>', categories: [category('Gardening')]});
		const related = rankRelatedPosts(current, [
			post('newer-unrelated', {title: 'Compost heaps', html: '<p>Turn the heap every month.</p>', categories: [category('Gardening')], date: '2024-09-01T00:00:00.000Z'}),
			post('alike', {title: 'Winter roses', html: '<p>Which roses need pruning, and when to use secateurs.</p>', categories: [category('Gardening')], date: '2023-01-01T00:00:00.000Z'}),
		], 5);
		assert.deepEqual(related.map(item => item.id), ['alike', 'newer-unrelated']);
	});

	test('between equals in terms and words, the newer post comes first', () => {
		const current = post('a', {categories: [category('News')]});
		const related = rankRelatedPosts(current, [
			post('old', {title: 'x', categories: [category('News')], date: '2020-01-01T00:00:00.000Z'}),
			post('undated', {title: 'x', categories: [category('News')], date: undefined}),
			post('new', {title: 'x', categories: [category('News')], date: '2024-01-01T00:00:00.000Z'}),
		], 5);
		assert.deepEqual(related.map(item => item.id), ['new', 'old', 'undated']);
	});

	test('posts sharing no term are offered for similar words only, and say so', () => {
		const current = post('a', {title: 'Sourdough starter care', excerpt: 'Feed the sourdough starter flour and water daily.'});
		const related = rankRelatedPosts(current, [
			post('bread', {title: 'My sourdough loaf', excerpt: 'The starter made a fine sourdough loaf.'}),
			post('cars', {title: 'Changing a tyre', excerpt: 'Loosen the nuts before jacking the car up.'}),
		], 5);
		assert.deepEqual(related.map(item => [item.id, item.context]), [['bread', 'Similar words']]);
	});

	test('gives at most `limit` posts, and none for a limit of 0', () => {
		const current = post('a', {tags: [tag('x')]});
		const candidates = Array.from({length: 10}, (_, index) => post(`p${index}`, {tags: [tag('x')]}));
		assert.equal(rankRelatedPosts(current, candidates, 3).length, 3);
		assert.deepEqual(rankRelatedPosts(current, candidates, 0), []);
	});

	test('gives nothing when nothing is related', () => {
		assert.deepEqual(rankRelatedPosts(post('a', {title: 'Knitting'}), [post('b', {title: 'Quantum chromodynamics'})], 5), []);
	});
});
