import {Box, Text} from 'ink';
import React, {useCallback, useMemo} from 'react';
import {buildThread, withMyComments} from '../../comments/thread.js';
import type {Comment} from '../../model/comment.js';
import type {Post} from '../../model/post.js';
import {hostOf} from '../../http/client.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {ErrorBox} from '../components/error-box.js';
import {LoadingLine} from '../components/loading-line.js';
import {useAsync} from '../hooks/use-async.js';
import {theme} from '../theme.js';
import {CommentThread} from './comment-thread.js';
import {useKeys} from '../hooks/use-keys.js';

export type CommentThreadScreenProps = {
	/** The blog the comments come from (`fetchComments`, `canComment`). */
	readonly source: BlogSource;
	/** The post whose thread this is. */
	readonly post: Post;
	/** Terminal columns. */
	readonly width: number;
	/** Terminal rows. */
	readonly height: number;
	/** Whether this screen gets the keys. */
	readonly isActive: boolean;
	/** Esc or q. */
	readonly onBack: () => void;
	/** `r` on a comment (replyTo set) or `c` (a comment on the post); only when the post takes comments. */
	readonly onReply: (post: Post, replyTo: Comment | undefined) => void;
	/** Comments this user sent (commentFromDraft): marked "(yours)", held ones shown to them as awaiting moderation. */
	readonly myComments?: readonly Comment[];
};

const noComments: readonly Comment[] = [];

/** A post's comments: loaded (every page), threaded, paged; `r` replies to the selected one, `c` comments on the post. */
export function CommentThreadScreen(props: CommentThreadScreenProps) {
	const {source, post, width, height, onBack, onReply} = props;
	const key = String(post.id);
	const loadComments = useCallback((signal: AbortSignal) => source.fetchComments(post, {signal}), [source, post]);
	const comments = useAsync(key, loadComments);
	const loadCanComment = useCallback(async () => source.canComment(post), [source, post]);
	const commentable = useAsync(key, loadCanComment);
	const canComment = commentable.status === 'done' && commentable.value;

	const myComments = props.myComments ?? noComments;
	const loaded = comments.status === 'done' ? comments.value : undefined;
	// Threaded once per load, never on a keypress.
	const entries = useMemo(() => (loaded ? buildThread(withMyComments(loaded, myComments)) : []), [loaded, myComments]);

	useKeys((input, inputKey) => {
		if (comments.status === 'loading' && inputKey.escape) return comments.cancel();
		if (comments.status === 'error' && input === 'r') return comments.retry();
		if (inputKey.escape || input === 'q') return onBack();
		if (input === 'c' && canComment) onReply(post, undefined);
	}, {isActive: props.isActive});

	const title = `Comments on “${cleanLine(post.title)}”`;
	const heading = (
		<Text bold wrap="truncate-end">{fitToWidth(title, width)}</Text>
	);
	if (comments.status === 'loading') {
		return <Box flexDirection="column" height={height}>{heading}<LoadingLine what={`Loading the comments from ${hostOf(source.site.url)}`} /></Box>;
	}
	if (comments.status === 'error') {
		return <Box flexDirection="column" height={height}>{heading}<ErrorBox error={comments.error} hint="r retry · Esc back" /></Box>;
	}

	const closedNote = commentable.status === 'done' && !canComment ? 'Comments are closed.' : '';
	if (entries.length === 0) {
		const hint = [canComment ? 'c leave a reply' : closedNote, 'Esc back'].filter(Boolean).join(' · ');
		return (
			<Box flexDirection="column" height={height}>
				{heading}
				<Text> </Text>
				<Text>No comments yet.</Text>
				<Text color={theme.muted}>{fitToWidth(hint, width)}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={height}>
			{heading}
			<CommentThread
				entries={entries}
				width={width}
				height={Math.max(2, height - 1)}
				onReply={canComment ? comment => onReply(post, comment) : undefined}
				baseUrl={post.link}
				extraHints={[canComment ? 'c comment' : closedNote, 'Esc back'].filter(Boolean).join(' · ')}
				isActive={props.isActive}
			/>
		</Box>
	);
}
