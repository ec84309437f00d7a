import type {RelatedPost} from '../../model/related.js';
import {cleanLine} from '../../render/sanitize.js';
import {htmlToPlainText} from '../../render/plain-text.js';

type JetpackItem = {id?: number | string; url?: string; title?: string; date?: string; context?: string};

/**
 * Jetpack's related posts, from the REST field `jetpack-related-posts` or the `?relatedposts=1` endpoint's `items`.
 * Undefined when the value is not Jetpack's (the site does not have it).
 */
export function readJetpackRelated(value: unknown, siteUrl: string): RelatedPost[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const seen = new Set<string>();
	const related: RelatedPost[] = [];
	for (const item of value as JetpackItem[]) {
		if (!item || typeof item !== 'object' || item.id === undefined || !item.url) continue;
		const key = String(item.id);
		if (seen.has(key)) continue;
		seen.add(key);
		let link: string;
		try {
			link = new URL(item.url, siteUrl).toString();
		} catch {
			continue;
		}
		if (!/^https?:$/.test(new URL(link).protocol)) continue;
		related.push({
			id: typeof item.id === 'number' || !/^\d+$/.test(key) ? item.id : Number(key),
			title: cleanLine(htmlToPlainText(item.title ?? '')) || '(no title)',
			link: cleanLine(link),
			date: parseJetpackDate(item.date),
			context: cleanLine(htmlToPlainText(item.context ?? '')),
		});
	}
	return related;
}

/** Jetpack's dates are display strings ("November 3, 2026"); keep an ISO date when one can be read. */
function parseJetpackDate(date: string | undefined): string | undefined {
	if (!date) return undefined;
	const time = Date.parse(date);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
