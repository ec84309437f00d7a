import {useInput, type Key} from 'ink';
import React, {createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';

type KeyHandler = (input: string, key: Key) => void;

/** The screens' key handlers, all fed by one subscription to Ink's input that lives as long as the app. */
class KeyRouter {
	readonly #handlers = new Set<{readonly current: KeyHandler}>();

	listen(handler: {readonly current: KeyHandler}): () => void {
		this.#handlers.add(handler);
		return () => {
			this.#handlers.delete(handler);
		};
	}

	dispatch(input: string, key: Key): void {
		for (const handler of [...this.#handlers]) handler.current(input, key);
	}
}

const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

/**
 * Subscribes once to Ink's input for the whole app. Ink's useInput subscribes in a passive effect, a
 * moment after a screen is drawn: a key typed in that moment would be lost, or reach the screen's
 * previous handler with the previous state. Screens under this provider register in a layout effect,
 * in the same commit as their first frame, so every key reaches what is on screen.
 */
export function KeyRouterProvider({children}: {readonly children: ReactNode}) {
	const router = useMemo(() => new KeyRouter(), []);
	useInput((input, key) => router.dispatch(input, key));
	return <KeyRouterContext.Provider value={router}>{children}</KeyRouterContext.Provider>;
}

/**
 * When a busy moment lets several keys pile up, the terminal hands them over as one string ("jjj"):
 * a screen of single-key commands takes them one by one, as they were typed.
 */
function oneKeyAtATime(handler: KeyHandler): KeyHandler {
	return (input, key) => {
		const characters = [...input];
		if (characters.length < 2 || /[\u0000-\u001F\u007F]/.test(input)) return handler(input, key);
		for (const character of characters) handler(character, {...key, shift: character !== character.toLowerCase()});
	};
}

/**
 * Handles keys while `isActive`; the handler always sees the state that is on screen. With
 * `typedText`, text that arrives in one piece (a paste) stays one piece; without it, each character
 * is a key of its own.
 */
export function useKeys(handler: KeyHandler, options: {readonly isActive?: boolean; readonly typedText?: boolean} = {}): void {
	const router = useContext(KeyRouterContext);
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = options.typedText ? handler : oneKeyAtATime(handler);
	});
	const isActive = options.isActive !== false;
	useLayoutEffect(() => (router && isActive ? router.listen(latest) : undefined), [router, isActive]);
	// Outside the provider (a component on its own, in a test), fall back to Ink's own subscription.
	const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
	useInput(stable, {isActive: !router && isActive});
}
