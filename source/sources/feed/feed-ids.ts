import {createHash} from 'node:crypto';
import type {FeedItem} from './parse-feed.js';

/*
An item's id when the feed gives it none (no guid, no Atom id, no JSON Feed id). It must not depend on
the URL the feed was fetched from: a static host that ignores `?paged=2` sends the same items again,
and ids built from that URL made them look new (a 2-item feed was listed as 102). Nor may two id-less
items share one: items that share a title or a link are different posts.
*/

/** An item read from a feed before its id is settled: `ownId` is the id the feed gave, or ''. */
export type UnsettledItem = Omit<FeedItem, 'id'> & {readonly ownId: string};

/**
 * The items with their ids: the feed's own where it gave one; else the link, when no other item of
 * the answer has that link; else an id made of the item's content (title, date, text), numbered when
 * two items are the same in all three. The same answer fetched twice, from any URL, gives the same ids.
 */
export function settleIds(items: readonly UnsettledItem[]): FeedItem[] {
	const linkCounts = new Map<string, number>();
	for (const item of items) {
		if (item.link) linkCounts.set(item.link, (linkCounts.get(item.link) ?? 0) + 1);
	}
	const ownIds = new Set(items.map(item => item.ownId).filter(Boolean));
	const contentIdCounts = new Map<string, number>();
	return items.map(({ownId, ...item}) => {
		if (ownId) return {id: ownId, ...item};
		if (item.link && linkCounts.get(item.link) === 1 && !ownIds.has(item.link)) return {id: item.link, ...item};
		const base = contentId(item);
		const seen = (contentIdCounts.get(base) ?? 0) + 1;
		contentIdCounts.set(base, seen);
		return {id: seen === 1 ? base : `${base}-${seen}`, ...item};
	});
}

/** `item-` and 16 hex digits of a hash of the item's link, title, date and text: one word, so `--post` takes it as it is. */
function contentId(item: Omit<FeedItem, 'id'>): string {
	// The date as the instant in UTC: the id stays what it was before feeds' own offsets were kept.
	const date = item.date === undefined ? '' : new Date(Date.parse(item.date)).toISOString();
	const hash = createHash('sha256').update([item.link, item.title, date, item.html].join('\u0000')).digest('hex');
	return `item-${hash.slice(0, 16)}`;
}

/**
 * Whether two pages of a feed hold the same items (titles, links, dates and text, in order), whatever
 * ids they carry: a server that ignores `?paged=N` but writes the address it was asked in its ids.
 */
export function sameItems(page: readonly FeedItem[], before: readonly FeedItem[]): boolean {
	return page.length === before.length && page.every((item, index) => {
		const other = before[index]!;
		return item.title === other.title && item.link === other.link && item.date === other.date && item.excerpt === other.excerpt && item.html === other.html;
	});
}
