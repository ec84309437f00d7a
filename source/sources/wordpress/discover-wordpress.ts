import {header, hostOf, type HttpClient, type HttpResponse} from '../../http/client.js';
import {visitHtml} from '../../render/html-events.js';
import {cleanLine} from '../../render/sanitize.js';
import type {SiteInfo} from '../../model/site.js';
import type {FetchOptions} from '../blog-source.js';
import {looksLikeApiRoot, plainPermalinkRoot, type ApiRoot} from './api-root.js';
import {WordPressSource} from './wordpress-source.js';
import {networkUrl} from '../clean.js';
import {siteKey} from '../site-url.js';
import {readIndex as checkIndex, renderedToLine, type WpIndex} from './wp-json.js';

const apiRel = 'https://api.w.org/';

/** The REST root a WordPress page advertises: the `Link: <…>; rel="https://api.w.org/"` header or `<link rel=…>` tag. */
export function advertisedApiRoot(response: HttpResponse): ApiRoot | undefined {
	const linkHeader = header(response, 'link') ?? '';
	for (const part of linkHeader.split(/,(?=\s*<)/)) {
		const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
		if (match && new RegExp(`rel\\s*=\\s*"?${escapeRegExp(apiRel)}"?`).test(match[2]!)) {
			return absoluteRoot(match[1]!, response.url);
		}
	}
	if (!/html/i.test(header(response, 'content-type') ?? 'text/html')) return undefined;
	// Only the <head> matters; parsing a whole large page would be waste.
	const headEnd = response.body.search(/<\/head>/i);
	const head = headEnd === -1 ? response.body.slice(0, 200_000) : response.body.slice(0, headEnd);
	// The last such link, as a reader of the whole head would find it. visitHtml follows at most
	// maxHtmlDepth levels: htmlparser2's own tree of a head nested 40,000 deep cost a fifth of a second.
	let href: string | undefined;
	visitHtml(head, {
		enter({name, attribs}) {
			if (name === 'link' && attribs['rel'] === apiRel && attribs['href']) href = attribs['href'];
			return true;
		},
		text() {
			// Only the links count.
		},
	});
	return href === undefined ? undefined : absoluteRoot(href, response.url);
}

/**
 * Opens a WordPress blog through its REST API, or resolves undefined when the site is not WordPress
 * (or has its REST API switched off for visitors).
 */
export async function openWordPressBlog(http: HttpClient, home: HttpResponse, options: FetchOptions = {}, environment: NodeJS.ProcessEnv = process.env, namedSite?: string): Promise<WordPressSource | undefined> {
	const given = new URL(home.url);
	const advertised = looksLikeApiRoot(given) ? {url: home.url} : advertisedApiRoot(home);
	if (!advertised) return undefined;
	// A site with plain permalinks may answer /wp-json/ with a 404, or with its home page (200 HTML)
	// when the server sends unknown paths to index.php: whatever is not the REST index, try ?rest_route=.
	const roots = new URL(advertised.url).searchParams.has('rest_route') ? [advertised] : [advertised, plainPermalinkRoot(advertised)];
	for (const root of roots) {
		const index = root === advertised && looksLikeApiRoot(given) ? home : await http.getText(root.url, {signal: options.signal, headers: {accept: 'application/json'}, cache: true, cacheFirst: options.cacheFirst});
		const parsed = readIndex(index);
		if (parsed) return new WordPressSource(root, siteInfo(parsed, home.url), installUrl(parsed, index.url), {http, environment, namedSite, fromCache: Boolean(home.fromCache || index.fromCache), discoveredAt: keptSince(home, index)});
	}
	return undefined;
}

/** When the older of the kept copies a blog was opened from was saved (or confirmed); undefined when one was not kept. */
function keptSince(...answers: readonly HttpResponse[]): number | undefined {
	const times = answers.map(answer => (answer.fromCache && answer.savedAt !== undefined ? Date.parse(answer.savedAt) : Number.NaN));
	return times.some(time => Number.isNaN(time)) ? undefined : Math.min(...times);
}

/**
 * Where WordPress itself lives (wp-comments-post.php is under it): what the REST index claims, but
 * only on the host that answered; a site cannot send its readers' comments to another host.
 */
function installUrl(index: WpIndex, indexUrl: string): string {
	const claimed = networkUrl(index.url) ?? networkUrl(index.home);
	if (claimed && new URL(claimed).host === new URL(indexUrl).host) return claimed;
	// The install the REST root belongs to: `…/blog/wp-json/` and `…/blog/?rest_route=/` are under `…/blog/`.
	const install = new URL(indexUrl);
	install.pathname = install.pathname.replace(/\/wp-json(\/.*)?$/, '/');
	install.search = '';
	install.hash = '';
	return install.toString();
}

function readIndex(response: HttpResponse): WpIndex | undefined {
	if (response.statusCode !== 200) return undefined;
	try {
		return checkIndex(JSON.parse(response.body));
	} catch {
		return undefined;
	}
}

/**
 * What the REST index says of the site. Its key comes from `fetchedUrl`, the page the user's address
 * led to, never from the `home` the index claims: a site claiming another's home would get that
 * blog's drafts and read state.
 */
function siteInfo(index: WpIndex, fetchedUrl: string): SiteInfo {
	const url = networkUrl(index.home) ?? networkUrl(index.url) ?? networkUrl(fetchedUrl) ?? cleanLine(fetchedUrl);
	return {
		// WordPress keeps the blog's name HTML-escaped ("Tom &amp; Jerry").
		name: renderedToLine(index.name) || cleanLine(hostOf(url)),
		description: renderedToLine(index.description),
		url,
		key: fetchedSiteKey(fetchedUrl),
	};
}

/** The key of the site at a URL blogterm fetched: a REST root (`…/wp-json/`) names the site it belongs to. */
export function fetchedSiteKey(fetchedUrl: string): string {
	try {
		const url = new URL(fetchedUrl);
		url.pathname = url.pathname.replace(/\/wp-json\/?$/, '/');
		return siteKey(url.toString());
	} catch {
		return siteKey(fetchedUrl);
	}
}

function absoluteRoot(href: string, base: string): ApiRoot | undefined {
	try {
		const url = new URL(href, base);
		return /^https?:$/.test(url.protocol) ? {url: url.toString()} : undefined;
	} catch {
		return undefined;
	}
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
