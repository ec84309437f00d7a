import * as v from 'valibot';

/*
The fields of a parsed feed item that blogterm reads, checked against their types before anything is
read from them. feedsmith turns most of what it is given into strings already; this is what makes
sure of it: a field of the wrong type is dropped (the item is shown without it), an item that is no
object is left out.
*/

const text = v.fallback(v.optional(v.string()), undefined);
const flag = v.fallback(v.optional(v.boolean()), undefined);
/** A number, or a string for feedsmith versions that keep one: `networkCount` reads either. */
const count = v.fallback(v.optional(v.union([v.number(), v.string()])), undefined);
const texts = v.fallback(v.optional(v.array(v.string())), undefined);
const id = v.fallback(v.optional(v.union([v.string(), v.number()])), undefined);

function part<const Entries extends v.ObjectEntries>(entries: Entries) {
	return v.fallback(v.optional(v.looseObject(entries)), undefined);
}

function parts<const Entries extends v.ObjectEntries>(entries: Entries) {
	return v.fallback(v.optional(v.array(v.looseObject(entries))), undefined);
}

const xml = part({base: text});
const dublinCore = part({titles: texts, subjects: texts, dates: texts, creators: texts});
const mediaText = part({value: text, type: text});
/** Media RSS: a video or podcast item's title and description, on the item, in a group or on a content. */
const media = part({title: mediaText, description: mediaText, groups: parts({title: mediaText, description: mediaText}), contents: parts({title: mediaText, description: mediaText})});
const itunes = part({author: text, summary: text, duration: count});
/** A file an item carries: RSS `<enclosure>`, JSON Feed's attachments (see attachments.ts). */
const enclosures = parts({url: text, length: count, type: text});
const threading = part({total: count, inReplyTos: parts({ref: text})});
const slash = part({comments: count});
const wellFormedWeb = part({commentRss: text});

/** RSS 0.9x/2.0 and RSS 1.0 items. */
export const rssItemSchema = v.looseObject({
	xml,
	guid: part({value: text, isPermaLink: flag}),
	link: text,
	rdf: part({about: text}),
	title: text,
	content: part({encoded: text}),
	description: text,
	authors: parts({name: text, email: text}),
	categories: parts({name: text, domain: text}),
	dc: dublinCore,
	dcterms: part({created: texts, modified: texts}),
	atom: part({links: parts({rel: text, href: text}), published: text, updated: text}),
	pubDate: text,
	enclosures,
	media,
	itunes,
	slash,
	thr: threading,
	wfw: wellFormedWeb,
});

const atomText = part({value: text, type: text});

/** Atom entries. */
export const atomEntrySchema = v.looseObject({
	xml,
	id: text,
	links: parts({rel: text, href: text, type: text, title: text, length: count, thr: part({count})}),
	title: atomText,
	content: part({value: text, type: text, src: text, xml}),
	summary: part({value: text, type: text, xml}),
	authors: parts({name: text, uri: text}),
	source: part({authors: parts({name: text, uri: text})}),
	published: text,
	updated: text,
	dc: dublinCore,
	categories: parts({label: text, term: text, scheme: text}),
	media,
	itunes,
	slash,
	thr: threading,
	wfw: wellFormedWeb,
});

/** JSON Feed items. */
export const jsonItemSchema = v.looseObject({
	id,
	url: text,
	external_url: text,
	title: text,
	content_html: text,
	content_text: text,
	summary: text,
	authors: parts({name: text, url: text}),
	date_published: text,
	date_modified: text,
	tags: texts,
	attachments: parts({url: text, mime_type: text, title: text, size_in_bytes: count, duration_in_seconds: count}),
});

/**
 * The items that pass `schema`, each with its fields checked (a field of the wrong type dropped). The
 * output keeps feedsmith's shape, so it is given back as the type the caller reads (`Item`).
 */
export function checkedItems<Item>(schema: v.GenericSchema, items: readonly unknown[]): Item[] {
	const checked: Item[] = [];
	for (const item of items) {
		const result = v.safeParse(schema, item);
		if (result.success) checked.push(result.output as Item);
	}
	return checked;
}
