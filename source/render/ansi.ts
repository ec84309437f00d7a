import type {Segment, StyledLine} from './styled-line.js';
import {ansiColourCodes, theme} from './theme.js';

// The only place blogterm writes escape codes. Segment text is already clean; removing controls once
// more here costs little and keeps that promise even if a caller builds a segment by hand.
const controls = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function sgrCodes(segment: Segment): string[] {
	const codes: string[] = [];
	if (segment.bold) codes.push('1');
	if (segment.dim) codes.push('2');
	if (segment.italic) codes.push('3');
	if (segment.underline) codes.push('4');
	// The role's colour in the one theme, as in the reader.
	const roleCode = segment.role ? ansiColourCodes[theme.roles[segment.role]] : undefined;
	if (roleCode && !codes.includes(roleCode)) codes.push(roleCode);
	return codes;
}

/** A line for print mode: with colour, SGR codes for styles and a colour per role, each segment reset after; without, the text only. */
export function lineToAnsi(line: StyledLine, colour: boolean): string {
	let output = '';
	for (const segment of line) {
		const text = segment.text.replace(controls, '');
		if (text === '') continue;
		const codes = colour ? sgrCodes(segment) : [];
		output += codes.length > 0 ? `\u001B[${codes.join(';')}m${text}\u001B[0m` : text;
	}
	return output;
}
