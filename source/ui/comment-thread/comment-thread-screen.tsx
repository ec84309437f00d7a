import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {buildThread, placeMyComments, type MyCommentsInThread} from '../../comments/thread.js';
import type {Comment} from '../../model/comment.js';
import type {Post} from '../../model/post.js';
import {hostOf} from '../../http/client.js';
import {fitToWidth} from '../../render/fit-width.js';
import {formatDate} from '../../render/format-date.js';
import type {SentComment} from '../../store/my-comments.js';
import {newCommentIds, type CommentMarksStore} from '../../store/comment-marks.js';
import {cleanLine} from '../../render/sanitize.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {DimNote, dimNoteLines} from '../components/dim-note.js';
import {ErrorBox} from '../components/error-box.js';
import {LoadingLine} from '../components/loading-line.js';
import {useAsync} from '../hooks/use-async.js';
import {theme} from '../theme.js';
import {CommentThread} from './comment-thread.js';
import type {ThreadPlace} from './use-comment-thread-state.js';
import {MouseArea, useKeys} from '../hooks/use-keys.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';

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
	/** Comments this user sent (kept between runs): marked "(yours)", held ones shown to them as awaiting moderation. */
	readonly myComments?: readonly SentComment[];
	/** What became of them, once the blog's thread is read: held ones now approved, ones gone from the blog (said once, then forgotten). */
	readonly onMyCommentsSeen?: (seen: Pick<MyCommentsInThread, 'approved' | 'gone'>) => void;
	/** Where the reader was when they last left this thread. */
	readonly place?: ThreadPlace;
	/** The comment just sent: the thread opens at it, selected, under what the blog did with it. */
	readonly sent?: {readonly commentId: number | string; readonly message: string};
	/** The screen goes away: where the reader was, for the history. */
	readonly onLeave?: (place: ThreadPlace) => void;
	/** Which comments the reader has seen, per thread: those not seen before are marked "new", and the thread opens at the first. */
	readonly commentMarks?: CommentMarksStore;
	/** The thread was read and its comments marked seen (the list's "3 new comments" changes). */
	readonly onCommentsSeen?: (post: Post) => void;
};

const noComments: readonly SentComment[] = [];

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
	const commentsRead = comments.status === 'done' ? comments.value : undefined;
	const loaded = commentsRead?.comments;
	// Threaded once per load, never on a keypress.
	const placed = useMemo(() => (loaded ? placeMyComments(loaded, myComments) : undefined), [loaded, myComments]);
	const entries = useMemo(() => (placed ? buildThread(placed.comments) : []), [placed]);
	// What is new is what was not there when the thread was last opened: read once per load, before it is marked seen.
	const {commentMarks, onCommentsSeen} = props;
	// What was seen before this visit, read once as the screen opens: the marks change as soon as the
	// thread shows (and the thread may load again, from a refreshed blog), which must not make the new old.
	const [seenBefore] = useState(() => commentMarks?.seen(source.site.key, post.id));
	// Your own comments are never new: their IDs, as a key that stays the same from render to render.
	const myIds = myComments.map(sent => String(sent.id)).join('\n');
	const newIds = useMemo(() => {
		if (!loaded || !commentMarks) return undefined;
		return newCommentIds(seenBefore, loaded.map(comment => comment.id), myIds.split('\n'));
	}, [loaded, commentMarks, seenBefore, myIds]);
	const commentsSeen = useRef(onCommentsSeen);
	useLayoutEffect(() => {
		commentsSeen.current = onCommentsSeen;
	});
	useEffect(() => {
		if (!loaded || !commentMarks) return;
		commentMarks.markSeen(source.site.key, post.id, loaded.map(comment => comment.id));
		commentsSeen.current?.(post);
	}, [loaded, commentMarks, source, post]);
	const firstNew = useMemo(() => entries.find(entry => newIds?.has(String(entry.comment.id)))?.comment.id, [entries, newIds]);
	// "Your comment of November 3, 2026 is no longer on the blog.": said once, on this screen, then forgotten.
	// (In the first frame that shows the thread; kept here once the store has forgotten them.)
	const goneNote = (sent: SentComment) => `Your comment of ${formatDate(sent.date) || cleanLine(sent.date)} is no longer on the blog.`;
	const goneNow = useMemo(() => (placed?.gone ?? []).map(goneNote), [placed]);
	const [goneSaid, setGoneSaid] = useState<readonly string[]>([]);
	// The store is told once per load, whichever callback the app passes this time.
	const myCommentsSeen = useRef(props.onMyCommentsSeen);
	useLayoutEffect(() => {
		myCommentsSeen.current = props.onMyCommentsSeen;
	});
	useEffect(() => {
		if (!placed || (placed.approved.length === 0 && placed.gone.length === 0)) return;
		// The notes shown (from goneNow) are kept as the store is told to forget those comments; nothing on screen changes.
		// eslint-disable-next-line react-hooks/set-state-in-effect -- keeping what was said as an outside store forgets it is what an effect is for.
		if (goneNow.length > 0) setGoneSaid(said => [...said, ...goneNow]);
		myCommentsSeen.current?.({approved: placed.approved, gone: placed.gone});
	}, [placed, goneNow]);
	// A held comment the blog does not list: its moderation link tells whether it is still held.
	const heldKey = placed && placed.stillHeld.length > 0 ? `${key}:${placed.stillHeld.map(sent => sent.id).join(',')}` : undefined;
	const loadHeld = useCallback(async (signal: AbortSignal) => {
		const held = placed?.stillHeld ?? [];
		return Promise.all(held.map(async sent => ({sent, state: await source.checkHeldComment(post, sent, {signal})})));
	}, [placed, source, post]);
	const heldChecked = useAsync(heldKey, loadHeld);
	useEffect(() => {
		if (heldChecked.status !== 'done') return;
		const approved = heldChecked.value.filter(({state}) => state === 'approved').map(({sent}) => sent);
		const gone = heldChecked.value.filter(({state}) => state === 'gone').map(({sent}) => sent);
		if (approved.length === 0 && gone.length === 0) return;
		// A check of a held comment that says "gone" is said on screen and kept as the store is told to forget it.
		// eslint-disable-next-line react-hooks/set-state-in-effect -- kept in state because the check is loaded again (and so not "done") once the store forgets.
		if (gone.length > 0) setGoneSaid(said => [...said, ...gone.map(goneNote)]);
		myCommentsSeen.current?.({approved, gone});
	}, [heldChecked]);
	const notes = [...(props.sent ? [props.sent.message] : []), ...new Set([...goneSaid, ...goneNow])];

	const keyMap = useKeyMap();
	// A search in the thread: Esc clears it before it goes back. (Its line, while typed into, takes every key.)
	const search = useRef({typing: false, active: false});
	const searchChanged = useCallback((now: {readonly typing: boolean; readonly active: boolean}) => {
		search.current = now;
	}, []);
	useKeys((input, inputKey) => {
		const is = (action: Action) => keyMap.matches(action, input, inputKey);
		if (search.current.active && is('clear-search')) return;
		// Esc while the comments load goes back to the post: leaving stops the load.
		if (comments.status === 'error' && is('retry')) return comments.retry();
		if (is('back')) return onBack();
		if (is('comment-on-post') && canComment) return onReply(post, undefined);
		// Typed ahead of the comments (`C j j`): the thread takes them in turn once they are here.
		if (comments.status === 'loading') return 'hold';
	}, {isActive: props.isActive});

	const title = `Comments on “${cleanLine(post.title)}”`;
	// A screen reader reads "list: " before it, on the same row.
	const headingWidth = useIsScreenReaderEnabled() ? Math.max(1, width - 'list: '.length) : width;
	const heading = (
		<Text bold wrap="truncate-end">{fitToWidth(title, headingWidth)}</Text>
	);
	if (comments.status === 'loading') {
		return <Box flexDirection="column" height={height}>{heading}<LoadingLine what={`Loading the comments from ${hostOf(source.site.url)}`} escGoesBack /></Box>;
	}
	if (comments.status === 'error') {
		return <Box flexDirection="column" height={height}>{heading}<ErrorBox error={comments.error} hint={`${keyMap.hint('retry', 'retry')} · ${keyMap.hint('back', 'back')}`} /></Box>;
	}

	const closedNote = commentable.status === 'done' && !canComment ? 'Comments are closed.' : '';
	const noteLines = notes.map((note, index) => (
		<Text key={index} color={index === 0 && props.sent ? theme.success : theme.warning} wrap="truncate-end" aria-label={note}>{fitToWidth(note, width)}</Text>
	));
	// Where blogterm stopped reading a thread that goes on: a dim note above it, as a list's is under the list
	// and print mode's on stderr.
	const endsEarly = dimNoteLines(commentsRead?.endsEarly ?? '', width);
	const endsEarlyLine = <DimNote lines={endsEarly} />;
	const rowsAbove = 1 + noteLines.length + endsEarly.length;
	if (entries.length === 0) {
		const hint = [canComment ? keyMap.hint('comment-on-post', 'leave a reply') : closedNote, keyMap.hint('back', 'back'), keyMap.hint('help', 'help')].filter(Boolean).join(' · ');
		return (
			<Box flexDirection="column" height={height}>
				{heading}
				{noteLines}
				<Text> </Text>
				<Text>No comments yet.</Text>
				<Text color={theme.muted}>{fitToWidth(hint, width)}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={height} aria-role="list">
			{heading}
			{noteLines}
			{endsEarlyLine}
			{/* The thread's rows start under the heading and the notes. */}
			<MouseArea rows={rowsAbove}>
			<CommentThread
				entries={entries}
				width={width}
				height={Math.max(2, height - rowsAbove)}
				place={props.place}
				focusId={props.sent?.commentId ?? firstNew}
				newIds={newIds}
				onLeave={props.onLeave}
				onReply={canComment ? comment => onReply(post, comment) : undefined}
				baseUrl={post.link}
				canCommentOnPost={canComment}
				notes={closedNote ? [closedNote] : undefined}
				isActive={props.isActive}
				onSearch={searchChanged}
			/>
			</MouseArea>
		</Box>
	);
}
