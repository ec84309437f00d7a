import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startFeedServer, type FeedServer} from '../sources/feed/feed-server.js';
import {runInProcess} from './run-cli.js';

let server: FeedServer;
before(async () => {
	server = await startFeedServer();
	server.route('/pod/feed', {type: 'application/rss+xml', body: `<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Soil Pod</title><link>${server.origin}/pod/</link>
<item><title>Episode 12: Soil</title><link>${server.origin}/pod/12</link><guid>ep12</guid><description>We talk about soil.</description>
<enclosure url="${server.origin}/media/ep12.mp3" length="48234567" type="audio/mpeg"/><itunes:duration>1:02:03</itunes:duration></item>
<item><title>Hostile</title><link>${server.origin}/pod/evil</link><guid>evil</guid><description>Nothing to play.</description>
<enclosure url="javascript:alert(1)" length="5" type="audio/mpeg"/><enclosure url="${server.origin}/media/notes.pdf" length="99999999999999999999" type="application/pdf"/></item>
</channel></rss>`});
	server.route('/video/feed.json', {type: 'application/feed+json', body: JSON.stringify({
		version: '1.1',
		title: 'Clips',
		home_page_url: `${server.origin}/video/`,
		items: [{id: 'c1', url: `${server.origin}/video/1`, title: 'Pruning', content_html: '<p>A short clip.</p>', attachments: [{url: `${server.origin}/media/prune.mp4`, mime_type: 'video/mp4', title: 'Pruning the pear', size_in_bytes: 4_600_000, duration_in_seconds: 245}]}],
	})});
});
after(async () => server.close());

const episode = () => ['--post', 'ep12'];

describe('a feed item\'s enclosure or attachment in print mode', () => {
	test('text: [audio: TITLE (duration, size) URL], numbered among the links, at 40, 80 and 120 columns', async () => {
		for (const width of [40, 80, 120]) {
			const run = await runInProcess([`${server.origin}/pod/feed`, ...episode(), '--width', String(width)]);
			assert.equal(run.code, 0, run.stderr);
			const flat = run.stdout.replaceAll(/\s*\n\s*/g, ' ');
			assert.match(flat, new RegExp(`\\[audio: Episode 12: Soil \\(1:02:03, 48 MB\\) ${server.origin.replaceAll('.', '\\.')}/media/ep12\\.mp3\\]`), `at ${width}`);
			assert.match(run.stdout, new RegExp(`^(?:\\[\\d+\\] )?${server.origin.replaceAll('.', '\\.')}/media/ep12\\.mp3$`, 'm'), `its URL whole on its own line in the list of links, at ${width}:\n${run.stdout}`);
			for (const line of run.stdout.split('\n')) assert.ok([...line].length <= width || /^\[\d+\] http/.test(line), `fits ${width}: ${line}`);
		}
	});

	test('Markdown: a link to the file; JSON: the attachment as data', async () => {
		const markdown = await runInProcess([`${server.origin}/pod/feed`, ...episode(), '--format', 'markdown']);
		assert.match(markdown.stdout, new RegExp(`\\[audio: Episode 12: Soil \\(1:02:03, 48 MB\\) ${server.origin.replaceAll('.', '\\.')}/media/ep12\\.mp3\\]\\(${server.origin.replaceAll('.', '\\.')}/media/ep12\\.mp3\\)`));
		const json = JSON.parse((await runInProcess([`${server.origin}/pod/feed`, ...episode(), '--format', 'json'])).stdout) as {attachments: unknown[]; text: string};
		assert.deepEqual(json.attachments, [{kind: 'audio', url: `${server.origin}/media/ep12.mp3`, title: 'Episode 12: Soil', mimeType: 'audio/mpeg', sizeBytes: 48_234_567, durationSeconds: 3723}]);
		assert.match(json.text, /\[audio: Episode 12: Soil \(1:02:03, 48 MB\)/);
	});

	test('a JSON Feed video attachment: [video: TITLE (4:05, 4.6 MB) URL]', async () => {
		const run = await runInProcess([`${server.origin}/video/feed.json`, '--post', 'c1', '--width', '120']);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /\[video: Pruning the pear \(4:05, 4\.6 MB\) http:\/\/127\.0\.0\.1:\d+\/media\/prune\.mp4\]/);
	});

	test('hostile enclosures: a javascript: URL is never shown, a size beyond any file is left out', async () => {
		const run = await runInProcess([`${server.origin}/pod/feed`, '--post', 'evil', '--format', 'json']);
		const json = JSON.parse(run.stdout) as {attachments: Array<{url: string; sizeBytes: number | null}>; html: string; text: string};
		assert.deepEqual(json.attachments.map(attachment => [attachment.url, attachment.sizeBytes]), [[`${server.origin}/media/notes.pdf`, null]]);
		assert.doesNotMatch(`${json.html}${json.text}`, /javascript/);
		const text = await runInProcess([`${server.origin}/pod/feed`, '--post', 'evil', '--width', '120']);
		assert.match(text.stdout, /\[file: Hostile \(PDF\)\]/);
		assert.doesNotMatch(text.stdout, /javascript/);
	});
});
