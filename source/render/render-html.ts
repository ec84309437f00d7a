import type {SliceOptions} from './html-events.js';
import {type Flavor, layOutHtml, layOutHtmlInSlices} from './html-layout.js';
import type {RenderedText, StyledLine} from './styled-line.js';
import {breakRuns, internStyle, toSegments} from './text-width.js';

export type RenderOptions = {
	/** Terminal columns; no line is wider. */
	readonly width: number;
	/** The post's URL, to resolve relative links against. */
	readonly baseUrl?: string;
};

/** Columns a caller asked for, made safe: a whole number, at least 1. */
export function normaliseWidth(width: number): number {
	return Number.isFinite(width) ? Math.max(1, Math.floor(width)) : 80;
}

/**
Lays out a post or comment body (HTML from the network) for a terminal `width` columns wide. Every
string is cleaned of control characters; links are numbered `[1]`, `[2]`… and listed in `links`.
*/
export function renderHtml(html: string, options: RenderOptions): RenderedText {
	const {lines, links} = layOutHtml(html, terminalFlavor(options));
	return {lines, links};
}

/**
`renderHtml` in slices, the event loop running between them, for the reader: a post of megabytes
leaves the screen drawing and Esc working (abort `signal` to stop; the promise then rejects with the
signal's reason). The lines are the same as renderHtml's.
*/
export async function renderHtmlInSlices(html: string, options: RenderOptions & SliceOptions): Promise<RenderedText> {
	const {lines, links} = await layOutHtmlInSlices(html, terminalFlavor(options), options);
	return {lines, links};
}

function terminalFlavor(options: RenderOptions): Flavor {
	const width = normaliseWidth(options.width);
	// Deep quotes and lists stop indenting so that text keeps at least 20 columns (half of a narrow terminal).
	const minimumText = Math.min(20, Math.ceil(width / 2));
	return {width, maxPrefix: width - minimumText, plain: false, baseUrl: options.baseUrl};
}

/** "Links:" then one `[n] url` per link, long URLs cut at the width and continued under the URL. */
export function renderLinkList(links: readonly string[], width: number): StyledLine[] {
	const columns = normaliseWidth(width);
	if (links.length === 0) return [];
	const lines: StyledLine[] = [[{text: 'Links:', bold: true}]];
	for (const [index, url] of links.entries()) {
		const label = `[${index + 1}] `;
		const labelWidth = label.length;
		const urlRun = {text: url, style: internStyle({role: 'link'})};
		const labelStyle = internStyle({role: 'muted'});
		// Indent continuation lines only when that leaves a useful width.
		if (columns - labelWidth >= 20) {
			const pieces = breakRuns([urlRun], columns - labelWidth);
			for (const [pieceIndex, piece] of pieces.entries()) {
				lines.push([{text: pieceIndex === 0 ? label : ' '.repeat(labelWidth), role: 'muted'}, ...toSegments(piece)]);
			}
		} else {
			for (const piece of breakRuns([{text: label, style: labelStyle}, urlRun], columns)) lines.push(toSegments(piece));
		}
	}
	return lines;
}

