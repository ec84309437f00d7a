import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {openFeedBlog} from '../../../source/sources/feed/discover-feed.js';
import {htmlToPlainText} from '../../../source/render/plain-text.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {keys, press, waitForFrame, waitForText} from '../../ui/helpers.js';
import {describeRun, jsonOf, runBlogterm, type PostJson, type PostListJson} from './blogterm.js';
import {readComments} from './truth.js';
import type {WordPressTarget} from './wordpress-target.js';

/*
What only a real WordPress is seeded with (scripts/wordpress/seed.php): a site time zone that is not
UTC, a post linking to another post of the same blog, a post with an embed, a table, an audio file and
emoji, and a pingback. Checked against what seed.php says it made and what WordPress itself shows.
*/
export function defineWordPressChecks(target: () => WordPressTarget): void {
	const seeded = () => target().seeded;
	const post = (id: number) => seeded().posts.find(candidate => candidate.id === id)!;
	const run = async (...args: string[]) => {
		const done = await runBlogterm([target().siteUrl, ...args]);
		assert.equal(done.code, 0, describeRun(done));
		return done;
	};

	describe('a site time zone other than UTC (Pacific/Auckland)', () => {
		it('dates are the blog\'s: ISO 8601 with its offset in JSON, its local date in text, in the post and the list', async () => {
			assert.equal(seeded().timezone, 'Pacific/Auckland');
			const late = post(seeded().linkingPostId);
			// 11:45 UTC is 00:45 the next day in Auckland: the blog's own page shows the next day.
			assert.notEqual(late.localDate, new Date(late.date).toLocaleDateString('en-US', {timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric'}), 'the seed puts a post on another day than UTC\'s');
			for (const held of [late, post(seeded().richPostId)]) {
				const json = jsonOf<PostJson>(await run('--post', String(held.id), '--format', 'json'));
				assert.equal(json.date && new Date(json.date).toISOString(), new Date(held.date).toISOString(), 'the same instant');
				assert.match(json.date ?? '', /\+13:00$/, `the site's offset (NZDT) kept: ${json.date}`);
				assert.equal(json.date?.replace(/\.000(?=[+-])/, ''), held.dateWithOffset);
				const text = await run('--post', String(held.id), '--width', '100');
				assert.match(text.stdout.split('\n')[1] ?? '', new RegExp(`^${held.localDate} · `), `the byline's date is the blog's:\n${text.stdout.slice(0, 300)}`);
			}
			const list = await run('--list', '--width', '100');
			assert.match(list.stdout, new RegExp(`^\\s+${late.localDate} · [^\\n]*ID ${late.id}$`, 'm'), list.stdout.slice(0, 600));
		});
	});

	describe('a post linking to another post of the same blog', () => {
		it('lists the link, and the reader follows it inside blogterm (f: the post has one link), Esc coming back', async () => {
			const linking = post(seeded().linkingPostId);
			const linked = post(seeded().linkedPostId);
			assert.equal(linking.href, linked.link, 'the seed links post to post');
			const json = jsonOf<PostJson>(await run('--post', String(linking.id), '--format', 'json'));
			assert.match(json.text, /Read the notes too\./);
			const http = createHttpClient();
			const noMarks: ReadMarks = {readIds: () => new Set(), markRead: () => undefined};
			const app = render(createElement(App, {site: target().siteUrl, openSource: async (url: string, signal: AbortSignal) => openBlog(http, url, {signal}), perPage: 10, readMarks: noMarks, initialPost: {kind: 'id', id: linking.id}}));
			try {
				await waitForText(app, 'Read the notes[1] too.', 15_000);
				// The post's one link is followed by f alone (a number and Enter after it would reach whichever post
				// is shown by then: Enter scrolls a line, and Esc would come back to a post scrolled past its title).
				await press(app, 'f');
				// php -S answers one request at a time: behind the post's related posts, neighbours and comment
				// counts, under CI's load, the linked post took longer than 15 s once.
				await waitForFrame(app, frame => frame.includes(linked.title) && frame.includes(`This is post number ${linked.number} of`), 60_000);
				await press(app, keys.escape);
				await waitForFrame(app, frame => frame.includes(linking.title) && frame.includes('Read the notes[1] too.'), 15_000);
			} finally {
				app.unmount();
			}
		});
	});

	describe('a post with an embed, a table, an audio file and emoji', () => {
		const video = '[video: A walk through the allotment https://player.vimeo.com/video/76979871]';
		const audio = '[audio: https://example.org/media/harvest-song.mp3]';

		for (const width of [40, 80, 120]) {
			it(`shows each in text at ${width} columns`, async () => {
				const {stdout} = await run('--post', String(seeded().richPostId), '--width', String(width));
				const flat = stdout.replaceAll(/\s*\n\s*/g, ' ');
				assert.ok(flat.includes(video), `the embed:\n${stdout}`);
				// (A URL longer than the width is broken where it must be: compared without the line breaks.)
				assert.ok(stdout.replaceAll(/\s+/g, '').includes(audio.replaceAll(' ', '')), `the audio file:\n${stdout}`);
				assert.match(stdout, /^Harvest day 🎉🍅$/m, 'the emoji as they are');
				// 31 columns wide: it fits every width here, so its columns are aligned.
				assert.match(stdout, /^Crop {9}│ Sown {2}│ Harvest$/m, `the table, aligned:\n${stdout}`);
				assert.match(stdout, /^Runner beans │ May {3}│ September$/m);
				assert.match(stdout, /^(?:\[\d+\] )?https:\/\/player\.vimeo\.com\/video\/76979871$/m, 'among the numbered links');
				assert.match(stdout, /^(?:\[\d+\] )?https:\/\/example\.org\/media\/harvest-song\.mp3$/m);
				for (const line of stdout.split('\n')) assert.ok([...line].length <= width || /^(?:\[\d+\] )?https?:\/\/\S+$/.test(line), `fits ${width}: ${line}`);
			});
		}

		it('in Markdown (a GFM table, links to the video and the file) and JSON', async () => {
			const markdown = (await run('--post', String(seeded().richPostId), '--format', 'markdown')).stdout;
			assert.match(markdown, /^\| \*\*Crop\*\* \| \*\*Sown\*\* \| \*\*Harvest\*\* \|\n\| --- \| --- \| --- \|\n\| Tomato \| March \| August \|$/m, markdown);
			assert.match(markdown, /\(https:\/\/player\.vimeo\.com\/video\/76979871\)/);
			assert.match(markdown, /\(https:\/\/example\.org\/media\/harvest-song\.mp3\)/);
			assert.match(markdown, /Harvest day 🎉🍅/);
			const json = jsonOf<PostJson>(await run('--post', String(seeded().richPostId), '--format', 'json'));
			assert.ok(json.text.includes(video) && json.text.includes(audio), json.text);
			assert.match(json.text, /Harvest day 🎉🍅/);
		});

		it('through the RSS feed, where WordPress makes emoji images (wp-smiley): shown as the emoji, not as images', async () => {
			const feed = await openFeedBlog(createHttpClient(), new URL('?feed=rss2', target().siteUrl).href);
			const rich = post(seeded().richPostId);
			const found = await feed.fetchPost({kind: 'url', url: rich.link});
			assert.match(found.html, /class="wp-smiley"/, 'WordPress\'s feed holds emoji images');
			const text = htmlToPlainText(found.html, found.link);
			assert.match(text, /Harvest day 🎉 ?🍅/);
			assert.doesNotMatch(text, /\[image: 🎉\]/);
		});
	});

	describe('a pingback', () => {
		it('the blog counts it and its REST API lists it to no visitor; blogterm counts as the blog does and shows it in the thread, marked, with its link', async () => {
			const pinged = post(seeded().pingbackPostId);
			assert.equal(pinged.blogCommentCount, pinged.commentCount + 1, 'the blog counts the pingback');
			const listed = (await readComments(target().restRoot, pinged.id)) ?? [];
			assert.equal(listed.length, pinged.commentCount, 'REST lists the comments only');
			const page = Math.floor(seeded().posts.findIndex(candidate => candidate.id === pinged.id) / 10) + 1;
			const list = jsonOf<PostListJson>(await run('--list', '--page', String(page), '--format', 'json'));
			assert.equal(list.posts.find(candidate => candidate.id === pinged.id)?.commentCount, pinged.blogCommentCount);
			const thread = jsonOf<PostJson>(await run('--post', String(pinged.id), '--comments', '--format', 'json'));
			assert.equal(thread.commentCount, pinged.blogCommentCount);
			assert.deepEqual(thread.comments?.map(comment => [comment.id, comment.type, comment.author, comment.authorUrl]), [
				...pinged.comments.map(comment => [comment.id, 'comment', comment.author, null]),
				[seeded().pingbackId, 'pingback', 'Another Walker » Hills we walked', 'https://walker.example/2024/02/hills/'],
			]);
			const text = (await run('--post', String(pinged.id), '--comments', '--width', '100')).stdout;
			assert.match(text, /^Pingback from Another Walker » Hills we walked\[\d+\] · /m, text);
			assert.match(text, /\[…\] the same walk, written up by blogterm e2e \[…\]/);
			// The blog's feed says what the blog counts (slash:comments): read as a feed, that is the count too.
			const feed = await openFeedBlog(createHttpClient(), new URL('?feed=rss2', target().siteUrl).href);
			const feedPage = await feed.fetchPostPage(page, 10);
			assert.equal(feedPage.posts.find(candidate => candidate.link === pinged.link)?.commentCount, pinged.blogCommentCount);
		});
	});
}
