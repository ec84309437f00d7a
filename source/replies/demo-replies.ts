import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {SentCommentOn} from '../store/my-comments.js';
import {blogtermPaths} from '../store/paths.js';

/*
The built-in demo blog is served on 127.0.0.1 only while blogterm runs it, on its own port when that is
free and on any other when not: the address kept with a comment left on it is gone once that run ends.
Its comments are recognised by what the demo keeps of them (their IDs and posts, in its data folder),
and the demo is started for the check, in WordPress mode (a comment left on the demo as a feed, whose post
IDs are its links, `…/?p=113`, is the same post and the same comment there).
*/

/** The demo blog as the check for replies needs it. */
export type DemoForReplies = {
	/** The comments left on the demo blog (not its seeded ones), by ID and post, as its data folder keeps them. */
	readonly leftComments: () => ReadonlyArray<{readonly id: number; readonly post: number}>;
	/** Starts the demo blog for the check; closed when the check is done. */
	readonly start: () => Promise<{readonly url: string; close(): Promise<void>}>;
};

/** blogterm's own demo blog: its data folder, and started as `blogterm --demo` starts it. */
export function ownDemo(): DemoForReplies {
	const dataDir = join(blogtermPaths().data, 'demo');
	return {
		leftComments: () => readLeftComments(dataDir),
		async start() {
			const {resolveSite} = await import('../resolve-site.js');
			return resolveSite(undefined, {demo: true});
		},
	};
}

/** The demo's file of comments left on it (source/demo/comment-store.ts), read for IDs and posts only; none when it cannot be read. */
function readLeftComments(dataDir: string): Array<{id: number; post: number}> {
	try {
		const data = JSON.parse(readFileSync(join(dataDir, 'demo-blog-comments.json'), 'utf8')) as {comments?: unknown};
		if (!Array.isArray(data.comments)) return [];
		return data.comments.flatMap((comment: unknown) => {
			const {id, post} = (comment ?? {}) as {id?: unknown; post?: unknown};
			return typeof id === 'number' && typeof post === 'number' ? [{id, post}] : [];
		});
	} catch {
		return [];
	}
}

/** The demo's post number of a kept post ID: `113`, or the demo as a feed's `http://127.0.0.1:PORT/?p=113`. */
export function demoPostNumber(postId: string): number | undefined {
	if (/^\d+$/u.test(postId)) return Number(postId);
	const match = /^http:\/\/127\.0\.0\.1:\d+\/\?p=(\d+)$/u.exec(postId);
	return match ? Number(match[1]) : undefined;
}

/**
 * Whether the comments kept for a site were left on the demo blog: the site is on 127.0.0.1, and the demo
 * keeps each of them (same ID, same post).
 */
export function isDemoSite(siteUrl: string, comments: readonly SentCommentOn[], left: ReadonlyArray<{readonly id: number; readonly post: number}>): boolean {
	if (!/^http:\/\/127\.0\.0\.1:\d+\//u.test(siteUrl) || comments.length === 0) return false;
	return comments.every(({postId, sent}) => {
		const post = demoPostNumber(postId);
		return post !== undefined && left.some(comment => comment.post === post && String(comment.id) === String(sent.id));
	});
}
