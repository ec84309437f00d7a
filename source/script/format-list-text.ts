import type {PostPage} from '../model/page.js';
import {listedTitle, type PostSummary} from '../model/post.js';
import {appendAll} from '../render/append.js';
import {formatDate} from '../render/format-date.js';
import type {StyledLine} from '../render/styled-line.js';
import {wrapPlainText} from '../render/wrap.js';
import {linesToText} from './styled-text.js';
import {linkUrlsOf} from '../render/ansi.js';
import {displayUrl} from '../render/link-url.js';
import {formatCount} from '../render/format-count.js';

const indent = '    ';

/** "Page 1 of 4 · 32 posts"; "Page 1 of 2+ · 10+ posts" when the blog did not say how many (at least). */
export function pageLine(page: PostPage): string {
	if (page.total === 0) return 'No posts.';
	const more = page.totalIsExact === false ? '+' : '';
	const posts = page.total === 1 && !more ? '1 post' : `${formatCount(page.total)}${more} posts`;
	return `Page ${formatCount(page.page)} of ${formatCount(page.totalPages)}${more} · ${posts}`;
}

/** "November 3, 2026 · Dana · 12 comments · ID 42" */
function summaryMeta(post: PostSummary): string {
	const comments = post.commentCount === undefined ? '' : post.commentCount === 1 ? '1 comment' : `${post.commentCount} comments`;
	return [formatDate(post.date), post.author, comments, `ID ${post.id}`].filter(Boolean).join(' · ');
}

/** How much of an excerpt the text list shows: the model keeps it whole (JSON gives it all). */
const shownExcerptChars = 280;

/** An excerpt shortened for the text list: cut after a word, with "…". */
export function shortExcerpt(excerpt: string): string {
	if (excerpt.length <= shownExcerptChars) return excerpt;
	const cut = excerpt.slice(0, shownExcerptChars);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > shownExcerptChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * A page of the post list as text: the page line, then for each post its title, its date, author,
 * comment count and ID, its link (whole, on a line of its own), and its excerpt, wrapped to `width`.
 * `stickyMarked`: the whole list (not a search's), whose first page puts sticky posts first, marked.
 */
export function formatListText(page: PostPage, options: {readonly width: number; readonly colour: boolean; readonly hyperlinks?: boolean; readonly stickyMarked?: boolean}): string {
	const {width} = options;
	const inner = Math.max(1, width - indent.length);
	const lines: StyledLine[] = [[{text: pageLine(page), role: 'muted'}]];
	if (page.posts.length === 0 && page.total > 0) lines.push([], [{text: `There is no page ${page.page}: the last page is ${page.totalPages}.`}]);
	for (const [index, post] of page.posts.entries()) {
		lines.push([]);
		appendAll(lines, wrapPlainText(listedTitle(post, {firstPage: options.stickyMarked === true && page.page === 1}), width, {bold: true, role: 'heading'}));
		const indented = (line: StyledLine): StyledLine => [{text: indent}, ...line];
		appendAll(lines, wrapPlainText(summaryMeta(post), inner, {role: 'muted'}).map(indented));
		// Whole, on its own line, not indented: a mouse selection copies it whole (the terminal folds a long one).
		if (post.link) lines.push([{text: displayUrl(post.link), role: 'link', link: index + 1}]);
		if (post.excerpt) appendAll(lines, wrapPlainText(shortExcerpt(post.excerpt), inner).map(indented));
	}
	return linesToText(lines, options.colour, options.hyperlinks ? linkUrlsOf(page.posts.map(post => post.link)) : undefined);
}
