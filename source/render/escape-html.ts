/**
 * Plain text as HTML that reads the same, in an element's text or a quoted attribute: `&`, `<`, `>`
 * and `"` escaped. For HTML blogterm writes itself (a feed's plain text, attachments, a sent comment).
 */
export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
