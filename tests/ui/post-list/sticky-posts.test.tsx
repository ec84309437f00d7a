import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {render} from 'ink-testing-library';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {App} from '../../../source/ui/app.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {waitForText} from '../helpers.js';

let demo: TestDemo;
before(async () => {
	// Its oldest post sticky: on the last page by date, at the top of the first.
	demo = await startTestDemo({stickySlugs: ['hello-from-the-potting-bench']});
});
after(async () => demo.stop());

test('a sticky post heads the first list page, marked “Featured:”, as the blog\'s home page shows it', async () => {
	const http = createHttpClient();
	const app = render(<App site={demo.url} openSource={(url, signal) => openBlog(http, url, {signal})} perPage={10} readMarks={{readIds: () => new Set(), markRead: () => undefined}} />);
	try {
		const frame = await waitForText(app, 'Page 1 of');
		const rows = frame.split('\n').filter(line => /^[▸ ] [● ] \S/.test(line));
		assert.match(rows[0] ?? '', /^▸ ● Featured: Hello from the Potting Bench/, frame);
		assert.equal(rows.filter(row => row.includes('Featured:')).length, 1);
	} finally {
		app.unmount();
	}
});
