import {join} from 'node:path';
import type {PostId} from '../model/post.js';
import {blogtermPaths} from './paths.js';
import {isPlainObject, noteStoreProblem, readJsonFile, writePrivateJsonFile} from './settings-files.js';

/*
The comments this user sent from blogterm, per blog and post, kept between runs: WordPress shows a
held comment to its author only (an anonymous reader of its REST API never sees it), so blogterm
keeps what it sent and shows it, marked "(yours)", until the blog shows it approved or it has gone.

One JSON file in blogterm's data folder (`comments/my-comments.json`: 0600, in a 0700 folder), written whole to a temporary file
and renamed over the old one: a kill leaves the old list or the new one, never half of either. A file
that cannot be read is moved aside with a note, and the list starts afresh. A database will hold this
later: callers only see the functions below.
*/

/** A comment as this user sent it, and what the blog answered. */
export type SentComment = {
	/** The id the blog answered with, or `sent-<time>` when it gave none. */
	readonly id: number | string;
	/** The comment it replies to, or 0. */
	readonly parent: number | string;
	/** The name it was sent under. */
	readonly author: string;
	readonly website?: string;
	/** The comment's text, as typed. */
	readonly text: string;
	/** When it was sent (ISO 8601). */
	readonly date: string;
	/** 'held' until the blog lists it. */
	readonly status: 'approved' | 'held';
	/** Held only as far as blogterm knows: the blog took it without saying whether it is published (until it lists it). */
	readonly unconfirmed?: true;
	/** The link the blog answered with (for a held comment, WordPress's moderation link). */
	readonly link?: string;
	/** The blog's address and the post's title, for the check for replies (kept since replies were checked). */
	readonly siteUrl?: string;
	readonly postTitle?: string;
};

/** A remembered comment with where it was sent. */
export type SentCommentOn = {readonly siteKey: string; readonly postId: string; readonly sent: SentComment};

/** What the reader needs from the store of sent comments (a file in real use). */
export type MyCommentsStore = {
	/** Keeps a comment the blog took. */
	remember(siteKey: string, postId: PostId, sent: SentComment): void;
	/** This user's comments on a post, oldest first. */
	forPost(siteKey: string, postId: PostId): SentComment[];
	/** The blog now lists a held comment: it is kept (for "(yours)") as approved. */
	markApproved(siteKey: string, postId: PostId, commentId: number | string): void;
	/** The comment has gone from the blog (and the user was told): it is no longer kept. */
	forget(siteKey: string, postId: PostId, commentId: number | string): void;
	/** Every comment kept, on every blog and post (for the check for replies). */
	all(): SentCommentOn[];
};

type MyCommentsFile = {
	readonly version: 1;
	/** siteKey → postId → comments. */
	readonly sites: Record<string, Record<string, SentComment[]>>;
};

const what = 'The comments you sent';
const fileName = 'my-comments.json';

function isSentComment(value: unknown): value is SentComment {
	if (!isPlainObject(value)) return false;
	const isId = (id: unknown) => typeof id === 'number' || typeof id === 'string';
	return isId(value['id']) && isId(value['parent'])
		&& typeof value['author'] === 'string' && typeof value['text'] === 'string' && typeof value['date'] === 'string'
		&& (value['status'] === 'approved' || value['status'] === 'held')
		&& (value['unconfirmed'] === undefined || value['unconfirmed'] === true)
		&& (value['link'] === undefined || typeof value['link'] === 'string')
		&& (value['website'] === undefined || typeof value['website'] === 'string')
		&& (value['siteUrl'] === undefined || typeof value['siteUrl'] === 'string')
		&& (value['postTitle'] === undefined || typeof value['postTitle'] === 'string');
}

function isMyCommentsFile(value: unknown): value is MyCommentsFile {
	if (!isPlainObject(value) || value['version'] !== 1 || !isPlainObject(value['sites'])) return false;
	return Object.values(value['sites']).every(posts => isPlainObject(posts)
		&& Object.values(posts).every(comments => Array.isArray(comments) && comments.every(isSentComment)));
}

const sameId = (a: number | string, b: number | string) => String(a) === String(b);

/** A held comment the blog now lists: approved, and no longer in doubt. */
function approvedNow({unconfirmed: _unconfirmed, ...comment}: SentComment): SentComment {
	return {...comment, status: 'approved'};
}

/** The comments this user sent, per blog and post, in `my-comments.json` in blogterm's data folder. */
export class MyComments implements MyCommentsStore {
	readonly #directory: string;
	readonly #path: string;
	#sites: MyCommentsFile['sites'] | undefined;
	#toldUnwritable = false;

	/** `directory`: where the file is kept (default: `comments/` in blogterm's data folder, a folder of its own so that it is 0700). */
	constructor(directory: string = join(blogtermPaths().data, 'comments')) {
		this.#directory = directory;
		this.#path = join(directory, fileName);
	}

	remember(siteKey: string, postId: PostId, sent: SentComment): void {
		this.#readAgain();
		const others = this.forPost(siteKey, postId).filter(comment => !sameId(comment.id, sent.id));
		this.#write(siteKey, postId, [...others, sent]);
	}

	forPost(siteKey: string, postId: PostId): SentComment[] {
		return [...(this.#read()[siteKey]?.[String(postId)] ?? [])];
	}

	all(): SentCommentOn[] {
		this.#readAgain();
		return Object.entries(this.#read()).flatMap(([siteKey, posts]) => Object.entries(posts).flatMap(([postId, comments]) => comments.map(sent => ({siteKey, postId, sent}))));
	}

	markApproved(siteKey: string, postId: PostId, commentId: number | string): void {
		this.#readAgain();
		const comments = this.forPost(siteKey, postId);
		if (!comments.some(comment => sameId(comment.id, commentId) && comment.status === 'held')) return;
		this.#write(siteKey, postId, comments.map(comment => (sameId(comment.id, commentId) ? approvedNow(comment) : comment)));
	}

	forget(siteKey: string, postId: PostId, commentId: number | string): void {
		this.#readAgain();
		const comments = this.forPost(siteKey, postId);
		if (!comments.some(comment => sameId(comment.id, commentId))) return;
		this.#write(siteKey, postId, comments.filter(comment => !sameId(comment.id, commentId)));
	}

	/**
	 * Before a change, the file as it is now: another blogterm (another terminal) may have written to it
	 * since, and what it kept must not be overwritten. Not when it cannot be written: then what is in
	 * memory is all there is.
	 */
	#readAgain(): void {
		if (!this.#toldUnwritable) this.#sites = undefined;
	}

	/** The file, read once (and again before each change); one that cannot be read is moved aside with a note. */
	#read(): MyCommentsFile['sites'] {
		if (this.#sites) return this.#sites;
		const read = readJsonFile(this.#path, what, isMyCommentsFile);
		this.#sites = typeof read === 'object' ? read.value.sites : {};
		return this.#sites;
	}

	#write(siteKey: string, postId: PostId, comments: SentComment[]): void {
		const sites = this.#read();
		const posts = {...sites[siteKey]};
		if (comments.length > 0) posts[String(postId)] = comments;
		else delete posts[String(postId)];
		this.#sites = {...sites, [siteKey]: posts};
		const file: MyCommentsFile = {version: 1, sites: this.#sites};
		const failed = writePrivateJsonFile(this.#path, file);
		// Kept in memory for this run: the comment was sent, and is still shown as yours.
		if (failed !== undefined && !this.#toldUnwritable) {
			this.#toldUnwritable = true;
			noteStoreProblem(`the comments you sent cannot be remembered in ${this.#directory}${failed ? ` (${failed})` : ''}; they are kept until you quit.`);
		}
	}
}

/** The same store, in memory only (a reader given no folder, tests): kept until the program ends. */
export function myCommentsInMemory(): MyCommentsStore {
	const posts = new Map<string, SentComment[]>();
	const keyOf = (siteKey: string, postId: PostId) => JSON.stringify([siteKey, String(postId)]);
	const update = (siteKey: string, postId: PostId, change: (comments: SentComment[]) => SentComment[]) => {
		posts.set(keyOf(siteKey, postId), change(posts.get(keyOf(siteKey, postId)) ?? []));
	};
	return {
		remember: (siteKey, postId, sent) => update(siteKey, postId, comments => [...comments.filter(comment => !sameId(comment.id, sent.id)), sent]),
		forPost: (siteKey, postId) => [...(posts.get(keyOf(siteKey, postId)) ?? [])],
		markApproved: (siteKey, postId, commentId) => update(siteKey, postId, comments => comments.map(comment => (sameId(comment.id, commentId) ? approvedNow(comment) : comment))),
		forget: (siteKey, postId, commentId) => update(siteKey, postId, comments => comments.filter(comment => !sameId(comment.id, commentId))),
		all: () => [...posts].flatMap(([key, comments]) => {
			const [siteKey, postId] = JSON.parse(key) as [string, string];
			return comments.map(sent => ({siteKey, postId, sent}));
		}),
	};
}
