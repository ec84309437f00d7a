import {useReducer} from 'react';
import {commentFields, firstFieldInError, validateDraft, validateField, type CommentField, type FieldErrors} from '../../comments/validation.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {EditorOutcome} from '../../comments/external-editor.js';
import type {NotifyCheckbox} from '../../comments/notify-checkbox.js';
import {
	deleteBackward,
	deleteForward,
	deleteToLineEnd,
	deleteToLineStart,
	deleteWordBackward,
	insertText,
	moveLeft,
	moveRight,
	moveToRowEdge,
	moveVertically,
	typedText,
	type TextValue,
} from './text-editing.js';

/** What can have the focus, in the order Tab visits them. */
export const focusOrder = [...commentFields, 'saveIdentity', 'notify', 'submit'] as const;

export type FocusTarget = (typeof focusOrder)[number];

/** A comment on its way to the blog: set when a valid draft is submitted, cleared by the answer. */
export type Submission = {
	readonly draft: CommentDraft;
};

/** Everything the "Leave a Reply" form remembers between keys. */
export type CommentFormState = {
	readonly draft: CommentDraft;
	/** The cursor of each text field (an offset in its value). */
	readonly cursors: Readonly<Record<CommentField, number>>;
	readonly focus: FocusTarget;
	/** The messages shown under the fields. */
	readonly errors: FieldErrors;
	/** True once the user has changed something: only then is the draft saved. */
	readonly edited: boolean;
	/** The comment being sent (the spinner shows, keys wait). */
	readonly submission: Submission | undefined;
	/** The blog's last answer, shown on the form (a refusal, or no answer). */
	readonly outcome: CommentOutcome | undefined;
	/** "Discard this draft? y/n" is asked (the next key answers it). */
	readonly confirmingDiscard: boolean;
	/** What the editor (Ctrl-E) did when it changed nothing: left the comment empty, or failed. */
	readonly editorNote?: string;
	/** The blog's "Notify me of follow-up comments" checkbox, when its form has one (a stop for Tab only then). */
	readonly notifyOffer?: NotifyCheckbox;
	/** The comment is shown as the blog will show it (Ctrl-P), instead of the fields. */
	readonly previewing?: boolean;
	/** What the user asked of the screen around the form: to close it, to comment on the post instead, or to throw the draft away (a new object each time). */
	readonly request: {readonly kind: 'close' | 'cancel-reply' | 'discard'} | undefined;
};

/*
Keys arrive as actions and the reducer decides what they mean where the focus is, so a key is always
read against the latest state, however fast the keys come (Enter right after Tab).
*/
export type CommentFormAction =
	| {readonly type: 'next'}
	| {readonly type: 'previous'}
	| {readonly type: 'enter'}
	| {readonly type: 'up'; readonly width: number}
	| {readonly type: 'down'; readonly width: number}
	| {readonly type: 'insert'; readonly text: string}
	/** A one-line field's new value (ink-text-input edits those fields itself). */
	| {readonly type: 'set-field'; readonly field: Exclude<CommentField, 'comment'>; readonly value: string}
	| {readonly type: 'delete-backward'}
	| {readonly type: 'delete-forward'}
	| {readonly type: 'delete-word-backward'}
	| {readonly type: 'delete-to-line-start'}
	| {readonly type: 'delete-to-line-end'}
	| {readonly type: 'ask-discard'}
	| {readonly type: 'answer-discard'; readonly yes: boolean}
	| {readonly type: 'move'; readonly direction: 'left' | 'right' | 'home' | 'end'; readonly width: number}
	| {readonly type: 'submit'}
	| {readonly type: 'answered'; readonly outcome: CommentOutcome}
	| {readonly type: 'escape'}
	| {readonly type: 'cancel-reply'}
	/** The editor is done with the comment (Ctrl-E). */
	| {readonly type: 'edited-outside'; readonly outcome: EditorOutcome}
	| {readonly type: 'toggle-preview'}
	/** The blog's form has the notify checkbox (found on the post's page). */
	| {readonly type: 'notify-offered'; readonly checkbox: NotifyCheckbox};

const isTextField = (focus: FocusTarget): focus is CommentField => (commentFields as readonly string[]).includes(focus);

/** The form as it opens: a restored draft wins over the saved identity. */
export function initialCommentFormState(draft: CommentDraft): CommentFormState {
	return {
		draft,
		cursors: {comment: draft.comment.length, name: draft.name.length, email: draft.email.length, website: draft.website.length},
		focus: 'comment',
		errors: {},
		edited: false,
		submission: undefined,
		outcome: undefined,
		confirmingDiscard: false,
		request: undefined,
	};
}

/** Leaving a text field shows its message (or clears it). */
function moveFocus(state: CommentFormState, focus: FocusTarget): CommentFormState {
	if (focus === state.focus) return state;
	if (!isTextField(state.focus)) return {...state, focus};
	const field = state.focus;
	const message = validateField(field, state.draft);
	const errors = {...state.errors};
	if (message) errors[field] = message;
	else delete errors[field];
	return {...state, focus, errors};
}

function step(state: CommentFormState, by: 1 | -1): CommentFormState {
	// The notify checkbox is a stop only when the blog's form has one.
	const order = focusOrder.filter(target => target !== 'notify' || state.notifyOffer !== undefined);
	const index = order.indexOf(state.focus);
	return moveFocus(state, order[Math.max(0, Math.min(index + by, order.length - 1))]!);
}

/** A change to a field: its message, if one is shown, follows the new value (and goes away once it is fixed). */
function edit(state: CommentFormState, field: CommentField, next: TextValue): CommentFormState {
	if (next.value === state.draft[field] && next.cursor === state.cursors[field]) return state;
	const cursors = {...state.cursors, [field]: next.cursor};
	if (next.value === state.draft[field]) return {...state, cursors};
	const draft = {...state.draft, [field]: next.value};
	let {errors} = state;
	if (errors[field] !== undefined) {
		errors = {...errors};
		const message = validateField(field, draft);
		if (message) errors[field] = message;
		else delete errors[field];
	}
	// A refusal (duplicate, too fast) was about the text as it was: once it changes, the message goes.
	const outcome = state.outcome?.kind === 'refused' || state.outcome?.kind === 'failed' ? undefined : state.outcome;
	return {...state, draft, cursors, errors, outcome, edited: true};
}

/** Submitting: with errors, nothing is sent and the focus goes to the first field in error. */
function submit(state: CommentFormState): CommentFormState {
	const errors = validateDraft(state.draft);
	const first = firstFieldInError(errors);
	if (first) return {...state, errors, focus: first, outcome: undefined};
	return {...state, errors: {}, outcome: undefined, submission: {draft: state.draft}};
}

export function commentFormReducer(state: CommentFormState, action: CommentFormAction): CommentFormState {
	if (state.submission) {
		return action.type === 'answered' ? {...state, submission: undefined, outcome: action.outcome} : state;
	}
	if (state.confirmingDiscard) {
		// Asked once: y discards, any other key keeps the draft.
		if (action.type !== 'answer-discard') return state;
		return {...state, confirmingDiscard: false, request: action.yes ? {kind: 'discard'} : state.request};
	}
	if (action.type === 'edited-outside') {
		if (action.outcome.kind !== 'saved') return {...state, editorNote: action.outcome.message};
		const {text} = action.outcome;
		return {...edit(state, 'comment', {value: text, cursor: text.length}), editorNote: undefined};
	}
	if (action.type === 'toggle-preview') return {...state, previewing: !state.previewing};
	if (action.type === 'notify-offered') {
		// Ticked as the blog's form has it, unless the user has already been at the form.
		const tick = action.checkbox.checked && !state.edited && !state.draft.notify;
		return {...state, notifyOffer: action.checkbox, ...(tick ? {draft: {...state.draft, notify: {field: action.checkbox.field, value: action.checkbox.value}}} : {})};
	}
	// In the preview, Ctrl-S sends; any other key goes back to the form (and does nothing else).
	if (state.previewing) return action.type === 'submit' ? submit({...state, previewing: false}) : {...state, previewing: false};
	// The editor's note has been read once another key comes.
	if (state.editorNote !== undefined) state = {...state, editorNote: undefined};
	// The comment is edited here; Name, Email and Website by ink-text-input (set-field).
	const field = state.focus === 'comment' ? state.focus : undefined;
	const text: TextValue | undefined = field ? {value: state.draft[field], cursor: state.cursors[field]} : undefined;
	switch (action.type) {
		case 'next':
			return step(state, 1);
		case 'previous':
			return step(state, -1);
		case 'enter':
			if (field === 'comment' && text) return edit(state, field, insertText(text, '\n'));
			return state.focus === 'submit' ? submit(state) : step(state, 1);
		case 'up':
		case 'down':
			if (field === 'comment' && text) return edit(state, field, moveVertically(text, action.width, action.type === 'up' ? -1 : 1));
			return step(state, action.type === 'up' ? -1 : 1);
		case 'insert':
			if (state.focus === 'notify' && state.notifyOffer) {
				if (action.text !== ' ') return state;
				const {field, value} = state.notifyOffer;
				const {notify, ...rest} = state.draft;
				return {...state, draft: notify ? rest : {...rest, notify: {field, value}}, edited: true};
			}
			if (state.focus === 'saveIdentity') {
				return action.text === ' ' ? {...state, draft: {...state.draft, saveIdentity: !state.draft.saveIdentity}, edited: true} : state;
			}
			if (state.focus === 'submit') return action.text === ' ' ? submit(state) : state;
			return field && text ? edit(state, field, insertText(text, typedText(action.text, field === 'comment'))) : state;
		case 'delete-backward':
			return field && text ? edit(state, field, deleteBackward(text)) : state;
		case 'delete-forward':
			return field && text ? edit(state, field, deleteForward(text)) : state;
		case 'delete-word-backward':
			return field && text ? edit(state, field, deleteWordBackward(text)) : state;
		case 'delete-to-line-start':
			return field && text ? edit(state, field, deleteToLineStart(text)) : state;
		case 'delete-to-line-end':
			return field && text ? edit(state, field, deleteToLineEnd(text)) : state;
		case 'set-field': {
			const value = typedText(action.value, false);
			return edit(state, action.field, {value, cursor: Math.min(state.cursors[action.field], value.length)});
		}
		case 'ask-discard':
			return {...state, confirmingDiscard: true};
		case 'answer-discard':
			return state;
		case 'move': {
			if (!field || !text) return state;
			const moved = action.direction === 'left' ? moveLeft(text)
				: action.direction === 'right' ? moveRight(text)
					: moveToRowEdge(text, action.width, action.direction === 'home' ? 'start' : 'end');
			return edit(state, field, moved);
		}
		case 'submit':
			return submit(state);
		case 'answered':
			return state;
		case 'escape':
			return {...state, request: {kind: 'close'}};
		case 'cancel-reply':
			return {...state, request: {kind: 'cancel-reply'}};
	}
}

export function useCommentFormState(draft: () => CommentDraft) {
	return useReducer(commentFormReducer, undefined, () => initialCommentFormState(draft()));
}
