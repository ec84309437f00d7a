// What a site's address is, as typed and as a key: plain functions with no network behind them, so that
// the store (source/subscriptions) and the home screen use them without loading the sources.
import {BlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';

/** What a user may type for a site: `blog.example` (https is meant), a home page, a feed, or a `/wp-json/` root. */
export function normaliseSiteUrl(site: string): string {
	const trimmed = site.trim();
	const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new BlogError('not-a-blog', `“${cleanLine(site)}” is not a web address.`);
	}
	if (!/^https?:$/.test(url.protocol)) throw new BlogError('not-a-blog', `“${cleanLine(site)}” is not an http or https address.`);
	return url.toString();
}

/** `https://Blog.Example/sub/` → `blog.example/sub`: the same blog over http and https shares its read state. */
export function siteKey(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}`;
	} catch {
		return cleanLine(url);
	}
}
