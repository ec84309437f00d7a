import type {IncomingMessage, ServerResponse} from 'node:http';
import {gzipSync} from 'node:zlib';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {escapeHtml, hostileField, unmappedC1References} from './hostile-corpus.js';

/*
Two blogs on 127.0.0.1 that put the whole hostile corpus in every field they have:

- a WordPress blog (home page, REST index, posts, terms, authors, comments, Jetpack related posts,
  error JSON, a wp_die page for comments, redirects to odd schemes);
- a feed blog serving RSS 2.0, Atom 1.0 and JSON Feed 1.1, each with comment feeds and post pages
  carrying WordPress's comment form.

Text fields carry each attack raw and as numeric character references; HTML bodies carry them in
text, in attributes (href, alt, title) and in code; links carry them too.
*/

/** One field's worth of the corpus, labelled `[<label>N]`, as HTML (references decoded by the parser). */
const markup = (label: string) => hostileField(label, {markup: true});
/** The corpus raw, for fields that are plain text (a name, a URL). */
const plain = (label: string) => hostileField(label, {markup: false});
/** The corpus in an HTML attribute value. */
const attribute = (label: string) => markup(label).replaceAll('"', '&quot;');

/** A post or comment body with the corpus in every kind of element and attribute. */
export function hostileBody(label: string): string {
	return [
		`<h2>${markup(`${label}h`)}</h2>`,
		`<p>${markup(`${label}p`)} <a href="https://evil.example/${attribute(`${label}href`)}" title="${attribute(`${label}title`)}">${markup(`${label}a`)}</a>`,
		` <a href="javascript:alert(1)">a script link</a> <a href="mailto:ada@example.com?subject=${attribute(`${label}mail`)}">mail</a>`,
		` <img src="https://evil.example/${attribute(`${label}src`)}.png" alt="${attribute(`${label}alt`)}"></p>`,
		`<ul><li>${markup(`${label}li`)}</li></ul>`,
		`<blockquote><p>${markup(`${label}q`)}</p></blockquote>`,
		`<pre><code>${markup(`${label}code`)}</code></pre>`,
		`<table><tr><th>${markup(`${label}th`)}</th><td>${markup(`${label}td`)}</td></tr></table>`,
		`<p>C1 by reference: ${unmappedC1References}</p>`,
	].join('\n');
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	response.writeHead(status, {'content-type': 'application/json; charset=UTF-8', ...headers});
	// JSON.stringify writes control characters as \u001b: the way they travel in a REST answer.
	response.end(JSON.stringify(body));
}

const postIds = [1, 2, 3] as const;
const dates: Record<number, string> = {1: '2026-03-01T10:00:00', 2: '2026-03-02T10:00:00', 3: '2026-03-03T10:00:00'};

/** The post whose server error (500 with a hostile message) print mode must report cleanly. */
export const brokenPostId = 99;

/** The WordPress blog. Posts 1–3 (3 is newest); comments open; Jetpack related posts. */
export async function startHostileWordPress(): Promise<TestServer> {
	const origin = () => server.url;
	const wpPost = (id: number) => ({
		id,
		date: dates[id],
		date_gmt: dates[id],
		slug: `post-${id}`,
		// Post 2's link carries the corpus raw; the others are plain.
		link: id === 2 ? `${origin()}post-2/?${plain('link')}` : `${origin()}post-${id}/`,
		status: 'publish',
		title: {rendered: markup(`t${id}-`)},
		excerpt: {rendered: `<p>${markup(`e${id}-`)}</p>`, protected: false},
		content: {rendered: hostileBody(`c${id}-`), protected: false},
		comment_status: 'open',
		author: 1,
		categories: [5],
		tags: [6],
		_embedded: {
			author: [{id: 1, name: plain(`author${id}-`)}],
			'wp:term': [[{id: 5, name: markup('category'), taxonomy: 'category'}], [{id: 6, name: markup('tag'), taxonomy: 'post_tag'}]],
		},
	});
	const comments = (post: number) => [
		{id: post * 10, post, parent: 0, author_name: plain(`ca${post}-`), author_url: `https://evil.example/${plain('curl')}`, date: dates[post], date_gmt: dates[post], content: {rendered: hostileBody(`cc${post}-`)}, status: 'approved'},
		{id: post * 10 + 1, post, parent: post * 10, author_name: markup(`cr${post}-`), author_url: '', date: dates[post], date_gmt: dates[post], content: {rendered: `<p>${markup(`crb${post}-`)}</p>`}, status: 'approved'},
	];
	const related = (id: number) => [
		...postIds.filter(other => other !== id).map(other => ({id: other, url: `${origin()}post-${other}/`, title: markup(`rt${other}-`), date: 'March 1, 2026', context: markup(`rc${other}-`)})),
		{id: 50, url: 'javascript:alert(1)', title: 'A script', date: '', context: ''},
		{id: 51, url: `${origin()}post-51/${plain('rurl')}`, title: plain('rplain'), date: plain('rdate'), context: plain('rctx')},
	];

	const server: TestServer = await startTestServer((request: IncomingMessage & {body: string}, response) => {
		const url = new URL(request.url ?? '/', origin());
		const path = url.pathname;
		const query = url.searchParams;
		if (path === '/') {
			response.writeHead(200, {'content-type': 'text/html; charset=UTF-8', link: `<${origin()}wp-json/>; rel="https://api.w.org/"`});
			response.end(`<!doctype html><html><head><title>${markup('home')}</title></head><body>${hostileBody('home')}</body></html>`);
			return;
		}
		// A wp_die() page, as a broken site answers everything.
		if (path === '/broken/') {
			response.writeHead(500, {'content-type': 'text/html; charset=UTF-8'});
			response.end(`<!DOCTYPE html><html><head><title>${markup('dietitle')}</title></head><body id="error-page"><div class="wp-die-message"><p>${markup('die')}</p></div></body></html>`);
			return;
		}
		if (path === '/odd-scheme/') {
			response.writeHead(302, {location: 'javascript:alert(document.cookie)'});
			response.end();
			return;
		}
		if (path === '/file-scheme/') {
			response.writeHead(301, {location: 'file:///etc/passwd'});
			response.end();
			return;
		}
		if (path === '/wp-json/') {
			return json(response, 200, {name: markup('site'), description: markup('tagline'), url: origin(), home: origin(), namespaces: ['wp/v2']});
		}
		if (path === '/wp-json/wp/v2/posts') {
			if (query.has('before') || query.has('after')) {
				const time = Date.parse(`${query.get('before') ?? query.get('after')}`);
				const candidates = postIds.filter(id => (query.has('before') ? Date.parse(`${dates[id]}Z`) < time : Date.parse(`${dates[id]}Z`) > time));
				const chosen = query.has('before') ? candidates.at(-1) : candidates[0];
				return json(response, 200, chosen === undefined ? [] : [wpPost(chosen)]);
			}
			const slug = query.get('slug');
			if (slug) return json(response, 200, postIds.filter(id => `post-${id}` === slug).map(id => wpPost(id)));
			const perPage = Number(query.get('per_page') ?? 10);
			const page = Number(query.get('page') ?? 1);
			const newestFirst = [...postIds].reverse();
			const slice = newestFirst.slice((page - 1) * perPage, page * perPage);
			if (slice.length === 0 && page > 1) return json(response, 400, {code: 'rest_post_invalid_page_number', message: markup('pastend'), data: {status: 400}});
			return json(response, 200, slice.map(id => wpPost(id)), {'x-wp-total': String(postIds.length), 'x-wp-totalpages': String(Math.ceil(postIds.length / perPage))});
		}
		const single = /^\/wp-json\/wp\/v2\/posts\/(\d+)$/.exec(path);
		if (single) {
			const id = Number(single[1]);
			if (id === brokenPostId) return json(response, 500, {code: 'internal_server_error', message: `<p>${markup('err')}</p>`, data: {status: 500}});
			if (!postIds.includes(id as 1)) return json(response, 404, {code: 'rest_post_invalid_id', message: markup('nopost'), data: {status: 404}});
			if (query.get('_fields') === 'id,jetpack-related-posts') return json(response, 200, {id, 'jetpack-related-posts': related(id)});
			return json(response, 200, wpPost(id));
		}
		if (path === '/wp-json/wp/v2/comments' && request.method === 'GET') {
			const posts = (query.get('post') ?? '').split(',').map(Number);
			const all = posts.flatMap(post => comments(post));
			return json(response, 200, all, {'x-wp-total': String(all.length), 'x-wp-totalpages': '1'});
		}
		if (path === '/wp-json/wp/v2/comments' && request.method === 'POST') {
			// A comment on post 1 is refused with a hostile message; on the others, the REST door is shut and the form answers.
			const body = JSON.parse(request.body || '{}') as {post?: number};
			if (body.post === 1) return json(response, 400, {code: 'rest_invalid_param', message: markup('resterr'), data: {status: 400, params: {author_email: markup('param')}}});
			return json(response, 401, {code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.', data: {status: 401}});
		}
		if (path === '/wp-comments-post.php') {
			response.writeHead(409, {'content-type': 'text/html; charset=UTF-8'});
			response.end(`<!DOCTYPE html><html><head><title>${markup('formtitle')}</title></head><body id="error-page"><div class="wp-die-message"><p>${markup('formerr')}</p></div><p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`);
			return;
		}
		json(response, 404, {code: 'rest_no_route', message: markup('noroute'), data: {status: 404}});
	});
	return server;
}

// ---- feeds ----

const xmlText = (label: string) => markup(label);
/** HTML inside an XML element as escaped text (`&lt;p&gt;…&amp;#27;…`): decoded twice on the way. */
const escapedHtml = (html: string) => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const rfc822: Record<number, string> = {1: 'Sun, 01 Mar 2026 10:00:00 +0000', 2: 'Mon, 02 Mar 2026 10:00:00 +0000', 3: 'Tue, 03 Mar 2026 10:00:00 +0000'};

export type HostileFeedFormat = 'rss' | 'atom' | 'json';

/** The feed blog: `/rss.xml`, `/atom.xml`, `/feed.json`, each item's page `/post/N/` and comment feed `/comments/N/`. */
export async function startHostileFeeds(): Promise<TestServer & {feedUrl(format: HostileFeedFormat): string; postUrl(id: number): string; itemLink(id: number): string}> {
	const origin = () => server.url;
	const itemLink = (id: number) => (id === 2 ? `${origin()}post/2/?${plain('ilink')}` : `${origin()}post/${id}/`);

	const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
<title>${xmlText('rsstitle')}</title>
<link>${origin()}</link>
<description>${xmlText('rssdesc')}</description>
${postIds.map(id => `<item>
<title>${xmlText(`it${id}-`)}</title>
<link>${escapeHtml(itemLink(id))}</link>
<guid isPermaLink="false">${origin()}?p=${id}</guid>
<pubDate>${rfc822[id]}</pubDate>
<dc:creator>${xmlText(`ia${id}-`)}</dc:creator>
<category>${xmlText(`icat${id}-`)}</category>
<description>${escapedHtml(hostileBody(`id${id}-`))}</description>
<content:encoded><![CDATA[${hostileBody(`ic${id}-`)}]]></content:encoded>
<wfw:commentRss>${origin()}comments/${id}/</wfw:commentRss>
<slash:comments>2</slash:comments>
</item>`).join('\n')}
</channel>
</rss>`;

	const atom = () => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title type="html">${escapedHtml(`<b>${markup('atomtitle')}</b>`)}</title>
<subtitle>${xmlText('atomsub')}</subtitle>
<link rel="alternate" href="${origin()}"/>
<id>tag:hostile.example,2026:feed</id>
<updated>2026-03-03T10:00:00Z</updated>
${postIds.map(id => `<entry>
<title type="text">${xmlText(`at${id}-`)}</title>
<link rel="alternate" type="text/html" href="${escapeHtml(itemLink(id))}"/>
<link rel="replies" type="application/rss+xml" href="${origin()}comments/${id}/" thr:count="2"/>
<id>tag:hostile.example,2026:${id}</id>
<published>${dates[id]}Z</published>
<updated>${dates[id]}Z</updated>
<author><name>${xmlText(`aa${id}-`)}</name><uri>https://evil.example/${attribute('auri')}</uri></author>
<category term="${attribute(`aterm${id}-`)}" label="${attribute(`alabel${id}-`)}"/>
<summary type="html">${escapedHtml(`<p>${markup(`as${id}-`)}</p>`)}</summary>
<content type="html">${escapedHtml(hostileBody(`ac${id}-`))}</content>
</entry>`).join('\n')}
</feed>`;

	const jsonFeed = () => JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title: plain('jtitle') + markup('jtitleref'),
		home_page_url: origin(),
		feed_url: `${origin()}feed.json`,
		description: plain('jdesc'),
		authors: [{name: plain('jauthor')}],
		items: postIds.map(id => ({
			id: String(id),
			url: itemLink(id),
			// A JSON Feed title is text (issue 17): character references in it are shown as written, inert, and
			// make a title hundreds of columns long, so the raw corpus alone is sent (the references go in the body).
			title: plain(`jt${id}-`),
			content_html: hostileBody(`jc${id}-`),
			summary: plain(`js${id}-`),
			date_published: `${dates[id]}Z`,
			authors: [{name: plain(`ja${id}-`), url: `https://evil.example/${plain('jaurl')}`}],
			tags: [plain(`jtag${id}-`), markup(`jtagref${id}-`)],
		})),
	});

	const commentFeed = (id: number) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xmlText('cftitle')}</title>
<link>${origin()}post/${id}/</link>
<description>${xmlText('cfdesc')}</description>
<item>
<title>By: ${xmlText(`cft${id}-`)}</title>
<link>${origin()}post/${id}/#comment-${id * 10 + 1}</link>
<dc:creator>${xmlText(`cfa${id}-`)}</dc:creator>
<pubDate>${rfc822[id]}</pubDate>
<guid isPermaLink="false">${origin()}?p=${id}#comment-${id * 10 + 1}</guid>
<content:encoded><![CDATA[<p>${markup(`cfr${id}-`)}</p>]]></content:encoded>
</item>
<item>
<title>By: ${xmlText(`cft${id}b-`)}</title>
<link>${origin()}post/${id}/#comment-${id * 10}</link>
<dc:creator>${xmlText(`cfb${id}-`)}</dc:creator>
<pubDate>${rfc822[id]}</pubDate>
<guid isPermaLink="false">${origin()}?p=${id}#comment-${id * 10}</guid>
<description>${escapedHtml(hostileBody(`cfd${id}-`))}</description>
</item>
</channel>
</rss>`;

	const postPage = (id: number) => `<!doctype html><html><head><title>${markup('pagetitle')}</title></head><body>
<ol class="comment-list"><li id="comment-${id * 10}"><p>${markup('pagecomment')}</p><ol class="children"><li id="comment-${id * 10 + 1}"><p>reply</p></li></ol></li></ol>
<form action="${origin()}wp-comments-post.php" method="post" id="commentform"><textarea name="comment"></textarea><input type="hidden" name="comment_post_ID" value="${id}"><input type="hidden" name="comment_parent" value="0"></form>
</body></html>`;

	const server: TestServer = await startTestServer((request, response) => {
		const url = new URL(request.url ?? '/', origin());
		const path = url.pathname;
		const send = (type: string, body: string) => {
			response.writeHead(200, {'content-type': type});
			response.end(body);
		};
		if (path === '/rss.xml') return send('application/rss+xml; charset=UTF-8', rss());
		if (path === '/atom.xml') return send('application/atom+xml; charset=UTF-8', atom());
		if (path === '/feed.json') return send('application/feed+json; charset=UTF-8', jsonFeed());
		const comments = /^\/comments\/(\d+)\/$/.exec(path);
		if (comments) return send('application/rss+xml; charset=UTF-8', commentFeed(Number(comments[1])));
		const page = /^\/post\/(\d+)\/$/.exec(path);
		if (page) return send('text/html; charset=UTF-8', postPage(Number(page[1])));
		response.writeHead(404, {'content-type': 'text/html; charset=UTF-8'});
		response.end(`<!doctype html><title>${markup('404')}</title>`);
	});
	const files: Record<HostileFeedFormat, string> = {rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json'};
	return Object.assign(server, {
		feedUrl: (format: HostileFeedFormat) => `${server.url}${files[format]}`,
		postUrl: (id: number) => `${server.url}post/${id}/`,
		/** The link the feeds give: post 2's carries the corpus in its query. */
		itemLink,
	});
}

/** `content` gzipped `times` over (the first layer at the best ratio, the rest as they come): a stacked-encoding attack. */
export function stackedGzip(content: Buffer, times: number): Buffer {
	let body = gzipSync(content, {level: 9});
	for (let layer = 1; layer < times; layer++) body = gzipSync(body, {level: 1});
	return body;
}
