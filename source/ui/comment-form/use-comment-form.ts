import {useKeys} from '../hooks/use-keys.js';
import type {Action} from '../keys/key-map.js';
import {useKeyMap} from '../keys/use-key-map.js';
import {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {Comment} from '../../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../../model/comment-draft.js';
import type {Post} from '../../model/post.js';
import {cleanLine} from '../../render/sanitize.js';
import type {BlogSource} from '../../sources/blog-source.js';
import {deleteDraft, draftKey as draftKeyOf, loadDraft, saveDraft} from '../../store/drafts.js';
import {loadIdentity, rememberIdentity} from '../../store/identity.js';
import type {CommentField} from '../../comments/validation.js';
import {editText} from '../../comments/external-editor.js';
import {useTerminalHandOver} from './terminal-hand-over.js';
import {useCommentFormState, type CommentFormState, type Submission} from './use-comment-form-state.js';

export type UseCommentFormOptions = {
	readonly source: BlogSource;
	readonly post: Post;
	readonly replyTo: Comment | undefined;
	readonly draftKey: string;
	/** Columns of the comment field's text, for up/down and Home/End over wrapped rows. */
	readonly commentWidth: number;
	readonly onClose: (outcome?: CommentOutcome, sent?: CommentDraft) => void;
	readonly onCancelReply: (() => void) | undefined;
	readonly isActive: boolean;
};

export type CommentFormModel = {
	readonly state: CommentFormState;
	/** Set when the draft could not be written to disk (the form goes on working). */
	readonly draftProblem: string | undefined;
	/** A one-line field's new value, from its ink-text-input. */
	readonly setField: (field: Exclude<CommentField, 'comment'>, value: string) => void;
};

function messageOf(error: unknown): string {
	return cleanLine(error instanceof Error ? error.message : String(error));
}

/** What the form opens with: the saved draft, or an empty comment with the saved identity filled in. */
function openingDraft(draftKey: string, parent: number | string, site: string): CommentDraft {
	try {
		const saved = loadDraft(draftKey);
		// Whether to be notified is asked of the blog's form each time (the field is the form's, not the file's).
		if (saved) {
			const {notify: _notify, ...draft} = saved;
			return {...draft, parent};
		}
	} catch {
		// An unreadable drafts folder: start afresh rather than not at all.
	}
	let identity;
	try {
		identity = loadIdentity({site});
	} catch {
		identity = undefined;
	}
	return {
		comment: '',
		name: identity?.name ?? '',
		email: identity?.email ?? '',
		website: identity?.website ?? '',
		saveIdentity: identity !== undefined,
		parent,
	};
}

/** The form's keys and effects: editing, moving between fields, saving the draft as it changes, sending. */
export function useCommentForm(options: UseCommentFormOptions): CommentFormModel {
	const {source, post, replyTo, draftKey, commentWidth, onClose, onCancelReply} = options;
	const site = source.site.key;
	const [state, dispatch] = useCommentFormState(() => openingDraft(draftKey, replyTo?.id ?? 0, site));
	const [draftProblem, setDraftProblem] = useState<string | undefined>(undefined);
	const mounted = useRef(true);
	useEffect(() => {
		mounted.current = true;
		return () => {
			mounted.current = false;
		};
	}, []);

	// The draft is written as it changes: after Esc, a refusal or a kill, it is there next time.
	// (Layout effects run in the same commit as the frame: what is on screen is on disk.)
	useLayoutEffect(() => {
		if (!state.edited) return;
		try {
			saveDraft(draftKey, state.draft);
			// eslint-disable-next-line react-hooks/set-state-in-effect -- whether the draft is saved is known only once the disk has answered, in this commit; the next frame says so.
			setDraftProblem(undefined);
		} catch (error) {
			setDraftProblem(`The draft could not be saved: ${messageOf(error)}`);
		}
	}, [state.draft, state.edited, draftKey]);

	// Each submission is sent exactly once, whatever React does with effects.
	const sent = useRef<Submission | undefined>(undefined);
	const callbacks = useRef({onClose, onCancelReply});
	useLayoutEffect(() => {
		callbacks.current = {onClose, onCancelReply};
	});
	useLayoutEffect(() => {
		const submission = state.submission;
		if (!submission || sent.current === submission) return;
		sent.current = submission;
		source.submitComment(post, submission.draft).then(
			outcome => {
				if (outcome.kind === 'approved' || outcome.kind === 'held') {
					// As WordPress sets (or, unticked, clears) its commenter cookies: only once it has taken the comment.
					try {
						rememberIdentity(submission.draft, {site});
					} catch {
						// Not remembering the name is no reason to say the comment was not sent.
					}
				}
				if (!mounted.current) return;
				if (outcome.kind === 'approved' || outcome.kind === 'held') {
					try {
						deleteDraft(draftKey);
					} catch {
						// A draft left behind is restored next time: better than a crash now.
					}
					callbacks.current.onClose(outcome, submission.draft);
				} else {
					dispatch({type: 'answered', outcome});
				}
			},
			(error: unknown) => {
				if (mounted.current) dispatch({type: 'answered', outcome: {kind: 'failed', message: messageOf(error)}});
			},
		);
	}, [state.submission, source, post, draftKey, site, dispatch]);

	// Read when a request comes, without running that effect again on every keystroke. (Layout effects
	// run in order: this one before the request's.)
	const latestDraft = useRef(state.draft);
	useLayoutEffect(() => {
		latestDraft.current = state.draft;
	}, [state.draft]);
	useLayoutEffect(() => {
		const kind = state.request?.kind;
		if (kind === 'close') callbacks.current.onClose();
		else if (kind === 'discard') {
			try {
				deleteDraft(draftKey);
			} catch {
				// Could not remove it: it comes back next time, which loses nothing.
			}
			callbacks.current.onClose();
		} else if (kind === 'cancel-reply') {
			// The text and the name, email and website go over to the comment on the post, through its draft.
			const problem = carryOver(latestDraft.current, draftKey, draftKeyOf(site, post.id, 0));
			if (problem) setDraftProblem(problem);
			else callbacks.current.onCancelReply?.();
		}
	}, [state.request, draftKey, site, post.id]);

	// Keys become actions; the reducer reads them against the latest state. (The key router tells
	// Backspace from Delete, which Ink alone does not.)
	const width = commentWidth;
	const canCancelReply = replyTo !== undefined && onCancelReply !== undefined;
	const keyMap = useKeyMap();
	const handOver = useTerminalHandOver();
	useKeys((input, key) => {
		const is = (action: Action) => keyMap.matches(action, input, key);
		if (state.confirmingDiscard) dispatch({type: 'answer-discard', yes: !key.ctrl && !key.meta && (input === 'y' || input === 'Y')});
		else if (is('close-form')) dispatch({type: 'escape'});
		else if (is('send')) dispatch({type: 'submit'});
		else if (is('comment-instead')) {
			if (canCancelReply) dispatch({type: 'cancel-reply'});
		} else if (is('discard')) dispatch({type: 'ask-discard'});
		else if (is('next-field')) dispatch({type: 'next'});
		else if (is('previous-field')) dispatch({type: 'previous'});
		else if (is('enter-field')) dispatch({type: 'enter'});
		else if (is('tick') && (state.focus === 'saveIdentity' || state.focus === 'notify' || state.focus === 'submit')) dispatch({type: 'insert', text: ' '});
		else if (is('open-editor') && state.focus === 'comment' && !state.previewing) {
			// The reader waits for the editor (it has the terminal meanwhile), then takes what it saved.
			dispatch({type: 'edited-outside', outcome: editText(state.draft.comment, {handOver})});
		} else if (is('preview-comment')) dispatch({type: 'toggle-preview'});
		else if (is('cursor-up')) dispatch({type: 'up', width});
		else if (is('cursor-down')) dispatch({type: 'down', width});
		else if (is('cursor-left')) dispatch({type: 'move', direction: 'left', width});
		else if (is('cursor-right')) dispatch({type: 'move', direction: 'right', width});
		else if (is('row-start')) dispatch({type: 'move', direction: 'home', width});
		else if (is('row-end')) dispatch({type: 'move', direction: 'end', width});
		else if (is('delete-word')) dispatch({type: 'delete-word-backward'});
		else if (key.backspace) dispatch({type: 'delete-backward'});
		else if (is('delete-forward')) dispatch({type: 'delete-forward'});
		else if (is('delete-to-start')) dispatch({type: 'delete-to-line-start'});
		else if (is('delete-to-end')) dispatch({type: 'delete-to-line-end'});
		else if (!key.ctrl && !key.meta && input !== '') dispatch({type: 'insert', text: input});
	}, {isActive: options.isActive, typedText: true});

	// The blog's "Notify me of follow-up comments" checkbox, looked for on the post's page.
	useEffect(() => {
		if (!source.findNotifyCheckbox) return;
		const abort = new AbortController();
		source.findNotifyCheckbox(post, {signal: abort.signal}).then(checkbox => {
			if (checkbox && !abort.signal.aborted) dispatch({type: 'notify-offered', checkbox});
		}, () => undefined);
		return () => abort.abort();
	}, [source, post, dispatch]);

	const setField = useCallback((field: Exclude<CommentField, 'comment'>, value: string) => dispatch({type: 'set-field', field, value}), [dispatch]);
	return {state, draftProblem, setField};
}

/**
 * Moves a reply's draft to the draft of a comment on the post (Ctrl-X). A draft already there keeps
 * its text, with the reply's after it, and its own name, email and website (and its tick) where it
 * has them, the reply's filling in what it lacks: nothing is lost. Returns what went wrong, if anything.
 */
function carryOver(reply: CommentDraft, from: string, to: string): string | undefined {
	if (from === to) return undefined;
	try {
		const there = loadDraft(to);
		const texts = [there?.comment ?? '', reply.comment].filter(text => text.trim() !== '');
		const comment = [...new Set(texts)].join('\n\n');
		const has = (field: 'name' | 'email' | 'website') => there !== undefined && there[field].trim() !== '';
		const own = (field: 'name' | 'email' | 'website') => (has(field) ? there![field] : reply[field]);
		saveDraft(to, {
			...reply,
			comment,
			name: own('name'),
			email: own('email'),
			website: own('website'),
			// The tick goes with the name and email it is for.
			saveIdentity: there && (has('name') || has('email')) ? there.saveIdentity : reply.saveIdentity,
			parent: 0,
		});
		deleteDraft(from);
		return undefined;
	} catch (error) {
		return `The draft could not be moved to a comment on the post: ${messageOf(error)}`;
	}
}
