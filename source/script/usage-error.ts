// What the command line (run-argv.ts) needs of print mode's request before it knows the mode: kept
// apart from script-request.ts, whose imports (the HTTP client, the HTML renderer) every start would load.

import {cleanLine} from '../render/sanitize.js';

/** Bad flags or input: exit code 2, the message said as it is. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/**
The widest text print mode lays out. Wider than any terminal; a line is built as a string of this many
columns, so `--width 2000000000` must be refused rather than tried.
*/
export const maxWidth = 1000;

/** --color: always and never win over the environment; auto lets FORCE_COLOR, NO_COLOR and the terminal decide. */
export type ColorMode = 'auto' | 'always' | 'never';

export function parseColorMode(color: string | undefined): ColorMode {
	if (color === undefined) return 'auto';
	const wanted = color.trim().toLowerCase();
	if (wanted === 'auto' || wanted === 'always' || wanted === 'never') return wanted;
	throw new UsageError(`--color is auto, always or never, not “${cleanLine(color)}”.`);
}
