import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {specialPosts} from '../../source/demo/content/index.js';
import {startTestBlog} from './demo-server.js';
import type {TestBlog} from './demo-server.js';
import type {RestComment, RestError, RestPost, SiteIndex} from './rest-shapes.js';

let blog: TestBlog;
before(async () => {
	blog = await startTestBlog();
});
after(async () => blog.dispose());

const postBySlug = async (slug: string): Promise<RestPost> => {
	const [post] = (await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?slug=${slug}`)).body;
	assert.ok(post, `a post with the slug ${slug}`);
	return post;
};

describe('discovery', () => {
	test('the home page advertises the REST API in a Link header and a link tag', async () => {
		const response = await blog.fetch('/');
		assert.equal(response.status, 200);
		assert.equal(response.headers.get('link'), `<${blog.at('/wp-json/')}>; rel="https://api.w.org/"`);
		const html = await response.text();
		assert.ok(html.includes(`<link rel="https://api.w.org/" href="${blog.at('/wp-json/')}" />`));
		assert.match(html, /<link rel="alternate" type="application\/rss\+xml" title="The Terminal Gardener &raquo; Feed" href="[^"]+\/feed\/" \/>/);
		assert.ok(html.includes(`href="${blog.at('/comments/feed/')}"`));
		assert.match(html, /class="entry-title"><a href="[^"]+\/2025\/02\/03\/ten-minutes-a-day\/"/);
	});

	test('the site index names the blog and the wp/v2 namespace', async () => {
		const {response, body} = await blog.json<SiteIndex>('/wp-json/');
		assert.equal(response.status, 200);
		assert.equal(response.headers.get('content-type'), 'application/json; charset=UTF-8');
		assert.equal(body.name, 'The Terminal Gardener');
		assert.equal(body.url, blog.url.replace(/\/$/, ''));
		assert.equal(body.home, blog.url.replace(/\/$/, ''));
		assert.ok(body.namespaces.includes('wp/v2'));
	});

	test('every route also answers in the plain-permalink form ?rest_route=, keeping the other parameters', async () => {
		const index = await blog.json<SiteIndex>('/?rest_route=/');
		assert.equal(index.body.name, 'The Terminal Gardener');
		const {response, body} = await blog.json<RestPost[]>('/?rest_route=/wp/v2/posts&per_page=3&_fields=id,slug');
		assert.equal(response.status, 200);
		assert.equal(body.length, 3);
		assert.deepEqual(Object.keys(body[0]!), ['id', 'slug']);
		assert.equal(response.headers.get('x-wp-totalpages'), String(Math.ceil(Number(response.headers.get('x-wp-total')) / 3)));
	});

	test('an unknown route is rest_no_route', async () => {
		const {response, body} = await blog.json<RestError>('/wp-json/wp/v2/nothing-here');
		assert.equal(response.status, 404);
		assert.equal(body.code, 'rest_no_route');
	});

	test('JSON is encoded as PHP does it: slashes and non-ASCII escaped', async () => {
		const response = await blog.fetch('/wp-json/wp/v2/posts?per_page=1&_fields=link');
		assert.match(await response.text(), /"link":"http:\\\/\\\/127\.0\.0\.1/);
	});
});

describe('posts', () => {
	test('the paging headers give the totals, and Link gives next and prev', async () => {
		const first = await blog.fetch('/wp-json/wp/v2/posts');
		const total = Number(first.headers.get('x-wp-total'));
		assert.ok(total >= 32, `at least 32 posts, got ${total}`);
		assert.equal(first.headers.get('x-wp-totalpages'), String(Math.ceil(total / 10)));
		assert.match(first.headers.get('link')!, /<[^>]+\/wp-json\/wp\/v2\/posts\?page=2>; rel="next"/);
		assert.doesNotMatch(first.headers.get('link')!, /rel="prev"/);
		assert.equal(((await first.json()) as unknown[]).length, 10);

		const second = await blog.fetch('/wp-json/wp/v2/posts?page=2');
		assert.match(second.headers.get('link')!, /page=1>; rel="prev"/);
		assert.match(second.headers.get('link')!, /page=3>; rel="next"/);

		const lastPage = Math.ceil(total / 10);
		const last = await blog.fetch(`/wp-json/wp/v2/posts?page=${lastPage}`);
		assert.equal(((await last.json()) as unknown[]).length, total - ((lastPage - 1) * 10));
		assert.doesNotMatch(last.headers.get('link')!, /rel="next"/);
	});

	test('a page past the end is 400 rest_post_invalid_page_number', async () => {
		const {response, body} = await blog.json<RestError>('/wp-json/wp/v2/posts?page=99');
		assert.equal(response.status, 400);
		assert.deepEqual(body, {
			code: 'rest_post_invalid_page_number',
			message: 'The page number requested is larger than the number of pages available.',
			data: {status: 400},
		});
	});

	test('per_page must be between 1 and 100', async () => {
		for (const perPage of ['0', '101', 'ten']) {
			const {response, body} = await blog.json<RestError>(`/wp-json/wp/v2/posts?per_page=${perPage}`);
			assert.equal(response.status, 400, perPage);
			assert.equal(body.code, 'rest_invalid_param');
			assert.ok('per_page' in (body.data.params ?? {}));
		}
		const {body} = await blog.json<RestPost[]>('/wp-json/wp/v2/posts?per_page=100');
		assert.ok(body.length >= 32);
	});

	test('posts come newest first with the WordPress post shape', async () => {
		const {body} = await blog.json<RestPost[]>('/wp-json/wp/v2/posts');
		const dates = body.map(post => post.date);
		assert.deepEqual(dates, [...dates].sort().reverse());
		const post = body[0]!;
		for (const key of ['id', 'date', 'date_gmt', 'modified', 'slug', 'status', 'type', 'link', 'title', 'content', 'excerpt', 'author', 'comment_status', 'categories', 'tags', '_links']) {
			assert.ok(key in post, key);
		}
		assert.equal(post.status, 'publish');
		assert.equal(post.type, 'post');
		assert.equal(post.content.protected, false);
		assert.match(post.link, /^http:\/\/127\.0\.0\.1:\d+\/\d{4}\/\d{2}\/\d{2}\/[a-z-]+\/$/);
		assert.match(post._links.replies[0]!.href, new RegExp(`/wp-json/wp/v2/comments\\?post=${post.id}$`));
		assert.match(post.excerpt.rendered, /\[&hellip;\]<\/p>\n$/);
	});

	test('_embed adds the author and the terms as [categories, tags]', async () => {
		const {body} = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?slug=${specialPosts.withJetpack}&_embed`);
		const post = body[0]!;
		assert.ok(post._embedded, '_embedded');
		assert.equal(post._embedded.author[0]?.name, 'Maren Holt');
		const [categories, tags] = post._embedded['wp:term'];
		assert.deepEqual(categories.map(term => term.id), post.categories);
		assert.deepEqual(tags.map(term => term.id), post.tags);
		assert.ok(categories.every(term => term.taxonomy === 'category'));
		assert.ok(tags.every(term => term.taxonomy === 'post_tag'));
		assert.deepEqual(tags.map(term => term.name), ['watering', 'automation', 'shell']);
	});

	test('_fields keeps only what was asked for, nested fields included', async () => {
		const {body} = await blog.json<RestPost[]>('/wp-json/wp/v2/posts?per_page=2&_fields=id,title.rendered');
		assert.deepEqual(Object.keys(body[0]!), ['id', 'title']);
		assert.deepEqual(Object.keys(body[0]!.title), ['rendered']);
	});

	test('slug and exclude choose posts', async () => {
		const bySlug = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?slug=${specialPosts.long}`);
		assert.equal(bySlug.body.length, 1);
		assert.equal(bySlug.body[0]?.slug, specialPosts.long);

		const [first, second, third] = (await blog.json<RestPost[]>('/wp-json/wp/v2/posts?per_page=3&_fields=id')).body.map(post => post.id);
		assert.ok(first !== undefined && second !== undefined && third !== undefined, 'three posts');
		const excluded = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?exclude=${first}&per_page=100&_fields=id`);
		assert.ok(!excluded.body.some(post => post.id === first));
		const arrayForm = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?exclude[]=${first}&exclude[]=${second}&per_page=100&_fields=id`);
		assert.ok(!arrayForm.body.some(post => post.id === first || post.id === second));
		assert.ok(arrayForm.body.some(post => post.id === third));
	});

	test('categories and tags filter, with tax_relation AND by default and OR on request', async () => {
		const post = await postBySlug(specialPosts.withJetpack);
		const [tag] = post.tags;
		const [category] = post.categories;
		assert.ok(tag !== undefined && category !== undefined, 'the post has a tag and a category');
		const byTag = (await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?tags=${tag}&per_page=100`)).body;
		assert.ok(byTag.length >= 2, 'some posts share the tag');
		assert.ok(byTag.every(p => p.tags.includes(tag)));
		const byCategory = (await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?categories=${category}&per_page=100`)).body;
		assert.ok(byCategory.every(p => p.categories.includes(category)));

		const both = (await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?tags=${tag}&categories=${category}&per_page=100`)).body;
		assert.ok(both.every(p => p.tags.includes(tag) && p.categories.includes(category)));
		const either = (await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?tags=${tag}&categories=${category}&tax_relation=OR&exclude=${post.id}&per_page=100`)).body;
		assert.ok(either.length > both.length - 1);
		assert.ok(either.every(p => p.id !== post.id && (p.tags.includes(tag) || p.categories.includes(category))));
	});

	test('the post with no related posts shares no term with any other post', async () => {
		const post = await postBySlug(specialPosts.noRelated);
		const terms = `tags=${post.tags.join(',')}&categories=${post.categories.join(',')}`;
		const {body} = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?${terms}&tax_relation=OR&exclude=${post.id}`);
		assert.deepEqual(body, []);
		assert.equal(post['jetpack-related-posts'], undefined);
	});

	test('before and after limit by date, order and orderby sort', async () => {
		const {body} = await blog.json<RestPost[]>('/wp-json/wp/v2/posts?after=2024-12-31T00:00:00&order=asc&_fields=date');
		assert.ok(body.length > 0);
		assert.ok(body.every(post => post.date > '2024-12-31'));
		assert.deepEqual(body.map(post => post.date), body.map(post => post.date).sort());
		const bad = await blog.json<RestError>('/wp-json/wp/v2/posts?order=sideways');
		assert.equal(bad.response.status, 400);
	});

	test('a refresh\'s question is answered as WordPress answers it: orderby=modified with modified_after', async () => {
		const all = await blog.json<RestPost[]>('/wp-json/wp/v2/posts?per_page=100&_fields=id,modified_gmt');
		const changes = all.body.map(post => post.modified_gmt).sort();
		const {response, body} = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?orderby=modified&modified_after=${changes.at(-3)}&_fields=id,modified_gmt`);
		assert.equal(response.status, 200);
		assert.deepEqual(body.map(post => post.modified_gmt), [changes.at(-1), changes.at(-2)]);
	});

	test('one post by ID, and rest_post_invalid_id for an unknown one', async () => {
		const post = await postBySlug(specialPosts.long);
		const {response, body} = await blog.json<RestPost>(`/wp-json/wp/v2/posts/${post.id}`);
		assert.equal(response.status, 200);
		assert.equal(body.slug, specialPosts.long);
		const missing = await blog.json<RestError>('/wp-json/wp/v2/posts/999999');
		assert.equal(missing.response.status, 404);
		assert.deepEqual(missing.body, {code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: {status: 404}});
	});

	test('Jetpack\'s related-posts field is on some posts, in Jetpack\'s shape, and missing on others', async () => {
		const post = await postBySlug(specialPosts.withJetpack);
		const {body} = await blog.json<RestPost>(`/wp-json/wp/v2/posts/${post.id}?_fields=id,jetpack-related-posts`);
		const items = body['jetpack-related-posts'];
		assert.ok(items, 'jetpack-related-posts');
		assert.ok(items.length >= 3);
		for (const item of items) {
			assert.deepEqual(Object.keys(item), ['id', 'url', 'url_meta', 'title', 'date', 'format', 'excerpt', 'rel', 'context', 'img', 'classes']);
			assert.notEqual(item.id, post.id);
			assert.equal(item.url_meta.origin, post.id);
		}
		const plain = await postBySlug(specialPosts.withoutJetpack);
		const without = await blog.json<RestPost>(`/wp-json/wp/v2/posts/${plain.id}?_fields=id,jetpack-related-posts`);
		assert.deepEqual(without.body, {id: plain.id});
	});

	test('a password-protected post gives out its title but not its body or comments', async () => {
		const post = await postBySlug(specialPosts.passwordProtected);
		assert.equal(post.title.rendered, 'The Committee&#8217;s Compost Recipe');
		assert.deepEqual(post.content, {rendered: '', protected: true});
		assert.deepEqual(post.excerpt, {rendered: '', protected: true});
		const comments = await blog.json<RestError>(`/wp-json/wp/v2/comments?post=${post.id}`);
		assert.equal(comments.response.status, 401);
		assert.equal(comments.body.code, 'rest_cannot_read_post');
		const all = (await blog.json<RestComment[]>('/wp-json/wp/v2/comments?per_page=100')).body;
		assert.ok(!all.some(comment => comment.post === post.id));

		const unlocked = await blog.json<RestPost>(`/wp-json/wp/v2/posts/${post.id}?password=sesame`);
		assert.match(unlocked.body.content.rendered, /compost recipe/);
		assert.equal(unlocked.body.content.protected, true);
		assert.equal((await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${post.id}&password=sesame`)).body.length, 1);
	});

	test('creating a post needs a login', async () => {
		const response = await blog.fetch('/wp-json/wp/v2/posts', {method: 'POST'});
		assert.equal(response.status, 401);
		assert.equal(((await response.json()) as RestError).code, 'rest_cannot_create');
	});
});

describe('search, as WordPress’s WP_Query reads it (parse_search, parse_search_terms)', () => {
	type Found = {id: number; title: {rendered: string}; excerpt: {rendered: string}; content: {rendered: string; protected: boolean}};
	let all: Found[];
	before(async () => {
		all = (await blog.json<Found[]>('/wp-json/wp/v2/posts?per_page=100&_fields=id,title,excerpt,content')).body;
	});
	const found = async (search: string) => (await blog.json<Found[]>(`/wp-json/wp/v2/posts?search=${encodeURIComponent(search)}&per_page=100&_fields=id`)).body.map(post => post.id);
	const has = (post: Found, words: string) => [post.title.rendered, post.excerpt.rendered, post.content.rendered].some(field => field.toLowerCase().includes(words));
	/** The posts a visitor's search can find, newest first: WordPress never finds a password-protected one. */
	const findable = (wanted: (post: Found) => boolean) => all.filter(post => !post.content.protected && wanted(post)).map(post => post.id);

	test('a quote left open runs to the end of the search and is dropped: "garden finds what garden finds, "terminal garden the words together', async () => {
		const garden = await found('garden');
		assert.ok(garden.length >= 3 && garden.length < all.length, `some posts, not all, have “garden” (${garden.length})`);
		assert.deepEqual(await found('"garden'), garden);
		const phrase = await found('"terminal garden');
		assert.deepEqual(phrase, findable(post => has(post, 'terminal garden')));
		assert.ok(phrase.length > 0 && phrase.length < (await found('terminal garden')).length, 'the open phrase is one term, not two words anywhere');
	});

	test('a term that starts with - is left out: -garden finds every post without the word, compost -garden those with one and not the other', async () => {
		const without = await found('-garden');
		assert.deepEqual(without, findable(post => !has(post, 'garden')));
		assert.ok(without.length > 0);
		assert.deepEqual(await found('compost -garden'), findable(post => has(post, 'compost') && !has(post, 'garden')));
		// A lone dash is no term; a stopword is none either, unless nothing else is left.
		assert.deepEqual(await found('garden - www'), await found('garden'));
	});

	test('a password-protected post is not found by a visitor’s search, even by its title', async () => {
		const post = await postBySlug(specialPosts.passwordProtected);
		const word = post.title.rendered.split(/\W+/).find(candidate => candidate.length > 5)!;
		assert.ok(!(await found(word)).includes(post.id), `a search for “${word}” does not list “${post.title.rendered}”`);
	});
});

describe('comments', () => {
	test('a post\'s approved comments carry the parent ids that make the thread', async () => {
		const post = await postBySlug(specialPosts.long);
		const {response, body} = await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${post.id}&order=asc&per_page=100`);
		assert.equal(response.status, 200);
		assert.equal(response.headers.get('x-wp-total'), String(body.length));
		const comment = body[0]!;
		for (const key of ['id', 'post', 'parent', 'author_name', 'author_url', 'date', 'date_gmt', 'content', 'link', 'status', 'type']) {
			assert.ok(key in comment, key);
		}
		assert.ok(body.every(c => c.post === post.id && c.status === 'approved' && c.type === 'comment'));
		assert.equal(comment.link, `${post.link}#comment-${comment.id}`);
		assert.match(comment.content.rendered, /^<p>.*<\/p>\n$/s);
		// Replies three deep: a reply to a reply to a comment.
		const byId = new Map(body.map(c => [c.id, c] as const));
		const depth = (c: RestComment): number => (c.parent === 0 ? 1 : 1 + depth(byId.get(c.parent)!));
		assert.ok(Math.max(...body.map(depth)) >= 3);
		const dates = body.map(c => c.date);
		assert.deepEqual(dates, [...dates].sort());
	});

	test('parent=0 gives only the top-level comments', async () => {
		const post = await postBySlug(specialPosts.long);
		const {body} = await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${post.id}&parent=0`);
		assert.ok(body.length > 0);
		assert.ok(body.every(c => c.parent === 0));
	});

	test('a page of comments past the end is an empty list, as WordPress answers', async () => {
		const post = await postBySlug(specialPosts.long);
		const {response, body} = await blog.json<RestComment[]>(`/wp-json/wp/v2/comments?post=${post.id}&page=5&per_page=10`);
		assert.equal(response.status, 200);
		assert.deepEqual(body, []);
		assert.ok(Number(response.headers.get('x-wp-total')) > 0);
		assert.equal(response.headers.get('x-wp-totalpages'), '1');
	});

	test('anonymous REST comments are refused with rest_comment_login_required', async () => {
		const post = await postBySlug(specialPosts.long);
		const response = await blog.fetch('/wp-json/wp/v2/comments', {
			method: 'POST',
			headers: {'Content-Type': 'application/json'},
			body: JSON.stringify({post: post.id, author_name: 'A', author_email: 'a@example.com', content: 'Hello'}),
		});
		assert.equal(response.status, 401);
		assert.deepEqual(await response.json(), {
			code: 'rest_comment_login_required',
			message: 'Sorry, you must be logged in to comment.',
			data: {status: 401},
		});
	});

	test('the same refusal through ?rest_route=', async () => {
		const response = await blog.fetch('/?rest_route=/wp/v2/comments', {method: 'POST', body: ''});
		assert.equal(response.status, 401);
		assert.equal(((await response.json()) as RestError).code, 'rest_comment_login_required');
	});
});
