import {Box, Text, useIsScreenReaderEnabled, type DOMElement} from 'ink';
import {useScreenReaderCursor} from '../screen-reader/cursor-target.js';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef} from 'react';
import {foldedLine, layoutComment} from '../../comments/thread.js';
import {replyCount, threadShape, visibleEntries} from '../../comments/thread-moves.js';
import type {Comment, ThreadEntry} from '../../model/comment.js';
import {fitToWidth} from '../../render/fit-width.js';
import type {StyledLine} from '../../render/styled-line.js';
import {StyledLineView} from '../components/styled-lines.js';
import {theme} from '../theme.js';
import {commentAtLine, topIn, useCommentThreadState, type ThreadLayout, type ThreadMoves, type ThreadPlace} from './use-comment-thread-state.js';
import {useKeys, useMouse} from '../hooks/use-keys.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {useTextSearch} from '../search/use-text-search.js';

export type CommentThreadProps = {
	/** The thread, as buildThread() places it. */
	readonly entries: readonly ThreadEntry[];
	/** Terminal columns. */
	readonly width: number;
	/** Terminal rows, the status line included. */
	readonly height: number;
	/** `r` on the selected comment; without it, the thread is read-only (comments closed). */
	readonly onReply?: (comment: Comment) => void;
	/** IDs of this user's comments, marked "(yours)". */
	readonly mineIds?: Iterable<number | string>;
	/** IDs of the comments that arrived since the thread was last opened: marked "new", and `n` jumps between them. */
	readonly newIds?: ReadonlySet<string>;
	/** The post's URL, to resolve relative links in comments. */
	readonly baseUrl?: string;
	/** Whether the screen around takes `c` (a comment on the post): hinted on the status line. */
	readonly canCommentOnPost?: boolean;
	/** Words about the thread put on the status line before `? help` ("Comments are closed."). */
	readonly notes?: readonly string[];
	/** Whether the thread gets the keys (default true). */
	readonly isActive?: boolean;
	/** Where the reader was when they last left this thread: they come back to it. */
	readonly place?: ThreadPlace;
	/** Without a place: open at this comment, selected (the one just sent). */
	readonly focusId?: number | string;
	/** The thread goes away: where the reader was, for the history. */
	readonly onLeave?: (place: ThreadPlace) => void;
	/** Whether a search is on (`typing`: its line takes every key), told at each change: the screen around leaves those keys alone. */
	readonly onSearch?: (search: {readonly typing: boolean; readonly active: boolean}) => void;
};

/** Room for one comment's text in the thread's offsets: each comment's count from its index times this (far more than a comment holds). */
const commentTextSpan = 2 ** 32;
// Two columns on the left mark the selected comment.
const noFolds: ReadonlySet<number> = new Set();
const gutter = 2;

/** A thread of comments that pages like a post, with one comment selected for `r`. */
export function CommentThread(props: CommentThreadProps) {
	const {entries, width, height, onReply} = props;
	const screenReader = useIsScreenReaderEnabled();
	// For a screen reader the selected comment's first line says "· selected" after it, which may take a row more.
	const viewport = Math.max(1, height - (screenReader ? 2 : 1));
	const columns = Math.max(10, width - gutter);
	const shape = useMemo(() => threadShape(entries), [entries]);
	// Each comment laid out once per (thread, width); folding only chooses which are shown.
	const blocks = useMemo(
		() => entries.map((_, index) => layoutComment(entries, index, columns, {mineIds: props.mineIds, newIds: props.newIds, baseUrl: props.baseUrl})),
		[entries, columns, props.mineIds, props.newIds, props.baseUrl],
	);
	const compose = useCallback((folded: ReadonlySet<number>) => {
		const visible = visibleEntries(shape, folded);
		const lines: StyledLine[] = [];
		const starts: number[] = [];
		// Where each line starts in the thread's text: each comment's own offsets, after those of every comment
		// before it in the thread (folded or not), so that neither a resize nor a fold moves them.
		const offsets: number[] = [];
		for (const [position, index] of visible.entries()) {
			const base = index * commentTextSpan;
			if (position > 0) {
				lines.push([]);
				offsets.push(base);
			}
			starts.push(lines.length);
			const block = blocks[index]!;
			for (const [line, text] of block.lines.entries()) {
				lines.push(text);
				offsets.push(base + block.offsets.starts[line]!);
			}
			const hidden = folded.has(index) ? replyCount(shape, index) : 0;
			if (hidden > 0) {
				lines.push(foldedLine(entries[index]!, hidden, columns));
				offsets.push(base + block.offsets.end);
			}
		}
		return {lines, starts, visible, offsets};
	}, [blocks, shape, entries, columns]);
	const layoutFor = useCallback((folded: ReadonlySet<number>): ThreadLayout => {
		const {starts, lines, visible, offsets} = compose(folded);
		return {starts, lineCount: lines.length, viewport, visible, offsets, width: columns};
	}, [compose, viewport, columns]);
	const unfolded = useMemo(() => layoutFor(new Set()), [layoutFor]);
	const marked = useMemo(() => (props.newIds ? [...entries.keys()].filter(index => props.newIds!.has(String(entries[index]!.comment.id))) : []), [entries, props.newIds]);
	const focusIndex = props.focusId === undefined ? undefined : entries.findIndex(entry => String(entry.comment.id) === String(props.focusId));
	const [state, dispatch] = useCommentThreadState(unfolded, props.place, focusIndex);
	const folded = state.folded ?? noFolds;
	const rendered = useMemo(() => compose(folded), [compose, folded]);
	const keyMap = useKeyMap();
	const search = useTextSearch(rendered.lines, keyMap);
	// A resize re-wraps the comments: the same words stay at the top, the current match (or the selected comment) on screen.
	const layout: ThreadLayout = useMemo(
		() => ({starts: rendered.starts, lineCount: rendered.lines.length, viewport, visible: rendered.visible, offsets: rendered.offsets, keep: search.currentLine, width: columns}),
		[rendered, viewport, search.currentLine, columns],
	);
	const top = topIn(state, layout);
	const moves: ThreadMoves = useMemo(() => ({shape, layoutFor, marked}), [shape, layoutFor, marked]);
	const leaving = useRef({state, onLeave: props.onLeave});
	useLayoutEffect(() => {
		leaving.current = {state, onLeave: props.onLeave};
	});
	useEffect(() => () => {
		const {state: last, onLeave} = leaving.current;
		onLeave?.({top: last.top, selected: last.selected, ...(last.folded && last.folded.size > 0 ? {folded: [...last.folded]} : {}), ...(last.shown ? {shown: last.shown, width: last.width} : {})});
	}, []);

	const {onSearch} = props;
	useLayoutEffect(() => onSearch?.({typing: search.state.typing, active: search.active}), [onSearch, search.state.typing, search.active]);
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		const searched = search.handleKey(input, key, {top});
		if (searched.handled) {
			if (searched.showLine !== undefined) dispatch({type: 'show-line', line: searched.showLine, layout});
			return;
		}
		if (is('comment-down')) dispatch({type: 'next', layout});
		else if (is('comment-up')) dispatch({type: 'previous', layout});
		else if (is('comments-page-down')) dispatch({type: 'page-down', layout});
		else if (is('comments-page-up')) dispatch({type: 'page-up', layout});
		else if (is('first-comment')) dispatch({type: 'first', layout});
		else if (is('last-comment')) dispatch({type: 'last', layout});
		else if (is('reply-to-comment') && onReply) dispatch({type: 'reply', layout});
		else if (is('toggle-fold')) dispatch({type: 'toggle-fold', layout, moves});
		else if (is('fold-all')) dispatch({type: 'fold-all', layout, moves});
		else if (is('parent-comment')) dispatch({type: 'parent', layout, moves});
		else if (is('next-sibling')) dispatch({type: 'next-sibling', layout, moves});
		else if (is('previous-sibling')) dispatch({type: 'previous-sibling', layout, moves});
		else if (is('next-top-level')) dispatch({type: 'next-top-level', layout, moves});
		else if (is('next-new-comment')) dispatch({type: 'next-new', layout, moves});
		// The search line takes every key typed: `?` or `q` in it is typed, never the help or back.
	}, {isActive: props.isActive ?? true, typedText: search.state.typing});
	// The wheel scrolls three lines; a click selects the comment under it, a second click on it replies (as r).
	useMouse(event => {
		if (search.state.typing) return;
		if (event.kind === 'wheel') return dispatch({type: 'scroll', by: event.direction === 'down' ? 3 : -3, layout});
		if (event.button !== 'left' || event.row >= viewport) return;
		const position = commentAtLine(layout, top + event.row);
		if (position === undefined) return;
		if (rendered.visible[position] === state.selected) {
			if (onReply) dispatch({type: 'reply', layout});
		} else dispatch({type: 'select', position, layout});
	}, {isActive: props.isActive ?? true});

	const replyTo = useRef(onReply);
	useLayoutEffect(() => {
		replyTo.current = onReply;
	});
	useLayoutEffect(() => {
		const entry = state.reply ? entries[state.reply.index] : undefined;
		if (entry) replyTo.current?.(entry.comment);
		// Only a new `r` press calls back, not a new list of entries (the entries read are this render's).
		// eslint-disable-next-line react-hooks/exhaustive-deps -- with `entries` as a dependency, a reload of the thread would reply again.
	}, [state.reply]);

	const selected = Math.min(state.selected, Math.max(0, entries.length - 1));
	const shownAt = Math.max(0, rendered.visible.indexOf(selected));
	const selectedStart = rendered.starts[shownAt] ?? 0;
	const selectedEnd = (rendered.starts[shownAt + 1] ?? rendered.lines.length + 1) - 2;
	const visible = search.highlight(rendered.lines.slice(top, top + viewport), top);
	// A screen reader's cursor on the selected comment's first line (or the top line, when it starts above).
	const viewportBox = useRef<DOMElement>(null);
	useScreenReaderCursor(viewportBox, entries.length > 0 && selectedStart < top + viewport ? Math.max(0, selectedStart - top) : undefined);

	const bottom = Math.min(rendered.lines.length, top + viewport);
	const newCount = marked.length > 0 ? ` · ${marked.length} new` : '';
	const position = entries.length === 0 ? 'no comments' : `comment ${selected + 1} of ${entries.length}${newCount}`;
	const percent = rendered.lines.length === 0 ? 100 : Math.floor((bottom / rendered.lines.length) * 100);
	const status = ` ${position} · ${percent}%${search.status ? ` · ${search.status}` : ''} `;
	const omit: Action[] = [
		...(onReply ? [] : ['reply-to-comment' as const]),
		...(props.canCommentOnPost ? [] : ['comment-on-post' as const]),
		...(marked.length > 0 ? [] : ['next-new-comment' as const]),
	];
	const hints = keyMap.hints('thread', Math.max(0, width - status.length - 1), {omit, notes: props.notes});

	return (
		<Box flexDirection="column" height={height}>
			<Box ref={viewportBox} flexDirection="column" height={viewport} overflow="hidden">
				{visible.map((line: StyledLine, index) => {
					const lineIndex = top + index;
					const isSelected = entries.length > 0 && lineIndex >= selectedStart && lineIndex <= selectedEnd;
					return (
						<Box key={lineIndex} flexDirection="row">
							<Text color={theme.selection} aria-hidden>{isSelected ? '▌ ' : '  '}</Text>
							<StyledLineView line={line} />
							{/* Read out after the comment's first line: the bar marks it only on screen. */}
							{screenReader && lineIndex === selectedStart && entries.length > 0 ? <Text>· selected</Text> : null}
						</Box>
					);
				})}
			</Box>
			<Text wrap="truncate-end">
				<Text inverse>{status}</Text>
				<Text color={search.prompt ? undefined : search.state.note ? theme.warning : theme.muted}>{fitToWidth(` ${search.prompt ?? search.state.note ?? hints}`, Math.max(0, width - status.length))}</Text>
			</Text>
		</Box>
	);
}
