import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFakeWordPress} from '../helpers/fake-wordpress.js';
import {runInProcess} from './run-cli.js';

// One post with a table, an embed, an audio file, an image, an emoji and superscript: what each print format makes of them.
const html = '<p>E=mc<sup>2</sup> and H<sub>2</sub>O <img class="wp-smiley" alt="🎉" src="https://s.w.org/e.svg"> <img src="/wp-content/uploads/beans.jpg" alt="Beans"></p>'
	+ '<table><tr><th>Crop</th><th>Sown</th></tr><tr><td>Tomato</td><td>March | April</td></tr></table>'
	+ '<figure class="wp-block-embed is-type-video wp-block-embed-youtube"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=abc</div></figure>'
	+ '<p><audio controls><source src="https://cdn.example/ep1.mp3">no audio</audio></p>';

let server: Awaited<ReturnType<typeof startFakeWordPress>>;
before(async () => {
	server = await startFakeWordPress({id: 4, slug: 'four', title: 'Page elements', html, date: '2026-01-02T03:04:05'});
});
after(async () => server.close());

async function print(format: string, width = '80'): Promise<string> {
	const run = await runInProcess([server.url, '--post', '4', '--format', format, ...(format === 'json' ? [] : ['--width', width])], {env: {FORCE_COLOR: '0'}});
	assert.equal(run.code, 0, run.stderr);
	return run.stdout;
}

describe('tables, embeds, media and images in print mode', () => {
	for (const width of ['40', '80', '120']) {
		test(`text at ${width} columns: the table, [video: …] and [audio: …] numbered among the links, the image a link to its file`, async () => {
			const text = await print('text', width);
			assert.ok(text.includes('E=mc² and H₂O 🎉'), text);
			assert.ok(text.includes('[image: Beans][1]'), text);
			assert.ok(text.includes('Crop   │ Sown\n───────┼──────────────\n'), text);
			assert.ok(text.includes('Tomato │ March | April'), text);
			assert.ok(text.replaceAll(/\s/g, '').includes('[video:https://www.youtube.com/watch?v=abc][2]'), text);
			assert.ok(text.replaceAll(/\s/g, '').includes('[audio:https://cdn.example/ep1.mp3][3]'), text);
			assert.ok(!text.includes('no audio'));
			for (const [number, url] of [[1, 'beans.jpg'], [2, 'https://www.youtube.com/watch?v=abc'], [3, 'https://cdn.example/ep1.mp3']] as const) {
				assert.match(text, new RegExp(`\\[${number}\\][\\s\\S]*${url.replaceAll(/[.?]/g, '\\$&')}`));
			}
		});
	}

	test('Markdown: a GFM table with | escaped, the embed and audio as links, the image with its source', async () => {
		const markdown = await print('markdown');
		assert.ok(markdown.includes('| **Crop** | **Sown** |\n| --- | --- |\n| Tomato | March \\| April |'), markdown);
		assert.ok(markdown.includes('[video: https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)'), markdown);
		assert.ok(markdown.includes('[audio: https://cdn.example/ep1.mp3](https://cdn.example/ep1.mp3)'), markdown);
		assert.ok(markdown.includes('E=mc² and H₂O 🎉 ![Beans]('), markdown);
	});

	test('JSON: the text has the table aligned and the media with their URLs', async () => {
		const post = JSON.parse(await print('json')) as {text: string};
		assert.ok(post.text.includes('Crop   | Sown\n-------+--------------\nTomato | March | April'), post.text);
		assert.ok(post.text.includes('[video: https://www.youtube.com/watch?v=abc]'), post.text);
		assert.ok(post.text.includes('[audio: https://cdn.example/ep1.mp3]'), post.text);
		assert.ok(post.text.startsWith('E=mc² and H₂O 🎉 [image: Beans]'), post.text);
	});
});
