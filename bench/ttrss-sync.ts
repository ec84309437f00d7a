// The TT-RSS sync bench (issue 24): a server with 500 feeds and 50,000 articles synced into a fresh
// store by the built CLI (`blogterm --sync tt-rss URL --user NAME`), then an incremental sync
// (`blogterm --refresh`) after 1,000 new articles. The server is a loopback stand-in answering as
// Debian's tt-rss does (the shapes of tests/fixtures/ttrss), so what is measured is blogterm: the
// requests, the checking of every answer, the store's writes.
//
//   npm run build && node --import tsx bench/ttrss-sync.ts [--runs=N]
//
// Prints a Markdown table of medians (the README's Sync section quotes it).

import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = process.env['BENCH_CLI'] ?? join(root, 'dist', 'cli.js');
const runs = Number(process.argv.find(argument => argument.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
const feedCount = 500;
const categoryCount = 10;
const firstArticles = 50_000;
const newArticles = 1000;

type Article = {id: number; feed_id: number; unread: boolean; marked: boolean};

function articleJson(article: Article, withContent: boolean) {
	const feed = article.feed_id;
	return {
		id: article.id,
		guid: `{"ver":2,"uid":2,"hash":"SHA1:${article.id.toString(16).padStart(40, '0')}"}`,
		unread: article.unread,
		marked: article.marked,
		published: false,
		updated: 1_790_000_000 + article.id * 60,
		is_updated: false,
		title: `Post ${article.id} of blog ${feed}`,
		link: `https://blog-${feed}.example/post-${article.id}/`,
		feed_id: feed,
		tags: [''],
		excerpt: withContent ? `The opening words of post ${article.id}, as TT-RSS cuts them to the excerpt length asked for…` : '',
		...(withContent ? {content: `<p>The body of post ${article.id}, with <a href="https://example.org/">a link</a> and <b>some</b> text.</p>`.repeat(4)} : {}),
		labels: [],
		feed_title: `Blog ${feed}`,
		comments_count: 0,
		comments_link: '',
		always_display_attachments: false,
		author: `Author ${feed % 37}`,
		score: 0,
		note: null,
		lang: '',
		flavor_image: '',
		flavor_stream: '',
	};
}

async function startServer() {
	const articles: Article[] = [];
	const publish = (count: number) => {
		const from = articles.length + 1;
		for (let id = from; id < from + count; id++) articles.push({id, feed_id: (id % feedCount) + 1, unread: id % 3 !== 0, marked: id % 997 === 0});
	};
	publish(firstArticles);
	const envelope = (content: unknown) => JSON.stringify({seq: 0, status: 0, content});
	const server = createServer((request, response) => {
		let body = '';
		request.on('data', chunk => {
			body += String(chunk);
		});
		request.on('end', () => {
			const call = JSON.parse(body) as Record<string, unknown>;
			const op = String(call['op']);
			let answer: string;
			if (op === 'login') answer = envelope({session_id: 'benchsession', api_level: 15});
			else if (op === 'getCategories') answer = envelope([...Array.from({length: categoryCount}, (_, index) => ({id: index + 1, title: `Folder ${index + 1}`, unread: 0, order_id: 0})), {id: 0, title: 'Uncategorized', unread: 0}]);
			else if (op === 'getFeeds') answer = envelope(Array.from({length: feedCount}, (_, index) => ({feed_url: `https://blog-${index + 1}.example/feed/`, title: `Blog ${index + 1}`, id: index + 1, unread: 0, has_icon: false, cat_id: (index % (categoryCount + 1)), last_updated: 1_790_000_000, order_id: 0})));
			else if (op === 'getCounters') {
				const unread = new Map<number, number>();
				for (const article of articles) if (article.unread) unread.set(article.feed_id, (unread.get(article.feed_id) ?? 0) + 1);
				answer = envelope([{id: 'global-unread', counter: [...unread.values()].reduce((a, b) => a + b, 0)}, ...[...unread].map(([id, counter]) => ({id, updated: '12:00', counter, markedcounter: 0, has_img: 0}))]);
			} else if (op === 'getHeadlines') {
				const feedId = Number(call['feed_id']);
				const sinceId = Number(call['since_id'] ?? 0);
				const skip = Number(call['skip'] ?? 0);
				const limit = Math.min(200, Number(call['limit'] ?? 200));
				let list = articles.filter(article => article.id > sinceId);
				if (feedId === -1) list = list.filter(article => article.marked);
				else if (feedId > 0) list = list.filter(article => article.feed_id === feedId);
				if (call['view_mode'] === 'unread') list = list.filter(article => article.unread);
				answer = envelope(list.slice(skip, skip + limit).map(article => articleJson(article, Boolean(call['show_content']))));
			} else if (op === 'updateArticle') answer = envelope({status: 'OK', updated: 1});
			else answer = JSON.stringify({seq: 0, status: 1, content: {error: 'UNKNOWN_METHOD'}});
			response.writeHead(200, {'content-type': 'text/json'});
			response.end(answer);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, publish, close: async () => new Promise<void>(resolve => server.close(() => resolve()))};
}

async function timed(args: string[], home: string): Promise<number> {
	const started = performance.now();
	const code = await new Promise<number | null>(resolve => {
		const child = spawn(process.execPath, [...(process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : []), cli, ...args], {env: {...process.env, BLOGTERM_HOME: home, BLOGTERM_TTRSS_PASSWORD: 'bench'}, stdio: ['ignore', 'ignore', 'inherit']});
		child.on('close', resolve);
	});
	if (code !== 0) throw new Error(`blogterm ${args.join(' ')} exited ${code}`);
	return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fresh: number[] = [];
const incremental: number[] = [];
for (let run = 0; run < runs; run++) {
	const server = await startServer();
	const home = await mkdtemp(join(tmpdir(), 'blogterm-bench-ttrss-'));
	try {
		fresh.push(await timed(['--sync', 'tt-rss', server.url, '--user', 'bench'], home));
		server.publish(newArticles);
		incremental.push(await timed(['--refresh'], home));
	} finally {
		await server.close();
		await rm(home, {recursive: true, force: true});
	}
}
console.log('| case | median | runs |');
console.log('| --- | --- | --- |');
console.log(`| sync a fresh store: 500 feeds, 50,000 articles (\`--sync tt-rss\`) | ${(median(fresh) / 1000).toFixed(1)} s | ${runs} |`);
console.log(`| incremental sync: 1,000 new articles (\`--refresh\`) | ${(median(incremental) / 1000).toFixed(2)} s | ${runs} |`);
