import type {PostRef} from '../../model/post.js';
import {cleanLine} from '../../render/sanitize.js';
import {safeDecode, slugOf} from './feed-items.js';
import type {FeedItem} from './parse-feed.js';

/* Finding the post a PostRef names in a feed: among the items held, or asked of WordPress on its own. */

/** Tells whether a feed item is the post a PostRef names: by guid/id, `?p=ID`, slug or link. */
export function itemMatcher(ref: PostRef): (item: FeedItem) => boolean {
	switch (ref.kind) {
		case 'id': {
			const id = String(ref.id);
			const isNumber = /^\d+$/.test(id);
			return item => item.id === id || (isNumber && (wordpressIdOf(item.id) === id || wordpressIdOf(item.link) === id));
		}
		case 'slug': {
			const slug = ref.slug.replace(/^\/+|\/+$/g, '').toLowerCase();
			return item => {
				// A feed's own id may be one word (`item-…` for an item without one, a guid such as `post42`).
				if (item.id === ref.slug.trim()) return true;
				const own = slugOf(item.link)?.toLowerCase();
				return own !== undefined && (own === slug || own.replace(/\.[a-z\d]+$/, '') === slug);
			};
		}
		case 'url': {
			const wanted = comparableUrl(ref.url);
			const wantedId = wordpressIdOf(ref.url);
			return item => item.id === ref.url || (wanted !== undefined && (comparableUrl(item.link) === wanted || comparableUrl(item.id) === wanted))
				|| (wantedId !== undefined && (wordpressIdOf(item.id) === wantedId || wordpressIdOf(item.link) === wantedId));
		}
	}
}

/** `https://x/?p=42` → `42` (WordPress's guid). */
function wordpressIdOf(url: string): string | undefined {
	const match = /[?&]p=(\d+)(?:&|#|$)/.exec(url);
	return match?.[1];
}

/** A URL without scheme, `www.`, fragment or trailing slash: the same page however it was written. */
function comparableUrl(text: string): string | undefined {
	try {
		const url = new URL(text.trim());
		if (!/^https?:$/.test(url.protocol)) return undefined;
		return `${url.host.toLowerCase().replace(/^www\./, '')}${safeDecode(url.pathname).replace(/\/+$/, '')}${url.search}`;
	} catch {
		return undefined;
	}
}

/**
 * The address at which WordPress serves the post on its own as a feed: `?p=ID`, `?name=SLUG` or the
 * post's URL (on the feed's host only), with `feed=rss2&withoutcomments=1` (without it, a single
 * post's feed is its comments). Undefined when there is none to ask.
 */
export function singlePostFeedUrl(ref: PostRef, siteUrl: string, feedUrl: string): URL | undefined {
	let url: URL;
	try {
		url = new URL(ref.kind === 'url' ? ref.url : withTrailingSlash(siteUrl));
	} catch {
		return undefined;
	}
	if (ref.kind === 'id') {
		if (!/^\d+$/.test(String(ref.id))) return undefined;
		url.searchParams.set('p', String(ref.id));
	} else if (ref.kind === 'slug') {
		url.searchParams.set('name', ref.slug);
	} else if (url.host !== new URL(feedUrl).host) {
		return undefined;
	}
	url.searchParams.set('feed', 'rss2');
	url.searchParams.set('withoutcomments', '1');
	url.hash = '';
	return url;
}

export function describeRef(ref: PostRef): string {
	switch (ref.kind) {
		case 'id': {
			return `with ID ${cleanLine(String(ref.id))}`;
		}
		case 'slug': {
			return `“${cleanLine(ref.slug)}”`;
		}
		case 'url': {
			return `at ${cleanLine(ref.url)}`;
		}
	}
}

function withTrailingSlash(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}
