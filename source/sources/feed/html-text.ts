import {escapeHtml} from '../../render/escape-html.js';

/** Plain text as HTML paragraphs: blank lines part paragraphs, single newlines become `<br>`. */
export function textToHtml(text: string): string {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map(paragraph => paragraph.trim())
		.filter(Boolean)
		.map(paragraph => `<p>${escapeHtml(paragraph).replaceAll(/\r?\n/g, '<br>')}</p>`)
		.join('\n');
}
