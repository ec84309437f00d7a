import {DomUtils, parseDocument} from 'htmlparser2';

/** Escapes plain text so that it reads the same as HTML. */
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

const urlAttributes = ['href', 'src', 'poster', 'cite', 'action'] as const;

/**
 * Makes the links and images of an HTML fragment absolute against `base`, so that a post read
 * away from its page still points where its author meant. Leaves the HTML alone when nothing is relative.
 */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
	if (!base || !/\s(?:href|src|srcset|poster|cite|action)\s*=/i.test(html)) return html;
	try {
		return resolveInTree(html, base);
	} catch (error) {
		// Nested too deeply to write back out (the serialiser recurses): the links stay as they were.
		if (error instanceof RangeError) return html;
		throw error;
	}
}

function resolveInTree(html: string, base: string): string {
	const document = parseDocument(html, {decodeEntities: true});
	let changed = false;
	for (const element of DomUtils.findAll(() => true, document.children)) {
		for (const name of urlAttributes) {
			const value = element.attribs[name];
			if (value === undefined) continue;
			const absolute = absoluteUrl(value, base);
			if (absolute !== undefined && absolute !== value) {
				element.attribs[name] = absolute;
				changed = true;
			}
		}
		const srcset = element.attribs['srcset'];
		if (srcset !== undefined) {
			const resolved = srcset
				.split(',')
				.map(candidate => {
					const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
					return [absoluteUrl(url, base) ?? url, ...descriptor].join(' ');
				})
				.join(', ');
			if (resolved !== srcset) {
				element.attribs['srcset'] = resolved;
				changed = true;
			}
		}
	}
	return changed ? DomUtils.getOuterHTML(document, {encodeEntities: 'utf8'}) : html;
}

/** `href` made absolute against `base`; fragments, `mailto:` and other schemes stay as they are. Undefined when it cannot be read. */
export function absoluteUrl(href: string, base: string | undefined): string | undefined {
	const trimmed = href.trim();
	if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(trimmed)) return trimmed || undefined;
	if (!base) return undefined;
	try {
		return new URL(trimmed, base).toString();
	} catch {
		return undefined;
	}
}
