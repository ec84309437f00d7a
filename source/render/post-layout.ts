import {isLocked, type Post, type PostNeighbours} from '../model/post.js';
import {fullTextLine} from '../full-text/article.js';
import type {RelatedPost} from '../model/related.js';
import {appendAll} from './append.js';
import {formatDate} from './format-date.js';
import {noWrap} from './no-wrap.js';
import type {SliceOptions} from './html-events.js';
import {displayUrl} from './link-url.js';
import {renderHtml, renderHtmlInSlices, renderLinkList, type LinkListOptions} from './render-html.js';
import type {Anchor, RenderedText} from './styled-line.js';
import type {StyledLine} from './styled-line.js';
import {textWidth} from './text-width.js';
import {wrapPlainText} from './wrap.js';
import {joinLineOffsets, plainLineOffsets, uncountedLineOffsets, type LineOffsets} from './line-offsets.js';
import type {Reading} from './reading.js';

const blank: StyledLine = [];

/** "November 3, 2026 · Dana · In Gardening, Tools · Tagged soil, tmux" */
export function bylineOf(post: Post): string {
	const parts = [
		formatDate(post.date),
		post.author,
		post.categories.length > 0 ? `In ${post.categories.map(term => term.name).join(', ')}` : '',
		post.tags.length > 0 ? `Tagged ${post.tags.map(term => term.name).join(', ')}` : '',
	];
	return parts.filter(Boolean).join(' · ');
}

/** The head of a post: its title and byline, wrapped. */
export function layoutPostHead(post: Post, width: number): StyledLine[] {
	return appendAll(wrapPlainText(post.title, width, {bold: true, role: 'heading'}), wrapPlainText(bylineOf(post), width, {role: 'muted'}));
}

/** A post's body laid out, and its numbered links (links[0] is `[1]`): what `f` follows and `y` copies. */
export type PostBody = {
	readonly lines: StyledLine[];
	readonly links: readonly string[];
	/** Element ids of the body → their line in `lines`: where an in-page link (`#fn1`) moves to. */
	readonly anchors: ReadonlyMap<string, Anchor>;
	/** Where each line starts in the text, the same at any width: what keeps the reader's place through a resize. */
	readonly offsets: LineOffsets;
};

const noAnchors: ReadonlyMap<string, Anchor> = new Map();

/**
 * The body of a post as it reads on the blog's own page: the text, a note when only a summary was
 * given, the numbered links, and the "originally posted at" footer.
 */
export function layoutPostBody(post: Post, width: number, options: LinkListOptions = {}): StyledLine[] {
	return layoutPostBodyWithLinks(post, width, options).lines;
}

/**
 * Who reads the note under a summary: the reader, where `o` opens the post; or print mode, where a script
 * can give --full-text (`tried`: it was given, and the page held no article).
 */
export type SummaryNoteFor = 'reader' | 'script' | 'script-full-text-tried';

/** `layoutPostBody`, with the post's numbered links. */
export function layoutPostBodyWithLinks(post: Post, width: number, options: LinkListOptions & {readonly inPage?: boolean; readonly summaryNoteFor?: SummaryNoteFor} = {}): PostBody {
	return finishPostBody(post, width, renderHtml(post.html, {width, baseUrl: post.link || undefined, inPage: options.inPage}), options);
}

/** The line under a summary-only post: what its reader can do to read it whole. */
function summaryNote(post: Post, noteFor: SummaryNoteFor): string {
	const summary = 'The feed gives only a summary of this post';
	if (noteFor === 'reader') return `${summary}: press o to read it all in the browser.`;
	const address = post.link ? 'its address below' : '';
	if (noteFor === 'script-full-text-tried') return address ? `${summary}: read it whole at ${address}.` : `${summary}.`;
	return `${summary}: --full-text prints it whole, read from its page${address ? `; or read it at ${address}` : ''}.`;
}

/**
`layoutPostBodyWithLinks` a slice at a time, letting the event loop run between slices, so that the reader
stays alive while a post of megabytes is laid out and Esc can stop it (abort `signal`: the promise
rejects with its reason, an AbortError).
*/
export async function layoutPostBodyInSlices(post: Post, width: number, options: SliceOptions & {readonly inPage?: boolean} = {}): Promise<PostBody> {
	const rendered = await renderHtmlInSlices(post.html, {width, baseUrl: post.link || undefined, ...options});
	return finishPostBody(post, width, rendered, {});
}

function finishPostBody(post: Post, width: number, rendered: RenderedText, options: LinkListOptions & {readonly summaryNoteFor?: SummaryNoteFor}): PostBody {
	// The article read from the post's page (issue 23): said first, so that no one takes it for the feed's.
	// A note above the text counts none of it: the article's words are where the summary's were.
	const before: StyledLine[] = post.fullTextFrom === undefined ? [] : [...wrapPlainText(fullTextLine, width, {role: 'muted', italic: true}), blank];
	const lines: StyledLine[] = [...before, ...rendered.lines];
	const after: StyledLine[] = [];
	if (isLocked(post)) {
		appendAll(after, wrapPlainText('This post is password protected: its text shows once its password is given.', width, {role: 'muted', italic: true}));
	} else if (post.isSummaryOnly) {
		after.push(blank);
		appendAll(after, wrapPlainText(summaryNote(post, options.summaryNoteFor ?? 'reader'), width, {role: 'muted', italic: true}));
	}
	if (rendered.links.length > 0) appendAll(after, [blank, ...renderLinkList(rendered.links, width, options)]);
	if (post.link) appendAll(after, [blank, ...wrapPlainText(`Originally posted at ${displayUrl(post.link)}`, width, {role: 'muted'})]);
	appendAll(lines, after);
	const offsets = joinLineOffsets([uncountedLineOffsets(before.length), rendered.offsets ?? plainLineOffsets(rendered.lines), plainLineOffsets(after)]);
	return {lines, links: rendered.links, anchors: shiftAnchors(rendered.anchors ?? noAnchors, before.length), offsets};
}

function shiftAnchors(anchors: ReadonlyMap<string, Anchor>, by: number): ReadonlyMap<string, Anchor> {
	if (by === 0) return anchors;
	return new Map([...anchors].map(([id, anchor]) => [id, {...anchor, line: anchor.line + by}]));
}

/** Lines laid out to be read out (the reader's screen-reader mode): signs and markers said in words, nothing aligned with spaces. */
export type ReadOutOption = {readonly screenReader?: boolean};

/**
 * "« previous post title" on the left, "next post title »" on the right, each on its own line; read out,
 * "Previous post: title" and "Next post: title".
 */
export function layoutNeighbours(neighbours: PostNeighbours, width: number, options: ReadOutOption = {}): StyledLine[] {
	const lines: StyledLine[] = [];
	if (options.screenReader) {
		if (neighbours.previous) appendAll(lines, wrapPlainText(`Previous post: ${neighbours.previous.title}`, width, {role: 'link'}));
		if (neighbours.next) appendAll(lines, wrapPlainText(`Next post: ${neighbours.next.title}`, width, {role: 'link'}));
		return lines;
	}
	if (neighbours.previous) appendAll(lines, wrapPlainText(`« ${neighbours.previous.title}`, width, {role: 'link'}));
	if (neighbours.next) {
		for (const line of wrapPlainText(`${neighbours.next.title} »`, width, {role: 'link'})) {
			const lineWidth = line.reduce((sum, segment) => sum + textWidth(segment.text), 0);
			lines.push(lineWidth < width && width !== noWrap ? [{text: ' '.repeat(width - lineWidth)}, ...line] : line);
		}
	}
	return lines;
}

/** The "Related Posts" box: up to five posts with their date and why they are related, or "No results found." */
export function layoutRelated(related: readonly RelatedPost[], width: number, selected?: number, options: ReadOutOption = {}): StyledLine[] {
	return layoutRelatedPosts(related, width, selected, options).lines;
}

/**
 * The "Related Posts" box's lines, and the post each line is part of (an index into `related`; undefined for
 * the heading). Read out, a post is one row (wrapped if need be) that starts with its title and says
 * "selected" in words, as the posts list's rows do: `Ten Minutes a Day · selected · February 3, 2025 · Shares 1 tag`.
 */
export function layoutRelatedPosts(related: readonly RelatedPost[], width: number, selected?: number, options: ReadOutOption = {}): {lines: StyledLine[]; owners: Array<number | undefined>} {
	const lines: StyledLine[] = [[{text: 'Related Posts', bold: true, role: 'heading'}]];
	const owners: Array<number | undefined> = [undefined];
	if (related.length === 0) return {lines: [...lines, [{text: 'No results found.', role: 'muted'}]], owners: [undefined, undefined]};
	related.forEach((post, index) => {
		if (options.screenReader) {
			const row = [post.title, index === selected ? 'selected' : '', formatDate(post.date), post.context].filter(Boolean).join(' · ');
			appendAll(lines, wrapPlainText(row, width, index === selected ? {bold: true, role: 'link'} : {role: 'link'}));
			while (owners.length < lines.length) owners.push(index);
			return;
		}
		const marker = index === selected ? '▸ ' : '  ';
		const titleLines = wrapPlainText(post.title, Math.max(1, width - 2), index === selected ? {bold: true, role: 'link'} : {role: 'link'});
		titleLines.forEach((line, lineIndex) => lines.push([{text: lineIndex === 0 ? marker : '  '}, ...line]));
		const meta = [formatDate(post.date), post.context].filter(Boolean).join(' · ');
		if (meta) for (const line of wrapPlainText(meta, Math.max(1, width - 2), {role: 'muted'})) lines.push([{text: '  '}, ...line]);
		while (owners.length < lines.length) owners.push(index);
	});
	return {lines, owners};
}

/** A post screen's columns: the text's width, the blank columns left of it, and the Related Posts panel's width (0: not beside). */
export type PostColumns = {
	readonly body: number;
	readonly margin: number;
	readonly related: number;
};

/**
 * How a terminal `width` columns wide is shared: the text wraps at the reading width at most (and never
 * under 10 columns); with Related Posts beside it (`relatedAtLeast`: the panel's narrowest width), the panel
 * keeps the rest; without, the text sits at the left or in the middle, as `reading.align` says.
 */
export function postColumns(width: number, reading: Reading, relatedAtLeast?: number): PostColumns {
	if (relatedAtLeast !== undefined) {
		const body = Math.max(10, Math.min(reading.width, width - relatedAtLeast - 1));
		return {body, margin: 0, related: Math.max(relatedAtLeast, width - body - 1)};
	}
	const body = Math.max(10, Math.min(reading.width, width));
	return {body, margin: reading.align === 'centre' ? Math.max(0, Math.floor((width - body) / 2)) : 0, related: 0};
}
