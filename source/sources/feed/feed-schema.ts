import * as v from 'valibot';

/*
The fields of a feed item that blogterm reads, checked against their types before anything is read from
them: a field of the wrong type is dropped (the item is shown without it), an item that is no object is
left out. RSS and Atom are checked as feedsmith parsed them (XML holds only text, which feedsmith keeps
as strings); a JSON Feed is checked as it came, before anything converts it (feedsmith would make the
number 7 a URL and ["x"] a title).
*/

const text = v.fallback(v.optional(v.string()), undefined);
const flag = v.fallback(v.optional(v.boolean()), undefined);
/** A number, or a string for feedsmith versions that keep one: `networkCount` reads either. */
const count = v.fallback(v.optional(v.union([v.number(), v.string()])), undefined);
const texts = v.fallback(v.optional(v.array(v.string())), undefined);
const id = v.fallback(v.optional(v.union([v.string(), v.number()])), undefined);
/** A JSON Feed string: a blank one is none, as feedsmith read it. */
const jsonText = v.fallback(v.optional(v.pipe(v.string(), v.transform(value => value.trim() || undefined))), undefined);
/** JSON Feed's tags: what is not a string in the list is dropped, the rest kept (`[1, null, "ok"]` is `["ok"]`). */
const jsonTexts = v.fallback(v.optional(v.pipe(v.array(v.unknown()), v.transform(values => values.filter((value): value is string => typeof value === 'string')))), undefined);
/** A JSON Feed author: an object (`author` in 1.0, each of `authors` in 1.1). */
const jsonAuthor = {name: jsonText, url: jsonText};

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

/**
 * JSON Feed items, as the feed sent them. An `id` that is a number is its text (JSON Feed 1.1 asks
 * readers to take numbers so); a URL, title or text of another type than a string is dropped.
 */
export const jsonItemSchema = v.looseObject({
	id,
	url: jsonText,
	external_url: jsonText,
	title: jsonText,
	content_html: jsonText,
	content_text: jsonText,
	summary: jsonText,
	authors: parts(jsonAuthor),
	author: part(jsonAuthor),
	date_published: jsonText,
	date_modified: jsonText,
	tags: jsonTexts,
	attachments: parts({url: jsonText, mime_type: jsonText, title: jsonText, size_in_bytes: count, duration_in_seconds: count}),
});

export type JsonFeedItem = v.InferOutput<typeof jsonItemSchema>;

/** A JSON Feed's own fields, as the feed sent them; its `items` are checked one by one (jsonItemSchema). */
export const jsonFeedSchema = v.looseObject({
	title: jsonText,
	description: jsonText,
	home_page_url: jsonText,
	authors: parts(jsonAuthor),
	author: part(jsonAuthor),
	items: v.unknown(),
});

export type JsonFeedFields = v.InferOutput<typeof jsonFeedSchema>;

/**
 * The item if it passes `schema`, its fields checked (a field of the wrong type dropped); undefined when
 * it is no object. The output keeps the shape it came in, so it is given back as the type the caller reads.
 */
export function checkedItem<Item>(schema: v.GenericSchema, item: unknown): Item | undefined {
	const result = v.safeParse(schema, item);
	return result.success ? result.output as Item : undefined;
}
