import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import type {RelatedPost} from '../../../source/model/related.js';
import type {BlogSource} from '../../../source/sources/blog-source.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {withEnvironment} from '../../helpers/environment.js';
import {keys, press, resize, waitForFrame, waitForText} from '../helpers.js';

// Keeps nothing on disk.
const http = createHttpClient();

/**
 * The demo's post with related posts, read out, whose related posts count how often they are laid out: a
 * layout of Related Posts reads each post's title once (and nothing else on the post screen reads it).
 */
function renderCountingLayouts(demo: TestDemo, columns: number, rows: number) {
	let titleReads = 0;
	let relatedCount = 0;
	const counted = (post: RelatedPost): RelatedPost => {
		const {title} = post;
		return Object.defineProperty({...post}, 'title', {
			enumerable: true,
			get() {
				titleReads++;
				return title;
			},
		});
	};
	const countingRelated = (source: BlogSource): BlogSource => new Proxy(source, {
		get(target, name) {
			if (name === 'fetchRelated') {
				return async (...args: Parameters<BlogSource['fetchRelated']>) => {
					const related = await target.fetchRelated(...args);
					relatedCount = related.length;
					return related.map(post => counted(post));
				};
			}
			const value: unknown = Reflect.get(target, name, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
	const app = render(<App site={demo.url} openSource={async (url, signal) => countingRelated(await openBlog(http, url, {signal}))} perPage={10} readMarks={{readIds: () => new Set(), markRead() {}}} initialPost={{kind: 'slug', slug: 'shell-history-as-a-garden-diary'}} />);
	resize(app.stdout, columns, rows);
	/** How many times Related Posts were laid out since the last call. */
	const layoutsSince = () => {
		const layouts = titleReads / Math.max(1, relatedCount);
		titleReads = 0;
		return layouts;
	};
	return {app, layoutsSince, relatedCount: () => relatedCount};
}

/** The related post the frame says is selected (its row, read out: `Title · selected · date`, wrapped where the row ends). */
const selectedRow = (frame: string) => frame.split('\n').find(line => / · selected(?: ·|$)/u.test(line));

describe('in screen-reader mode, Related Posts are laid out once per key that moves the choice', () => {
	// Ink reads INK_SCREEN_READER when each render starts.
	withEnvironment({INK_SCREEN_READER: 'true'});
	let demo: TestDemo;
	before(async () => {
		demo = await startTestDemo();
	});
	after(async () => demo.stop());

	for (const [columns, rows, where] of [[160, 48, 'beside the post'], [80, 24, 'under the post']] as const) {
		it(`${where} (${columns}×${rows}): Tab, j, j, k each lay them out once`, async () => {
			const {app, layoutsSince, relatedCount} = renderCountingLayouts(demo, columns, rows);
			try {
				await waitForFrame(app, frame => /lines 1 to \d+ of \d+/.test(frame) && relatedCount() > 1);
				// Under the post, Related Posts are at its end.
				if (columns < 120) await press(app, 'G');
				await waitForText(app, 'list: Related Posts');
				layoutsSince();
				const moves: string[] = [];
				await press(app, keys.tab);
				let frame = await waitForFrame(app, shown => selectedRow(shown) !== undefined);
				moves.push(selectedRow(frame)!);
				assert.equal(layoutsSince(), 1, 'Tab: laid out once');
				for (const key of ['j', 'j', 'k']) {
					await press(app, key);
					frame = await waitForFrame(app, shown => selectedRow(shown) !== undefined && selectedRow(shown) !== moves.at(-1));
					moves.push(selectedRow(frame)!);
					assert.equal(layoutsSince(), 1, `${key}: laid out once`);
				}
				assert.equal(moves[3], moves[1], 'k chose the one before again');
			} finally {
				app.unmount();
			}
		});
	}
});
