import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {createHttpClient} from '../../source/http/client.js';
import {openBlog} from '../../source/sources/open-blog.js';
import {App, type ReadMarks} from '../../source/ui/app.js';
import {keys, press, waitForText} from '../ui/helpers.js';
import {describeRun, jsonOf, runBlogterm} from './helpers/blogterm.js';
import {getJson, restUrl} from './helpers/rest.js';
import {openWordPress, type WordPressTarget} from './helpers/wordpress-target.js';

// Search and browse (issue 19) against a real WordPress, started by scripts/wordpress/run.sh: what
// blogterm lists for a search, a category, a tag and an author is what WordPress's own REST API
// answers for them; an unknown one exits 3; the reader's `/` and `t` show the same lists.

type ListJson = {total: number; totalPages: number; posts: Array<{id: number; title: string}>};
type RestTerm = {id: number; name: string; slug: string; count: number};
const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};

for (const name of ['pretty', 'plain'] as const) {
	describe(`searching and browsing a real WordPress (${name} permalinks)`, () => {
		let site: WordPressTarget;
		before(async () => {
			site = await openWordPress(name);
		});
		after(async () => site.close());

		/** The IDs WordPress itself lists for these parameters, newest first, every page. */
		const wordpressIds = async (parameters: Record<string, string | number>) => (await getJson<Array<{id: number}>>(restUrl(site.restRoot, 'wp/v2/posts', {...parameters, per_page: 100, _fields: 'id'}))).body.map(post => post.id);

		it('--list --search lists what WordPress finds for the words, with its total', async () => {
			// A word of a seeded post's text that is not in every post.
			const word = site.seeded.posts.flatMap(post => post.texts.join(' ').split(/\W+/)).find(candidate => candidate.length > 5)!;
			const expected = await wordpressIds({search: word});
			assert.ok(expected.length > 0, `WordPress finds “${word}”`);
			const run = await runBlogterm([site.siteUrl, '--list', '--search', word, '--per-page', '100', '--format', 'json']);
			assert.equal(run.code, 0, describeRun(run));
			const list = jsonOf<ListJson>(run);
			assert.deepEqual(list.posts.map(post => post.id), expected);
			assert.equal(list.total, expected.length);
			const text = await runBlogterm([site.siteUrl, '--list', '--search', word]);
			assert.match(text.stdout, new RegExp(`^Search: “${word}” · ${expected.length} posts?\\n`));
			const none = await runBlogterm([site.siteUrl, '--list', '--search', 'xylophonequartz']);
			assert.deepEqual([none.code, none.stdout], [0, 'No posts match “xylophonequartz”.\n']);
		});

		it('--list --category, --tag and --author list what WordPress lists for them, by name or slug', async () => {
			const categories = (await getJson<RestTerm[]>(restUrl(site.restRoot, 'wp/v2/categories', {per_page: 100, orderby: 'count', order: 'desc'}))).body;
			const category = categories.find(term => term.count > 0)!;
			const byName = await runBlogterm([site.siteUrl, '--list', '--category', category.name, '--per-page', '100', '--format', 'json']);
			assert.equal(byName.code, 0, describeRun(byName));
			assert.deepEqual(jsonOf<ListJson>(byName).posts.map(post => post.id), await wordpressIds({categories: category.id}));
			const heading = await runBlogterm([site.siteUrl, '--list', '--category', category.slug]);
			assert.match(heading.stdout, new RegExp(`^Category: ${category.name} · ${category.count} posts?\\n`));
			const tags = (await getJson<RestTerm[]>(restUrl(site.restRoot, 'wp/v2/tags', {per_page: 100, orderby: 'count', order: 'desc'}))).body;
			if (tags[0]) {
				const tagged = await runBlogterm([site.siteUrl, '--list', '--tag', tags[0].slug, '--per-page', '100', '--format', 'json']);
				assert.deepEqual(jsonOf<ListJson>(tagged).posts.map(post => post.id), await wordpressIds({tags: tags[0].id}));
			}
			const users = (await getJson<Array<{id: number; name: string}>>(restUrl(site.restRoot, 'wp/v2/users', {per_page: 100}))).body;
			const author = users[0]!;
			const byAuthor = await runBlogterm([site.siteUrl, '--list', '--author', author.name, '--per-page', '100', '--format', 'json']);
			assert.equal(byAuthor.code, 0, describeRun(byAuthor));
			assert.deepEqual(jsonOf<ListJson>(byAuthor).posts.map(post => post.id), await wordpressIds({author: author.id}));
		});

		it('an unknown category exits 3 with “No category “x” on HOST.”', async () => {
			const run = await runBlogterm([site.siteUrl, '--list', '--category', 'no-such-category-here']);
			assert.equal(run.code, 3, describeRun(run));
			assert.equal(run.stderr, `blogterm: No category “no-such-category-here” on ${new URL(site.siteUrl).host}.\n`);
		});

		it('in the reader: / searches the blog, and t lists its categories with WordPress’s counts', async () => {
			const word = site.seeded.posts[0]!.title.split(/\W+/).find(candidate => candidate.length > 4)!;
			const expected = await wordpressIds({search: word});
			const http = createHttpClient();
			const app = render(createElement(App, {site: site.siteUrl, openSource: (url: string, signal: AbortSignal) => openBlog(http, url, {signal}), perPage: 10, readMarks: noMarks}));
			try {
				await waitForText(app, 'Page 1 of', 20_000);
				await press(app, '/', ...word, keys.enter);
				await waitForText(app, `Search: “${word}” · ${expected.length} post`, 20_000);
				await press(app, keys.escape);
				await waitForText(app, 'Page 1 of', 20_000);
				await press(app, 't');
				const categories = (await getJson<RestTerm[]>(restUrl(site.restRoot, 'wp/v2/categories', {per_page: 100, orderby: 'count', order: 'desc'}))).body;
				const frame = await waitForText(app, 'Categories\n', 20_000);
				// Categories of the same count come in no set order (MySQL's, for WordPress): any of the largest may be first.
				const largest = categories.filter(category => category.count === categories[0]!.count).map(category => category.name.replace(/[.*+?()[\]{}|\\^$]/g, '\\$&'));
				assert.match(frame, new RegExp(`▸ (?:${largest.join('|')}) +${categories[0]!.count} posts?`));
			} finally {
				app.unmount();
			}
		});
	});
}
