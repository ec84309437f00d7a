import type {Post} from '../../model/post.js';
import {isBlogError} from '../../errors.js';
import {openUrl} from '../../platform/open-url.js';
import {displayUrl, handedOnUrl} from '../../render/link-url.js';
import {cleanLine} from '../../render/sanitize.js';
import type {Anchor} from '../../render/styled-line.js';
import type {BlogSource} from '../../sources/blog-source.js';

/** What following a link came to: a post of this blog to show, or a line for the status bar. */
export type FollowResult =
	| {readonly kind: 'post'; readonly post: Post}
	| {readonly kind: 'said'; readonly message: string};

/** Whether `url` is on the blog at `siteUrl`: the same host, at or under the blog's path. */
export function isOnBlog(url: string, siteUrl: string): boolean {
	try {
		const link = new URL(url);
		const site = new URL(siteUrl);
		if (!/^https?:$/.test(link.protocol) || link.host.toLowerCase() !== site.host.toLowerCase()) return false;
		const base = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
		return `${link.pathname}/`.startsWith(base);
	} catch {
		return false;
	}
}

/**
 * Follows a link of a post: one to a post of the same blog (its permalink, `?p=ID` or slug, resolved
 * through the source) comes back as that post; anything else opens in the browser, as `o` does, with
 * the encoded URL as one argument. `open` is the browser opener (a fake in tests).
 */
export async function followLink(source: BlogSource, url: string, signal: AbortSignal, open: (url: string) => Promise<string | undefined> = openUrl): Promise<FollowResult> {
	if (isOnBlog(url, source.site.url)) {
		try {
			return {kind: 'post', post: await source.fetchPost({kind: 'url', url}, {signal})};
		} catch (error) {
			// Not one of its posts (a page, a category, the home page): the browser shows it.
			if (!isBlogError(error) || error.kind !== 'not-found') return {kind: 'said', message: isBlogError(error) ? error.message : 'Could not open that link.'};
		}
	}
	const target = handedOnUrl(url);
	if (target === undefined) return {kind: 'said', message: 'blogterm opens only http, https and mailto links.'};
	const error = await open(target);
	return {kind: 'said', message: error ?? `Opened ${displayUrl(target)} in the browser.`};
}

/**
 * The fragment (decoded, without `#`) when `url` is a place in the post at `postUrl` — its own URL plus
 * `#fragment`, or `#fragment` alone — and undefined for any other link.
 */
export function inPageFragment(url: string, postUrl: string | undefined): string | undefined {
	let hash: string;
	if (url.startsWith('#')) {
		hash = url;
	} else {
		if (!postUrl || !URL.canParse(url) || !URL.canParse(postUrl)) return undefined;
		const link = new URL(url);
		const post = new URL(postUrl);
		hash = link.hash;
		link.hash = '';
		post.hash = '';
		if (link.href !== post.href) return undefined;
	}
	if (hash.length <= 1) return undefined;
	try {
		return decodeURIComponent(hash.slice(1));
	} catch {
		return hash.slice(1);
	}
}

/** What moving to `#fragment` of the post said: the place it moved to, or that there is none. */
export function movedToFragment(anchor: Anchor | undefined, fragment: string): string {
	const shown = cleanLine(fragment).slice(0, 40);
	if (anchor === undefined) return `This post has no #${shown} to move to.`;
	if (anchor.kind === 'footnote') return 'Moved to the footnote';
	if (anchor.kind === 'reference') return 'Moved back to the reference';
	return `Moved to #${shown}`;
}
