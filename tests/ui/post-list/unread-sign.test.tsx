import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {waitForText} from '../helpers.js';

let demo: TestDemo;
let posts: Array<{id: number; title: {rendered: string}}>;
before(async () => {
	demo = await startTestDemo();
	({body: posts} = await demo.rest<Array<{id: number; title: {rendered: string}}>>('wp/v2/posts?per_page=3&_fields=id,title'));
});
after(async () => demo.stop());

test('an unread post has a sign on its line, a read one none: not told by brightness alone', async () => {
	const http = createHttpClient();
	const read = new Set([String(posts[1]!.id)]);
	const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => read, markRead: () => undefined}} />);
	try {
		const frame = await waitForText(app, 'Page 1 of');
		const lines = frame.split('\n');
		const lineOf = (index: number) => lines.find(line => line.includes(posts[index]!.title.rendered.slice(0, 15))) ?? '';
		assert.match(lineOf(0), /^▸ ● /, 'the first, selected and unread');
		assert.match(lineOf(1), /^ {4}\S/, 'the second, read: no sign');
		assert.match(lineOf(2), /^ {2}● /, 'the third, unread');
	} finally {
		app.unmount();
	}
});
