// The demo blog's comments: the seeded ones from the content, and the ones left on it,
// which are kept in a JSON file in the data directory so they survive a restart.

import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {seededComments} from './content/index.js';
import type {Blog} from './blog.js';
import {filterCommentHtml, mysqlDate, parseUtc} from './wp-text.js';

export type StoredComment = {
	readonly id: number;
	readonly post: number;
	readonly parent: number;
	/** As WordPress stores it: tags stripped, HTML special characters escaped. */
	readonly authorName: string;
	readonly authorEmail: string;
	readonly authorUrl: string;
	readonly authorIp: string;
	/** 'YYYY-MM-DD HH:MM:SS', UTC. */
	readonly dateGmt: string;
	/** As WordPress stores it: filtered down to the tags a commenter may use. */
	readonly content: string;
	/** false: held for moderation. */
	readonly approved: boolean;
	/** When it was sent, to the millisecond (WordPress keeps seconds; a short flood interval needs more). */
	readonly postedAtMs?: number;
	/** A pingback or trackback (another blog linking here); undefined for a comment. */
	readonly type?: 'pingback' | 'trackback';
};

type StoreFile = {
	readonly version: 1;
	readonly comments: StoredComment[];
};

/** The name of the file, inside the data directory, that holds comments left on the demo blog. */
export const commentsFileName = 'demo-blog-comments.json';

export class CommentStore {
	readonly #file: string;
	readonly #seeded: readonly StoredComment[];
	readonly #added: StoredComment[];

	private constructor(file: string, seeded: readonly StoredComment[], added: StoredComment[]) {
		this.#file = file;
		this.#seeded = seeded;
		this.#added = added;
	}

	/** Opens the store in `dataDir` (created if missing). A missing or unreadable file starts empty. */
	static open(dataDir: string, blog: Blog): CommentStore {
		mkdirSync(dataDir, {recursive: true, mode: 0o700});
		const file = join(dataDir, commentsFileName);
		return new CommentStore(file, seedComments(blog), readAdded(file));
	}

	/** Every comment, held ones included, oldest first. */
	all(): readonly StoredComment[] {
		return [...this.#seeded, ...this.#added];
	}

	byId(id: number): StoredComment | undefined {
		return this.all().find(comment => comment.id === id);
	}

	nextId(): number {
		return Math.max(0, ...this.all().map(comment => comment.id)) + 1;
	}

	/** Adds a comment and writes the file at once (write then rename, so a crash never leaves half a file). */
	add(comment: StoredComment): void {
		this.#added.push(comment);
		const data: StoreFile = {version: 1, comments: this.#added};
		const temporary = `${this.#file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(data, undefined, '\t') + '\n', {mode: 0o600});
		renameSync(temporary, this.#file);
	}
}

function readAdded(file: string): StoredComment[] {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return [];
	}
	try {
		const data = JSON.parse(text) as Partial<StoreFile>;
		return Array.isArray(data.comments) ? data.comments.filter(isStoredComment) : [];
	} catch {
		return [];
	}
}

function isStoredComment(value: unknown): value is StoredComment {
	if (typeof value !== 'object' || value === null) return false;
	const comment = value as Record<string, unknown>;
	return typeof comment['id'] === 'number' && typeof comment['post'] === 'number' && typeof comment['parent'] === 'number'
		&& typeof comment['authorName'] === 'string' && typeof comment['authorEmail'] === 'string'
		&& typeof comment['authorUrl'] === 'string' && typeof comment['authorIp'] === 'string'
		&& typeof comment['dateGmt'] === 'string' && typeof comment['content'] === 'string'
		&& typeof comment['approved'] === 'boolean';
}

function seedComments(blog: Blog): StoredComment[] {
	const postIds = new Map(blog.posts.map(post => [post.slug, post.id]));
	return seededComments.map(seed => {
		const post = postIds.get(seed.post);
		if (post === undefined) throw new Error(`Demo content: comment ${seed.id} is on unknown post "${seed.post}"`);
		return {
			id: seed.id,
			post,
			parent: seed.parent,
			authorName: seed.authorName,
			authorEmail: seed.authorEmail,
			authorUrl: seed.authorUrl,
			authorIp: '192.0.2.1',
			dateGmt: mysqlDate(parseUtc(seed.date)),
			content: filterCommentHtml(seed.content),
			approved: true,
			...(seed.type === undefined ? {} : {type: seed.type}),
		};
	});
}
