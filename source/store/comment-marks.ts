import {join} from 'node:path';
import type {PostId} from '../model/post.js';
import {blogtermPaths} from './paths.js';
import {isPlainObject, noteStoreProblem, readJsonFile, writePrivateJsonFile} from './settings-files.js';

/*
Which comments of a post's thread the reader has seen, per blog and post, kept between runs: a comment
that was not there when they last opened the thread is marked "new", and the post's line in the list
says "3 new comments".

One JSON file beside the comments you sent (`comments/comment-marks.json`: 0600, in a 0700 folder),
written whole to a temporary file and renamed over the old one, as my-comments.ts does: a kill leaves
the old marks or the new ones. It works without the database (which exists only once a blog is
followed), so `blogterm SITE` marks new comments from its first run. The threads opened longest ago
are forgotten first past `maxThreads`.
*/

/** A thread as it was when the reader last left it. */
type ThreadMarks = {
	/** The IDs of the comments it had. */
	readonly seen: string[];
	/** When it was opened (ISO 8601): the oldest are forgotten first. */
	readonly at: string;
};

type CommentMarksFile = {
	readonly version: 1;
	/** siteKey → postId → marks. */
	readonly sites: Record<string, Record<string, ThreadMarks>>;
};

/** Threads remembered at most; one of 500 comments is about 4 KB. */
export const maxThreads = 2000;

/** What the reader needs from the marks (a file in real use, memory in tests). */
export type CommentMarksStore = {
	/** The IDs of the comments the thread had when it was last opened; undefined when it never was. */
	seen(siteKey: string, postId: PostId): ReadonlySet<string> | undefined;
	/** The thread is open with these comments: none of them is new next time. */
	markSeen(siteKey: string, postId: PostId, commentIds: Iterable<number | string>, now?: Date): void;
	/** For each post of the blog whose thread was opened: how many comments it had then. */
	seenCounts(siteKey: string): ReadonlyMap<string, number>;
};

/**
 * The comments of a thread that are new: those not there when it was last opened. The first time a
 * thread is opened none is new (everything would be); nor are the reader's own.
 */
export function newCommentIds(seen: ReadonlySet<string> | undefined, commentIds: Iterable<number | string>, mine: Iterable<number | string> = []): Set<string> {
	if (!seen) return new Set();
	const own = new Set([...mine].map(String));
	return new Set([...commentIds].map(String).filter(id => !seen.has(id) && !own.has(id)));
}

/** How many comments a post has that the reader has not seen: its count now less the count when the thread was last opened. */
export function newCommentCount(seenCount: number | undefined, commentCount: number | undefined): number {
	if (seenCount === undefined || commentCount === undefined) return 0;
	return Math.max(0, commentCount - seenCount);
}

/** "3 new comments", "1 new comment". */
export function newCommentsText(count: number): string {
	return count === 1 ? '1 new comment' : `${count} new comments`;
}

const what = 'The comments you have seen';
const fileName = 'comment-marks.json';

function isThreadMarks(value: unknown): value is ThreadMarks {
	return isPlainObject(value) && typeof value['at'] === 'string'
		&& Array.isArray(value['seen']) && value['seen'].every(id => typeof id === 'string');
}

function isCommentMarksFile(value: unknown): value is CommentMarksFile {
	if (!isPlainObject(value) || value['version'] !== 1 || !isPlainObject(value['sites'])) return false;
	return Object.values(value['sites']).every(posts => isPlainObject(posts) && Object.values(posts).every(isThreadMarks));
}

/** Keeps the `limit` threads opened most recently. */
function forgetOldest(sites: CommentMarksFile['sites'], limit: number): CommentMarksFile['sites'] {
	const all = Object.entries(sites).flatMap(([site, posts]) => Object.entries(posts).map(([post, marks]) => ({site, post, at: marks.at})));
	if (all.length <= limit) return sites;
	const kept = new Set(all.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit).map(({site, post}) => JSON.stringify([site, post])));
	const result: Record<string, Record<string, ThreadMarks>> = {};
	for (const [site, posts] of Object.entries(sites)) {
		for (const [post, marks] of Object.entries(posts)) {
			if (!kept.has(JSON.stringify([site, post]))) continue;
			(result[site] ??= {})[post] = marks;
		}
	}
	return result;
}

/** The marks in `comment-marks.json` in blogterm's data folder. */
export class CommentMarks implements CommentMarksStore {
	readonly #directory: string;
	readonly #path: string;
	readonly #limit: number;
	#sites: CommentMarksFile['sites'] | undefined;
	#toldUnwritable = false;

	/** `directory`: where the file is kept (default: `comments/` in blogterm's data folder). */
	constructor(directory: string = join(blogtermPaths().data, 'comments'), limit = maxThreads) {
		this.#directory = directory;
		this.#path = join(directory, fileName);
		this.#limit = limit;
	}

	seen(siteKey: string, postId: PostId): ReadonlySet<string> | undefined {
		const marks = this.#read()[siteKey]?.[String(postId)];
		return marks ? new Set(marks.seen) : undefined;
	}

	seenCounts(siteKey: string): ReadonlyMap<string, number> {
		return new Map(Object.entries(this.#read()[siteKey] ?? {}).map(([post, marks]) => [post, marks.seen.length]));
	}

	markSeen(siteKey: string, postId: PostId, commentIds: Iterable<number | string>, now: Date = new Date()): void {
		// Another blogterm may have written since: read it again, unless only memory is left.
		if (!this.#toldUnwritable) this.#sites = undefined;
		const sites = this.#read();
		const marks: ThreadMarks = {seen: [...new Set([...commentIds].map(String))], at: now.toISOString()};
		this.#sites = forgetOldest({...sites, [siteKey]: {...sites[siteKey], [String(postId)]: marks}}, this.#limit);
		const file: CommentMarksFile = {version: 1, sites: this.#sites};
		const failed = writePrivateJsonFile(this.#path, file);
		if (failed !== undefined && !this.#toldUnwritable) {
			this.#toldUnwritable = true;
			noteStoreProblem(`the comments you have seen cannot be remembered in ${this.#directory}${failed ? ` (${failed})` : ''}; they are kept until you quit.`);
		}
	}

	/** The file, read once (and again before each change); one that cannot be read is moved aside with a note. */
	#read(): CommentMarksFile['sites'] {
		if (this.#sites) return this.#sites;
		const read = readJsonFile(this.#path, what, isCommentMarksFile);
		this.#sites = typeof read === 'object' ? read.value.sites : {};
		return this.#sites;
	}
}

/** The same marks in memory only (tests, a reader given no folder). */
export function commentMarksInMemory(): CommentMarksStore {
	const threads = new Map<string, Map<string, Set<string>>>();
	return {
		seen: (siteKey, postId) => {
			const seen = threads.get(siteKey)?.get(String(postId));
			return seen ? new Set(seen) : undefined;
		},
		markSeen(siteKey, postId, commentIds) {
			const posts = threads.get(siteKey) ?? new Map<string, Set<string>>();
			posts.set(String(postId), new Set([...commentIds].map(String)));
			threads.set(siteKey, posts);
		},
		seenCounts: siteKey => new Map([...(threads.get(siteKey) ?? new Map<string, Set<string>>())].map(([post, seen]) => [post, seen.size])),
	};
}
