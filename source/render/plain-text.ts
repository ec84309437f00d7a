import {visitHtml} from './html-events.js';
import {hiddenElements, wordBreakElements} from './html-elements.js';
import {layOutHtml} from './html-layout.js';
import {lineText} from './styled-line.js';

/**
The plain text of a post: unwrapped, paragraphs separated by blank lines, list bullets kept, links as
their text only, cleaned of control characters. For JSON output and excerpts.
*/
export function htmlToPlainText(html: string, baseUrl?: string): string {
	const {lines} = layOutHtml(html, {width: Number.POSITIVE_INFINITY, maxPrefix: 40, plain: true, baseUrl});
	return lines.map(line => lineText(line).trimEnd()).join('\n');
}

/**
The words at the start of a post's text, up to about `maxChars`, on one line: the text every output
shows (what the element table hides, such as script and style, is left out; blocks and line breaks
part words; with `images`, an image is `[image: alt]` as in a post), without laying it out. For the
excerpts of thousands of feed items, and ranking.
*/
export function htmlWords(html: string, maxChars: number, options: {readonly images?: boolean} = {}): string {
	const parts: string[] = [];
	let length = 0;
	const partWords = (name: string) => {
		if (wordBreakElements.has(name)) parts.push(' ');
	};
	// visitHtml follows at most maxHtmlDepth levels, and stops reading once there is text enough.
	visitHtml(html, {
		enter({name, attribs}) {
			if (hiddenElements.has(name)) return false;
			partWords(name);
			// An image shows as the post shows it: by its alt text.
			if (options.images && name === 'img' && attribs['alt']?.trim()) parts.push(` [image: ${attribs['alt'].trim()}] `);
			return () => {
				partWords(name);
			};
		},
		text(text) {
			parts.push(text);
			length += text.length;
		},
		enough: () => length >= maxChars,
	});
	return parts.join('').replaceAll(/\s+/g, ' ').trim().slice(0, maxChars);
}
