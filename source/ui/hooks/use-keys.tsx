import type {EventEmitter} from 'node:events';
import {useApp, useInput, useStdin, type Key} from 'ink';
import {createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {keyOf, KeySplitter, type InputPiece, type KeyPiece} from './split-keys.js';
import {fromRow, type ScreenMouseEvent} from './mouse.js';
import {useKeyMap} from '../keys/use-key-map.js';

/**
 * What a handler gives back: nothing when it has taken the key, or 'hold' when the screen cannot take it
 * yet (what the key acts on is still loading): the key waits, and every key after it, until it can.
 */
export type KeyResult = 'hold' | undefined | void;
type KeyHandler = (input: string, key: Key) => KeyResult;
type MouseHandler = (event: ScreenMouseEvent) => void;

const control = /[\u0000-\u001F\u007F-\u009F]/u;

/** The keys of a listener that takes only the mouse. */
const noKeys: {readonly current: KeyHandler} = {current: () => undefined};

type Listener = {
	readonly handle: {readonly current: KeyHandler};
	/**
	 * A line or field typed into is open (a search line, a password, a link's number, the comment form): it
	 * takes a piece of text whole, and every key, the screens beside it none. Otherwise each character is a
	 * key of its own, offered to every screen listening.
	 */
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
	/** Keys taken at once while others are held (Esc: stop loading): the keys held are dropped. */
	readonly atOnce: (input: string, key: Key) => boolean;
};

/** A key a screen cannot take yet. */
type Held = {
	readonly piece: KeyPiece;
	/** The screens that cannot take it yet. */
	readonly holding: ReadonlySet<Listener>;
	/** The screens that have taken it: each screen gets a key once. */
	readonly took: Set<Listener>;
	/** A line was being typed into when it was held. */
	readonly typing: boolean;
};

/**
 * The screens' key handlers, all fed from Ink's input events, split into keys (split-keys.ts) and
 * handed over one at a time, in order, each once the screen has answered the one before: a handler
 * always sees the screen the user saw when typing the next key. A screen that is still loading what a
 * key acts on holds it (its handler says 'hold'): that key, and every key after it, waits until the
 * screen can take it, and is then taken in turn. Esc (stop loading) typed meanwhile is taken at once,
 * and the keys held for what it stops are dropped.
 */
class KeyRouter {
	readonly #listeners = new Set<Listener>();
	readonly #queue: InputPiece[] = [];
	#draining = false;
	#held: Held | undefined;
	/** Wakes the queue while a key is held: something changed that may let it through. */
	#wake: (() => void) | undefined;

	listen(listener: Listener): () => void {
		this.#listeners.add(listener);
		this.changed();
		return () => {
			this.#listeners.delete(listener);
			this.changed();
		};
	}

	/** A screen drew a new state, came or went, or keys came in: a key held is offered again. */
	changed(): void {
		const wake = this.#wake;
		this.#wake = undefined;
		wake?.();
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
			this.changed();
			void this.#drain(emitToInk, options, () => attached);
			return true;
		};
		return () => {
			attached = false;
			this.#queue.length = 0;
			this.#held = undefined;
			this.changed();
			emitter.emit = originalEmit;
		};
	}

	/**
	 * Typed fast on a screen of single-key commands ("kk", "gk"): each character is a key, answered in
	 * turn. Splits `piece` (just taken off the queue: put back as its characters) or, without it, every
	 * piece of text waiting. Whether a screen takes text whole is asked when the text comes to it.
	 */
	#splitTyping(piece?: KeyPiece & {readonly kind: 'text'}): boolean {
		if ([...this.#listeners].some(listener => listener.typedText.current)) return false;
		const characters = (text: KeyPiece & {readonly kind: 'text'}) => [...text.text].filter(character => !control.test(character)).map(character => ({kind: 'text' as const, text: character, pasted: text.pasted}));
		if (piece) {
			if ([...piece.text].length < 2) return false;
			this.#queue.unshift(...characters(piece));
			return true;
		}
		const split = this.#queue.flatMap(waiting => (waiting.kind === 'text' && [...waiting.text].length > 1 ? characters(waiting) : [waiting]));
		this.#queue.splice(0, this.#queue.length, ...split);
		return true;
	}

	/**
	 * Gives a key to Ink's own input hooks (once, as it first comes to the screens): text, Backspace, the
	 * cursor's keys (←/→, Home/End, Ctrl-A/Ctrl-E) and Ctrl-U/Ctrl-K, which the one-line fields edit with
	 * (scripts/build-plugins.mjs teaches ink-text-input the last ones, as the Comment field has them).
	 */
	#toInk(piece: KeyPiece, emitToInk: (input: string) => void): void {
		const {input, key} = keyOf(piece);
		if (piece.kind === 'text') emitToInk(piece.text);
		else if (key.backspace) emitToInk('\u007F');
		else if ((key.leftArrow || key.rightArrow || key.home || key.end) && !key.ctrl && !key.meta) emitToInk(piece.sequence);
		else if (key.ctrl && !key.meta && ['a', 'e', 'u', 'k'].includes(input)) emitToInk(piece.sequence);
	}

	/**
	 * Offers a key to every screen that has not taken it (`took`): whether it is through. Otherwise it is
	 * held, by the screens that cannot take it yet, and offered again when something changes.
	 */
	#offer(piece: KeyPiece, took: Set<Listener>): boolean {
		const {input, key} = keyOf(piece);
		const holding = new Set<Listener>();
		// A line typed into takes every key: `R` or `?` typed in a search is a letter of it, never a screen's command.
		const typing = this.#typingListeners();
		for (const listener of typing.length > 0 ? typing : this.#listening()) {
			if (took.has(listener)) continue;
			if (listener.handle.current(input, key) === 'hold') holding.add(listener);
			else took.add(listener);
		}
		if (holding.size === 0) return true;
		this.#held = {piece, holding, took, typing: typing.length > 0};
		return false;
	}

	#listening(): Listener[] {
		return [...this.#listeners].filter(listener => listener.handle !== noKeys);
	}

	/** The lines or fields being typed into now. */
	#typingListeners(): Listener[] {
		return this.#listening().filter(listener => listener.typedText.current);
	}

	/** Whether a key typed after one held goes ahead of it: Esc (as the options say), or Ctrl-C among other keys. */
	#goesAhead(piece: InputPiece, options: RouterOptions): boolean {
		if (piece.kind === 'mouse' || (piece.kind === 'text' && piece.pasted)) return false;
		if (piece.kind === 'key' && piece.sequence === '\u0003' && options.onCtrlC) return true;
		const {input, key} = keyOf(piece);
		return options.atOnce(input, key);
	}

	/** The key held, offered again: whether it is through (taken, or dropped). */
	#offerHeld(held: Held, options: RouterOptions): boolean {
		// Esc typed since: taken at once; the keys held before it were typed for what it stops. (Not q: it may be
		// typed ahead into a search.)
		this.#splitTyping();
		const jump = this.#queue.findIndex(piece => this.#goesAhead(piece, options));
		if (jump !== -1) {
			this.#queue.splice(0, jump);
			return true;
		}
		// The screens that held it have gone (the help opened over them): it goes with them, unless no screen
		// has taken it (connected: the reader comes, and gets it). While one is there, a screen that comes
		// with what it loaded (the thread's comments) gets it too.
		if (![...held.holding].some(listener => this.#listeners.has(listener)) && held.took.size > 0) return true;
		// A line opened of itself meanwhile (what loaded asks for a password): the keys typed ahead were commands
		// for the screen, never text for the line; they go, and nothing is typed or sent with them.
		if (!held.typing && this.#typingListeners().length > 0) {
			this.#queue.splice(0, this.#queue.length);
			return true;
		}
		return this.#offer(held.piece, held.took);
	}

	async #drain(emitToInk: (input: string) => void, options: RouterOptions, attached: () => boolean): Promise<void> {
		if (this.#draining) return;
		this.#draining = true;
		try {
			while (attached()) {
				if (this.#held) {
					const held = this.#held;
					this.#held = undefined;
					if (!this.#offerHeld(held, options)) {
						// Offered again when something changes: a screen draws, comes or goes, or more keys come.
						await new Promise<void>(resolve => {
							this.#wake = resolve;
						});
						continue;
					}
					await options.committed();
					continue;
				}
				if (this.#queue.length === 0) break;
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
				if (piece.kind === 'text' && this.#splitTyping(piece)) continue;
				this.#toInk(piece, emitToInk);
				this.#offer(piece, new Set());
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

	// Esc (stop loading) while keys are held: at once, as the key map says now.
	const keyMap = useKeyMap();
	const keyMapNow = useRef(keyMap);
	useLayoutEffect(() => {
		keyMapNow.current = keyMap;
	}, [keyMap]);
	const atOnce = useCallback((input: string, key: Key) => keyMapNow.current.matches('cancel', input, key), []);
	useLayoutEffect(() => router.attach(emitter, {onCtrlC: exitOnCtrlC ? () => quit.current() : undefined, committed, mouse, atOnce}), [router, emitter, exitOnCtrlC, committed, mouse, atOnce]);
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
	useLayoutEffect(() => (router && isActive ? router.listen({handle: noKeys, typedText: {current: false}, mouse: latest}) : undefined), [router, isActive]);
}

/** A screen of single-key commands takes a piece of text as its characters, one by one. */
function oneKeyAtATime(handler: KeyHandler): KeyHandler {
	return (input, key) => {
		const characters = [...input];
		if (characters.length < 2) return handler(input, key);
		// (Only a text field takes text whole: a screen of commands beside it never holds a key.)
		for (const character of characters) {
			if (!control.test(character)) handler(character, {...key, shift: character !== character.toLowerCase()});
		}
	};
}

/**
 * Handles keys while `isActive`; the handler always sees the state that is on screen. With
 * `typedText` (a line or field being typed into), a piece of text (typed in one read, or pasted) stays
 * one piece, and the handler gets every key: the other screens' handlers get none meanwhile, so that a
 * letter typed is never one of their commands. Without it, each character is a key of its own. A handler that gives back 'hold' cannot take the key yet (what it acts
 * on is loading): it gets it again, and the keys after it in turn, once the screen has drawn a change
 * that lets it take it.
 */
export function useKeys(handler: KeyHandler, options: {readonly isActive?: boolean; readonly typedText?: boolean} = {}): void {
	const router = useContext(KeyRouterContext);
	const latest = useRef(handler);
	const typedText = useRef(options.typedText === true);
	useLayoutEffect(() => {
		latest.current = options.typedText ? handler : oneKeyAtATime(handler);
		typedText.current = options.typedText === true;
		// A new state on screen: a key held for it may be taken now.
		router?.changed();
	});
	const isActive = options.isActive !== false;
	useLayoutEffect(() => (router && isActive ? router.listen({handle: latest, typedText}) : undefined), [router, isActive]);
	// Outside the provider (a component on its own, in a test), fall back to Ink's own subscription.
	const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
	useInput(stable, {isActive: !router && isActive});
}
