import {bylineOf} from '../../render/post-layout.js';
import {formatDate} from '../../render/format-date.js';
import {findMatches, highlightLine, rangesOnLines, searchableText, type LineRange} from '../../render/find-matches.js';
import type {StyledLine} from '../../render/styled-line.js';
import {wrapPlainText} from '../../render/wrap.js';
import type {Post} from '../../model/post.js';
import {filterHeading, type PostFilter} from '../../sources/post-filter.js';

// A byline's author, categories and tags, each one to choose (a key moves through them) and open
// as a list of its posts (issue 19): "November 3, 2026 · Dana · In Gardening · Tagged soil, tmux".

/** What a byline offers to open, in the order it shows them: the author, the categories, the tags. */
export function bylineTerms(post: Post): PostFilter[] {
	return [
		...(post.author ? [{kind: 'author' as const, name: post.author}] : []),
		...post.categories.map(term => ({kind: 'category' as const, term})),
		...post.tags.map(term => ({kind: 'tag' as const, term})),
	];
}

function nameOf(filter: PostFilter): string {
	switch (filter.kind) {
		case 'category':
		case 'tag':
			return filter.term.name;
		case 'author':
			return filter.name;
		case 'search':
			return filter.text;
	}
}

/** `Category: Garden Notes`: what Enter opens, said on the status line. */
export function termLabel(filter: PostFilter): string {
	return filterHeading(filter);
}

/**
 * The head's lines (title, then byline) with term `index` of the byline marked. Its place is found
 * in the byline as written, then the same occurrence in the byline as wrapped.
 */
export function markBylineTerm(head: readonly StyledLine[], post: Post, width: number, index: number): StyledLine[] {
	const terms = bylineTerms(post);
	const term = terms[index];
	if (!term) return [...head];
	const titleLines = wrapPlainText(post.title, width).length;
	const byline = bylineOf(post);
	const name = nameOf(term);
	// Where this term's name is in the byline string, as bylineOf writes it: date · author · In a, b · Tagged c, d.
	const date = formatDate(post.date);
	const authorAt = date ? date.length + 3 : 0;
	const categoriesAt = authorAt + (post.author ? post.author.length + 3 : 0);
	const categoriesText = post.categories.length > 0 ? `In ${post.categories.map(other => other.name).join(', ')}` : '';
	const tagsAt = categoriesAt + (categoriesText ? categoriesText.length + 3 : 0);
	const earlier = (list: readonly {readonly name: string}[], at: number) => list.slice(0, at).reduce((sum, other) => sum + other.name.length + 2, 0);
	const offset = term.kind === 'author'
		? authorAt
		: term.kind === 'category'
			? categoriesAt + 3 + earlier(post.categories, post.categories.indexOf(term.term))
			: tagsAt + 7 + earlier(post.tags, post.tags.indexOf((term as {term: Post['tags'][number]}).term));
	const written = searchableText([[{text: byline}]]);
	const found = findMatches(written, name);
	let occurrence = 0;
	while (occurrence < found.count && found.starts[occurrence]! < offset) occurrence++;
	const bylineLines = head.slice(titleLines);
	const wrapped = searchableText(bylineLines);
	const matches = findMatches(wrapped, name);
	if (occurrence >= matches.count) return [...head];
	const ranges: LineRange[][] = rangesOnLines(wrapped, matches, 0, bylineLines.length, occurrence).map(line => line.filter(range => range.current));
	return [...head.slice(0, titleLines), ...bylineLines.map((line, lineIndex) => highlightLine(line, ranges[lineIndex] ?? []))];
}
