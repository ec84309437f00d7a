// A store of many posts for searching (bench case 9c, tests/subscriptions/search.test.ts): blogs and
// posts written straight into the database, with words from a fixed list, the same every run.
import {openDatabase, writeTransaction, type Database} from '../source/store/db.js';
import {insertBlog} from '../source/store/blogs-table.js';
import {upsertPosts, type IncomingPost} from '../source/store/posts-table.js';

const words = ['garden', 'terminal', 'soil', 'compost', 'shell', 'window', 'seed', 'spade', 'history', 'evening', 'rain', 'allotment',
	'keyboard', 'season', 'frost', 'cron', 'water', 'shed', 'tomatoes', 'beans', 'leeks', 'onions', 'mulch', 'roots', 'worms', 'notes',
	'the', 'and', 'of', 'in', 'a', 'with', 'every', 'quietly', 'slowly', 'again', 'under'];

function text(seed: number, count: number): string {
	const out: string[] = [];
	let state = (seed * 2_654_435_761) >>> 0;
	for (let index = 0; index < count; index++) {
		state = (Math.imul(state ^ (state >>> 15), 2_246_822_519) + 0x6D_2B_79_F5) >>> 0;
		out.push(words[state % words.length]!);
	}
	return out.join(' ');
}

/** Opens (creating) a store at `paths` with `total` posts over `total / 200` blogs. */
export function fillStoreForSearch(paths: {readonly data: string; readonly config: string}, total: number): Database {
	const db = openDatabase(paths);
	const perBlog = 200;
	const start = Date.parse('2020-01-01T00:00:00Z');
	writeTransaction(db, () => {
		for (let blog = 0; blog * perBlog < total; blog++) {
			const url = `https://blog-${blog}.example/`;
			const id = insertBlog(db, {url, siteKey: `blog-${blog}.example`, title: `Blog ${blog}`, kind: 'feed', feedUrl: `${url}feed/`, apiUrl: '', htmlUrl: url, folder: '', addedAt: new Date(start).toISOString()});
			const posts: IncomingPost[] = [];
			for (let index = 0; index < perBlog && blog * perBlog + index < total; index++) {
				const number = blog * perBlog + index;
				posts.push({
					id: number, title: text(number, 6), link: `${url}${number}/`, date: new Date(start + number * 60_000).toISOString(), author: 'Ann',
					commentCount: 0, excerpt: text(number + 7, 30), categories: [], tags: [], plainText: text(number + 13, 200),
				});
			}
			upsertPosts(db, {id, siteKey: `blog-${blog}.example`}, posts, new Date(start).toISOString());
		}
	});
	return db;
}
