// `node --import tsx bench/full-text.ts`: what reading an article costs (issue 23). A WordPress theme's
// post page (tests/fixtures/pages/wordpress-post.html) grown with comments and sidebar to about 100 kB,
// as a post page with a long discussion is; parsed with linkedom and read with Readability, in a fresh
// child process per run so that the memory figure is that of one article alone. Prints the medians.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The fixture page with as many more comments as make it `bytes` long. */
export function pageOfSize(bytes: number): string {
	const page = readFileSync(join(root, 'tests/fixtures/pages/wordpress-post.html'), 'utf8');
	const comment = (index: number) => `<li id="comment-${index}" class="comment even depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/${index}?s=60" class="avatar" height="60" width="60"><b class="fn">Commenter ${index}</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="/2026/11/leave/#comment-${index}"><time datetime="2026-11-04T10:00:00+00:00">November 4, 2026 at 10:00 am</time></a></div></footer><div class="comment-content"><p>Comment ${index}: we leave our leeks in too, and lift the last of the potatoes in September, before the slugs find them. Straw works well on parsnips.</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-${index}">Reply</a></div></article></li>`;
	const more: string[] = [];
	let length = page.length;
	for (let index = 100; length < bytes; index++) {
		const next = comment(index);
		more.push(next);
		length += next.length;
	}
	return page.replace('<ol class="comment-list">', `<ol class="comment-list">${more.join('')}`);
}

const child = `
import {extractArticle} from ${JSON.stringify(join(root, 'source/full-text/extract-article.ts'))};
const html = process.argv[1];
globalThis.gc();
const before = process.memoryUsage();
const start = performance.now();
const result = extractArticle(html, 'https://plot.example/2026/11/leave/');
const ms = performance.now() - start;
const after = process.memoryUsage();
process.stdout.write(JSON.stringify({ms, heapMb: (after.heapUsed - before.heapUsed) / 1e6, rssMb: (after.rss - before.rss) / 1e6, kind: result.kind}));
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const html = pageOfSize(100 * 1024);
	const runs: Array<{ms: number; heapMb: number; rssMb: number; kind: string}> = [];
	for (let run = 0; run < 9; run++) {
		const done = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', child, html], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 20});
		runs.push(JSON.parse(done.stdout) as (typeof runs)[number]);
	}
	const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
	console.log(`page ${(html.length / 1024).toFixed(0)} kB, ${runs[0]!.kind}: parse + Readability + cleaning, median of ${runs.length} cold runs`);
	console.log(`  time ${median(runs.map(run => run.ms)).toFixed(1)} ms · heap +${median(runs.map(run => run.heapMb)).toFixed(1)} MB · RSS +${median(runs.map(run => run.rssMb)).toFixed(1)} MB`);
}
