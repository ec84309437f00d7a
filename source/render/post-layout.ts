import {isLocked, type Post, type PostNeighbours} from '../model/post.js';
import {fullTextLine} from '../full-text/article.js';
import type {RelatedPost} from '../model/related.js';
import {appendAll} from './append.js';
import {formatDate} from './format-date.js';
import {noWrap} from './no-wrap.js';
import type {SliceOptions} from './html-events.js';
import {displayUrl} from './link-url.js';
import {renderHtml, renderHtmlInSlices, renderLinkList, type LinkListOptions} from './render-html.js';
import type {RenderedText} from './styled-line.js';
import type {StyledLine} from './styled-line.js';
import {textWidth} from './text-width.js';
import {wrapPlainText} from './wrap.js';

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
};

/**
 * The body of a post as it reads on the blog's own page: the text, a note when only a summary was
 * given, the numbered links, and the "originally posted at" footer.
 */
export function layoutPostBody(post: Post, width: number, options: LinkListOptions = {}): StyledLine[] {
	return layoutPostBodyWithLinks(post, width, options).lines;
}

/** `layoutPostBody`, with the post's numbered links. */
export function layoutPostBodyWithLinks(post: Post, width: number, options: LinkListOptions = {}): PostBody {
	return finishPostBody(post, width, renderHtml(post.html, {width, baseUrl: post.link || undefined}), options);
}

/**
`layoutPostBodyWithLinks` a slice at a time, letting the event loop run between slices, so that the reader
stays alive while a post of megabytes is laid out and Esc can stop it (abort `signal`: the promise
rejects with its reason, an AbortError).
*/
export async function layoutPostBodyInSlices(post: Post, width: number, options: SliceOptions = {}): Promise<PostBody> {
	const rendered = await renderHtmlInSlices(post.html, {width, baseUrl: post.link || undefined, ...options});
	return finishPostBody(post, width, rendered, {});
}

function finishPostBody(post: Post, width: number, rendered: RenderedText, options: LinkListOptions): PostBody {
	// The article read from the post's page (issue 23): said first, so that no one takes it for the feed's.
	const lines: StyledLine[] = post.fullTextFrom === undefined ? [...rendered.lines] : [...wrapPlainText(fullTextLine, width, {role: 'muted', italic: true}), blank, ...rendered.lines];
	if (isLocked(post)) {
		appendAll(lines, wrapPlainText('This post is password protected: its text shows once its password is given.', width, {role: 'muted', italic: true}));
	} else if (post.isSummaryOnly) {
		lines.push(blank);
		appendAll(lines, wrapPlainText('The feed gives only a summary of this post: press o to read it all in the browser.', width, {role: 'muted', italic: true}));
	}
	if (rendered.links.length > 0) appendAll(lines, [blank, ...renderLinkList(rendered.links, width, options)]);
	if (post.link) appendAll(lines, [blank, ...wrapPlainText(`Originally posted at ${displayUrl(post.link)}`, width, {role: 'muted'})]);
	return {lines, links: rendered.links};
}

/** "« previous post title" on the left, "next post title »" on the right, each on its own line. */
export function layoutNeighbours(neighbours: PostNeighbours, width: number): StyledLine[] {
	const lines: StyledLine[] = [];
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
export function layoutRelated(related: readonly RelatedPost[], width: number, selected?: number): StyledLine[] {
	const lines: StyledLine[] = [[{text: 'Related Posts', bold: true, role: 'heading'}]];
	if (related.length === 0) return [...lines, [{text: 'No results found.', role: 'muted'}]];
	related.forEach((post, index) => {
		const marker = index === selected ? '▸ ' : '  ';
		const titleLines = wrapPlainText(post.title, Math.max(1, width - 2), index === selected ? {bold: true, role: 'link'} : {role: 'link'});
		titleLines.forEach((line, lineIndex) => lines.push([{text: lineIndex === 0 ? marker : '  '}, ...line]));
		const meta = [formatDate(post.date), post.context].filter(Boolean).join(' · ');
		if (meta) for (const line of wrapPlainText(meta, Math.max(1, width - 2), {role: 'muted'})) lines.push([{text: '  '}, ...line]);
	});
	return lines;
}
