import {formatDate} from '../render/format-date.js';
import {cleanLine} from '../render/sanitize.js';
import type {RiverPost} from '../subscriptions/types.js';
import {formatCount} from '../render/format-count.js';

/** Fits `line` to the width left after `indent`: the lines it makes, each starting with `indent`. */
export type WrapLine = (line: string, indent: string) => string[];

/** A line whole, after its indent: `--river`'s text is not wrapped. */
export const unwrapped: WrapLine = (line, indent) => [`${indent}${line}`];

/** "1 post", "12 posts". */
export function postCount(count: number): string {
	return count === 1 ? '1 post' : `${formatCount(count)} posts`;
}

/**
 * A post of the blogs followed as print mode's text shows it (`--river`, `--river --search`): ● when it
 * is unread, and its title; then, indented, its blog · date · author · ID, its link (whole), and
 * `excerpt` when there is one; each line through `wrap` but the link.
 */
export function riverPostLines(post: RiverPost, wrap: WrapLine, excerpt?: string): string[] {
	const [first = '', ...rest] = wrap(cleanLine(post.title), '  ');
	const lines = [`${post.read ? ' ' : '●'} ${first.slice(2)}`, ...rest];
	lines.push(...wrap([cleanLine(post.blog.title), formatDate(post.date), cleanLine(post.author), `ID ${cleanLine(String(post.id))}`].filter(Boolean).join(' · '), '    '));
	if (post.link) lines.push(`    ${cleanLine(post.link)}`);
	if (excerpt) lines.push(...wrap(cleanLine(excerpt), '    '));
	return lines;
}
