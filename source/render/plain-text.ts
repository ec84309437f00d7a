import {Parser} from 'htmlparser2';
import {hiddenElements} from './html-elements.js';
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
The words at the start of a post's text, up to `maxChars`, for ranking and matching: the text every
output shows (what the element table hides, such as script and style, is left out), without laying
it out. Ranking thousands of feed items reads only this much of each.
*/
export function htmlWords(html: string, maxChars: number): string {
	const parts: string[] = [];
	let length = 0;
	let hidden = 0;
	const parser = new Parser({
		onopentagname(name) {
			if (hiddenElements.has(name)) hidden++;
		},
		onclosetag(name) {
			if (hiddenElements.has(name) && hidden > 0) hidden--;
		},
		ontext(text) {
			if (hidden > 0 || length >= maxChars) return;
			parts.push(text, ' ');
			length += text.length + 1;
		},
	}, {decodeEntities: true});
	parser.end(html.length > maxChars * 4 ? html.slice(0, maxChars * 4) : html);
	return parts.join('').slice(0, maxChars);
}
