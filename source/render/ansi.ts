import type {Segment, StyledLine} from './styled-line.js';
import {handedOnUrl, hyperlink} from './link-url.js';
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
	const roleColour = segment.role ? theme.roles[segment.role] : undefined;
	const roleCode = roleColour ? ansiColourCodes[roleColour] : undefined;
	if (roleCode && !codes.includes(roleCode)) codes.push(roleCode);
	return codes;
}

/** The URL (encoded, see handedOnUrl) of link N of the document a line belongs to, when hyperlinks are on. */
export type LinkUrlOf = (link: number) => string | undefined;

/**
 * A line for print mode: with colour, SGR codes for styles and a colour per role, each segment reset after;
 * without, the text only. With `linkUrl`, a link's text and its URL in the list are OSC 8 hyperlinks.
 */
export function lineToAnsi(line: StyledLine, colour: boolean, linkUrl?: LinkUrlOf): string {
	let output = '';
	for (const segment of line) {
		const text = segment.text.replace(controls, '');
		if (text === '') continue;
		const codes = colour ? sgrCodes(segment) : [];
		const styled = codes.length > 0 ? `\u001B[${codes.join(';')}m${text}\u001B[0m` : text;
		const url = segment.link !== undefined && linkUrl ? linkUrl(segment.link) : undefined;
		output += url === undefined ? styled : hyperlink(url, styled);
	}
	return output;
}

/** For lines of a document whose numbered links are `links`: each link's URL as a hyperlink takes it, or none when it may not be one. */
export function linkUrlsOf(links: readonly string[]): LinkUrlOf {
	const urls = new Map<number, string | undefined>();
	return link => {
		if (!urls.has(link)) urls.set(link, links[link - 1] === undefined ? undefined : handedOnUrl(links[link - 1]!));
		return urls.get(link);
	};
}
