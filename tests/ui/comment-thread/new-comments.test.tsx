import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {CommentMarks} from '../../../source/store/comment-marks.js';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {specialPosts} from '../../../source/demo/content/index.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {maren, postDemoComment} from '../../helpers/demo-comment.js';
import {press, resize, waitForText} from '../helpers.js';

const http = createHttpClient();
const noMarks = (): ReadMarks => ({readIds: () => new Set(), markRead: () => {}});

describe('what is new in a thread, across two visits', () => {
	let demo: TestDemo;
	let directory: string;
	// A post on the list's first page with comments (and open to more).
	let watering: {id: number; title: string; count: number};
	before(async () => {
		demo = await startTestDemo({floodIntervalMs: 0});
		directory = mkdtempSync(join(tmpdir(), 'blogterm-comment-marks-'));
		const {body: posts} = await demo.rest<Array<{id: number; slug: string; title: {rendered: string}}>>('wp/v2/posts?per_page=10&_fields=id,slug,title');
		const {body: comments} = await demo.rest<Array<{post: number}>>('wp/v2/comments?per_page=100&_fields=post');
		const post = posts.find(post => post.slug !== specialPosts.commentsClosed && comments.some(comment => comment.post === post.id))!;
		watering = {id: post.id, title: post.title.rendered, count: comments.filter(comment => comment.post === post.id).length};
	});
	after(async () => {
		await demo.stop();
		rmSync(directory, {recursive: true, force: true});
	});

	function reader(options: {atPost?: boolean} = {}) {
		// A new store over the same folder each time: what the marks keep between runs.
		const app = render(
			<App
				site={demo.url}
				openSource={(url, signal) => openBlog(http, url, {signal})}
				perPage={10}
				readMarks={noMarks()}
				commentMarks={new CommentMarks(directory)}
				initialPost={options.atPost ? {kind: 'id', id: watering.id} : undefined}
			/>,
		);
		resize(app.stdout, 100, 30);
		return app;
	}

	test('comments that arrived since the last visit are marked new; the thread opens at the first; the list says how many', async () => {
		// First visit: nothing is new (everything would be).
		const first = reader({atPost: true});
		await waitForText(first, /lines 1–/);
		await press(first, 'C');
		let frame = await waitForText(first, `comment 1 of ${watering.count}`);
		assert.doesNotMatch(frame, / · new$/m);
		assert.doesNotMatch(frame, /\d new/);
		first.unmount();

		// Two replies arrive while blogterm is closed.
		const {body: comments} = await demo.rest<Array<{id: number; post: number; parent: number}>>(`wp/v2/comments?post=${watering.id}&per_page=100`);
		const top = comments.find(comment => comment.parent === 0)!;
		await postDemoComment(demo, {...maren, postId: watering.id, parent: top.id, comment: 'A late answer: the timer is in now.'});
		await postDemoComment(demo, {...maren, postId: watering.id, comment: 'And a new thought, at the top level.'});

		// The list says so.
		const list = reader();
		frame = await waitForText(list, '2 new comments');
		assert.ok(frame.split('\n').find(line => line.includes('2 new comments'))!.includes(watering.title));
		list.unmount();

		// The second visit opens at the first new comment, marked new; n goes to the next.
		const second = reader({atPost: true});
		await waitForText(second, /lines 1–/);
		await press(second, 'C');
		frame = await waitForText(second, ` of ${watering.count + 2} · 2 new`);
		const selected = frame.split('\n').filter(line => line.startsWith('▌'));
		assert.match(selected[0]!, /Maren Holt · .* · new$/);
		assert.match(selected.join('\n'), /A late answer/);
		await press(second, 'n');
		frame = await waitForText(second, `comment ${watering.count + 2} of ${watering.count + 2} · 2 new`);
		assert.match(frame.split('\n').filter(line => line.startsWith('▌')).join('\n'), /And a new thought/);
		second.unmount();

		// Seen now: a third visit has nothing new.
		const third = reader();
		frame = await waitForText(third, `${watering.count + 2} comments`);
		assert.doesNotMatch(frame, /new comment/);
		third.unmount();
	});
});
