import {DepthLimitedParser, voidElements} from '../render/html-events.js';
import {networkUrl} from './clean.js';

/*
A post's HTML as the model keeps it, and so as every screen and format hands it on (JSON's `html`,
--with-content): every address in it absolute http or https (a link's may also be mailto: or a place in
the page, `#fn1`, which the reader follows), else the attribute goes and the element keeps its text.

The HTML is written out again from what htmlparser2 read, not edited in place: where a browser reads
markup otherwise than the parser (a comment a browser ends at `--!>`, a CDATA section in HTML, the
`<style>` of an SVG, which a browser reads as markup), a link the parser took for text would go out
unchecked. So comments, CDATA, doctypes and processing instructions go (nothing a reader reads), every
element is written closed, and text is escaped, but in the elements whose text the parser leaves raw
(script, style, xmp, textarea), where a browser reads it raw too. Elements past `maxHtmlDepth` are
flattened, their text kept, as wherever blogterm reads HTML. One pass, no tree: no depth can overflow.
*/

/** Attributes that hold one address. */
const urlAttributes = new Set(['href', 'xlink:href', 'src', 'poster', 'cite', 'action', 'formaction', 'background', 'longdesc', 'lowsrc', 'dynsrc']);
/** Of those, the ones of a link: mailto: and a place in the page (`#fn1`) are links too. */
const linkAttributes = new Set(['href', 'xlink:href']);
/** Attributes that hold a list of addresses, each with its width or density. */
const srcsetAttributes = new Set(['srcset', 'imagesrcset']);
/** A document of its own, with links of its own: not kept. */
const droppedAttributes = new Set(['srcdoc']);
/** Elements whose text htmlparser2 leaves as it came (no character references decoded), as browsers do in HTML. */
const rawTextElements = new Set(['script', 'style', 'xmp', 'textarea']);
/** Inside these, browsers read `<style>` and `<script>` as markup, not raw text. */
const foreignElements = new Set(['svg', 'math']);

/**
 * `html` with every address in it absolute against `base` (the post's URL) and http or https (mailto:
 * or `#…` for a link), other addresses removed (`javascript:`, `data:`, relative ones with no base),
 * written out again from what was read. HTML without a tag is returned as it is.
 */
export function networkHtml(html: string, base: string | undefined): string {
	if (!html.includes('<')) return html;
	const resolve = addressResolver(base !== undefined && URL.canParse(base) ? base : undefined);
	const parts: string[] = [];
	const tags = new TagStrings();
	const open: string[] = [];
	let foreignDepth = 0;
	let text = '';
	const flushText = () => {
		if (text === '') return;
		const element = open.at(-1) ?? '';
		const raw = foreignDepth === 0 && rawTextElements.has(element) && !text.toLowerCase().includes(`</${element}`);
		parts.push(raw ? text : escapeText(text));
		text = '';
	};
	const parser = new DepthLimitedParser(
		{
			onopentag(name, attributes) {
				flushText();
				const written = attributesHtml(name, attributes, resolve);
				parts.push(written === '' ? tags.open(name) : `<${name}${written}>`);
				if (voidElements.has(name)) return;
				open.push(name);
				if (foreignElements.has(name)) foreignDepth++;
			},
			onclosetag(name) {
				if (voidElements.has(name)) return;
				flushText();
				open.pop();
				if (foreignElements.has(name)) foreignDepth--;
				parts.push(tags.close(name));
			},
			ontext(data) {
				text += data;
			},
		},
		{decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true},
		() => {
			// A flattened element's tags go; its text stays, in the element at the deepest level.
		},
	);
	parser.end(html);
	flushText();
	return parts.join('');
}

/**
 * `<p>` and `</p>`, made once per name: 5 million `<br>` are then 5 million references to one string,
 * not 5 million strings (600 MB).
 */
class TagStrings {
	readonly #opens = new Map<string, string>();
	readonly #closes = new Map<string, string>();

	open(name: string): string {
		return TagStrings.#made(this.#opens, name, `<${name}>`);
	}

	close(name: string): string {
		return TagStrings.#made(this.#closes, name, `</${name}>`);
	}

	static #made(made: Map<string, string>, name: string, tag: string): string {
		const known = made.get(name);
		if (known !== undefined) return known;
		// A document of a million different names is not kept a million times over.
		if (made.size < 1000) made.set(name, tag);
		return tag;
	}
}

type Resolve = (value: string, options: {readonly link: boolean}) => string | undefined;

/** Addresses made absolute against `base` and checked, each once (a post repeats its links and images). */
function addressResolver(base: string | undefined): Resolve {
	const resolved = new Map<string, string | undefined>();
	return (value, {link}) => {
		const trimmed = value.trim();
		if (link && trimmed.startsWith('#')) return trimmed;
		const key = `${link ? 'link' : 'media'} ${trimmed}`;
		if (!resolved.has(key)) resolved.set(key, networkUrl(trimmed, base, {allowMailto: link}));
		return resolved.get(key);
	};
}

function attributesHtml(element: string, attributes: Readonly<Record<string, string>>, resolve: Resolve): string {
	let written = '';
	for (const [name, value] of Object.entries(attributes)) {
		let kept: string | undefined = value;
		if (droppedAttributes.has(name)) kept = undefined;
		else if (urlAttributes.has(name) || (name === 'data' && element === 'object')) kept = resolve(value, {link: linkAttributes.has(name)});
		else if (srcsetAttributes.has(name)) kept = cleanSrcset(value, resolve);
		if (kept === undefined) continue;
		written += kept === '' ? ` ${name}` : ` ${name}="${escapeAttribute(kept)}"`;
	}
	return written;
}

const srcsetUrl = /[\s,]*(\S+)/y;
const srcsetDescriptor = /[^,]*,?/y;

/** A `srcset`'s candidates (`URL [descriptor]`, comma-separated) with their addresses checked; undefined when none is left. */
function cleanSrcset(value: string, resolve: Resolve): string | undefined {
	const candidates: string[] = [];
	let index = 0;
	while (index < value.length) {
		srcsetUrl.lastIndex = index;
		const url = srcsetUrl.exec(value);
		if (!url) break;
		index = srcsetUrl.lastIndex;
		let address = url[1]!;
		let descriptor = '';
		// A URL that ends in a comma ends its candidate (`a.png, b.png 2x`); otherwise a descriptor may follow.
		if (address.endsWith(',')) {
			address = address.replace(/,+$/, '');
		} else {
			srcsetDescriptor.lastIndex = index;
			const found = srcsetDescriptor.exec(value)![0];
			index = srcsetDescriptor.lastIndex;
			descriptor = found.replace(/,$/, '').trim();
		}
		const checked = resolve(address, {link: false});
		if (checked !== undefined) candidates.push(descriptor === '' ? checked : `${checked} ${descriptor}`);
	}
	return candidates.length > 0 ? candidates.join(', ') : undefined;
}

const textSpecials = /[&<>]/g;
const attributeSpecials = /[&"]/g;
const escapes: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'};

function escapeText(text: string): string {
	return needsEscape(text, '&<>') ? text.replace(textSpecials, character => escapes[character]!) : text;
}

function escapeAttribute(value: string): string {
	return needsEscape(value, '&"') ? value.replace(attributeSpecials, character => escapes[character]!) : value;
}

function needsEscape(text: string, characters: string): boolean {
	for (const character of characters) if (text.includes(character)) return true;
	return false;
}
