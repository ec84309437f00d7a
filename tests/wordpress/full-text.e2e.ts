import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {after, before, describe, it} from 'node:test';
import {htmlToPlainText} from '../../source/render/plain-text.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {describeRun, jsonOf, runBlogterm, type PostJson} from './helpers/blogterm.js';
import {getJson, restUrl} from './helpers/rest.js';
import {readSitesFile, type Seeded} from './helpers/wordpress-target.js';

// Full text (issue 23) against a real WordPress, started by scripts/wordpress/run.sh: its RSS feed set to
// summaries (Settings → Reading → "For each post in a feed, include: Excerpt", the rss_use_excerpt option),
// copied and served as a static file (the option is set back at once: the other files of the suite read the
// feeds whole), read through that feed, then the full text fetched from the post's own page on WordPress,
// and compared with the post's content as the REST API gives it.

const run = promisify(execFile);
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('full text of a real WordPress post whose feed holds only its summary', () => {
	let seeded: Seeded;
	let feedServer: TestServer;
	let feedUrl: string;
	let summaryRss: string;

	before(async () => {
		const sites = readSitesFile();
		const site = sites.sites.find(candidate => candidate.name === 'pretty')!;
		seeded = site.seeded;
		const tool = async (...args: string[]) => run('php', [sites.tool, ...args], {env: {...process.env, ...site.env}, timeout: 30_000});
		await tool('set-option', 'rss_use_excerpt', '1');
		try {
			summaryRss = await (await fetch(new URL('feed/', seeded.url), {signal: AbortSignal.timeout(20_000)})).text();
		} finally {
			await tool('set-option', 'rss_use_excerpt', '0');
		}
		feedServer = await startTestServer((request, response) => {
			if (request.url !== '/feed.xml') return response.writeHead(404).end();
			return response.writeHead(200, {'content-type': 'application/rss+xml; charset=UTF-8'}).end(summaryRss);
		});
		feedUrl = `${feedServer.url}feed.xml`;
	});
	after(async () => feedServer?.close());

	it('reads the article from the post’s page: the post’s content as REST gives it, without the theme or the comments', async () => {
		assert.doesNotMatch(summaryRss, /<content:encoded>/, 'the feed holds summaries only');
		// A post of the feed with text and comments (the page shows them under the post).
		const inFeed = seeded.posts.filter(post => summaryRss.includes(`<link>${post.link}</link>`) && !post.isProtected && post.texts.length > 0);
		const post = inFeed.find(candidate => candidate.comments.length > 0 && candidate.texts.length > 2) ?? inFeed[0];
		assert.ok(post, `a post of the feed with text: ${seeded.posts.map(candidate => candidate.link).join(', ')}`);

		const summary = await runBlogterm([feedUrl, '--post', post.link, '--format', 'json']);
		assert.equal(summary.code, 0, describeRun(summary));
		assert.equal('fullText' in jsonOf<PostJson>(summary), false);
		// The feed's summary is text alone: the post's list is not a list there.
		assert.doesNotMatch(jsonOf<PostJson>(summary).html, /<li|<p>/, describeRun(summary));

		const whole = await runBlogterm([feedUrl, '--post', post.link, '--full-text', '--format', 'json']);
		assert.equal(whole.code, 0, describeRun(whole));
		assert.equal(whole.stderr, '', describeRun(whole));
		const json = jsonOf<PostJson & {fullText: boolean}>(whole);
		assert.equal(json.fullText, true);
		assert.equal(json.title, post.title);

		const rest = await getJson<{content: {rendered: string}}>(restUrl(seeded.restRoot, `wp/v2/posts/${post.id}`));
		if (/<li/.test(rest.body.content.rendered)) assert.match(json.html, /<li>/, 'the article keeps the post\'s list');
		const restLines = htmlToPlainText(rest.body.content.rendered, post.link).split('\n').map(normalise).filter(line => line !== '');
		const article = normalise(json.text);
		const missing = restLines.filter(line => !article.includes(line));
		// Readability may drop a heading that repeats the title; the paragraphs are all there.
		assert.ok(missing.every(line => line.length < 60), `the REST content is in the article; missing:\n${missing.join('\n')}\n\narticle:\n${json.text}`);
		assert.ok(missing.length <= Math.floor(restLines.length / 10), `at most a tenth missing: ${missing.join(' | ')}`);
		for (const comment of post.comments) assert.ok(!article.includes(normalise(comment.text)), `comment ${comment.id} is not in the article`);
		assert.doesNotMatch(article, /Leave a Reply|Proudly powered by WordPress|Post Comment/i);
		assert.doesNotMatch(json.html, /<script|<style|<form|<input/i);

		const text = await runBlogterm([feedUrl, '--post', post.link, '--full-text', '--width', '80']);
		assert.equal(text.code, 0, describeRun(text));
		assert.match(text.stdout, /^Full text from the post's page$/m);
	});
});
