import {randomUUID} from 'node:crypto';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CommentStore, commentsFileName, type StoredComment as DemoStoredComment} from '../../../source/demo/comment-store.js';
import {seededApprovedCommenter, seededComments} from '../../../source/demo/content/index.js';
import {demoBlogContent, startDemoBlog, type DemoBlog} from '../../../source/demo/server.js';
import {mysqlDate} from '../../../source/demo/wp-text.js';
import {discoverRestRoot} from './rest.js';
import type {StoredComment, Target} from './target.js';
import {readBlogTruth} from './truth.js';

/*
blogterm's demo blog (source/demo/server.ts), which imitates WordPress, as a target of the same
checks. Its data directory is seeded the way scripts/wordpress/seed.php seeds WordPress where the
demo's written content has nothing like it (a thread longer than a page of the comments API), and
what it holds is read back through the demo's own comment store, as wp-tool.php reads WordPress's.
*/

const busyComments = 105;
const twoHoursMs = 2 * 60 * 60 * 1000;

type StoreFile = {version: 1; comments: DemoStoredComment[]};

/** 105 approved comments on the first open post that has none, dated long ago, every tenth a reply. */
function busyThread(): DemoStoredComment[] {
	const blog = demoBlogContent();
	const commented = new Set(seededComments.map(comment => comment.post));
	const post = blog.posts.find(candidate => candidate.commentsOpen && !commented.has(candidate.slug));
	if (!post) throw new Error('The demo blog has no open post without comments to seed a long thread on');
	const comments: DemoStoredComment[] = [];
	for (let number = 1; number <= busyComments; number++) {
		const date = new Date(post.date.getTime() + number * 60_000);
		comments.push({
			id: 1000 + number,
			post: post.id,
			parent: number % 10 === 0 ? 1000 + number - 1 : 0,
			authorName: `Reader ${number}`,
			authorEmail: `reader${number}@example.org`,
			authorUrl: '',
			authorIp: '192.0.2.1',
			dateGmt: mysqlDate(date),
			content: `Comment number ${number} on the busy post.`,
			approved: true,
		});
	}
	return comments;
}

export async function openDemoBlog(): Promise<Target> {
	const dataDir = await mkdtemp(join(tmpdir(), 'blogterm-e2e-demo-'));
	const file = join(dataDir, commentsFileName);
	await writeFile(file, JSON.stringify({version: 1, comments: busyThread()} satisfies StoreFile, undefined, '\t') + '\n');

	let blog: DemoBlog = await startDemoBlog({dataDir});
	const port = Number(new URL(blog.url).port);
	const siteUrl = blog.url;
	const restRoot = await discoverRestRoot(siteUrl);
	const truth = await readBlogTruth(restRoot);

	return {
		name: 'the demo blog',
		siteUrl,
		restRoot,
		truth,
		knownCommenter: seededApprovedCommenter,
		// source/demo/content/posts.ts: "The Committee's Compost Recipe".
		protectedPassword: 'sesame',
		storedComments(postId) {
			const store = CommentStore.open(dataDir, demoBlogContent());
			return Promise.resolve(store.all().filter(comment => comment.post === postId).map((comment): StoredComment => ({
				id: comment.id,
				postId: comment.post,
				parent: comment.parent,
				author: comment.authorName,
				email: comment.authorEmail,
				content: comment.content,
				status: comment.approved ? 'approved' : 'held',
			})));
		},
		holdComments() {
			// The demo has no "hold everything" switch; like WordPress by default, it holds a first-time commenter.
			const tag = randomUUID().slice(0, 8);
			return Promise.resolve({commenter: {name: `First Timer ${tag}`, email: `first-${tag}@example.org`}, undo: () => Promise.resolve()});
		},
		async forgetRecentComments() {
			// The demo reads its comments file when it starts: age the recent ones, then start it again on the same port.
			await blog.close();
			const data = JSON.parse(await readFile(file, 'utf8')) as StoreFile;
			const since = Date.now() - twoHoursMs;
			const aged = data.comments.map(comment => {
				const postedAt = comment.postedAtMs ?? Date.parse(`${comment.dateGmt.replace(' ', 'T')}Z`);
				if (postedAt < since) return comment;
				return {...comment, postedAtMs: postedAt - twoHoursMs, dateGmt: mysqlDate(new Date(postedAt - twoHoursMs))};
			});
			await writeFile(file, JSON.stringify({version: 1, comments: aged} satisfies StoreFile, undefined, '\t') + '\n');
			blog = await startDemoBlog({dataDir, port});
		},
		async close() {
			await blog.close();
			await rm(dataDir, {recursive: true, force: true});
		},
	};
}
