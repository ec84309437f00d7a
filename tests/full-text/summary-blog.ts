import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {fixturePage, wordpressSummary} from './pages.js';

/*
A blog on 127.0.0.1 whose RSS feed holds summaries only (as WordPress's with "For each post in a feed,
include: Excerpt"), and whose posts' pages are the fixture pages: a WordPress theme's post page, a Ghost
page, a cookie wall, a PDF, a post behind a login (a redirect to wp-login.php), and one whose page
redirects to a file: address.
*/

type SummaryPost = {readonly slug: string; readonly title: string; readonly summary: string; readonly page: (base: string) => {status: number; type?: string; body: string | Buffer; location?: string}};

const html = (body: string) => ({status: 200, type: 'text/html; charset=UTF-8', body});

export const summaryPosts: readonly SummaryPost[] = [
	{slug: '2026/11/leave-in-the-ground/', title: 'What to leave in the ground over winter', summary: wordpressSummary, page: () => html(fixturePage('wordpress-post'))},
	{
		slug: '2026/10/reading-the-sky/',
		title: 'Reading the sky before a long ride',
		summary: 'A forecast is an average over a few square kilometres and a few hours. A ride is one road at one time, and the sky over that road is the better guide once you learn to read it. Of all the clouds in the atlas, three decide whether I turn back. [&hellip;]',
		page: () => html(fixturePage('ghost-post').replace('<base href="https://ghost.example/blog/">', '')),
	},
	{slug: '2026/09/cookies/', title: 'A post behind a cookie wall', summary: 'The text of this post is behind a consent page that asks to accept cookies before it shows anything at all to anyone. [&hellip;]', page: () => html(fixturePage('cookie-wall'))},
	{slug: '2026/08/the-report/', title: 'The annual report', summary: 'Our annual report is out: forty pages of figures about the allotment society, its plots, its waiting list and its accounts. [&hellip;]', page: () => ({status: 200, type: 'application/pdf', body: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')})},
	{slug: '2026/07/members/', title: 'For members', summary: 'This post is for members of the society only: the plot allocations for next year, and who is on the waiting list. [&hellip;]', page: base => ({status: 302, location: `${base}wp-login.php?redirect_to=members`, body: ''})},
	{slug: '2026/06/elsewhere/', title: 'A page that goes elsewhere', summary: 'This post moved, and its page sends readers to an address that is not on the web at all, which must not be followed. [&hellip;]', page: () => ({status: 301, location: 'file:///etc/passwd', body: ''})},
];

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The feed's RSS: summaries only (a description, no content:encoded). */
function feedXml(base: string): string {
	const items = summaryPosts.map((post, index) => `<item><title>${escapeXml(post.title)}</title><link>${base}${post.slug}</link>
<guid isPermaLink="false">${base}?p=${index + 1}</guid><pubDate>${new Date(Date.UTC(2026, 10 - index, 3, 9)).toUTCString()}</pubDate>
<dc:creator>Dana</dc:creator><description><![CDATA[${post.summary}]]></description></item>`).join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Plot Notes</title><link>${base}</link><description>A year on an allotment</description>\n${items}\n</channel></rss>`;
}

/** Starts the blog; its feed is at `${url}feed/`. */
export async function startSummaryBlog(): Promise<TestServer> {
	const server: TestServer = await startTestServer((request, response) => {
		const base = server.url;
		const path = (request.url ?? '/').slice(1);
		if (path === 'feed/') {
			response.writeHead(200, {'content-type': 'application/rss+xml; charset=UTF-8'});
			return response.end(feedXml(base));
		}
		// A page the first post links to that is no post of the blog: another site's article (the Ghost page).
		if (path === '2026/09/leaf-mould/') {
			response.writeHead(200, {'content-type': 'text/html; charset=UTF-8'});
			return response.end(fixturePage('ghost-post').replace('<base href="https://ghost.example/blog/">', ''));
		}
		if (path.startsWith('wp-login.php')) {
			response.writeHead(200, {'content-type': 'text/html; charset=UTF-8'});
			return response.end(fixturePage('login-wall'));
		}
		const post = summaryPosts.find(candidate => candidate.slug === path);
		if (!post) {
			response.writeHead(404, {'content-type': 'text/html'});
			return response.end('<h1>Not found</h1>');
		}
		const page = post.page(base);
		response.writeHead(page.status, {...(page.type ? {'content-type': page.type} : {}), ...(page.location ? {location: page.location} : {})});
		return response.end(page.body);
	});
	return server;
}
