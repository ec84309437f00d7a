import type {RelatedPost} from '../../model/related.js';
import {boundedItems, isoFromTime, networkLine, networkString, networkUrl, wordPressId} from '../clean.js';

/**
 * Jetpack's related posts, from the REST field `jetpack-related-posts` or the `?relatedposts=1` endpoint's `items`.
 * Undefined when the value is not Jetpack's (the site does not have it).
 */
export function readJetpackRelated(value: unknown, siteUrl: string): RelatedPost[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const seen = new Set<string>();
	const related: RelatedPost[] = [];
	for (const item of boundedItems(value).items) {
		if (!item || typeof item !== 'object') continue;
		const fields = item as Record<string, unknown>;
		const id = wordPressId(fields['id']);
		// Only http and https: a `javascript:` related post is no post.
		const link = networkUrl(fields['url'], siteUrl);
		if (id === undefined || link === undefined) continue;
		const key = String(id);
		if (seen.has(key)) continue;
		seen.add(key);
		const title = networkLine(fields['title'], 'html');
		related.push({
			id,
			...(title ? {title} : {title: '(no title)', untitled: true as const}),
			link,
			date: parseJetpackDate(networkString(fields['date'])),
			context: networkLine(fields['context'], 'html'),
		});
	}
	return related;
}

/** Jetpack's dates are display strings ("November 3, 2026"); keep an ISO date when one can be read. */
function parseJetpackDate(date: string | undefined): string | undefined {
	return date ? isoFromTime(Date.parse(date)) : undefined;
}
