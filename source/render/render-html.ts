import type {SliceOptions} from './html-events.js';
import {type Flavor, layOutHtml, layOutHtmlInSlices} from './html-layout.js';
import type {RenderedText, StyledLine} from './styled-line.js';
import {displayUrl} from './link-url.js';
import {noWrap} from './no-wrap.js';
import {breakRuns, internStyle, textWidth, toSegments} from './text-width.js';

export type RenderOptions = {
	/** Terminal columns; no line is wider. */
	readonly width: number;
	/** The post's URL, to resolve relative links against. */
	readonly baseUrl?: string;
	/**
	 * The reader: links within the page (`#fn1`) are numbered, footnotes' back-links shown as `↩[7]`, and
	 * where each element id lands is recorded (`anchors`). Print mode leaves them out: no place to go to.
	 */
	readonly inPage?: boolean;
};

/** Columns a caller asked for, made safe: a whole number, at least 1, or `noWrap`. */
export function normaliseWidth(width: number): number {
	if (width === noWrap) return noWrap;
	return Number.isFinite(width) ? Math.max(1, Math.floor(width)) : 80;
}

/**
Lays out a post or comment body (HTML from the network) for a terminal `width` columns wide. Every
string is cleaned of control characters; links are numbered `[1]`, `[2]`… and listed in `links`.
*/
export function renderHtml(html: string, options: RenderOptions): RenderedText {
	const {lines, links, anchors, offsets} = layOutHtml(html, terminalFlavor(options));
	return {lines, links, anchors, offsets};
}

/**
`renderHtml` in slices, the event loop running between them, for the reader: a post of megabytes
leaves the screen drawing and Esc working (abort `signal` to stop; the promise then rejects with the
signal's reason). The lines are the same as renderHtml's.
*/
export async function renderHtmlInSlices(html: string, options: RenderOptions & SliceOptions): Promise<RenderedText> {
	const {lines, links, anchors, offsets} = await layOutHtmlInSlices(html, terminalFlavor(options), options);
	return {lines, links, anchors, offsets};
}

function terminalFlavor(options: RenderOptions): Flavor {
	const width = normaliseWidth(options.width);
	// Deep quotes and lists stop indenting so that text keeps at least 20 columns (half of a narrow terminal).
	const minimumText = Math.min(20, Math.ceil(width / 2));
	return {width, maxPrefix: width - minimumText, plain: false, baseUrl: options.baseUrl, inPage: options.inPage === true};
}

export type LinkListOptions = {
	/**
	 * Print mode: a URL too long for the width is written whole on its own line (the terminal folds it, and a
	 * mouse selection copies it whole). Otherwise (the reader, whose lines must fit) it is cut at the width,
	 * its continuation lines starting at the first column, never indented.
	 */
	readonly wholeUrls?: boolean;
};

/**
"Links:" then one `[n] url` per link; a URL that does not fit beside its number goes on the lines under
`[n]`, from the first column. URLs are shown decoded (see displayUrl); each URL's text carries its link
number, so the reader and print mode can make it a hyperlink.
*/
export function renderLinkList(links: readonly string[], width: number, options: LinkListOptions = {}): StyledLine[] {
	const columns = normaliseWidth(width);
	if (links.length === 0) return [];
	const lines: StyledLine[] = [[{text: 'Links:', bold: true}]];
	const labelStyle = internStyle({role: 'muted'});
	for (const [index, url] of links.entries()) {
		const label = `[${index + 1}]`;
		const shown = displayUrl(url);
		const urlStyle = internStyle({role: 'link', link: index + 1});
		const urlRun = {text: shown, style: urlStyle};
		if (label.length + 1 + textWidth(shown) <= columns) {
			lines.push(toSegments([{text: `${label} `, style: labelStyle}, urlRun]));
			continue;
		}
		lines.push(toSegments([{text: label, style: labelStyle}]));
		if (options.wholeUrls) lines.push(toSegments([urlRun]));
		else for (const piece of breakRuns([urlRun], columns)) lines.push(toSegments(piece));
	}
	return lines;
}
