import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React, {useMemo} from 'react';
import {commentFields, fieldLabels, requiredFieldsNote, saveIdentityLabel, type CommentField} from '../../comments/validation.js';
import type {Comment} from '../../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {Post} from '../../model/post.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine} from '../../render/sanitize.js';
import {lineText} from '../../render/styled-line.js';
import {wrapPlainText} from '../../render/wrap.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {theme} from '../theme.js';
import {cursorRow, visibleWindow, wrapRows, type Row} from './text-editing.js';
import {useCommentForm} from './use-comment-form.js';
import type {CommentFormState, FocusTarget} from './use-comment-form-state.js';

export type CommentFormProps = {
	/** The blog the comment goes to (`source.submitComment`). */
	readonly source: BlogSource;
	/** The post commented on. */
	readonly post: Post;
	/** The comment replied to, if this is a reply. */
	readonly replyTo?: Comment;
	/** Terminal columns the form may use. */
	readonly width: number;
	/** Terminal rows the form may use. */
	readonly height: number;
	/** Where the draft is kept (per site, post and parent): see `draftKey()` in store/drafts. */
	readonly draftKey: string;
	/** Esc (no outcome; the draft is kept), or the blog accepted the comment (its outcome and what was sent; the draft is gone). */
	onClose(outcome?: CommentOutcome, sent?: CommentDraft): void;
	/** Ctrl-X on a reply: comment on the post instead. */
	onCancelReply?(): void;
	/** Whether the form gets the keys (default true). */
	readonly isActive?: boolean;
};

/** The submit key, shown on screen. Raw mode turns flow control off, so Ctrl-S reaches us. */
export const submitKeyLabel = 'Ctrl-S';
export const cancelReplyKeyLabel = 'Ctrl-X';

// "› " focus mark, then the label column, then "│ " before the value.
const gutterWidth = 2;
const labelWidth = Math.max(...commentFields.map(field => fieldLabels[field].length)) + 2;
const barWidth = 2;
const valueIndent = gutterWidth + labelWidth + barWidth;
const maxOutcomeLines = 3;

/** Columns of a field's text at a form width. */
export function fieldWidth(width: number): number {
	return Math.max(8, width - valueIndent);
}

function helpText(focus: FocusTarget): string {
	switch (focus) {
		case 'comment':
			return `Tab next field · Enter new line · ${submitKeyLabel} send · Esc close (draft kept)`;
		case 'saveIdentity':
			return `Space tick/untick · Tab/Enter next · Shift-Tab back · ${submitKeyLabel} send · Esc close`;
		case 'submit':
			return 'Enter send · Shift-Tab back · Esc close (draft kept)';
		default:
			return `Tab/Enter next · Shift-Tab back · ${submitKeyLabel} send · Esc close (draft kept)`;
	}
}

function outcomeColour(outcome: CommentOutcome): string {
	return outcome.kind === 'unknown' ? theme.warning : outcome.kind === 'approved' || outcome.kind === 'held' ? theme.success : theme.error;
}

function outcomeMessage(outcome: CommentOutcome): string {
	return outcome.kind === 'approved' ? 'Your comment was published.' : outcome.message;
}

function Gutter({focused}: {readonly focused: boolean}) {
	return <Text color={theme.accent}>{focused ? '› ' : '  '}</Text>;
}

function Label({field, focused, first}: {readonly field: CommentField; readonly focused: boolean; readonly first: boolean}) {
	const text = first ? fieldLabels[field] : '';
	return (
		<>
			<Text bold={focused} color={focused ? theme.accent : undefined}>{text.padEnd(labelWidth)}</Text>
			<Text color={focused ? theme.accent : theme.muted}>│ </Text>
		</>
	);
}

/** One row of the comment field, with the cursor when it is on it. */
function CommentRow({row, cursor, showCursor}: {readonly row: Row; readonly cursor: number; readonly showCursor: boolean}) {
	if (!showCursor) return <Text>{row.text}</Text>;
	const at = cursor - row.start;
	const before = row.text.slice(0, at);
	const rest = row.text.slice(at);
	const atCursor = rest === '' ? ' ' : [...new Intl.Segmenter().segment(rest)][0]!.segment;
	return (
		<Text>
			{before}
			<Text inverse>{atCursor}</Text>
			{rest.slice(atCursor.length)}
		</Text>
	);
}

function ErrorLine({message, width}: {readonly message: string | undefined; readonly width: number}) {
	if (!message) return null;
	return (
		<Text wrap="truncate-end">
			{' '.repeat(valueIndent)}
			<Text color={theme.error}>{fitToWidth(message, Math.max(1, width - valueIndent))}</Text>
		</Text>
	);
}

function SingleLineField({field, state, width}: {readonly field: Exclude<CommentField, 'comment'>; readonly state: CommentFormState; readonly width: number}) {
	const focused = state.focus === field;
	const value = state.draft[field];
	const columns = fieldWidth(width);
	let content: React.ReactNode = fitToWidth(cleanLine(value), columns);
	if (focused) {
		const {before, atCursor, after} = visibleWindow({value, cursor: state.cursors[field]}, columns);
		content = <>{before}<Text inverse>{atCursor}</Text>{after}</>;
	}
	return (
		<>
			<Text wrap="truncate-end">
				<Gutter focused={focused} />
				<Label field={field} focused={focused} first />
				{content}
			</Text>
			<ErrorLine message={state.errors[field]} width={width} />
		</>
	);
}

function CommentField({state, width, rows: visibleRows}: {readonly state: CommentFormState; readonly width: number; readonly rows: number}) {
	const focused = state.focus === 'comment';
	const columns = fieldWidth(width);
	const rows = useMemo(() => wrapRows(state.draft.comment, columns), [state.draft.comment, columns]);
	const cursor = state.cursors.comment;
	const current = cursorRow(rows, cursor);
	// The cursor's row is always in view: at the bottom once the text is longer than the field.
	const top = Math.max(0, Math.min(current - visibleRows + 1, rows.length - visibleRows));
	const shown = Array.from({length: visibleRows}, (_, index) => rows[top + index]);
	return (
		<>
			{shown.map((row, index) => (
				<Text key={index} wrap="truncate-end">
					<Gutter focused={focused && index === 0} />
					<Label field="comment" focused={focused} first={index === 0} />
					{row ? <CommentRow row={row} cursor={cursor} showCursor={focused && top + index === current} /> : ''}
				</Text>
			))}
			<ErrorLine message={state.errors.comment} width={width} />
		</>
	);
}

/** "Leave a Reply": the comment, the name, email and website, the checkbox, and sending it. */
export function CommentForm(props: CommentFormProps) {
	const {post, replyTo, width, height} = props;
	const {state, draftProblem} = useCommentForm({
		source: props.source,
		post,
		replyTo,
		draftKey: props.draftKey,
		commentWidth: fieldWidth(width),
		onClose: props.onClose,
		onCancelReply: props.onCancelReply,
		isActive: props.isActive ?? true,
	});

	const replyName = replyTo ? cleanLine(replyTo.author) || 'Anonymous' : undefined;
	const title = replyName ? `Leave a Reply to ${replyName}` : 'Leave a Reply';
	const cancelHint = replyTo && props.onCancelReply ? ` · ${cancelReplyKeyLabel} comment on the post instead` : '';
	const outcomeLines = state.outcome
		? wrapPlainText(outcomeMessage(state.outcome), Math.max(10, width - gutterWidth)).slice(0, maxOutcomeLines).map(line => lineText(line))
		: [];
	const errorCount = Object.keys(state.errors).length;
	// Title, note, blank, three fields, checkbox, button, blank, help: 10 lines, plus messages.
	const fixed = 10 + errorCount + Math.max(1, outcomeLines.length) + (draftProblem ? 1 : 0);
	const commentRows = Math.max(2, Math.min(8, height - fixed));
	const saveFocused = state.focus === 'saveIdentity';
	const submitFocused = state.focus === 'submit';

	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text wrap="truncate-end">
				<Text bold>{fitToWidth(title, width)}</Text>
				<Text color={theme.muted}>{fitToWidth(cancelHint, Math.max(0, width - title.length))}</Text>
			</Text>
			<Text color={theme.muted} wrap="truncate-end">{fitToWidth(requiredFieldsNote, width)}</Text>
			<Text> </Text>
			<CommentField state={state} width={width} rows={commentRows} />
			<SingleLineField field="name" state={state} width={width} />
			<SingleLineField field="email" state={state} width={width} />
			<SingleLineField field="website" state={state} width={width} />
			<Text wrap="truncate-end">
				<Gutter focused={saveFocused} />
				<Text color={saveFocused ? theme.accent : undefined} bold={saveFocused}>{state.draft.saveIdentity ? '[x] ' : '[ ] '}</Text>
				{fitToWidth(saveIdentityLabel, Math.max(1, width - gutterWidth - 4))}
			</Text>
			<Text wrap="truncate-end">
				<Gutter focused={submitFocused} />
				<Text inverse={submitFocused} bold>[ Post Comment ]</Text>
				<Text color={theme.muted}>{` ${submitKeyLabel}`}</Text>
			</Text>
			{state.submission ? (
				<Text>
					{'  '}
					<Text color={theme.accent}><Spinner type="dots" /></Text>
					{' Sending your comment…'}
				</Text>
			) : outcomeLines.length > 0 && state.outcome ? (
				outcomeLines.map((line, index) => (
					<Text key={index} color={outcomeColour(state.outcome!)} wrap="truncate-end">{`  ${line}`}</Text>
				))
			) : <Text> </Text>}
			{draftProblem ? <Text color={theme.warning} wrap="truncate-end">{fitToWidth(`  ${draftProblem}`, width)}</Text> : null}
			<Text> </Text>
			<Text color={theme.muted} wrap="truncate-end">{fitToWidth(helpText(state.focus), width)}</Text>
		</Box>
	);
}
