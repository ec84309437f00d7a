import type {EventEmitter} from 'node:events';
import {useApp, useInput, useStdin, type Key} from 'ink';
import {createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {keyOf, KeySplitter, type InputPiece} from './split-keys.js';
import {fromRow, type ScreenMouseEvent} from './mouse.js';

type KeyHandler = (input: string, key: Key) => void;
type MouseHandler = (event: ScreenMouseEvent) => void;

const control = /[\u0000-\u001F\u007F-\u009F]/u;

type Listener = {
	readonly handle: {readonly current: KeyHandler};
	/** Takes a piece of text whole (a text field); otherwise each character is a key of its own. */
	readonly typedText: {readonly current: boolean};
	/** Takes the mouse's events (a screen that answers the wheel and clicks). */
	readonly mouse?: {readonly current: MouseHandler};
};

type RouterOptions = {
	/** Ctrl-C among other keys (Ink quits on a Ctrl-C read on its own). */
	readonly onCtrlC: (() => void) | undefined;
	/** Resolves once React has drawn what the last key did and run its effects. */
	readonly committed: () => Promise<void>;
	/** The mouse is on: its events reach the screens (off, they are dropped, never typed). */
	readonly mouse: boolean;
};

/**
 * The screens' key handlers, all fed from Ink's input events, split into keys (split-keys.ts) and
 * handed over one at a time, in order, each once the screen has answered the one before: a handler
 * always sees the screen the user saw when typing the next key.
 */
class KeyRouter {
	readonly #listeners = new Set<Listener>();
	readonly #queue: InputPiece[] = [];
	#draining = false;

	listen(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	/**
	 * Takes Ink's input events over. Ink's own input hooks (ink-text-input's one-line fields) still get
	 * text, Backspace and ←/→, one key per event, but no commands: ink-text-input would type the letter of
	 * a Ctrl-key, or the text after a Tab into the field the Tab has just left.
	 */
	attach(emitter: EventEmitter, options: RouterOptions): () => void {
		const splitter = new KeySplitter();
		// eslint-disable-next-line @typescript-eslint/unbound-method -- kept as it is to be put back on detach, and always called with .call(emitter).
		const originalEmit = emitter.emit;
		const emitToInk = (input: string) => originalEmit.call(emitter, 'input', input);
		let attached = true;
		emitter.emit = (event: string | symbol, ...args: unknown[]) => {
			const data = args[0];
			if (event !== 'input' || typeof data !== 'string') return originalEmit.call(emitter, event, ...args);
			const inkQuits = data === '\u0003' && options.onCtrlC !== undefined;
			this.#queue.push(...splitter.push(data).filter(piece => !(inkQuits && piece.kind === 'key')));
			void this.#drain(emitToInk, options, () => attached);
			return true;
		};
		return () => {
			attached = false;
			this.#queue.length = 0;
			emitter.emit = originalEmit;
		};
	}

	async #drain(emitToInk: (input: string) => void, options: RouterOptions, attached: () => boolean): Promise<void> {
		if (this.#draining) return;
		this.#draining = true;
		try {
			while (this.#queue.length > 0 && attached()) {
				const piece = this.#queue.shift()!;
				if (piece.kind === 'mouse') {
					// Off, a report is dropped here: it is never a key, nor text for a field.
					const {event} = piece;
					if (!options.mouse || event.kind === 'other') continue;
					const handlers = [...this.#listeners].filter(listener => listener.mouse);
					for (const listener of handlers) listener.mouse!.current(event);
					if (handlers.length > 0) await options.committed();
					continue;
				}
				if (piece.kind === 'key' && piece.sequence === '\u0003' && options.onCtrlC) {
					options.onCtrlC();
					return;
				}
				// Typed fast on a screen of single-key commands ("kk", "gk"): each character is a key, answered in turn.
				if (piece.kind === 'text' && [...piece.text].length > 1 && ![...this.#listeners].some(listener => listener.typedText.current)) {
					const characters = [...piece.text].filter(character => !control.test(character));
					this.#queue.unshift(...characters.map(character => ({kind: 'text' as const, text: character, pasted: piece.pasted})));
					continue;
				}
				const {input, key} = keyOf(piece);
				if (piece.kind === 'text') emitToInk(piece.text);
				else if (key.backspace) emitToInk('\u007F');
				else if ((key.leftArrow || key.rightArrow) && !key.ctrl && !key.meta) emitToInk(piece.sequence);
				for (const listener of [...this.#listeners]) listener.handle.current(input, key);
				await options.committed();
			}
		} finally {
			this.#draining = false;
		}
	}
}

const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);
/** Whether the mouse is on (the terminal reports it): what hands the terminal to an editor turns it off and on again. */
const MouseOnContext = createContext(false);
/** The screen row a part of the screen starts at: its mouse events are counted from there. */
const MouseTopContext = createContext(0);

/** A safety net only: a key whose frame never comes does not hold the next one for longer than this. */
const commitTimeoutMs = 2000;

/**
 * The one place input is read for the whole app. Ink's input events are split into keys (a run of
 * printable characters is text; each control key, escape sequence, Backspace, Delete, Tab and Enter is
 * a key of its own; a bracketed paste is one piece) and handed to the screens one by one. Screens
 * register in a layout effect, in the same commit as their first frame, so every key reaches what is
 * on screen (Ink's useInput subscribes a moment later, in a passive effect).
 */
export function KeyRouterProvider({children, mouse = false}: {readonly children: ReactNode; readonly mouse?: boolean}) {
	const router = useMemo(() => new KeyRouter(), []);
	const {internal_eventEmitter: emitter, internal_exitOnCtrlC: exitOnCtrlC, setRawMode, isRawModeSupported} = useStdin();
	const {exit} = useApp();
	const quit = useRef(exit);
	useLayoutEffect(() => {
		quit.current = exit;
	}, [exit]);

	// After each key, one more render of this provider: React renders it with the key's own updates,
	// and runs its effect after theirs (children first), so when it runs, the key's frame is drawn and
	// a field that has just got the focus listens to Ink's input.
	const [keysHandled, setKeysHandled] = useState(0);
	const waiting = useRef(new Map<number, () => void>());
	// Closing: no frame will come; the keys left are not waited for.
	useEffect(() => () => {
		for (const resolve of waiting.current.values()) resolve();
		waiting.current.clear();
	}, []);
	useEffect(() => {
		for (const [count, resolve] of waiting.current) {
			if (count <= keysHandled) {
				waiting.current.delete(count);
				resolve();
			}
		}
	}, [keysHandled]);
	const next = useRef(0);
	const committed = useCallback(async () => new Promise<void>(resolve => {
		const count = ++next.current;
		const timer = setTimeout(resolve, commitTimeoutMs);
		timer.unref();
		waiting.current.set(count, () => {
			clearTimeout(timer);
			resolve();
		});
		setKeysHandled(count);
	}), []);

	useLayoutEffect(() => router.attach(emitter, {onCtrlC: exitOnCtrlC ? () => quit.current() : undefined, committed, mouse}), [router, emitter, exitOnCtrlC, committed, mouse]);
	// Ink reads the terminal only while something asks for raw mode (useInput does; this does instead).
	useLayoutEffect(() => {
		if (!isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isRawModeSupported, setRawMode]);
	return <KeyRouterContext.Provider value={router}><MouseOnContext.Provider value={mouse}>{children}</MouseOnContext.Provider></KeyRouterContext.Provider>;
}

/** Whether the mouse is on. */
export function useMouseOn(): boolean {
	return useContext(MouseOnContext);
}

/** A part of the screen that starts `rows` rows below the part around it: the mouse's rows inside are counted from its top. */
export function MouseArea({rows, children}: {readonly rows: number; readonly children: ReactNode}) {
	const top = useContext(MouseTopContext);
	return <MouseTopContext.Provider value={top + rows}>{children}</MouseTopContext.Provider>;
}

/**
 * Handles the mouse's wheel and presses while `isActive` and the mouse is on, with rows counted from
 * the top of the MouseArea around (the screen's top without one); columns from the screen's left.
 */
export function useMouse(handler: MouseHandler, options: {readonly isActive?: boolean} = {}): void {
	const router = useContext(KeyRouterContext);
	const top = useContext(MouseTopContext);
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = event => handler(fromRow(event, top));
	});
	const isActive = options.isActive !== false;
	useLayoutEffect(() => (router && isActive ? router.listen({handle: {current: () => {}}, typedText: {current: false}, mouse: latest}) : undefined), [router, isActive]);
}

/** A screen of single-key commands takes a piece of text as its characters, one by one. */
function oneKeyAtATime(handler: KeyHandler): KeyHandler {
	return (input, key) => {
		const characters = [...input];
		if (characters.length < 2) return handler(input, key);
		for (const character of characters) {
			if (!control.test(character)) handler(character, {...key, shift: character !== character.toLowerCase()});
		}
	};
}

/**
 * Handles keys while `isActive`; the handler always sees the state that is on screen. With
 * `typedText`, a piece of text (typed in one read, or pasted) stays one piece; without it, each
 * character is a key of its own.
 */
export function useKeys(handler: KeyHandler, options: {readonly isActive?: boolean; readonly typedText?: boolean} = {}): void {
	const router = useContext(KeyRouterContext);
	const latest = useRef(handler);
	const typedText = useRef(options.typedText === true);
	useLayoutEffect(() => {
		latest.current = options.typedText ? handler : oneKeyAtATime(handler);
		typedText.current = options.typedText === true;
	});
	const isActive = options.isActive !== false;
	useLayoutEffect(() => (router && isActive ? router.listen({handle: latest, typedText}) : undefined), [router, isActive]);
	// Outside the provider (a component on its own, in a test), fall back to Ink's own subscription.
	const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
	useInput(stable, {isActive: !router && isActive});
}
