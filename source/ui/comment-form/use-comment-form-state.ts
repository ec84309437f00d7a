import {useReducer} from 'react';
import {commentFields, firstFieldInError, validateDraft, validateField, type CommentField, type FieldErrors} from '../../comments/validation.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import {
	deleteBackward,
	deleteForward,
	insertText,
	moveLeft,
	moveRight,
	moveToRowEdge,
	moveVertically,
	typedText,
	type TextValue,
} from './text-editing.js';

/** What can have the focus, in the order Tab visits them. */
export const focusOrder = [...commentFields, 'saveIdentity', 'submit'] as const;

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
	/** What the user asked of the screen around the form: to close it, or to comment on the post instead (a new object each time). */
	readonly request: {readonly kind: 'close' | 'cancel-reply'} | undefined;
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
	| {readonly type: 'delete-backward'}
	| {readonly type: 'delete-forward'}
	| {readonly type: 'move'; readonly direction: 'left' | 'right' | 'home' | 'end'; readonly width: number}
	| {readonly type: 'submit'}
	| {readonly type: 'answered'; readonly outcome: CommentOutcome}
	| {readonly type: 'escape'}
	| {readonly type: 'cancel-reply'};

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
	const index = focusOrder.indexOf(state.focus);
	return moveFocus(state, focusOrder[Math.max(0, Math.min(index + by, focusOrder.length - 1))]!);
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
	return {...state, draft, cursors, errors, edited: true};
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
	const field = isTextField(state.focus) ? state.focus : undefined;
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
			if (state.focus === 'saveIdentity') {
				return action.text === ' ' ? {...state, draft: {...state.draft, saveIdentity: !state.draft.saveIdentity}, edited: true} : state;
			}
			if (state.focus === 'submit') return action.text === ' ' ? submit(state) : state;
			return field && text ? edit(state, field, insertText(text, typedText(action.text, field === 'comment'))) : state;
		case 'delete-backward':
			return field && text ? edit(state, field, deleteBackward(text)) : state;
		case 'delete-forward':
			return field && text ? edit(state, field, deleteForward(text)) : state;
		case 'move': {
			if (!field || !text) return state;
			const moved = action.direction === 'left' ? moveLeft(text)
				: action.direction === 'right' ? moveRight(text)
					: field === 'comment' ? moveToRowEdge(text, action.width, action.direction === 'home' ? 'start' : 'end')
						: {...text, cursor: action.direction === 'home' ? 0 : text.value.length};
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
