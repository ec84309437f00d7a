import type {SegmentStyle} from './styled-line.js';

// The one theme: the colours of the reader (Ink) and of print mode (ANSI) both come from here, so a
// link is the same colour in both. Plain data, no Ink: print mode loads it without React.

/** The colours a theme may use: the terminal's own 16 (its palette decides how they look). */
export type Colour = 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray' | 'yellowBright' | 'whiteBright';

export type Role = NonNullable<SegmentStyle['role']>;

/** A colour, or none: the terminal's own text colour (every colour of the no-colour theme). */
export type ThemeColour = Colour | undefined;

export type Theme = {
	/** Its name, as `--theme` and the `theme` setting spell it. */
	readonly name: ThemeName | 'no-colour';
	/** The colour of each of the renderer's semantic roles (links, headings, code, …). */
	readonly roles: Readonly<Record<Role, ThemeColour>>;
	/** The blog's name, the spinner, a focused field or panel. */
	readonly accent: ThemeColour;
	/** The selection marker and the selected row. */
	readonly selection: ThemeColour;
	/** Hints, dates, notes. */
	readonly muted: ThemeColour;
	readonly error: ThemeColour;
	readonly success: ThemeColour;
	readonly warning: ThemeColour;
};

/** Today's look, for a dark terminal. */
export const darkTheme: Theme = {
	name: 'dark',
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

/** For a light background: no yellow or cyan text, which most light palettes show faintly. */
export const lightTheme: Theme = {
	name: 'light',
	roles: {
		heading: 'blue',
		link: 'blue',
		code: 'magenta',
		quote: 'green',
		image: 'magenta',
		muted: 'gray',
		error: 'red',
		success: 'green',
	},
	accent: 'blue',
	selection: 'blue',
	muted: 'gray',
	error: 'red',
	success: 'green',
	warning: 'magenta',
};

/** The brightest colours of the palette, and no dim grey: for low vision or a washed-out screen. */
export const highContrastTheme: Theme = {
	name: 'high-contrast',
	roles: {
		heading: 'yellowBright',
		link: 'yellowBright',
		code: 'whiteBright',
		quote: 'whiteBright',
		image: 'whiteBright',
		muted: 'whiteBright',
		error: 'yellowBright',
		success: 'whiteBright',
	},
	accent: 'yellowBright',
	selection: 'yellowBright',
	muted: 'whiteBright',
	error: 'yellowBright',
	success: 'whiteBright',
	warning: 'yellowBright',
};

/**
 * Only the eight colours every colour terminal has (no bright ones: on the Linux console and many
 * 8-colour terminals "gray", bright black, shows as black on black).
 */
export const sixteenColourTheme: Theme = {
	...darkTheme,
	name: '16-colour',
	roles: {...darkTheme.roles, muted: undefined},
	muted: undefined,
};

/** No colour at all (`NO_COLOR`): what colour said is said by the text and by bold, dim and underline. */
export const noColourTheme: Theme = {
	name: 'no-colour',
	roles: {heading: undefined, link: undefined, code: undefined, quote: undefined, image: undefined, muted: undefined, error: undefined, success: undefined},
	accent: undefined,
	selection: undefined,
	muted: undefined,
	error: undefined,
	success: undefined,
	warning: undefined,
};

export const themes = {dark: darkTheme, light: lightTheme, 'high-contrast': highContrastTheme, '16-colour': sixteenColourTheme} as const;
export type ThemeName = keyof typeof themes;
export const themeNames = Object.keys(themes) as ThemeName[];

/** The theme a name means (`--theme`, the `theme` setting), or undefined for a name that is none. */
export function themeNamed(name: unknown): Theme | undefined {
	return typeof name === 'string' && Object.hasOwn(themes, name) ? themes[name as ThemeName] : undefined;
}

/** Whether the environment turns colour off: `NO_COLOR` set and not empty (no-color.org), unless `FORCE_COLOR` turns it on. */
export function colourOff(environment: NodeJS.ProcessEnv): boolean {
	const force = environment['FORCE_COLOR'];
	if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return false;
	return environment['NO_COLOR'] !== undefined && environment['NO_COLOR'] !== '';
}

/**
 * The theme in use: chosen once at start-up (`setTheme`), before anything is drawn or printed, and read
 * by the reader's views and print mode alike. Dark until then.
 */
export let theme: Theme = darkTheme;

/** Sets the theme in use (at start-up, from `--theme`, the setting and `NO_COLOR`). */
export function setTheme(chosen: Theme): void {
	theme = chosen;
}

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
	yellowBright: '93',
	whiteBright: '97',
};
