import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createHttpClient} from '../../../source/http/client.js';
import {formatDate, formatShortDate} from '../../../source/render/format-date.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {startFakeWordPressBlog} from '../../helpers/fake-wordpress.js';
import type {TestServer} from '../../helpers/http-server.js';
import {withEnvironment} from '../../helpers/environment.js';

// The reader is eight hours behind UTC; the blog's site time zone is five and a half hours ahead of it.
const readerZone = {TZ: 'America/Los_Angeles'};

const http = createHttpClient();

describe('WordPress dates: the date the blog shows on its own page', () => {
	withEnvironment(readerZone);
	let server: TestServer;
	let source: BlogSource;
	before(async () => {
		server = await startFakeWordPressBlog({name: 'Kolkata Blog', posts: [
			// 01:30 on New Year's Day in Kolkata is 20:00 UTC and noon in Los Angeles, on December 31.
			{id: 1, slug: 'new-year', title: 'New year', html: '<p>1</p>', date: '2026-01-01T01:30:00', dateGmt: '2025-12-31T20:00:00', comments: 1},
		]});
		source = await openBlog(http, server.url);
	});
	after(async () => server.close());

	it('keeps the site\'s offset in the post\'s ISO 8601 date, the same moment as date_gmt', async () => {
		const post = await source.fetchPost({kind: 'id', id: 1});
		assert.equal(post.date, '2026-01-01T01:30:00.000+05:30');
		assert.equal(Date.parse(post.date), Date.parse('2025-12-31T20:00:00Z'));
	});

	it('shows the site\'s local date on the post, the list and the comments, not the reader\'s', async () => {
		assert.equal(new Intl.DateTimeFormat('en-US', {day: 'numeric'}).format(Date.parse('2025-12-31T20:00:00Z')), '31', 'the reader is in Los Angeles');
		const post = await source.fetchPost({kind: 'id', id: 1});
		assert.equal(formatDate(post.date), 'January 1, 2026');
		const [summary] = (await source.fetchPostPage(1, 10)).posts;
		assert.equal(formatShortDate(summary!.date), 'Jan 1, 2026');
		const [comment] = (await source.fetchComments(post)).comments;
		assert.equal(formatDate(comment!.date), 'January 1, 2026');
	});

	it('shows a date in UTC or with no zone (feeds) in the reader\'s time zone, as before', () => {
		assert.equal(formatDate('2025-12-31T20:00:00.000Z'), 'December 31, 2025');
		assert.equal(formatShortDate('2026-01-01T01:30:00.000-08:00'), 'Jan 1, 2026');
	});
});

describe('WordPress dates on a site in UTC', () => {
	withEnvironment(readerZone);
	let server: TestServer;
	before(async () => {
		server = await startFakeWordPressBlog({name: 'UTC Blog', posts: [{id: 2, slug: 'late', title: 'Late', html: '<p>2</p>', date: '2026-03-01T23:30:00'}]});
	});
	after(async () => server.close());

	it('says +00:00 and shows the UTC date the blog shows', async () => {
		const post = await (await openBlog(http, server.url)).fetchPost({kind: 'id', id: 2});
		assert.equal(post.date, '2026-03-01T23:30:00.000+00:00');
		assert.equal(formatDate(post.date), 'March 1, 2026');
	});
});
