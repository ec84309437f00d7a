/**
What each HTML element is to blogterm. The terminal layout, plain text and the Markdown writer all read
this one table, so an element added here (or dropped as hidden) changes every output at once. An element
not in the table is inline: its text flows on.
*/
export type ElementRole =
	/** Its contents are never shown (scripts, styles, forms, embeds). */
	| 'hidden'
	/** Starts and ends a line, with no blank line around it (`div`, `section`…). */
	| 'line-block'
	/** A block set off by blank lines (`p`, `address`, `figure`, `dl`). */
	| 'paragraph'
	| 'heading'
	| 'quote'
	| 'list'
	| 'ordered-list'
	| 'list-item'
	/** A definition list's term (`dt`). */
	| 'term'
	/** A definition list's definition (`dd`). */
	| 'definition'
	/** A figure's or table's caption. */
	| 'caption'
	/** A horizontal rule (`hr`). */
	| 'rule'
	/** Text kept as written, in a monospaced block (`pre`). */
	| 'preformatted'
	| 'table'
	/** `thead`, `tbody`, `tfoot`: only group rows. */
	| 'table-section'
	| 'table-row'
	| 'table-cell'
	| 'table-header-cell'
	/** `br` */
	| 'line-break'
	/** `wbr`: where a word may break; shows nothing. */
	| 'word-break'
	| 'image'
	/** `video`, `audio`, `iframe`: `[video: TITLE URL]`, a numbered link; their fallback contents are not shown. */
	| 'media'
	| 'link'
	/** `q`: its text between quotation marks. */
	| 'inline-quote'
	/** Inline code (`code`, `kbd`, `samp`, `tt`). */
	| 'code'
	| 'bold'
	| 'italic'
	| 'underline'
	/** Struck-out text (`s`, `del`, `strike`). */
	| 'strike'
	/** `sup`: `²` where Unicode has the letters, else `^text`. */
	| 'superscript'
	/** `sub`: `₂` where Unicode has the letters, else `_text`. */
	| 'subscript';

const roles: Readonly<Record<ElementRole, readonly string[]>> = {
	hidden: [
		'script', 'style', 'noscript', 'frame', 'frameset', 'template', 'head', 'title', 'meta', 'link', 'base',
		'svg', 'object', 'embed', 'canvas', 'map', 'param', 'source', 'track', 'input', 'select', 'textarea', 'button', 'datalist',
	],
	'line-block': [
		'div', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'hgroup', 'search', 'details', 'summary',
		'fieldset', 'legend', 'form', 'center', 'dialog', 'option', 'optgroup', 'body', 'html',
	],
	paragraph: ['p', 'address', 'figure', 'dl'],
	heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
	quote: ['blockquote'],
	list: ['ul', 'menu', 'dir'],
	'ordered-list': ['ol'],
	'list-item': ['li'],
	term: ['dt'],
	definition: ['dd'],
	caption: ['figcaption', 'caption'],
	rule: ['hr'],
	preformatted: ['pre', 'listing', 'xmp', 'plaintext'],
	table: ['table'],
	'table-section': ['thead', 'tbody', 'tfoot'],
	'table-row': ['tr'],
	'table-cell': ['td'],
	'table-header-cell': ['th'],
	'line-break': ['br'],
	'word-break': ['wbr'],
	image: ['img'],
	media: ['video', 'audio', 'iframe'],
	link: ['a'],
	'inline-quote': ['q'],
	code: ['code', 'kbd', 'samp', 'tt'],
	bold: ['b', 'strong', 'mark'],
	italic: ['i', 'em', 'cite', 'dfn', 'var'],
	underline: ['u', 'ins'],
	strike: ['s', 'del', 'strike'],
	superscript: ['sup'],
	subscript: ['sub'],
};

const roleOfElement = new Map<string, ElementRole>();
for (const [role, names] of Object.entries(roles) as Array<[ElementRole, readonly string[]]>) {
	for (const name of names) roleOfElement.set(name, role);
}

/** What the element named `name` (lowercase, as htmlparser2 gives it) is; undefined for inline elements blogterm does not style. */
export function elementRole(name: string): ElementRole | undefined {
	return roleOfElement.get(name);
}

/** The roles that break the flow of text; inside a table cell they only separate words. */
const blockRoles: ReadonlySet<ElementRole> = new Set<ElementRole>([
	'line-block', 'paragraph', 'heading', 'quote', 'list', 'ordered-list', 'list-item', 'term', 'definition', 'caption', 'rule',
	'preformatted', 'table', 'table-section', 'table-row', 'table-cell', 'table-header-cell',
]);

export function isBlockRole(role: ElementRole | undefined): boolean {
	return role !== undefined && blockRoles.has(role);
}

/** Elements that part the words on either side of them: every block, and a line break. */
export const wordBreakElements: ReadonlySet<string> = new Set([...roleOfElement].filter(([, role]) => isBlockRole(role) || role === 'line-break').map(([name]) => name));

/** Elements whose contents a reader never sees: every rendering (terminal, plain text, Markdown) skips them. */
export const hiddenElements: ReadonlySet<string> = new Set(roles.hidden);

/** 1 to 6 for `h1` to `h6`. */
export function headingLevel(name: string): number {
	return Number(name.slice(1));
}

/** Every element the table names, with its role. */
export function knownElements(): ReadonlyMap<string, ElementRole> {
	return roleOfElement;
}

/**
A footnote's link back to where it was cited (`↩`), which means nothing in a terminal: every output
leaves it out, so a footnote reads as its text. Told by what generators mark them with: WordPress's
footnotes block (`aria-label="Jump to footnote reference 1"`), markdown-it, Hugo and Python-Markdown
(`class="footnote-backref"`, `#fnref…`), Pandoc (`class="footnote-back"`), kramdown and MultiMarkdown
(`class="reversefootnote"`), and DPUB-ARIA's `role="doc-backlink"`. Only a link within the page is one.
*/
export function isFootnoteBackLink(name: string, attributes: Readonly<Record<string, string | undefined>>): boolean {
	if (name !== 'a') return false;
	const href = attributes['href']?.trim() ?? '';
	if (!href.startsWith('#')) return false;
	return /(?:^|\s)(?:footnote-backref|footnote-back|footnote-return|reversefootnote)(?:\s|$)/i.test(attributes['class'] ?? '')
		|| /(?:^|\s)doc-backlink(?:\s|$)/i.test(attributes['role'] ?? '')
		|| /^#fnref/i.test(href)
		|| /^(?:jump|back|return) to (?:the )?footnote reference\b/i.test(attributes['aria-label']?.trim() ?? '');
}
