import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {openBlog} from '../../source/sources/open-blog.js';
import {openFeedBlog} from '../../source/sources/feed/discover-feed.js';
import {createHttpClient, httpLimits} from '../../source/http/client.js';
import {createTtrssClient} from '../../source/sync/ttrss/ttrss-client.js';
import {startFakeWordPressBlog, wordPressPost} from '../helpers/fake-wordpress.js';
import {startFeedServer, type FeedServer} from './feed/feed-server.js';
import {replayUser, startReplayServer} from '../sync/ttrss-replay.js';

/*
Every one-line field from the network (a title, an author, a comment's author, a category or tag, a blog's
name) is read by one function where it enters the model, from every kind of blog: the same hostile text
shows the same in each of them, its escape sequences gone whole (never a `31m` left behind) and HTML in a
name read as it is in a title.
*/

const http = createHttpClient({limits: {...httpLimits, getRetries: 0}});

const escapes = 'Esc \u001B[31mRED\u001B[0m and \u001B]0;PWNED\u0007 title';
const escapesShown = 'Esc RED and title';
/** As a feed's XML writes it: character references, which the XML parser decodes. */
const escapesInXml = 'Esc &#27;[31mRED&#27;[0m and &#27;]0;PWNED&#7; title';
/** A name holding title markup, and a script written as text. */
const markup = '<b>Bold</b> &lt;script&gt;x&lt;/script&gt;';
const markupShown = 'Bold <script>x</script>';
const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('one-line fields are cleaned alike, whatever the blog', () => {
	let server: FeedServer;
	before(async () => {
		server = await startFeedServer();
	});
	after(async () => server.close());

	it('RSS: an <author> with escape sequences or HTML reads as the same text as a title', async () => {
		const item = (number: number, text: string) => `<item><title>${text}</title><link>${server.origin}/p${number}</link><author>${text}</author><category>${text}</category><description>Text ${number}</description></item>`;
		server.route('/rss.xml', {type: 'application/rss+xml', body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapesInXml}</title><link>${server.origin}/</link>
			${item(1, escapesInXml)}${item(2, escapeXml(markup))}
			<item><title>Mail</title><link>${server.origin}/p3</link><author>jo@example.com (Jo &lt;Smith&gt;)</author></item>
			<item><title>Only mail</title><link>${server.origin}/p4</link><author>jo@example.com</author></item>
		</channel></rss>`});
		const source = await openFeedBlog(http, `${server.origin}/rss.xml`);
		const posts = (await source.fetchPostPage(1, 10)).posts;
		assert.equal(source.site.name, escapesShown);
		assert.deepEqual(posts.map(post => [post.title, post.author, post.categories.map(term => term.name)]), [
			[escapesShown, escapesShown, [escapesShown]],
			[markupShown, markupShown, [markupShown]],
			['Mail', 'Jo <Smith>', []],
			['Only mail', 'jo@example.com', []],
		]);
	});

	it('Atom: a title, an author\'s name and a category with escape sequences read the same', async () => {
		server.route('/atom.xml', {type: 'application/atom+xml', body: `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapesInXml}</title><id>urn:x</id>
			<entry><id>urn:1</id><title>${escapesInXml}</title><link href="${server.origin}/a1"/><author><name>${escapesInXml}</name></author><category term="${escapesInXml}"/><content>Text</content></entry>
		</feed>`});
		const source = await openFeedBlog(http, `${server.origin}/atom.xml`);
		const [post] = (await source.fetchPostPage(1, 10)).posts;
		assert.equal(source.site.name, escapesShown);
		assert.deepEqual([post!.title, post!.author, post!.categories.map(term => term.name)], [escapesShown, escapesShown, [escapesShown]]);
	});

	it('JSON Feed: a title, an author\'s name and a tag with escape sequences or HTML read the same', async () => {
		const item = (id: string, text: string) => ({id, url: `${server.origin}/j${id}`, title: text, authors: [{name: text}], tags: [text], content_text: 'Text'});
		server.route('/feed.json', {type: 'application/feed+json', body: JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: escapes, items: [item('1', escapes), item('2', markup)]})});
		const source = await openFeedBlog(http, `${server.origin}/feed.json`);
		const posts = (await source.fetchPostPage(1, 10)).posts;
		assert.equal(source.site.name, escapesShown);
		assert.deepEqual(posts.map(post => [post.title, post.author, post.tags.map(term => term.name)]), [
			[escapesShown, escapesShown, [escapesShown]],
			[markupShown, markupShown, [markupShown]],
		]);
	});

	it('WordPress: an author\'s and a commenter\'s name with HTML read as the title does', async () => {
		// WordPress sends a blog's name, a title and a term's name as HTML, an author's name as it was typed.
		const blog = {name: markup, posts: [{id: 1, slug: 'one', title: markup, html: '<p>Text</p>', date: '2025-01-01T10:00:00', comments: 1}]};
		const wordpress = await startFakeWordPressBlog(blog, (url, response) => {
			const json = (body: unknown) => {
				response.writeHead(200, {'content-type': 'application/json', 'x-wp-total': '1', 'x-wp-totalpages': '1'});
				response.end(JSON.stringify(body));
				return 'answered' as const;
			};
			const post = {...wordPressPost(blog.posts[0]!, wordpress.url), _embedded: {author: [{id: 1, name: markup}], 'wp:term': [[{id: 3, name: markup, taxonomy: 'category'}]]}};
			if (url.pathname === '/wp-json/wp/v2/posts') return json([post]);
			if (url.pathname === '/wp-json/wp/v2/comments') return json([{id: 7, post: 1, parent: 0, author_name: markup, date_gmt: '2025-01-02T10:00:00', content: {rendered: '<p>Hi</p>'}, link: `${wordpress.url}one/#comment-7`, type: 'comment', status: 'approved'}]);
			return undefined;
		});
		try {
			const source = await openBlog(http, wordpress.url);
			const [summary] = (await source.fetchPostPage(1, 10)).posts;
			assert.equal(source.site.name, markupShown);
			assert.deepEqual([summary!.title, summary!.author, summary!.categories.map(term => term.name)], [markupShown, markupShown, [markupShown]]);
			const post = await source.fetchPost({kind: 'id', id: 1});
			const {comments} = await source.fetchComments(post);
			assert.deepEqual(comments.map(comment => comment.author), [markupShown]);
		} finally {
			await wordpress.close();
		}
	});

	it('TT-RSS: an article\'s title, author and tags with escape sequences or HTML read the same', async () => {
		const ttrss = await startReplayServer();
		try {
			const [first, second] = [...ttrss.articles.values()];
			Object.assign(first!, {title: escapes, author: escapes, tags: [escapes]});
			Object.assign(second!, {title: markup, author: markup, tags: [markup]});
			const client = createTtrssClient({http, account: {url: ttrss.url, user: replayUser.login, password: replayUser.password}});
			await client.logIn();
			const articles = await client.headlines({sinceId: 0, skip: 0, limit: 2});
			assert.deepEqual(articles.map(article => [article.title, article.author, article.tags]), [
				[escapesShown, escapesShown, [escapesShown]],
				[markupShown, markupShown, [markupShown]],
			]);
		} finally {
			await ttrss.close();
		}
	});
});
