import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {specialPosts} from '../../source/demo/content/index.js';
import {startTestBlog} from './demo-server.js';
import type {TestBlog} from './demo-server.js';
import type {RelatedPostsAnswer, RestPost} from './rest-shapes.js';

const items = (xml: string) => xml.match(/<item>[\s\S]*?<\/item>/g) ?? [];
const tag = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];

describe('WordPress mode', () => {
	let blog: TestBlog;
	let total: number;
	before(async () => {
		blog = await startTestBlog();
		total = Number((await blog.fetch('/wp-json/wp/v2/posts?per_page=1')).headers.get('x-wp-total'));
	});
	after(async () => blog.dispose());

	describe('RSS feed', () => {
		test('the feed is RSS 2.0 as WordPress writes it, 10 items a page', async () => {
			const response = await blog.fetch('/feed/');
			assert.equal(response.status, 200);
			assert.equal(response.headers.get('content-type'), 'application/rss+xml; charset=UTF-8');
			const xml = await response.text();
			assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"'));
			for (const namespace of ['content', 'wfw', 'dc', 'atom', 'sy', 'slash']) assert.ok(xml.includes(`xmlns:${namespace}=`), namespace);
			assert.ok(xml.includes(`<atom:link href="${blog.at('/feed/')}" rel="self" type="application/rss+xml" />`));
			const all = items(xml);
			assert.equal(all.length, 10);
			const first = all[0];
			assert.equal(tag(first, 'title'), 'Ten Minutes a Day');
			assert.equal(tag(first, 'link'), blog.at('/2025/02/03/ten-minutes-a-day/'));
			assert.equal(tag(first, 'dc:creator'), '<![CDATA[Maren Holt]]>');
			assert.match(first, /<guid isPermaLink="false">http:\/\/127\.0\.0\.1:\d+\/\?p=\d+<\/guid>/);
			assert.match(first, /<content:encoded><!\[CDATA\[<p>Five months/);
			assert.match(first, /<category><!\[CDATA\[Garden Notes\]\]><\/category>/);
			assert.equal(tag(first, 'wfw:commentRss'), blog.at('/2025/02/03/ten-minutes-a-day/feed/'));
			assert.equal(tag(first, 'slash:comments'), '0');
			assert.match(tag(first, 'pubDate')!, /^Mon, 03 Feb 2025 07:30:00 \+0000$/);
		});

		test('?paged=N gives later pages, and a page past the end is 404', async () => {
			const lastPage = Math.ceil(total / 10);
			const last = await blog.fetch(`/feed/?paged=${lastPage}`);
			assert.equal(last.status, 200);
			assert.equal(items(await last.text()).length, total - ((lastPage - 1) * 10));
			const past = await blog.fetch(`/feed/?paged=${lastPage + 1}`);
			assert.equal(past.status, 404);
			assert.equal(items(await past.text()).length, 0);
		});

		test('the comments feed and a post\'s comments feed list the newest comments', async () => {
			const site = await (await blog.fetch('/comments/feed/')).text();
			assert.equal(tag(site, 'title')!.trim(), 'Comments for The Terminal Gardener');
			assert.equal(items(site).length, 10);
			assert.match(items(site)[0]!, /<title>Comment on .+ by .+<\/title>/);

			const post = await blog.fetch('/2024/09/05/watering-schedules-with-cron/feed/');
			assert.equal(post.status, 200);
			const xml = await post.text();
			assert.equal(tag(xml, 'title')!.trim(), 'Comments on: Watering Schedules with cron');
			const list = items(xml);
			assert.equal(list.length, 5);
			assert.equal(tag(list[0], 'title'), 'By: Robin Reader');
			assert.match(xml, /In reply to <a href="[^"]+#comment-\d+">Priya N\.<\/a>\./);
		});
	});

	describe('post pages', () => {
		test('a post page has its title, content, comments feed link and WordPress\'s comment form', async () => {
			const response = await blog.fetch('/2024/09/05/watering-schedules-with-cron/');
			assert.equal(response.status, 200);
			assert.match(response.headers.get('link')!, /rel="https:\/\/api\.w\.org\/"/);
			const html = await response.text();
			assert.match(html, /<h1 class="entry-title">Watering Schedules with cron<\/h1>/);
			assert.ok(html.includes('The drip line in the greenhouse'));
			assert.ok(html.includes(`title="The Terminal Gardener &raquo; Watering Schedules with cron Comments Feed" href="${blog.at('/2024/09/05/watering-schedules-with-cron/feed/')}"`));
			assert.ok(html.includes(`<form action="${blog.at('/wp-comments-post.php')}" method="post" id="commentform" class="comment-form" novalidate>`));
			for (const field of ['name="comment"', 'name="author"', 'name="email"', 'name="url"', 'name="wp-comment-cookies-consent"']) assert.ok(html.includes(field), field);
			assert.match(html, /<input type='hidden' name='comment_post_ID' value='8' id='comment_post_ID' \/>/);
			assert.match(html, /<input type='hidden' name='comment_parent' id='comment_parent' value='0' \/>/);
			assert.ok(html.includes('Leave a Reply'));
			assert.match(html, /<ol class="children">/);
		});

		test('?replytocom= makes the form a reply', async () => {
			const html = await (await blog.fetch('/2024/09/05/watering-schedules-with-cron/?replytocom=5')).text();
			assert.ok(html.includes('Leave a Reply to <a href="#comment-5">Priya N.</a>'));
			assert.match(html, /name='comment_parent' id='comment_parent' value='5'/);
		});

		test('a post with comments closed shows its thread and no form', async () => {
			const {body: [post]} = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?slug=${specialPosts.commentsClosed}`);
			assert.ok(post, 'the post with comments closed');
			assert.equal(post.comment_status, 'closed');
			const html = await (await blog.fetch(post.link)).text();
			assert.ok(html.includes('Comments are closed.'));
			assert.ok(!html.includes('id="commentform"'));
			assert.ok(html.includes('id="comment-18"'));
		});

		test('a password-protected post\'s page shows the password form instead of its text and comments', async () => {
			const {body: [post]} = await blog.json<RestPost[]>(`/wp-json/wp/v2/posts?slug=${specialPosts.passwordProtected}`);
			assert.ok(post, 'the password-protected post');
			const html = await (await blog.fetch(post.link)).text();
			assert.ok(html.includes('<h1 class="entry-title">Protected: The Committee&#8217;s Compost Recipe</h1>'));
			assert.ok(html.includes('class="post-password-form"'));
			assert.ok(!html.includes('Equal parts grass'));
			assert.ok(!html.includes('id="commentform"'));
			assert.ok(!html.includes('secret ingredient'));
		});

		test('?p=ID redirects to the pretty permalink with 301', async () => {
			const response = await blog.fetch('/?p=8');
			assert.equal(response.status, 301);
			assert.equal(response.headers.get('location'), blog.at('/2024/09/05/watering-schedules-with-cron/'));
			const slashless = await blog.fetch('/2024/09/05/watering-schedules-with-cron');
			assert.equal(slashless.status, 301);
		});

		test('?relatedposts=1 is Jetpack\'s JSON on posts that have it and the plain page on the others', async () => {
			const response = await blog.fetch('/2024/09/05/watering-schedules-with-cron/?relatedposts=1');
			assert.equal(response.status, 200);
			assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
			const json = await response.json() as RelatedPostsAnswer;
			assert.equal(json.cached, false);
			assert.equal(json.items.length, 3);
			const item = json.items[0]!;
			for (const key of ['id', 'url', 'url_meta', 'title', 'date', 'format', 'excerpt', 'rel', 'context', 'img']) assert.ok(key in item, key);
			assert.ok(json.items.every(related => related.id !== 8));
			assert.match(item.date, /^[A-Z][a-z]+ \d{1,2}, \d{4}$/);

			const plain = await blog.fetch('/2024/09/26/compost-is-a-queue/?relatedposts=1');
			assert.equal(plain.status, 200);
			assert.match(plain.headers.get('content-type')!, /^text\/html/);
			assert.ok((await plain.text()).startsWith('<!DOCTYPE html>'));
		});

		test('an unknown path is a 404 page', async () => {
			for (const path of ['/no/such/page/', '/2024/01/01/no-such-post/', '/page/99/']) {
				const response = await blog.fetch(path);
				assert.equal(response.status, 404, path);
				assert.match(await response.text(), /<title>Page not found/);
			}
		});

		test('home page 2 lists the next ten posts', async () => {
			const html = await (await blog.fetch('/page/2/')).text();
			assert.equal((html.match(/<article /g) ?? []).length, 10);
			assert.ok(html.includes('Older posts'));
			assert.ok(html.includes('Newer posts'));
		});
	});
});

describe('feed-only mode', () => {
	let blog: TestBlog;
	before(async () => {
		blog = await startTestBlog({mode: 'feed-only'});
	});
	after(async () => blog.dispose());

	test('there is no REST API and no discovery header or tag', async () => {
		const home = await blog.fetch('/');
		assert.equal(home.headers.get('link'), null);
		const html = await home.text();
		assert.ok(!html.includes('api.w.org'));
		assert.ok(!html.includes('wp-json'));
		assert.equal((await blog.fetch('/wp-json/')).status, 404);
		assert.equal((await blog.fetch('/wp-json/wp/v2/posts')).status, 404);
		const restRoute = await blog.fetch('/?rest_route=/wp/v2/posts');
		assert.match(restRoute.headers.get('content-type')!, /^text\/html/);
	});

	test('the home page advertises the RSS feed, which works', async () => {
		const html = await (await blog.fetch('/')).text();
		assert.ok(html.includes(`<link rel="alternate" type="application/rss+xml" title="The Terminal Gardener &raquo; Feed" href="${blog.at('/feed/')}" />`));
		const feed = await blog.fetch('/feed/');
		assert.equal(feed.status, 200);
		assert.equal(items(await feed.text()).length, 10);
	});

	test('post pages still carry WordPress\'s comment form, and it still works', async () => {
		const response = await blog.fetch('/2024/09/05/watering-schedules-with-cron/');
		assert.ok(!(response.headers.get('link') ?? '').includes('api.w.org'));
		const html = await response.text();
		assert.ok(html.includes(`action="${blog.at('/wp-comments-post.php')}"`));
		assert.ok(html.includes('name=\'comment_post_ID\' value=\'8\''));
		assert.ok(!html.includes('application/json'));
		const sent = await blog.comment({comment_post_ID: '8', comment: 'From a feed reader', author: 'Robin Reader', email: 'reader@example.com'});
		assert.equal(sent.status, 302);
	});
});
