import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {openBlog} from '../../../source/sources/open-blog.js';
import {startTestServer, type TestServer} from '../../helpers/http-server.js';
import {createHttpClient} from '../../../source/http/client.js';

// Keeps nothing on disk.
const http = createHttpClient();

type Options = {field?: unknown[]; endpoint?: 'json' | 'html'};

const term = (id: number, name: string, taxonomy: string) => ({id, name, taxonomy});
const post = (id: number, base: string, tags: number[]) => ({
	id,
	date_gmt: `2026-0${(id % 9) + 1}-01T00:00:00`,
	slug: `post-${id}`,
	link: `${base}post-${id}/`,
	title: {rendered: `Post ${id}`},
	excerpt: {rendered: ''},
	content: {rendered: `<p>Body ${id}</p>`},
	comment_status: 'open',
	categories: [1],
	tags,
	_embedded: {author: [{name: 'Ada'}], 'wp:term': [[term(1, 'Notes', 'category')], tags.map(tag => term(tag, `tag${tag}`, 'post_tag'))]},
});

/** A tiny WordPress with or without Jetpack's related posts: as a REST field, as the ?relatedposts=1 endpoint, or neither. */
async function tinyWordPress(options: Options): Promise<TestServer> {
	return startTestServer((request, response) => {
		const base = `http://${request.headers.host}/`;
		const url = new URL(request.url!, base);
		const posts = [post(1, base, [10, 11]), post(2, base, [10, 11]), post(3, base, [10]), post(4, base, [])];
		response.setHeader('link', `<${base}wp-json/>; rel="https://api.w.org/"`);
		if (url.pathname === '/wp-json/') return response.end(JSON.stringify({name: 'Tiny', url: base, home: base, namespaces: ['wp/v2']}));
		if (url.pathname === '/wp-json/wp/v2/posts/1') {
			const body: Record<string, unknown> = {...posts[0]};
			if (options.field) body['jetpack-related-posts'] = options.field;
			return response.end(JSON.stringify(body));
		}
		if (url.pathname === '/wp-json/wp/v2/posts') {
			const exclude = url.searchParams.get('exclude');
			const list = posts.filter(candidate => String(candidate.id) !== exclude);
			response.setHeader('x-wp-total', String(list.length));
			response.setHeader('x-wp-totalpages', '1');
			return response.end(JSON.stringify(list));
		}
		if (url.pathname === '/wp-json/wp/v2/comments') return response.end('[]');
		if (url.pathname === '/post-1/' && url.searchParams.get('relatedposts') === '1' && options.endpoint === 'json') {
			return response.end(JSON.stringify({items: [
				{id: 4, url: `${base}post-4/`, title: 'Post 4', date: 'March 1, 2026', context: 'In &quot;Notes&quot;'},
				{id: 1, url: `${base}post-1/`, title: 'Post 1 (itself)', date: 'March 1, 2026', context: ''},
			]}));
		}
		response.setHeader('content-type', 'text/html');
		response.end('<!doctype html><html><head></head><body>A post page</body></html>');
	});
}

describe('where related posts come from', () => {
	const servers: TestServer[] = [];
	after(async () => Promise.all(servers.map(async server => server.close())));
	async function relatedOf(options: Options) {
		const server = await tinyWordPress(options);
		servers.push(server);
		const source = await openBlog(http, server.url);
		const target = await source.fetchPost({kind: 'id', id: 1});
		return {related: await source.fetchRelated(target, 5), server};
	}

	it('takes Jetpack’s REST field first', async () => {
		const {related} = await relatedOf({field: [{id: 3, url: '/post-3/', title: 'Post 3', date: '2026-02-01', context: 'In "Notes"'}]});
		assert.deepEqual(related.map(item => [item.id, item.title, item.context]), [[3, 'Post 3', 'In "Notes"']]);
		assert.match(related[0]!.link, /^http:\/\/127\.0\.0\.1:\d+\/post-3\/$/);
	});

	it('asks Jetpack’s ?relatedposts=1 endpoint when the field is missing, never listing the post itself', async () => {
		const {related} = await relatedOf({endpoint: 'json'});
		assert.deepEqual(related.map(item => item.id), [4]);
		assert.equal(related[0]!.context, 'In "Notes"');
	});

	it('ranks posts by shared terms when the endpoint answers with an HTML page (no Jetpack)', async () => {
		const {related, server} = await relatedOf({endpoint: 'html'});
		assert.deepEqual(related.map(item => item.id), [2, 3, 4], 'two shared tags, then one, then only the category');
		assert.match(related[0]!.context, /Shares 2 tags/);
		assert.ok(server.requests.some(request => request.url.includes('tax_relation=OR') && request.url.includes('exclude=1')));
	});
});
