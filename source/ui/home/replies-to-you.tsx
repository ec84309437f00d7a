import {useCallback} from 'react';
import type {PostId} from '../../model/post.js';
import type {RepliesStore, StoredReply} from '../../store/replies.js';
import {RepliesView, replyKey, type RepliesViewProps} from './replies-view.js';

/** The thread Enter opens on a reply: its blog (key and address), its post, and the reply the thread opens at. */
export type ReplyThread = {
	readonly siteKey: string;
	readonly siteUrl: string;
	readonly postId: PostId;
	readonly replyId: string;
};

/** Said over a thread opened at a reply to you. */
export const replyThreadNotice = 'A reply to you: r answers it.';

/** The thread of a reply: its post's ID as the blog's source knows it (a number when it is one). */
export function replyThread(stored: StoredReply): ReplyThread {
	return {siteKey: stored.siteKey, siteUrl: stored.siteUrl, postId: /^\d+$/u.test(stored.postId) ? Number(stored.postId) : stored.postId, replyId: stored.reply.id};
}

export type RepliesToYouProps = Omit<RepliesViewProps, 'onOpen'> & {
	/** Where the replies are kept: a reply opened is marked read there. */
	readonly store: RepliesStore;
	/** Enter on a reply (marked read by then): its thread, to open at it, and its replyKey, to choose it again on coming back. */
	readonly onOpenThread: (thread: ReplyThread, chosen: string) => void;
	/** The store changed (a reply was marked read). */
	readonly onChanged?: () => void;
};

/**
 * "Replies to you", as the home screen (every blog's) and a blog's list (`R`: that blog's) show them: Enter
 * marks the reply read and opens its thread at it; the caller says how (the reader over the home screen, or
 * a thread over the replies in the reader's history) and keeps the reply chosen for when it comes back.
 */
export function RepliesToYou({store, onOpenThread, onChanged, ...view}: RepliesToYouProps) {
	const open = useCallback((stored: StoredReply) => {
		store.markRead(stored.siteKey, stored.reply.id);
		onChanged?.();
		onOpenThread(replyThread(stored), replyKey(stored));
	}, [store, onChanged, onOpenThread]);
	return <RepliesView {...view} onOpen={open} />;
}
