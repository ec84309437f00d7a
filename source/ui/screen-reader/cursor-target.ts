import {useIsScreenReaderEnabled, type DOMElement} from 'ink';
import {createContext, useContext, useInsertionEffect, useLayoutEffect, useReducer, useRef, type RefObject} from 'react';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';
import {textWidth} from '../../render/text-width.js';

/** Where the cursor goes: the start of a child (by its index) of the Box given `element` as its ref. */
export type CursorTarget = {readonly element: RefObject<DOMElement | null>; readonly child: number};

/** The one target of a render: the screen that placed it last (its selection, or its focused field). */
export type CursorTargets = {
	readonly current: () => CursorTarget | undefined;
	/** Makes `target` the one; gives what takes it away again (if it still is the one). */
	readonly place: (target: CursorTarget) => () => void;
};

/** A render's targets. */
export function cursorTargets(): CursorTargets {
	let current: CursorTarget | undefined;
	return {
		current: () => current,
		place(target) {
			current = target;
			return () => {
				if (current === target) current = undefined;
			};
		},
	};
}

/** Given by the reader's render (run-interactive): without it, no screen asks for the cursor. */
export const CursorTargetContext = createContext<CursorTargets | undefined>(undefined);

/**
 * In Ink's screen-reader mode, the terminal's cursor is parked at the start of the `child`-th child of
 * the Box that takes `element` as its ref, so that a braille display follows the selection or the focus.
 * Set as Ink's own useCursor sets its position: in the commit, before Ink writes the frame.
 */
export function useScreenReaderCursor(element: RefObject<DOMElement | null>, child: number | undefined): void {
	const targets = useContext(CursorTargetContext);
	const on = useIsScreenReaderEnabled() && targets !== undefined && child !== undefined;
	useInsertionEffect(() => {
		if (!on || child === undefined) return undefined;
		return targets.place({element, child});
	});
	// React gives a new Box its ref only after Ink has written the frame it appears in: one more frame
	// then parks the cursor on it.
	const [, redraw] = useReducer((count: number) => count + 1, 0);
	const seen = useRef<DOMElement | null>(null);
	useLayoutEffect(() => {
		if (!on || element.current === seen.current) return;
		seen.current = element.current;
		redraw();
	});
}

/** A place in a screen reader's frame: its row (after Ink wraps it to the terminal's width) and column. */
export type FramePlace = {readonly row: number; readonly column: number};

// Marks the target in the text read out; never in a frame (clean text has no control characters).
const mark = '\u0000';

/**
 * Where `target` is in the screen reader's frame Ink wrote (`output`, before wrapping to `columns`), read
 * from Ink's tree as Ink reads it for a screen reader (render-node-to-output.js). Undefined when the
 * target is not on screen, or when the text found is not Ink's (Ink reads it otherwise now): the cursor
 * then stays where Ink leaves it.
 */
export function screenReaderCursorAt(root: DOMElement, target: CursorTarget | undefined, output: string, columns: number): FramePlace | undefined {
	const element = target?.element.current;
	if (!target || !element) return undefined;
	const text = readOut(root, {element, child: target.child}, undefined);
	const at = text.indexOf(mark);
	if (at === -1 || stripAnsi(text.replace(mark, '')) !== stripAnsi(output)) return undefined;
	const before = stripAnsi(text.slice(0, at)).split('\n');
	const lineStart = before.at(-1)!;
	// Ink wraps each line to the terminal's width: the rows of the lines above, then the row within the line.
	const rowsAbove = before.slice(0, -1).reduce((rows, line) => rows + rowsOf(line, columns), 0);
	const within = rowsOf(lineStart === '' ? ' ' : lineStart, columns) - 1;
	const column = textWidth(wrapAnsi(lineStart, columns, {trim: false, hard: true}).split('\n').at(-1)!);
	return {row: rowsAbove + within, column: Math.min(column, Math.max(0, columns - 1))};
}

function rowsOf(line: string, columns: number): number {
	return wrapAnsi(line, columns, {trim: false, hard: true}).split('\n').length;
}

type Marked = {readonly element: DOMElement; readonly child: number};
type Node = DOMElement['childNodes'][number];

/** The text of a node as Ink's screen-reader mode writes it, with `mark` where the target starts. */
function readOut(node: Node, marked: Marked, parentRole: string | undefined): string {
	if (node.nodeName === '#text') return node.nodeValue;
	if (node.internal_static || node.style.display === 'none') return '';
	let output = '';
	if (node.nodeName === 'ink-text') output = squash(node);
	else if (node.nodeName === 'ink-box' || node.nodeName === 'ink-root') {
		const reversed = node.style.flexDirection === 'row-reverse' || node.style.flexDirection === 'column-reverse';
		const separator = node.style.flexDirection === 'row' || node.style.flexDirection === 'row-reverse' ? ' ' : '\n';
		const children = reversed ? [...node.childNodes].reverse() : [...node.childNodes];
		const role = node.internal_accessibility?.role;
		let carried = false;
		const parts: string[] = [];
		for (const [index, child] of children.entries()) {
			let part = readOut(child, marked, role);
			// The mark goes before the target child, or before the first one after it that says anything.
			if (node === marked.element && (index === marked.child || carried)) {
				if (part === '') carried = true;
				else {
					part = mark + part;
					carried = false;
				}
			}
			if (part !== '') parts.push(part);
		}
		output = parts.join(separator);
	}
	if (node.internal_accessibility) {
		const {role, state} = node.internal_accessibility;
		if (state) {
			const described = Object.keys(state).filter(key => state[key as keyof typeof state]).join(', ');
			if (described) output = `(${described}) ${output}`;
		}
		if (role && role !== parentRole) output = `${role}: ${output}`;
	}
	return output;
}

/** An ink-text's text, its nested texts included (their colours left out: only the words count here). */
function squash(node: DOMElement): string {
	let text = '';
	for (const child of node.childNodes) {
		if (child.nodeName === '#text') text += child.nodeValue;
		else if (child.nodeName === 'ink-text' || child.nodeName === 'ink-virtual-text') text += squash(child);
	}
	return text;
}
