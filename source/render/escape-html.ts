// Plain text as HTML, for the HTML blogterm writes itself (a feed's plain text, attachments, a sent comment).

/** Plain text as HTML that reads the same, in an element's text or a quoted attribute: `&`, `<`, `>` and `"` escaped. */
export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Plain text as HTML paragraphs: blank lines part paragraphs, single newlines become `<br>`. */
export function textToHtml(text: string): string {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map(paragraph => paragraph.trim())
		.filter(Boolean)
		.map(paragraph => `<p>${escapeHtml(paragraph).replaceAll(/\r?\n/g, '<br>')}</p>`)
		.join('\n');
}
