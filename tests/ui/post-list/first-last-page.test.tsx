import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {press, waitForText} from '../helpers.js';

/* `>` and `<` on a list: its last page and its first, without paging through every page between. */

let demo: TestDemo;
let titles: string[];
before(async () => {
	demo = await startTestDemo();
	const {body} = await demo.rest<Array<{title: {rendered: string}}>>('wp/v2/posts?per_page=100&_fields=title');
	titles = body.map(post => post.title.rendered);
});
after(async () => demo.stop());

test('> opens the list\'s last page and < its first', async () => {
	const perPage = 5;
	const pages = Math.ceil(titles.length / perPage);
	assert.ok(pages >= 3, `the demo has pages between the first and the last (${pages})`);
	const app = render(<App site={demo.url} openSource={async (url, signal) => openBlog(createHttpClient(), url, {signal})} perPage={perPage} readMarks={{readIds: () => new Set(), markRead() {}}} />);
	try {
		await waitForText(app, `Page 1 of ${pages}`);
		await press(app, '>');
		const last = await waitForText(app, `Page ${pages} of ${pages}`);
		assert.ok(last.includes(titles.at(-1)!.slice(0, 20)), `the oldest post is on the last page:\n${last}`);
		await press(app, '<');
		const first = await waitForText(app, `Page 1 of ${pages}`);
		assert.ok(first.includes(titles[0]!.slice(0, 20)), `the newest post is on the first page:\n${first}`);
	} finally {
		app.unmount();
	}
});
