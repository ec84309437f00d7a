/**
 * How WordPress REST routes are addressed. A site with pretty permalinks answers at
 * `/wp-json/wp/v2/posts`; one with plain permalinks only at `/?rest_route=/wp/v2/posts`.
 */
export type ApiRoot = {
	/** As advertised, e.g. `https://blog.example/wp-json/` or `https://blog.example/?rest_route=/`. */
	readonly url: string;
};

export type QueryValue = string | number | readonly (string | number)[] | undefined;

/** The URL of a REST route (`wp/v2/posts`) with query parameters, in whichever form the root uses. */
export function routeUrl(root: ApiRoot, route: string, query: Record<string, QueryValue> = {}): string {
	const url = new URL(root.url);
	const cleanRoute = route.replace(/^\/+/, '');
	if (url.searchParams.has('rest_route')) {
		url.searchParams.set('rest_route', `/${cleanRoute}`);
	} else {
		url.pathname = `${url.pathname.replace(/\/+$/, '')}/${cleanRoute}`;
	}
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined) continue;
		url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
	}
	return url.toString();
}

/** The plain-permalink form of a `/wp-json/` root: `https://blog.example/?rest_route=/`. */
export function plainPermalinkRoot(root: ApiRoot): ApiRoot {
	const url = new URL(root.url);
	url.pathname = url.pathname.replace(/\/wp-json\/?$/, '/');
	url.search = '';
	url.searchParams.set('rest_route', '/');
	return {url: url.toString()};
}

/** True when the URL a user gave is itself a REST root (`…/wp-json/` or `…?rest_route=/`). */
export function looksLikeApiRoot(url: URL): boolean {
	return /\/wp-json\/?$/.test(url.pathname) || url.searchParams.get('rest_route') === '/';
}

/**
 * `?feed=rss2` at a WordPress blog's address (its REST root `…/wp-json/…` → `…/`, or its home as it
 * is): the feed every WordPress serves whatever its permalinks.
 */
export function wordPressRss2Url(blogUrl: string): string {
	const feedUrl = new URL(blogUrl);
	feedUrl.pathname = feedUrl.pathname.replace(/\/wp-json(?:\/.*)?$/, '/');
	feedUrl.search = '?feed=rss2';
	feedUrl.hash = '';
	return feedUrl.toString();
}
