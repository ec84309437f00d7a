import {useCallback, useEffect, useRef, useState} from 'react';
import {isLocked, type Post} from '../../model/post.js';
import {isBlogError} from '../../errors.js';
import type {BlogSource} from '../../sources/blog-source.js';

/** The password field of a password-protected post: what is typed (shown masked), and how the last try went. */
export type UnlockState = {
	readonly typed: string;
	readonly status: 'asking' | 'checking' | 'wrong' | 'failed';
	/** Why the last try failed, when it was not the password (the blog could not be reached). */
	readonly error?: string;
	/** "Remember it on this computer" is ticked (Tab): the right password is kept beyond this run. */
	readonly remember?: boolean;
};

const asking: UnlockState = {typed: '', status: 'asking'};

/**
 * Unlocking a password-protected post: the password typed is sent to the blog with the post's ID; the
 * right one gives the post (with its body, and the password for its comments), a wrong one asks again.
 * A password given before in this session (`known`) is tried at once.
 */
export function useUnlock(source: BlogSource, post: Post | undefined, known: string | undefined, onUnlocked: (post: Post, password: string, remember: boolean) => void) {
	const [state, setState] = useState<UnlockState>(asking);
	const [unlocked, setUnlocked] = useState<Post | undefined>(undefined);
	const trying = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => trying.current?.abort(), []);
	const locked = post !== undefined && isLocked(post);

	const remember = useRef(false);
	const tryPassword = useCallback((password: string) => {
		if (!post || password === '') return;
		trying.current?.abort();
		const abort = new AbortController();
		trying.current = abort;
		setState({typed: '', status: 'checking', remember: remember.current});
		source.fetchPost({kind: 'id', id: post.id}, {password, signal: abort.signal}).then(
			found => {
				if (abort.signal.aborted) return;
				if (isLocked(found)) return setState({typed: '', status: 'wrong', remember: remember.current});
				setUnlocked(found);
				setState(asking);
				onUnlocked(found, password, remember.current);
			},
			(error: unknown) => {
				if (abort.signal.aborted) return;
				if (isBlogError(error) && error.kind === 'wrong-password') setState({typed: '', status: 'wrong', remember: remember.current});
				else setState({typed: '', status: 'failed', error: isBlogError(error) ? error.message : 'Could not ask the blog.', remember: remember.current});
			},
		);
	}, [source, post, onUnlocked]);

	// A password given earlier in this session opens the post without asking. (Not the one just typed:
	// once it unlocks the post it is known too, and asking again would fetch and keep it twice.)
	const triedKnown = useRef(false);
	useEffect(() => {
		if (!locked || known === undefined || triedKnown.current || unlocked !== undefined) return;
		triedKnown.current = true;
		tryPassword(known);
	}, [locked, known, tryPassword, unlocked]);

	// What is typed, as of the last key: keys read together (a paste, then Enter) come before a render.
	// "That password is not right." (or why the blog could not be asked) stays until a new one is typed into
	// the field, as the reply form's messages go once a letter is typed.
	const typed = useRef('');
	const setTyped = (next: string) => {
		typed.current = next;
		setState(current => ({...current, typed: next, status: next === '' && current.status !== 'checking' ? current.status : 'asking'}));
	};
	return {
		/** The post with its body, once the right password was given. */
		unlocked,
		/** Whether the field is shown: the post is locked and not yet unlocked. */
		asking: locked && unlocked === undefined,
		state,
		type: (text: string) => {
			if (state.status !== 'checking') setTyped(typed.current + text);
		},
		erase: () => setTyped([...typed.current].slice(0, -1).join('')),
		clear: () => setTyped(''),
		toggleRemember: () => {
			remember.current = !remember.current;
			setState(current => ({...current, remember: remember.current}));
		},
		submit: () => {
			const password = typed.current;
			typed.current = '';
			tryPassword(password);
		},
	};
}
