// Small helpers to write post bodies as WordPress stores them, without repeating markup.

/** Escapes text for HTML (for code samples and attribute values). */
export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Paragraphs, as the block editor saves them. */
export function paragraphs(...texts: string[]): string {
	return texts.map(text => `<p>${text}</p>`).join('\n\n');
}

export function heading(level: 2 | 3, text: string): string {
	return `<h${level} class="wp-block-heading">${text}</h${level}>`;
}

export function bullets(...items: string[]): string {
	return `<ul class="wp-block-list">\n${items.map(item => `<li>${item}</li>`).join('\n')}\n</ul>`;
}

export function numbered(...items: string[]): string {
	return `<ol class="wp-block-list">\n${items.map(item => `<li>${item}</li>`).join('\n')}\n</ol>`;
}

/** A code block; the code is escaped here, so write it as it is typed. */
export function codeBlock(code: string): string {
	return `<pre class="wp-block-code"><code>${escapeHtml(code)}</code></pre>`;
}

export function quote(text: string, cite?: string): string {
	const citation = cite ? `<cite>${cite}</cite>` : '';
	return `<blockquote class="wp-block-quote"><p>${text}</p>${citation}</blockquote>`;
}

export function image(src: string, alt: string, caption?: string): string {
	const figcaption = caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : '';
	return `<figure class="wp-block-image size-large"><img decoding="async" src="${src}" alt="${escapeHtml(alt)}"/>${figcaption}</figure>`;
}

/** Joins blocks with the blank lines WordPress leaves between them. */
export function blocks(...parts: string[]): string {
	return parts.join('\n\n');
}
