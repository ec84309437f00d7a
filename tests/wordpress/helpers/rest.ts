import {DomUtils, parseDocument} from 'htmlparser2';

/*
Talks to a blog directly, the way WordPress's own clients do, without going through blogterm: the
suite's oracle for what a blog holds and how it answers.
*/

/** An answer, read whole. */
export type RawAnswer = {
	readonly status: number;
	readonly headers: Headers;
	readonly text: string;
};

export async function request(url: string, init: RequestInit = {}): Promise<RawAnswer> {
	const response = await fetch(url, {redirect: 'manual', ...init, signal: AbortSignal.timeout(20_000)});
	return {status: response.status, headers: response.headers, text: await response.text()};
}

/** The REST API root a blog advertises: `Link: <…/wp-json/>; rel="https://api.w.org/"` on its home page. */
export async function discoverRestRoot(siteUrl: string): Promise<string> {
	const answer = await request(siteUrl);
	const link = answer.headers.get('link') ?? '';
	const match = /<([^>]+)>\s*;\s*rel="https:\/\/api\.w\.org\/"/.exec(link);
	if (!match?.[1]) throw new Error(`${siteUrl} does not advertise a REST API (Link: ${link || 'none'})`);
	return match[1];
}

/** A REST route under a root of either form: `…/wp-json/` or `…/index.php?rest_route=/`. */
export function restUrl(root: string, route: string, parameters: Record<string, string | number> = {}): string {
	const url = new URL(root);
	const restRoute = url.searchParams.get('rest_route');
	if (restRoute === null) {
		url.pathname = url.pathname.replace(/\/?$/, '/') + route.replace(/^\//, '');
	} else {
		url.searchParams.set('rest_route', restRoute.replace(/\/$/, '') + '/' + route.replace(/^\//, ''));
	}
	for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, String(value));
	return url.toString();
}

export async function getJson<T>(url: string): Promise<{status: number; headers: Headers; body: T}> {
	const answer = await request(url, {headers: {accept: 'application/json'}});
	let body: T;
	try {
		body = JSON.parse(answer.text) as T;
	} catch {
		throw new Error(`${url} answered ${answer.status} with something that is not JSON: ${answer.text.slice(0, 200)}`);
	}
	return {status: answer.status, headers: answer.headers, body};
}

/** What a commenter fills in on the "Leave a Reply" form. */
export type FormComment = {
	readonly postId: number | string;
	readonly author: string;
	readonly email: string;
	readonly url?: string;
	readonly comment: string;
	readonly parent?: number | string;
	readonly cookiesConsent?: boolean;
};

/** POSTs the comment form to `SITE/wp-comments-post.php`, as a browser would (redirects not followed). */
export async function postCommentForm(siteUrl: string, fields: FormComment): Promise<RawAnswer> {
	const form = new URLSearchParams({
		comment_post_ID: String(fields.postId),
		author: fields.author,
		email: fields.email,
		url: fields.url ?? '',
		comment: fields.comment,
		comment_parent: String(fields.parent ?? 0),
	});
	if (fields.cookiesConsent) form.set('wp-comment-cookies-consent', 'yes');
	return request(new URL('wp-comments-post.php', siteUrl).toString(), {method: 'POST', body: form});
}

/** The message of a `wp_die()` page, as text. */
export function wpDieMessage(html: string): string {
	const document = parseDocument(html);
	const [message] = DomUtils.findAll(element => element.attribs['class'] === 'wp-die-message', document.children);
	return DomUtils.textContent(message ?? document).replace(/\s+/g, ' ').trim();
}
