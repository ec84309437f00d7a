import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import type {PostSummary} from '../../../source/model/post.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {loadSettings} from '../../../source/store/settings.js';
import {App} from '../../../source/ui/app.js';
import {HomeApp} from '../../../source/ui/home/home-app.js';
import {followHint, refreshMinutes} from '../../../source/ui/run-interactive.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {frameText, keys, press, resize, waitFor, waitForFrame, waitForText} from '../helpers.js';
import {memoryHomeData, type MemoryBlog, type MemoryPost} from './memory-home-data.js';
import {withSettingsHome} from '../../helpers/settings-home.js';

// Keeps nothing on disk.
const http = createHttpClient();
const now = Date.parse('2026-12-02T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

/** The line of the frame that holds `text`. */
function lineWith(frame: string, text: string): string {
	return frame.split('\n').find(line => line.includes(text)) ?? '';
}

describe('the home screen', () => {
	let wordpress: TestDemo;
	let feed: TestDemo;
	let wordpressPosts: readonly PostSummary[];
	let feedPosts: readonly PostSummary[];
	before(async () => {
		[wordpress, feed] = await Promise.all([startTestDemo(), startTestDemo({mode: 'feed-only'})]);
		wordpressPosts = (await (await openBlog(http, wordpress.url)).fetchPostPage(1, 3)).posts;
		feedPosts = (await (await openBlog(http, feed.url)).fetchPostPage(1, 3)).posts;
	});
	after(async () => Promise.all([wordpress.stop(), feed.stop()]));

	/** Three blogs: the demo as WordPress, the demo as a feed (in a folder), and one that failed. */
	function fixture() {
		const blogs: MemoryBlog[] = [
			{url: wordpress.url, title: 'Demo WordPress', folder: undefined, lastUpdated: minutesAgo(5), lastError: undefined},
			{url: feed.url, title: 'Demo Feed', folder: 'Feeds', lastUpdated: minutesAgo(3 * 24 * 60), lastError: undefined},
			{url: 'http://127.0.0.1:9/', title: 'Gone Blog', folder: 'Feeds', lastUpdated: undefined, lastError: 'The blog took longer than 15 s to answer.'},
		];
		// Newest first: WordPress 0, feed 0, WordPress 1, feed 1, WordPress 2, feed 2 (one post an hour).
		const posts: MemoryPost[] = [];
		for (let index = 0; index < 3; index++) {
			const wp = wordpressPosts[index]!;
			const item = feedPosts[index]!;
			posts.push({blogUrl: wordpress.url, id: wp.id, title: `WP ${index} ${wp.title}`, link: wp.link, date: minutesAgo(120 * index)});
			posts.push({blogUrl: feed.url, id: item.id, title: `Feed ${index} ${item.title}`, link: item.link, date: minutesAgo(120 * index + 60)});
		}
		return memoryHomeData(http, blogs, posts);
	}

	function renderHome(store: ReturnType<typeof fixture>, options: {columns?: number; rows?: number; startView?: 'blogs' | 'river'; refreshMinutes?: number} = {}) {
		const app = render(
			<HomeApp
				data={store.data}
				openSource={(url, signal, loadOptions) => openBlog(http, url, {...loadOptions, signal})}
				perPage={10}
				refreshMinutes={options.refreshMinutes ?? 0}
				startView={options.startView}
				now={() => now}
			/>,
		);
		resize(app.stdout, options.columns ?? 80, options.rows ?? 24);
		return app;
	}

	it('lists the followed blogs by folder, each with its unread count and when it was updated; a failed one says why', async () => {
		const store = fixture();
		const app = renderHome(store);
		// At 80 columns (the first frame may be at the test terminal's own width, before the resize).
		const frame = await waitForFrame(app, current => /▸ Demo WordPress +3 unread · 5 min ago/.test(lineWith(current, 'Demo WordPress')));
		assert.match(frame, /▾ Feeds +3 unread/);
		assert.match(lineWith(frame, 'Demo Feed'), /Demo Feed +3 unread · 3 days ago/);
		assert.match(lineWith(frame, 'Gone Blog'), /✗ The blog took longer/);
		assert.ok(frame.indexOf('Demo WordPress') < frame.indexOf('Feeds') && frame.indexOf('Feeds') < frame.indexOf('Demo Feed'), 'blogs in no folder first, then the folder');
		assert.match(frame, /Followed blogs \(3\) +What is new \(6 unread\)/);
		// The highlighted failed blog: its reason in full, in words, on the line under the list.
		await press(app, 'j', 'j');
		const failed = await waitForFrame(app, current => lineWith(current, 'Gone Blog').includes('▸'));
		assert.match(failed, /Gone Blog: The blog took longer than 15 s to answer\./);
		assert.equal(failed.split('\n').length, 24, 'every row of the terminal, the last one too, and never taller');
		app.unmount();
	});

	it('shows what is stored at once and the refresh’s progress as the blogs answer', async () => {
		const store = fixture();
		const app = renderHome(store);
		await waitForText(app, 'Demo WordPress');
		await waitFor(() => store.refreshes.length === 1, 'a refresh started on its own');
		const refresh = store.refreshes[0]!;
		refresh.progress({done: 0, total: 3, failed: 0});
		await waitForText(app, 'Refreshing 1 of 3');
		refresh.progress({done: 1, total: 3, failed: 1});
		await waitForText(app, 'Refreshing 2 of 3 · 1 failed');
		// The screen answers keys meanwhile: a slow blog blocks nothing.
		await press(app, keys.tab);
		await waitForText(app, 'WP 0');
		refresh.finish({done: 3, total: 3, failed: 1});
		await waitForText(app, 'Refreshed 3 blogs · 1 failed');
		// r refreshes again.
		await press(app, 'r');
		await waitFor(() => store.refreshes.length === 2, 'r started another refresh');
		app.unmount();
	});

	it('refreshes again every N minutes while open, without a key', async () => {
		const store = fixture();
		// 0.002 minutes: 120 ms.
		const app = renderHome(store, {refreshMinutes: 0.002});
		await waitFor(() => store.refreshes.length === 1, 'the refresh on start');
		store.refreshes[0]!.finish({done: 3, total: 3, failed: 0});
		await waitFor(() => store.refreshes.length === 2, 'a refresh on the timer');
		app.unmount();
	});

	it('follows a blog: its address, then what was found, then Enter', async () => {
		const store = fixture();
		store.data.unfollow(wordpress.url);
		const app = renderHome(store);
		await waitForText(app, 'Demo Feed');
		await press(app, 'a');
		await waitForText(app, 'Follow a blog:');
		// An address with nothing there: said in words, the address kept to correct.
		await press(app, 'not a url', keys.enter);
		await waitForText(app, 'is not a web address');
		assert.match(frameText(app), /Follow a blog: not a url/);
		for (let index = 0; index < 'not a url'.length; index++) await press(app, '\u007F');
		await press(app, wordpress.url, keys.enter);
		const found = await waitForText(app, 'Found:');
		assert.match(found, /Found: .* · WordPress REST API/);
		assert.equal(store.data.blogs().length, 2, 'not followed before Enter');
		await press(app, keys.enter);
		const followed = await waitForText(app, /Followed .*\./);
		assert.equal(store.data.blogs().length, 3);
		assert.match(followed, /Followed blogs \(3\)/);
		// The same blog again: said so, not "Followed" as if it were new.
		await press(app, 'a');
		await waitForText(app, 'Follow a blog:');
		await press(app, wordpress.url, keys.enter);
		await waitForText(app, 'Found:');
		await press(app, keys.enter);
		await waitForText(app, /Already following .*\./);
		app.unmount();
	});

	it('unfollows a blog after asking once (y/n)', async () => {
		const store = fixture();
		const app = renderHome(store);
		await waitForText(app, 'Demo WordPress');
		await press(app, 'd');
		await waitForText(app, 'Unfollow Demo WordPress? (y/n)');
		await press(app, 'n');
		await waitForFrame(app, frame => !frame.includes('Unfollow'));
		assert.equal(store.data.blogs().length, 3, 'n keeps it');
		await press(app, 'd');
		await waitForText(app, 'Unfollow Demo WordPress? (y/n)');
		await press(app, 'y');
		const frame = await waitForText(app, 'Unfollowed Demo WordPress.');
		assert.ok(!lineWith(frame, 'Demo WordPress').includes('unread'), 'gone from the list');
		assert.equal(store.data.blogs().length, 2);
		app.unmount();
	});

	it('What is new: every blog’s posts newest first, the blog on each line, unread ones marked with a sign', async () => {
		const store = fixture();
		store.data.setRead(feed.url, feedPosts[0]!.id, true);
		const app = renderHome(store, {columns: 100});
		await waitForText(app, 'Demo WordPress');
		await press(app, keys.tab);
		const frame = await waitForText(app, 'WP 0');
		const order = ['WP 0', 'Feed 0', 'WP 1', 'Feed 1', 'WP 2', 'Feed 2'].map(title => frame.indexOf(title));
		assert.deepEqual([...order].sort((a, b) => a - b), order, 'newest first, across blogs');
		assert.match(lineWith(frame, 'WP 0'), /^▸ ● WP 0 .* Demo WordPress · /);
		assert.match(lineWith(frame, 'Feed 0'), /^ {4}Feed 0 .* Demo Feed · /, 'a read post has no sign');
		assert.match(lineWith(frame, 'Feed 1'), /^ {2}● Feed 1/);
		assert.match(frame, /What is new \(5 unread\)/);
		app.unmount();
	});

	it('n jumps to the next unread post across blogs; N marks read and unread; A marks the blog read, C everything after asking (y/n)', async () => {
		const store = fixture();
		store.data.setRead(feed.url, feedPosts[0]!.id, true);
		store.data.setRead(wordpress.url, wordpressPosts[1]!.id, true);
		const app = renderHome(store, {startView: 'river'});
		await waitForText(app, 'WP 0');
		await press(app, 'n');
		// Feed 0 and WP 1 are read: the next unread after WP 0 is Feed 1.
		await waitForFrame(app, frame => lineWith(frame, 'Feed 1').startsWith('▸'));
		await press(app, 'N');
		await waitForFrame(app, frame => lineWith(frame, 'Feed 1').startsWith('▸   Feed 1'));
		assert.equal(store.isRead(feed.url, feedPosts[1]!.id), true);
		await press(app, 'N');
		await waitForFrame(app, frame => lineWith(frame, 'Feed 1').startsWith('▸ ● Feed 1'));
		assert.equal(store.isRead(feed.url, feedPosts[1]!.id), false);
		await press(app, 'A');
		await waitForFrame(app, frame => !/● Feed/.test(frame));
		assert.match(frameText(app), /● WP 0/, 'the other blog keeps its unread posts');
		// Said, with how many: nothing else on the screen moves.
		await waitForText(app, 'Marked 2 posts of Demo Feed read.');
		// C asks first, with how many posts, as d does: any key but y keeps them.
		await press(app, 'C');
		await waitForText(app, 'Mark all 2 posts read? (y/n)');
		await press(app, 'n');
		const kept = await waitForFrame(app, frame => !frame.includes('Mark all'));
		assert.match(kept, /● WP 0/, 'n marks nothing');
		assert.ok(!store.isRead(wordpress.url, wordpressPosts[0]!.id));
		await press(app, 'C');
		await waitForText(app, 'Mark all 2 posts read? (y/n)');
		await press(app, 'y');
		const allRead = await waitForText(app, 'Every post is marked read.');
		assert.ok(!allRead.includes('●'));
		await press(app, 'n');
		await waitForText(app, 'No unread posts.');
		// Nothing left to mark: nothing is asked.
		await press(app, 'j');
		await waitForFrame(app, frame => !frame.includes('No unread posts.'));
		await press(app, 'C');
		const none = await waitForText(app, 'No unread posts.');
		assert.doesNotMatch(none, /Mark all/);
		app.unmount();
	});

	it('What is new keeps the highlight on its post when a refresh brings newer posts above it (Enter opens that post); the post gone, on its row', async () => {
		const store = fixture();
		const app = renderHome(store, {startView: 'river'});
		await waitForText(app, 'Feed 0');
		await press(app, 'j', 'j', 'j');
		await waitForFrame(app, frame => lineWith(frame, 'Feed 1').startsWith('▸'));
		// Stored meanwhile (by this refresh, or by another blogterm): a newer post on the other blog.
		store.posts.push({blogUrl: wordpress.url, id: 9001, title: 'WP newest', link: `${wordpress.url}?p=9001`, date: minutesAgo(1)});
		await waitFor(() => store.refreshes.length === 1, 'the refresh on start');
		store.refreshes[0]!.finish({done: 3, total: 3, failed: 0});
		const refreshed = await waitForText(app, 'WP newest');
		assert.match(lineWith(refreshed, 'Feed 1'), /^▸ ● Feed 1/, `the highlight stayed on its post:\n${refreshed}`);
		assert.ok(!lineWith(refreshed, 'WP 1').startsWith('▸'), 'not on the post now in its row');
		// Gone (read in again without it): the highlight is on the row it had, the post after it.
		store.posts.splice(store.posts.findIndex(post => post.title.startsWith('Feed 1')), 1);
		await press(app, 'r');
		await waitFor(() => store.refreshes.length === 2, 'r refreshed');
		store.refreshes[1]!.finish({done: 3, total: 3, failed: 0});
		const gone = await waitForFrame(app, frame => !frame.includes('Feed 1'));
		assert.match(lineWith(gone, 'WP 2'), /^▸ ● WP 2/, `on the row it had:\n${gone}`);
		// And stays on that post from then on: a newer post again, Enter opens WP 2.
		store.posts.push({blogUrl: feed.url, id: 9002, title: 'Feed newest', link: `${feed.url}?p=9002`, date: minutesAgo(0)});
		await press(app, 'r');
		await waitFor(() => store.refreshes.length === 3, 'r refreshed again');
		store.refreshes[2]!.finish({done: 3, total: 3, failed: 0});
		const again = await waitForText(app, 'Feed newest');
		assert.match(lineWith(again, 'WP 2'), /^▸ ● WP 2/, `still on WP 2:\n${again}`);
		await press(app, keys.enter);
		await waitForText(app, /lines 1–\d+ of/);
		assert.ok(frameText(app).includes(wordpressPosts[2]!.title.slice(0, 20)), 'the post highlighted is the one opened');
		app.unmount();
	});

	it('Enter on What is new opens the post in the reader, marks it read keeping its text; Esc comes back', async () => {
		const store = fixture();
		const app = renderHome(store, {startView: 'river'});
		await waitForText(app, 'Feed 0');
		await press(app, 'j', keys.enter);
		await waitForText(app, /lines 1–\d+ of/);
		assert.ok(frameText(app).includes(feedPosts[0]!.title.slice(0, 20)), 'the feed blog’s post, from its own source');
		await waitFor(() => store.kept.some(post => String(post.id) === String(feedPosts[0]!.id)), 'the post’s text was kept');
		assert.equal(store.isRead(feed.url, feedPosts[0]!.id), true);
		// Its comments and form are there: C opens the comments.
		await press(app, 'C');
		await waitForFrame(app, frame => /comment 1 of|No comments yet/.test(frame));
		await press(app, keys.escape);
		await waitForText(app, /lines 1–\d+ of/);
		await press(app, keys.escape);
		const back = await waitForText(app, 'What is new (5 unread)');
		assert.match(lineWith(back, 'Feed 0'), /^▸ {3}Feed 0/, 'back where it was, the post now read');
		app.unmount();
	});

	it('What is new: G goes to its last post, g back to the first', async () => {
		const store = fixture();
		const app = renderHome(store, {startView: 'river'});
		await waitForText(app, 'Feed 2');
		await press(app, 'G');
		await waitForFrame(app, frame => lineWith(frame, 'Feed 2').startsWith('▸'));
		await press(app, 'g');
		await waitForFrame(app, frame => lineWith(frame, 'WP 0').startsWith('▸'));
		app.unmount();
	});

	it('a post of What is new whose blog cannot be read, and whose text was not kept, stays unread: Esc comes back to it', async () => {
		const store = fixture();
		store.posts.push({blogUrl: 'http://127.0.0.1:9/', id: 77, title: 'Gone 0 A post never shown', link: 'http://127.0.0.1:9/?p=77', date: minutesAgo(-1)});
		const app = renderHome(store, {startView: 'river'});
		await waitForText(app, 'What is new (7 unread)');
		await press(app, keys.enter);
		await waitForText(app, /Could not read 127\.0\.0\.1:9/);
		await press(app, keys.escape);
		const back = await waitForText(app, 'What is new (7 unread)');
		assert.match(lineWith(back, 'Gone 0'), /^▸ ● Gone 0/, `still unread:\n${back}`);
		assert.equal(store.isRead('http://127.0.0.1:9/', 77), false);
		app.unmount();
	});

	it('Enter on a blog opens its list as blogterm SITE does; Esc comes back to the home screen', async () => {
		const store = fixture();
		const app = renderHome(store);
		await waitForText(app, 'Demo WordPress');
		await press(app, keys.enter);
		await waitForText(app, 'Page 1 of');
		await press(app, keys.enter);
		await waitForText(app, /lines 1–\d+ of/);
		await waitFor(() => store.isRead(wordpress.url, wordpressPosts[0]!.id), 'the post read from the blog’s list is marked read in the store');
		await press(app, keys.escape);
		await waitForText(app, 'Page 1 of');
		await press(app, keys.escape);
		const home = await waitForText(app, 'Followed blogs (3)');
		assert.match(lineWith(home, 'Demo WordPress'), /2 unread/);
		app.unmount();
	});

	it('a blog that cannot be reached, opened from the home screen, says Esc goes back (not quit), and it does', async () => {
		const store = fixture();
		const app = renderHome(store);
		await waitForText(app, 'Gone Blog');
		await press(app, 'j');
		await press(app, 'j');
		await waitForFrame(app, frame => lineWith(frame, 'Gone Blog').startsWith('▸'));
		await press(app, keys.enter);
		const failed = await waitForText(app, 'r retry');
		assert.match(failed, /r retry · Esc back/);
		await press(app, keys.escape);
		await waitForText(app, 'Followed blogs (3)');
		app.unmount();
	});

	it('? shows the home screen’s keys, from the key map', async () => {
		const store = fixture();
		const app = renderHome(store);
		await waitForText(app, 'Demo WordPress');
		await press(app, '?');
		const help = await waitForText(app, 'blogterm keys');
		assert.match(help, /Followed blogs/);
		assert.match(help, /What is new/);
		assert.match(help, /next unread \(any blog\)/);
		await press(app, keys.escape);
		await waitForText(app, 'Demo WordPress');
		app.unmount();
	});

	it('with no blog followed, the demo blog says how to follow one', async () => {
		const app = render(<App site={wordpress.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} note={followHint} />);
		resize(app.stdout, 80, 24);
		const frame = await waitForText(app, 'Page 1 of');
		assert.match(frame, /No blogs followed yet: blogterm --follow URL follows one\.\n?$/);
		assert.equal(frame.split('\n').length, 24, 'every row of the terminal, the last one too, and never taller');
		app.unmount();
	});

	it('takes the refresh interval from BLOGTERM_REFRESH_MINUTES, else the setting, else 30; a setting it cannot read is said', async () => {
		await withSettingsHome('refresh-setting', async ({environment, notes, writeConfig}) => {
			await loadSettings(environment);
			assert.equal(refreshMinutes(environment), 30);
			assert.equal(refreshMinutes({...environment, BLOGTERM_REFRESH_MINUTES: '5'}), 5);
			assert.equal(refreshMinutes({...environment, BLOGTERM_REFRESH_MINUTES: '0'}), 0);
			assert.equal(refreshMinutes({...environment, BLOGTERM_REFRESH_MINUTES: 'soon'}), 30);
			await writeConfig({refreshInterval: 10});
			assert.equal(refreshMinutes(environment), 10);
			assert.equal(refreshMinutes({...environment, BLOGTERM_REFRESH_MINUTES: '5'}), 5, 'the environment wins');
			await writeConfig({refreshInterval: 'hourly'});
			assert.equal(refreshMinutes(environment), 30);
			assert.match(notes.join('\n'), /^refreshInterval in .*config\.json is "hourly": it should be a number, 0 or more; it keeps its default, 30\.$/m);
		});
	});
});
