import type {CommentDraft, CommentOutcome} from '../model/comment-draft.js';
import {hostOf, parseJsonBody, toBlogError, type HttpClient, type HttpResponse} from '../http/client.js';
import {setting} from '../store/settings.js';
import {restRefusalsBeside, type AnonymousRestMemory} from '../store/rest-comment-refusals.js';
import {commentStateOnPage} from './held-comments.js';
import {heldMessage, readFormResponse, readRestResponse, restErrorCode, unconfirmedMessage, unknownMessage} from './outcome.js';

/*
Sends a comment the way WordPress expects, and never twice by accident: a POST is never retried and a
redirect is never followed (the HTTP client sees to both). When the request may have reached the blog
but no answer came back, the outcome is 'unknown', so the user looks at the thread before sending again.
*/

/**
 * A WordPress application password (user + password), from the environment, and the sites it is for:
 * the one named on the command line, and those a settings entry names. It is sent nowhere else.
 */
export type Credentials = {
	readonly user: string;
	readonly password: string;
	/** Hosts (`blog.example`, `127.0.0.1:8080`) the password may be sent to, lower case. */
	readonly hosts: readonly string[];
};

/** Where a comment on one post goes. */
export type CommentTarget = {
	readonly postId: number | string;
	/** WordPress's form endpoint, e.g. https://blog.example/wp-comments-post.php */
	readonly formActionUrl: string;
	/** The REST comments route (…/wp/v2/comments or ?rest_route=/wp/v2/comments), when the blog has a REST API. */
	readonly restCommentsUrl?: string;
	/** Application-password credentials for the site the user named (see credentialsForSite). */
	readonly credentials?: Credentials;
	/**
	 * The password of a password-protected post, once the user gave the right one: WordPress takes a
	 * comment on such a post only with the `wp-postpass_…` cookie its password form sets (sendComment gets it).
	 */
	readonly postPassword?: string;
};

export type SendCommentOptions = {
	readonly signal?: AbortSignal;
	/**
	Try the REST route without credentials before the form, when the blog has one (default true). WordPress
	refuses it unless a plugin allows anonymous REST comments; blogterm then uses the form without a word.
	*/
	readonly tryAnonymousRest?: boolean;
	/**
	The sites whose REST API refused anonymous comments, to go straight to the form there. By default the
	file beside the HTTP client's disk cache; a client without one (the demo blog, tests) remembers nothing.
	*/
	readonly restRefusals?: AnonymousRestMemory;
};

/** The environment variables that hold a WordPress application password. */
export const credentialVariables = {user: 'BLOGTERM_WP_USER', password: 'BLOGTERM_WP_APP_PASSWORD'} as const;

/** `blog.example`, `https://Blog.Example:8443/x` → the host a URL or a site as typed names, lower case. */
function hostOfSite(site: string): string | undefined {
	const trimmed = site.trim();
	try {
		return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).host.toLowerCase();
	} catch {
		return undefined;
	}
}

/**
 * The sites the settings entry names for the password (`"wordpressAccountSites": ["notes.example"]` in
 * config.json). One that is not a list of sites (said as the file is read) names none.
 */
export function credentialSitesFromSettings(environment: NodeJS.ProcessEnv = process.env): string[] {
	return [...setting('wordpressAccountSites', environment) ?? []];
}

/**
 * Credentials from BLOGTERM_WP_USER and BLOGTERM_WP_APP_PASSWORD, when both are set, for the site the
 * user named (`namedSite`, as typed or as a URL) and any `moreSites` (the settings entry). Never for a
 * host that site redirects to or advertises its REST API on.
 */
export function credentialsForSite(namedSite: string, environment: NodeJS.ProcessEnv = process.env, moreSites: readonly string[] = []): Credentials | undefined {
	const user = environment[credentialVariables.user]?.trim();
	const password = environment[credentialVariables.password]?.trim();
	if (!user || !password) return undefined;
	const hosts = [namedSite, ...moreSites].map(hostOfSite).filter((host): host is string => host !== undefined);
	return hosts.length > 0 ? {user, password, hosts: [...new Set(hosts)]} : undefined;
}

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether a password may be sent to this URL: only to a host it is for (`credentials.hosts`), and only
 * over https or to this very machine. Without `credentials`, only the scheme is judged.
 */
export function mayCarryCredentials(url: string, credentials?: Pick<Credentials, 'hosts'>): boolean {
	try {
		const parsed = new URL(url);
		if (credentials && !credentials.hosts.includes(parsed.host.toLowerCase())) return false;
		return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback(parsed.hostname));
	} catch {
		return false;
	}
}

function numericOr(value: number | string): number | string {
	return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

/** The fields wp-comments-post.php reads, as a browser sends them. */
export function formFields(target: Pick<CommentTarget, 'postId'>, draft: CommentDraft): Record<string, string> {
	const fields: Record<string, string> = {
		comment_post_ID: String(target.postId),
		author: draft.name.trim(),
		email: draft.email.trim(),
		url: draft.website.trim(),
		comment: draft.comment.trim(),
		comment_parent: String(draft.parent || 0),
	};
	if (draft.saveIdentity) fields['wp-comment-cookies-consent'] = 'yes';
	// The blog's "Notify me of follow-up comments" checkbox, ticked (see notify-checkbox.ts).
	if (draft.notify && !(draft.notify.field in fields)) fields[draft.notify.field] = draft.notify.value;
	return fields;
}

/** Where WordPress's password form sends a post's password: wp-login.php?action=postpass, next to the comment form's endpoint. */
export function postPasswordUrl(formActionUrl: string): string {
	return new URL('wp-login.php?action=postpass', formActionUrl).href;
}

/** The `wp-postpass_<COOKIEHASH>=…` pair of an answer's Set-Cookie headers, ready for a Cookie header. */
export function postPasswordCookie(response: Pick<HttpResponse, 'headers'>): string | undefined {
	return cookiesSet(response, /^wp-postpass_[\da-f]*$/i)[0];
}

/*
A password-protected post's password goes to the blog's password form first (POST
wp-login.php?action=postpass, field post_password), as a browser sends it: WordPress answers with the
cookie (a hash of the password) that wp-comments-post.php asks for. Without it WordPress drops the
comment without a word (an empty 200). Nothing of the comment has left yet, so any failure here is 'failed'.
*/
async function unlockForComment(http: HttpClient, target: CommentTarget, signal: AbortSignal | undefined): Promise<string | CommentOutcome> {
	const url = postPasswordUrl(target.formActionUrl);
	try {
		const answer = await http.postForm(url, {post_password: target.postPassword ?? ''}, {signal});
		const cookie = postPasswordCookie(answer);
		if (cookie !== undefined) return cookie;
		return {kind: 'failed', message: `${hostOf(url)} did not take the post's password (HTTP ${answer.statusCode}). Your comment was not sent.`};
	} catch (error) {
		return {kind: 'failed', message: `${toBlogError(error, url).message} Your comment was not sent.`};
	}
}

/** The JSON POST /wp/v2/comments takes. Signed in, WordPress uses the account's name and email instead. */
export function restBody(target: Pick<CommentTarget, 'postId' | 'postPassword'>, draft: CommentDraft, signedIn: boolean): Record<string, unknown> {
	const body: Record<string, unknown> = {
		post: numericOr(target.postId),
		parent: numericOr(draft.parent || 0),
		content: draft.comment.trim(),
	};
	if (target.postPassword !== undefined) body['password'] = target.postPassword;
	if (!signedIn) {
		body['author_name'] = draft.name.trim();
		body['author_email'] = draft.email.trim();
		if (draft.website.trim() !== '') body['author_url'] = draft.website.trim();
	}
	return body;
}

/** The REST URL of one comment, for either form of the collection URL. */
export function restItemUrl(collectionUrl: string, id: number | string): string {
	const url = new URL(collectionUrl);
	const route = url.searchParams.get('rest_route');
	if (route !== null) {
		url.searchParams.set('rest_route', `${route.replace(/\/$/, '')}/${id}`);
	} else {
		url.pathname = `${url.pathname.replace(/\/$/, '')}/${id}`;
	}
	return url.href;
}

// Errors that happen before a byte of the request has left: the comment was certainly not sent.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL', 'ERR_UNSUPPORTED_PROTOCOL']);
const notSentTimeouts = new Set(['lookup', 'connect', 'secureConnect']);

/** What a failed request means for the comment: not sent ('failed'), or perhaps arrived ('unknown'). */
export function outcomeOfSendError(error: unknown, url: string): CommentOutcome {
	const blogError = toBlogError(error, url);
	const cause = (blogError.cause ?? {}) as {code?: unknown; event?: unknown};
	const code = typeof cause.code === 'string' ? cause.code : '';
	const event = typeof cause.event === 'string' ? cause.event : '';
	const notSent = blogError.kind === 'timeout'
		? notSentTimeouts.has(event)
		: blogError.kind === 'network' && (notSentCodes.has(code) || /CERT|SSL|TLS/.test(code) || /TLS certificate/.test(blogError.message));
	if (notSent) return {kind: 'failed', message: `${blogError.message} Your comment was not sent.`};
	return {kind: 'unknown', message: `${blogError.message} ${unknownMessage}`};
}

// REST errors that mean "not through this door", not "not this comment": the form may still take it.
const restNotForAnonymous = new Set(['rest_comment_login_required', 'rest_not_logged_in', 'rest_no_route', 'rest_forbidden', 'rest_cannot_create', 'rest_disabled', 'rest_login_required', 'rest_authentication_required']);

/** Whether an anonymous REST attempt was turned away at the door (the comment was not created), so the form should be tried. */
export function isAnonymousRestRefusal(response: HttpResponse): boolean {
	if (response.statusCode !== 401 && response.statusCode !== 403 && response.statusCode !== 404) return false;
	const code = restErrorCode(response);
	// No JSON at all: a plugin or firewall blocks the REST API; the comment never reached WordPress.
	return code === undefined || restNotForAnonymous.has(code);
}

async function post(url: string, send: () => Promise<HttpResponse>): Promise<HttpResponse | CommentOutcome> {
	try {
		return await send();
	} catch (error) {
		return outcomeOfSendError(error, url);
	}
}

function isOutcome(value: HttpResponse | CommentOutcome): value is CommentOutcome {
	return 'kind' in value;
}

/** The `name=value` pairs of an answer's Set-Cookie headers whose name `wanted` matches, that are set (not removed). */
function cookiesSet(response: Pick<HttpResponse, 'headers'>, wanted: RegExp): string[] {
	const setCookie = response.headers['set-cookie'];
	return (Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie]).flatMap(cookie => {
		const [pair = '', ...attributes] = cookie.split(';');
		const match = /^\s*([^=\s]+)=(\S*)\s*$/.exec(pair);
		if (!match || !wanted.test(match[1]!)) return [];
		// WordPress removes a cookie by setting it to a space that expires at once.
		const removed = ['', '%20', '+'].includes(match[2]!) || attributes.some(attribute => /^\s*max-age\s*=\s*(?:0|-\d+)\s*$/i.test(attribute));
		return removed ? [] : [`${match[1]}=${match[2]}`];
	});
}

/**
 * The `comment_author_…_<COOKIEHASH>` cookies WordPress set for a comment sent with "Save my name…" ticked,
 * ready for a Cookie header; undefined without the email one (the post's page shows a held comment by it).
 */
export function commenterCookies(response: Pick<HttpResponse, 'headers'>): string | undefined {
	const pairs = cookiesSet(response, /^comment_author_/i);
	return pairs.some(pair => pair.toLowerCase().startsWith('comment_author_email_')) ? pairs.join('; ') : undefined;
}

/** 'held' or 'approved' as the REST API shows the comment to a visitor; undefined when it cannot tell (no REST API, no answer). */
async function statusOverRest(http: HttpClient, id: number | string, restCommentsUrl: string, signal: AbortSignal | undefined, postPassword?: string): Promise<'held' | 'approved' | undefined> {
	try {
		// A comment on a protected post is readable only with the post's password.
		const item = new URL(restItemUrl(restCommentsUrl, id));
		if (postPassword !== undefined) item.searchParams.set('password', postPassword);
		const response = await http.getText(item.href, {signal});
		// A held comment is not readable without signing in; a published one is (the comment itself, as JSON:
		// a 200 page that is something else, a site's home page for an address it does not route, says nothing).
		if (response.statusCode === 401 || response.statusCode === 403) return 'held';
		if (response.statusCode === 200 && String(parseJsonBody<{id?: unknown} | null>(response)?.id) === String(id)) return 'approved';
	} catch {
		// No answer: the post's page may tell.
	}
	return undefined;
}

/**
 * 'held' or 'approved' as the post's page shows the comment to its writer: the page WordPress sent them to,
 * asked with the cookies it set (and the post's password cookie), as a browser would, and only on the site
 * that set them. Undefined when the page does not tell (no cookies, no answer, the comment not on it: a
 * theme of its own, a comment sent to spam).
 */
async function statusOnPage(http: HttpClient, id: number | string, link: string | undefined, cookies: string | undefined, formActionUrl: string, signal: AbortSignal | undefined): Promise<'held' | 'approved' | undefined> {
	if (cookies === undefined || link === undefined || !/^\d+$/.test(String(id))) return undefined;
	try {
		const page = new URL(link);
		if (page.origin !== new URL(formActionUrl).origin) return undefined;
		page.hash = '';
		// Not followed: the cookies go to no other address. Never kept on disk (the page shows a held comment to its writer alone).
		const response = await http.getText(page.href, {signal, headers: {cookie: cookies}, followRedirect: false});
		if (response.statusCode !== 200) return undefined;
		const state = commentStateOnPage(response.body, id);
		return state === 'held' || state === 'approved' ? state : undefined;
	} catch {
		return undefined;
	}
}

/*
With "Save my name…" ticked, the form sends wp-comment-cookies-consent, and then WordPress leaves
`unapproved=` out of the redirect even for a held comment: it sets the comment_author_* cookies instead,
and shows the held comment, marked "Your comment is awaiting moderation.", on the post's page to whoever
carries them. The REST API tells held from published (a held comment is not readable without signing
in); a blog without one (feed-only), or one that does not answer, is asked through the post's page with
those cookies. When neither tells, the comment was received and no more is known: it is held as far as
blogterm knows (never "published", never forgotten on a guess), and said so.
*/
async function confirmStatus(http: HttpClient, outcome: CommentOutcome, answer: HttpResponse, target: CommentTarget, passwordCookie: string | undefined, signal: AbortSignal | undefined): Promise<CommentOutcome> {
	if (outcome.kind !== 'approved' || outcome.id === undefined) return outcome;
	const {id, link} = outcome;
	const commenter = commenterCookies(answer);
	const status = (target.restCommentsUrl ? await statusOverRest(http, id, target.restCommentsUrl, signal, target.postPassword) : undefined)
		?? await statusOnPage(http, id, link, commenter && [commenter, passwordCookie].filter(Boolean).join('; '), target.formActionUrl, signal);
	if (status === 'approved') return outcome;
	if (status === 'held') return {kind: 'held', id, link, message: heldMessage};
	return {kind: 'held', id, link, message: unconfirmedMessage, unconfirmed: true};
}

/** Sends a comment through `http` and reads the blog's answer. Never retries; never rejects (a failure is an outcome). */
export async function sendComment(http: HttpClient, target: CommentTarget, draft: CommentDraft, options: SendCommentOptions = {}): Promise<CommentOutcome> {
	const {signal} = options;
	const restUrl = target.restCommentsUrl;
	// A password goes only to the site it is for, over https or to this machine; otherwise it stays home
	// and the comment goes anonymously.
	const credentials = restUrl && target.credentials && mayCarryCredentials(restUrl, target.credentials) ? target.credentials : undefined;

	const refusals = options.restRefusals ?? (http.cache ? restRefusalsBeside(http.cache.directory) : undefined);
	// A site whose REST API refused an anonymous comment before: straight to the form, one POST a comment.
	const anonymousRest = options.tryAnonymousRest !== false && !(restUrl && refusals?.refuses(restUrl));
	if (restUrl && (credentials || anonymousRest)) {
		const headers: Record<string, string> = {accept: 'application/json'};
		if (credentials) headers['authorization'] = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
		const answer = await post(restUrl, async () => http.postJson(restUrl, restBody(target, draft, Boolean(credentials)), {signal, headers}));
		if (isOutcome(answer)) return answer;
		if (credentials || !isAnonymousRestRefusal(answer)) return readRestResponse(answer);
		if (restErrorCode(answer) === 'rest_comment_login_required') refusals?.remember(restUrl);
	}

	const formUrl = target.formActionUrl;
	const unlocked = target.postPassword === undefined ? undefined : await unlockForComment(http, target, signal);
	if (unlocked !== undefined && typeof unlocked !== 'string') return unlocked;
	const headers = unlocked === undefined ? undefined : {cookie: unlocked};
	const answer = await post(formUrl, async () => http.postForm(formUrl, formFields(target, draft), {signal, headers}));
	if (isOutcome(answer)) return answer;
	const outcome = readFormResponse(answer);
	return draft.saveIdentity ? confirmStatus(http, outcome, answer, target, unlocked, signal) : outcome;
}
