import {untitledStandIn, type PostLink, type PostSummary, type Term} from '../../model/post.js';
import type {FeedItem} from './parse-feed.js';

/* A feed's items as the model's posts: summaries, links, terms and slugs. */

/**
 * The dated items newest first, each undated item where the feed put it: the dated ones are sorted into
 * the places dated items held. Where the feed put an item without a date is all that says when it was
 * written; one such item does not leave the others in the feed's order. Items of the same moment keep theirs.
 */
export function newestFirst(items: readonly FeedItem[]): readonly FeedItem[] {
	const dated = items.filter(item => item.date !== undefined).map(item => ({item, time: Date.parse(item.date!)}));
	if (dated.length < 2) return items;
	dated.sort((a, b) => b.time - a.time);
	let next = 0;
	return items.map(item => (item.date === undefined ? item : dated[next++]!.item));
}

export function toSummary(item: FeedItem): PostSummary {
	return {
		id: item.id,
		title: item.title || untitled(item),
		...(item.title ? {} : {untitled: true as const}),
		link: item.link,
		date: item.date,
		author: item.author,
		commentCount: item.commentCount,
		excerpt: item.excerpt,
		slug: slugOf(item.link),
		categories: item.categories.map(name => toTerm(name, 'category')),
		tags: item.tags.map(name => toTerm(name, 'tag')),
	};
}

/** Microblog items have no title: the start of the text stands in. */
export function untitled(item: FeedItem): string {
	return untitledStandIn(item.excerpt);
}

function toTerm(name: string, taxonomy: Term['taxonomy']): Term {
	return {id: name.toLowerCase(), name, taxonomy};
}

export function toLink(item: FeedItem | undefined): PostLink | undefined {
	return item ? {id: item.id, title: item.title || untitled(item), link: item.link, ...(item.title ? {} : {untitled: true as const})} : undefined;
}

/** The last path segment of a link: `https://x/2024/01/hello-world/` → `hello-world`. */
export function slugOf(link: string): string | undefined {
	try {
		const segment = new URL(link).pathname.split('/').filter(Boolean).pop();
		return segment ? safeDecode(segment) : undefined;
	} catch {
		return undefined;
	}
}

export function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
