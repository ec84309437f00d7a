import type {DOMElement, RenderOptions} from 'ink';
import type {ReactElement} from 'react';
import {CursorTargetContext, cursorTargets, screenReaderCursorAt} from './screen-reader/cursor-target.js';

/**
 * Ink's render options for a screen, and the screen under the context that says where its cursor goes: in
 * screen-reader mode, after each frame the cursor is parked on the selection or the focused field (the
 * build's ink-frames patch reads `screenReaderCursor`).
 */
export function readerRender(tree: ReactElement, screenReader: boolean): {tree: ReactElement; options: RenderOptions} {
	const targets = cursorTargets();
	const screenReaderCursor = (root: DOMElement, output: string, columns: number) => screenReaderCursorAt(root, targets.current(), output, columns);
	const options: RenderOptions & {screenReaderCursor?: typeof screenReaderCursor} = {exitOnCtrlC: true, maxFps: 60, isScreenReaderEnabled: screenReader, ...(screenReader ? {screenReaderCursor} : {})};
	return {tree: <CursorTargetContext.Provider value={targets}>{tree}</CursorTargetContext.Provider>, options};
}
