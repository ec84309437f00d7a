import type {SegmentStyle} from './styled-line.js';

// The one theme: the colours of the reader (Ink) and of print mode (ANSI) both come from here, so a
// link is the same colour in both. Plain data, no Ink: print mode loads it without React.

/** The colours a theme may use: the terminal's own 16 (its palette decides how they look). */
export type Colour = 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray';

export type Role = NonNullable<SegmentStyle['role']>;

export type Theme = {
	/** The colour of each of the renderer's semantic roles (links, headings, code, …). */
	readonly roles: Readonly<Record<Role, Colour>>;
	/** The blog's name, the spinner, a focused field or panel. */
	readonly accent: Colour;
	/** The selection marker and the selected row. */
	readonly selection: Colour;
	/** Hints, dates, notes. */
	readonly muted: Colour;
	readonly error: Colour;
	readonly success: Colour;
	readonly warning: Colour;
};

/** Today's look, for a dark terminal. */
export const darkTheme: Theme = {
	roles: {
		heading: 'cyan',
		link: 'cyan',
		code: 'yellow',
		quote: 'green',
		image: 'magenta',
		muted: 'gray',
		error: 'red',
		success: 'green',
	},
	accent: 'cyan',
	selection: 'cyan',
	muted: 'gray',
	error: 'red',
	success: 'green',
	warning: 'yellow',
};

/** The theme in use. */
export const theme: Theme = darkTheme;

/** SGR foreground code of each colour, for print mode. */
export const ansiColourCodes: Readonly<Record<Colour, string>> = {
	black: '30',
	red: '31',
	green: '32',
	yellow: '33',
	blue: '34',
	magenta: '35',
	cyan: '36',
	white: '37',
	gray: '90',
};
