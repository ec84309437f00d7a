import {Box, Text, Transform, useIsScreenReaderEnabled, type DOMElement} from 'ink';
import Spinner from 'ink-spinner';
import TextInput from 'ink-text-input';
import {useCallback, useMemo, useRef, type RefObject} from 'react';
import {useScreenReaderCursor} from '../screen-reader/cursor-target.js';
import {ReaderBox} from '../screen-reader/reader-box.js';
import {commentFields, fieldLabels, firstFieldInError, requiredFieldsNote, saveIdentityLabel, validateDraft, type CommentField} from '../../comments/validation.js';
import type {Comment} from '../../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {Post} from '../../model/post.js';
import {fitToWidth} from '../../render/fit-width.js';
import {cleanLine, cleanText} from '../../render/sanitize.js';
import {htmlToPlainText} from '../../render/plain-text.js';
import {lineText} from '../../render/styled-line.js';
import {textWidth} from '../../render/text-width.js';
import {wrapPlainText} from '../../render/wrap.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {theme} from '../theme.js';
import {cursorRow, visibleWindow, windowAroundDrawnCursor, wrapRows, type Row} from './text-editing.js';
import {useCommentForm} from './use-comment-form.js';
import type {KeyMap} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import type {CommentFormState, FocusTarget} from './use-comment-form-state.js';
import {buildThread, renderThread} from '../../comments/thread.js';
import {previewComment} from '../../comments/comment-preview.js';
import {StyledLineView} from '../components/styled-lines.js';

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
	readonly onClose: (outcome?: CommentOutcome, sent?: CommentDraft) => void;
	/** Ctrl-X on a reply: comment on the post instead. */
	readonly onCancelReply?: () => void;
	/** Whether the form gets the keys (default true). */
	readonly isActive?: boolean;
};

/** Asked once when the discard key is pressed. */
export const discardQuestion = 'Discard this draft? y/n';

// "› " focus mark, then the label column, then "│ " before the value.
const gutterWidth = 2;
const labelWidth = Math.max(...commentFields.map(field => fieldLabels[field].length)) + 2;
const barWidth = 2;
const valueIndent = gutterWidth + labelWidth + barWidth;
const maxOutcomeLines = 3;
/** Lines of the comment replied to shown above the fields. */
const maxQuotedLines = 3;

/** Columns of a field's text at a form width. */
export function fieldWidth(width: number): number {
	return Math.max(8, width - valueIndent);
}

/** Columns the comment wraps at: one fewer than the field, so the cursor after a full row stays in view. */
export function commentWrapWidth(width: number): number {
	return fieldWidth(width) - 1;
}

/** The form's hints for the field in focus, from the key map (no `? help`: `?` is typed here). */
function helpText(keyMap: KeyMap, focus: FocusTarget, width: number): string {
	const onCheckbox = focus === 'saveIdentity' || focus === 'notify';
	const words = focus === 'comment' ? {'enter-field': 'new line'} : focus === 'submit' ? {'enter-field': 'send'} : {};
	// In the Comment field, Ctrl-E (your editor) first.
	const editor = focus === 'comment' ? keyMap.hint('open-editor', 'editor') : '';
	const rest = keyMap.hints('form', Math.max(0, width - (editor ? editor.length + 3 : 0)), {omit: onCheckbox ? [] : ['tick'], words, withHelp: false});
	return [editor, rest].filter(Boolean).join(' · ');
}

function outcomeColour(outcome: CommentOutcome): string | undefined {
	return outcome.kind === 'unknown' ? theme.warning : outcome.kind === 'approved' || outcome.kind === 'held' ? theme.success : theme.error;
}

function outcomeMessage(outcome: CommentOutcome): string {
	return outcome.kind === 'approved' ? 'Your comment was published.' : outcome.message;
}

function Gutter({focused}: {readonly focused: boolean}) {
	// A screen reader is told the focus by the cursor, parked on the field.
	return <Text color={theme.accent} aria-hidden>{focused ? '› ' : '  '}</Text>;
}

/** A field's label read out: "Name (required):", not the star. */
function spokenLabel(field: CommentField): string {
	const label = fieldLabels[field];
	return label.endsWith(' *') ? `${label.slice(0, -2)} (required): ` : `${label}: `;
}

function Label({field, focused, first, note}: {readonly field: CommentField; readonly focused: boolean; readonly first: boolean; readonly note?: string}) {
	const text = first ? fieldLabels[field] : '';
	return (
		<>
			<Text bold={focused} color={focused ? theme.accent : undefined} aria-hidden={!first} aria-label={spokenLabel(field)}>{text.padEnd(note ? 0 : labelWidth)}</Text>
			{note ? <Text color={theme.muted} aria-label={note.includes('↑') ? '(more above)' : '(more below)'}>{note.padEnd(labelWidth)}</Text> : null}
			<Text color={focused ? theme.accent : theme.muted} aria-hidden>│ </Text>
		</>
	);
}

/** Spaces at the end of `text` beyond `columns` (a row keeps the spaces it was broken at) are not shown. */
function clipSpaces(text: string, columns: number): string {
	let clipped = text;
	while (clipped.endsWith(' ') && textWidth(clipped) > columns) clipped = clipped.slice(0, -1);
	return clipped;
}

/** One row of the comment field, with the cursor when it is on it. */
function CommentRow({row, cursor, showCursor, columns}: {readonly row: Row; readonly cursor: number; readonly showCursor: boolean; readonly columns: number}) {
	if (!showCursor) return <Text>{clipSpaces(row.text, columns)}</Text>;
	const at = cursor - row.start;
	const before = clipSpaces(row.text.slice(0, at), columns - 1);
	const rest = row.text.slice(at);
	const atCursor = rest === '' ? ' ' : [...new Intl.Segmenter().segment(rest)][0]!.segment;
	return (
		<Text>
			{before}
			<Text inverse>{atCursor}</Text>
			{clipSpaces(rest.slice(atCursor.length), Math.max(0, columns - textWidth(before) - textWidth(atCursor)))}
		</Text>
	);
}

function ErrorLine({message, width}: {readonly message: string | undefined; readonly width: number}) {
	if (!message) return null;
	return (
		<Text wrap="truncate-end" aria-label={`Error: ${message}`}>
			{' '.repeat(valueIndent)}
			<Text color={theme.error}>{fitToWidth(message, Math.max(1, width - valueIndent))}</Text>
		</Text>
	);
}

type SingleLineFieldProps = {
	readonly field: Exclude<CommentField, 'comment'>;
	/** Its box, where a screen reader's cursor goes while it has the focus. */
	readonly box: RefObject<DOMElement | null>;
	readonly state: CommentFormState;
	readonly width: number;
	/** The form takes keys (the field edits only while it has the focus, too). */
	readonly isActive: boolean;
	readonly onChange: (field: Exclude<CommentField, 'comment'>, value: string) => void;
};

/** Name, Email, Website: an ink-text-input while focused; the value, cut to fit, otherwise. */
function SingleLineField({field, box, state, width, isActive, onChange}: SingleLineFieldProps) {
	const focused = state.focus === field;
	const value = state.draft[field];
	const columns = fieldWidth(width);
	const editing = focused && isActive && !state.submission && !state.confirmingDiscard;
	// Longer than the field: a window of it that keeps the cursor in view (`…/page/about-me`). ink-text-input
	// keeps its cursor's place to itself and draws the whole value, so what it draws is windowed around the
	// cursor it drew (Ink's Transform); unfocused, the start shows, cut with "…".
	const windowed = useCallback((drawn: string) => windowAroundDrawnCursor(drawn, columns), [columns]);
	const content = editing
		? <Transform transform={windowed}><TextInput value={value} focus onChange={next => onChange(field, next)} /></Transform>
		: focused ? visibleWindow({value, cursor: value.length}, columns).before : fitToWidth(cleanLine(value), columns);
	return (
		<ReaderBox box={box} aria-role="textbox">
			<Text wrap="truncate-end">
				<Gutter focused={focused} />
				<Label field={field} focused={focused} first />
				{content}
			</Text>
			<ErrorLine message={state.errors[field]} width={width} />
		</ReaderBox>
	);
}

function CommentField({state, width, rows: visibleRows, box}: {readonly state: CommentFormState; readonly width: number; readonly rows: number; readonly box: RefObject<DOMElement | null>}) {
	const focused = state.focus === 'comment';
	const columns = fieldWidth(width);
	const rows = useMemo(() => wrapRows(state.draft.comment, commentWrapWidth(width)), [state.draft.comment, width]);
	const cursor = state.cursors.comment;
	const current = cursorRow(rows, cursor);
	// The cursor's row is always in view: at the bottom once the text is longer than the field.
	const top = Math.max(0, Math.min(current - visibleRows + 1, rows.length - visibleRows));
	const shown = Array.from({length: visibleRows}, (_, index) => rows[top + index]);
	// More text than the field shows: said in the label column, next to the rows it goes on from.
	const above = top > 0;
	const below = top + visibleRows < rows.length;
	// A screen reader's cursor on the row the text cursor is on.
	useScreenReaderCursor(box, focused ? current - top : undefined);
	const noteAt = (index: number) => {
		const notes = [index === 1 && above ? '↑' : '', index === visibleRows - 1 && below ? '↓' : ''].join('');
		return notes ? `  ${notes} more` : undefined;
	};
	return (
		<ReaderBox box={box} aria-role="textbox">
			{shown.map((row, index) => (
				<Text key={index} wrap="truncate-end">
					<Gutter focused={focused && index === 0} />
					<Label field="comment" focused={focused} first={index === 0} note={noteAt(index)} />
					{row ? <CommentRow row={row} cursor={cursor} showCursor={focused && top + index === current} columns={columns} /> : ''}
				</Text>
			))}
			<ErrorLine message={state.errors.comment} width={width} />
		</ReaderBox>
	);
}

/** "Leave a Reply": the comment, the name, email and website, the checkbox, and sending it. */
export function CommentForm(props: CommentFormProps) {
	const {post, replyTo, width, height} = props;
	const isActive = props.isActive ?? true;
	const keyMap = useKeyMap();
	const {state, draftProblem, setField} = useCommentForm({
		source: props.source,
		post,
		replyTo,
		draftKey: props.draftKey,
		commentWidth: commentWrapWidth(width),
		onClose: props.onClose,
		onCancelReply: props.onCancelReply,
		isActive,
	});
	// "Reply to NAME" with the comment in view, as WordPress shows it.
	const quoted = useMemo(() => {
		if (!replyTo) return [];
		const text = cleanText(htmlToPlainText(replyTo.html)).replaceAll(/\n{2,}/gu, '\n').trim();
		const lines = wrapPlainText(text, Math.max(10, width - 4)).map(line => lineText(line));
		return lines.length > maxQuotedLines ? [...lines.slice(0, maxQuotedLines - 1), `${lines[maxQuotedLines - 1]!.trimEnd()} …`] : lines;
	}, [replyTo, width]);

	const replyName = replyTo ? cleanLine(replyTo.author) || 'Anonymous' : undefined;
	const title = replyName ? `Leave a Reply to ${replyName}` : 'Leave a Reply';
	const cancelHint = replyTo && props.onCancelReply ? ` · ${keyMap.hint('comment-instead', 'comment on the post instead')}` : '';
	const outcomeLines = state.outcome
		? wrapPlainText(outcomeMessage(state.outcome), Math.max(10, width - gutterWidth)).slice(0, maxOutcomeLines).map(line => lineText(line))
		: [];
	// What the editor did, when it changed nothing (said where the blog's answer goes; there is none yet).
	const noteLines = state.editorNote && !state.outcome
		? wrapPlainText(state.editorNote, Math.max(10, width - gutterWidth)).slice(0, maxOutcomeLines).map(line => lineText(line))
		: [];
	const errorCount = Object.keys(state.errors).length;
	// The notes wrap on a narrow terminal rather than being cut.
	const requiredNoteLines = useMemo(() => wrapPlainText(requiredFieldsNote, width).map(line => lineText(line)), [width]);
	const saveLines = useMemo(() => wrapPlainText(saveIdentityLabel, Math.max(10, width - gutterWidth - 4)).map(line => lineText(line)), [width]);
	const message = state.confirmingDiscard || state.submission ? 1 : Math.max(outcomeLines.length, noteLines.length);
	// Title, note, three fields, checkbox (and the notify one), button, and the messages: what must be seen.
	const needed = 1 + requiredNoteLines.length + 3 + saveLines.length + (state.notifyOffer ? 1 : 0) + 1 + errorCount + message + (draftProblem ? 1 : 0);
	// On a short terminal the blank lines (and the empty message line) go, then the keys' line (the
	// button says its key), so that the title stays on screen and nothing is cut.
	const roomy = needed + 1 + 3 + 2 <= height;
	const keysLine = roomy || needed + 1 + 2 <= height;
	const fixed = needed + (keysLine ? 1 : 0) + (roomy ? 2 + (message === 0 ? 1 : 0) : 0);
	// The quoted comment gives way to the field on a short terminal.
	const quotedShown = quoted.slice(0, Math.max(0, height - fixed - 2));
	const commentRows = Math.max(2, Math.min(8, height - fixed - quotedShown.length));
	// Where a screen reader's cursor goes: the focused field (the Comment field places it on its cursor's row).
	const commentRef = useRef<DOMElement>(null);
	const nameRef = useRef<DOMElement>(null);
	const emailRef = useRef<DOMElement>(null);
	const websiteRef = useRef<DOMElement>(null);
	const saveIdentityRef = useRef<DOMElement>(null);
	const notifyRef = useRef<DOMElement>(null);
	const submitRef = useRef<DOMElement>(null);
	const focusRefs = {comment: commentRef, name: nameRef, email: emailRef, website: websiteRef, saveIdentity: saveIdentityRef, notify: notifyRef, submit: submitRef};
	useScreenReaderCursor(focusRefs[state.focus], state.focus === 'comment' || state.previewing ? undefined : 0);
	const screenReader = useIsScreenReaderEnabled();
	if (state.previewing) return <CommentPreview state={state} width={width} height={height} title={title} />;
	const saveFocused = state.focus === 'saveIdentity';
	const submitFocused = state.focus === 'submit';

	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Box flexShrink={0}>
				<Text wrap="truncate-end">
					<Text bold>{fitToWidth(title, width)}</Text>
					<Text color={theme.muted}>{fitToWidth(cancelHint, Math.max(0, width - title.length))}</Text>
				</Text>
			</Box>
			{quotedShown.map((line, index) => (
				<Text key={`quote-${index}`} color={theme.muted} wrap="truncate-end" aria-label={line}>{fitToWidth(`  │ ${line}`, width)}</Text>
			))}
			{requiredNoteLines.map((line, index) => <Text key={`note-${index}`} color={theme.muted} wrap="truncate-end">{line}</Text>)}
			{roomy ? <Text> </Text> : null}
			<CommentField state={state} width={width} rows={commentRows} box={commentRef} />
			<SingleLineField field="name" box={nameRef} state={state} width={width} isActive={isActive} onChange={setField} />
			<SingleLineField field="email" box={emailRef} state={state} width={width} isActive={isActive} onChange={setField} />
			<SingleLineField field="website" box={websiteRef} state={state} width={width} isActive={isActive} onChange={setField} />
			{/* Read out as one line each, the label first: "Save my name…: checkbox, not ticked". */}
			<ReaderBox box={saveIdentityRef} aria-label={`${saveIdentityLabel} (checkbox, ${state.draft.saveIdentity ? 'ticked' : 'not ticked'})`}>
				<Text wrap="truncate-end">
					<Gutter focused={saveFocused} />
					<Text color={saveFocused ? theme.accent : undefined} bold={saveFocused}>{state.draft.saveIdentity ? '[x] ' : '[ ] '}</Text>
					{saveLines[0]}
				</Text>
				{saveLines.slice(1).map((line, index) => <Text key={`save-${index}`} wrap="truncate-end">{`${' '.repeat(gutterWidth + 4)}${line}`}</Text>)}
			</ReaderBox>
			{state.notifyOffer ? (
				<ReaderBox box={notifyRef} aria-label={`${state.notifyOffer.label} (checkbox, ${state.draft.notify ? 'ticked' : 'not ticked'})`}>
					<Text wrap="truncate-end">
						<Gutter focused={state.focus === 'notify'} />
						<Text color={state.focus === 'notify' ? theme.accent : undefined} bold={state.focus === 'notify'}>{state.draft.notify ? '[x] ' : '[ ] '}</Text>
						{fitToWidth(state.notifyOffer.label, Math.max(1, width - gutterWidth - 4))}
					</Text>
				</ReaderBox>
			) : null}
			<ReaderBox box={submitRef} aria-label={`Post Comment (button, ${keyMap.labels('send')[0] ?? 'Enter'})`}>
				<Text wrap="truncate-end">
					<Gutter focused={submitFocused} />
					<Text inverse={submitFocused} bold>[ Post Comment ]</Text>
					<Text color={theme.muted}>{` ${keyMap.labels('send')[0] ?? ''}`}</Text>
				</Text>
			</ReaderBox>
			{state.confirmingDiscard ? (
				<Text color={theme.warning} bold wrap="truncate-end">{fitToWidth(`  ${discardQuestion}`, width)}</Text>
			) : state.submission ? (
				<Text>
					{'  '}
					{/* No spinner for a screen reader: it would be read out at every frame. */}
					<Text color={theme.accent} aria-hidden><Spinner type="dots" /></Text>
					{' Sending your comment…'}
				</Text>
			) : screenReader && (state.editorNote ?? state.outcome) ? (
				// A message is one line for a screen reader (the terminal wraps it), not a line per row.
				<Text color={state.outcome ? outcomeColour(state.outcome) : theme.warning}>{state.outcome ? outcomeMessage(state.outcome) : state.editorNote}</Text>
			) : noteLines.length > 0 ? (
				noteLines.map((line, index) => (
					<Text key={index} color={theme.warning} wrap="truncate-end">{`  ${line}`}</Text>
				))
			) : outcomeLines.length > 0 && state.outcome ? (
				outcomeLines.map((line, index) => (
					<Text key={index} color={outcomeColour(state.outcome!)} wrap="truncate-end">{`  ${line}`}</Text>
				))
			) : roomy ? <Text> </Text> : null}
			{draftProblem ? <Text color={theme.warning} wrap="truncate-end">{fitToWidth(`  ${draftProblem}`, width)}</Text> : null}
			{roomy ? <Text> </Text> : null}
			{keysLine ? <Text color={theme.muted} wrap="truncate-end">{fitToWidth(helpText(keyMap, state.focus, width), width)}</Text> : null}
		</Box>
	);
}

/** Ctrl-P: the comment as the blog will show it (paragraphs, links, the HTML WordPress allows a commenter). */
function CommentPreview({state, width, height, title}: {readonly state: CommentFormState; readonly width: number; readonly height: number; readonly title: string}) {
	const keyMap = useKeyMap();
	const lines = useMemo(() => renderThread(buildThread([previewComment(state.draft)]), Math.max(10, width - gutterWidth)).lines, [state.draft, width]);
	const room = Math.max(1, height - 4);
	const shown = lines.slice(0, room);
	const more = lines.length > room ? ` (${lines.length - room} more lines)` : '';
	// Shown as the blog would show it, but not sent as it is (Ctrl-S goes to the field): said here, not first on sending.
	const errors = validateDraft(state.draft);
	const first = firstFieldInError(errors);
	const message = first ? errors[first]! : '';
	const problem = first ? `${fieldLabels[first].replace(' *', '')}: ${message}${/[.!?]$/.test(message) ? '' : '.'} ` : '';
	const hint = `${problem}${keyMap.hint('send', first ? 'goes to it' : 'send')} · any other key: back to the form${more}`;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate-end">{fitToWidth(`${title}: preview, as the blog will show it`, width)}</Text>
			<Text> </Text>
			{shown.map((line, index) => (
				<Box key={index} flexDirection="row">
					<Text>{' '.repeat(gutterWidth)}</Text>
					<StyledLineView line={line} />
				</Box>
			))}
			<Text> </Text>
			<Text color={first ? theme.warning : theme.muted} wrap="truncate-end">{fitToWidth(hint, width)}</Text>
		</Box>
	);
}
