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
