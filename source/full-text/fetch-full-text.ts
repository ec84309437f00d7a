import {BlogError} from '../errors.js';
import {header, hostOf, type HttpClient, type HttpResponse} from '../http/client.js';
import {networkUrl} from '../sources/clean.js';
import {cleanLine} from '../render/sanitize.js';
import type {FullTextResult} from './article.js';
import {extractArticle} from './extract-article.js';

/*
Loaded only when full text is asked for (a dynamic import): Readability and linkedom cost nothing to
anyone who never asks.
*/

export type FetchFullTextOptions = {
	readonly signal?: AbortSignal;
	/** The post's summary: the page must hold its words (a consent page does not). */
	readonly summary?: string;
	/** "The post's page" (the default) or "The page": how messages name it. */
	readonly what?: string;
};

const htmlTypes = /^(?:text\/html|application\/xhtml\+xml)$/i;

/**
 * Fetches the page at `url` through the HTTP client (its size and time limits, redirects http and https
 * only, kept on disk so that it reads offline) and reads its article. A page that is no article (a PDF,
 * a login or consent page, a page gone) resolves with why, in words; a page that cannot be read at all
 * rejects with a BlogError, as every fetch does.
 */
export async function fetchFullText(http: HttpClient, url: string, options: FetchFullTextOptions = {}): Promise<FullTextResult> {
	const what = options.what ?? 'The post\'s page';
	const pageUrl = networkUrl(url);
	if (pageUrl === undefined) return {kind: 'not-an-article', message: `${what} is not a web address blogterm can read.`};
	const response = await http.getBytes(pageUrl, {
		signal: options.signal,
		cache: true,
		headers: {accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1'},
	});
	const {statusCode} = response;
	if (statusCode === 401 || statusCode === 403) return {kind: 'not-an-article', message: `${what} asks to sign in first (${statusCode}): it holds no article.`};
	if (statusCode === 404 || statusCode === 410) return {kind: 'not-an-article', message: `${what} is not there any more (${statusCode}).`};
	if (statusCode !== 200) throw new BlogError('http', `${hostOf(pageUrl)} answered ${statusCode} for the post's page.`, {statusCode});
	const type = (header(response, 'content-type') ?? '').split(';')[0]!.trim();
	if (isPdf(type, response.bytes)) return {kind: 'not-an-article', message: `${what} is a PDF, not an article.`};
	if (type !== '' ? !htmlTypes.test(type) : !looksLikeHtml(response.bytes)) {
		return {kind: 'not-an-article', message: `${what} is not a web page (${cleanLine(type) || 'no type given'}), not an article.`};
	}
	const finalUrl = networkUrl(response.url) ?? pageUrl;
	return extractArticle(decodeHtml(response), finalUrl, {summary: options.summary, what});
}

function isPdf(type: string, bytes: Buffer): boolean {
	return /^application\/(?:x-)?pdf$/i.test(type) || bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

function looksLikeHtml(bytes: Buffer): boolean {
	return /^\s*</.test(bytes.subarray(0, 512).toString('latin1').replace(/^\uFEFF/, ''));
}

/** The page's text in the encoding its header or its `<meta charset>` names; UTF-8 otherwise (or when the name is unknown). */
function decodeHtml(response: HttpResponse & {readonly bytes: Buffer}): string {
	const declared = /charset=["']?([\w.:-]+)/i.exec(header(response, 'content-type') ?? '')?.[1]
		?? /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(response.bytes.subarray(0, 2048).toString('latin1'))?.[1];
	if (declared && !/^utf-?8$/i.test(declared)) {
		try {
			return new TextDecoder(declared).decode(response.bytes);
		} catch {
			// An encoding TextDecoder does not know: read as UTF-8.
		}
	}
	return response.bytes.toString('utf8').replace(/^\uFEFF/, '');
}
