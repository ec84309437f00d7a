import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import type {Post} from '../../../source/model/post.js';
import {layoutPostHead} from '../../../source/render/post-layout.js';
import {lineText} from '../../../source/render/styled-line.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {bylineTerms, markBylineTerm} from '../../../source/ui/post-view/byline-terms.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {keys, press, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

describe('the byline’s author, categories and tags', () => {
	test('t moves through them in the byline’s order; the one chosen is marked where the byline shows it, even when its word is in another term', () => {
		const post = {
			id: 1, title: 'A title', link: 'https://x.example/1/', date: '2025-02-03T10:00:00Z', author: 'Maren Holt', commentCount: 0, excerpt: '', html: '', isSummaryOnly: false, commentsOpen: true,
			categories: [{id: 3, name: 'Garden Notes', taxonomy: 'category' as const}],
			tags: [{id: 7, name: 'automation', taxonomy: 'tag' as const}, {id: 8, name: 'notes', taxonomy: 'tag' as const}],
		} satisfies Post;
		assert.deepEqual(bylineTerms(post).map(term => term.kind), ['author', 'category', 'tag', 'tag']);
		const head = layoutPostHead(post, 80);
		const marked = (index: number) => markBylineTerm(head, post, 80, index).flatMap(line => line.filter(segment => segment.mark === 'current').map(segment => segment.text));
		assert.deepEqual(marked(0), ['Maren Holt']);
		assert.deepEqual(marked(1), ['Garden Notes']);
		assert.deepEqual(marked(3), ['notes']);
		const notesLine = markBylineTerm(head, post, 80, 3).find(line => line.some(segment => segment.mark === 'current'))!;
		assert.match(lineText(notesLine), /automation, notes$/, 'the tag, not the word in “Garden Notes”');
	});
});

describe('browsing a blog by category, tag and author', () => {
	let demo: TestDemo;
	type RestPost = {id: number; title: {rendered: string}; categories: number[]};
	type RestTerm = {id: number; name: string; count: number};
	let post: RestPost;
	let category: RestTerm;
	let categories: RestTerm[];
	before(async () => {
		demo = await startTestDemo();
		({body: categories} = await demo.rest<RestTerm[]>('wp/v2/categories?per_page=100&orderby=count&order=desc'));
		const {body: posts} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,title,categories');
		post = posts.find(found => found.categories.length === 1 && categories.find(term => term.id === found.categories[0])!.count > 1)!;
		category = categories.find(term => term.id === post.categories[0])!;
	});
	after(async () => demo.stop());

	const open = (at?: number) => render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={5} readMarks={noMarks} initialPost={at === undefined ? undefined : {kind: 'id', id: at}} />);

	test('t on a post chooses the author, then the category; Enter lists the category’s posts, headed with its count; Esc comes back to the post', async () => {
		const app = open(post.id);
		try {
			await waitForText(app, /lines 1–\d+ of/);
			await press(app, 't');
			await waitForText(app, 'Enter: Author: ');
			await press(app, 't');
			await waitForText(app, `Enter: Category: ${category.name}`);
			await press(app, keys.enter);
			const list = await waitForText(app, `Category: ${category.name} · ${category.count} posts`);
			assert.match(list, new RegExp(`Page 1 of ${Math.ceil(category.count / 5)} · ${category.count} posts`));
			await press(app, keys.escape);
			await waitForFrame(app, frame => /lines 1–\d+ of/.test(frame) && !frame.includes('Enter: Category'));
		} finally {
			app.unmount();
		}
	});

	test('t on the list shows the blog’s categories and tags with their counts, most first; Enter lists one', async () => {
		const app = open();
		try {
			await waitForText(app, 'Page 1 of');
			await press(app, 't');
			const frame = await waitForText(app, 'Categories\n');
			const first = categories[0]!;
			assert.match(frame, new RegExp(`▸ ${first.name} +${first.count} posts`));
			const shown = [...frame.matchAll(/^[▸ ] (.+?) +(\d+) posts?$/gm)].slice(0, categories.length).map(match => Number(match[2]));
			assert.deepEqual(shown, [...shown].sort((a, b) => b - a), 'most posts first');
			await press(app, 'j', keys.enter);
			await waitForText(app, `Category: ${categories[1]!.name} · ${categories[1]!.count} post`);
			await press(app, keys.escape);
			await waitForText(app, 'Categories\n');
			await press(app, keys.escape);
			await waitForFrame(app, current => current.includes('Page 1 of') && !current.includes('Category:'));
		} finally {
			app.unmount();
		}
	});
});
