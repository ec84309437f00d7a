import type {SegmentStyle} from '../render/styled-line.js';

/** Colours for the renderer's semantic roles. One place to change the look. */
export const roleColours: Record<NonNullable<SegmentStyle['role']>, string> = {
	heading: 'cyan',
	link: 'blue',
	code: 'yellow',
	quote: 'green',
	image: 'magenta',
	muted: 'gray',
	error: 'red',
	success: 'green',
};

export const theme = {
	accent: 'cyan',
	selection: 'cyan',
	muted: 'gray',
	error: 'red',
	success: 'green',
	warning: 'yellow',
} as const;
