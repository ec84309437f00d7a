import type {HttpClient} from '../http/client.js';
import {postWithArticle} from '../full-text/article.js';
import type {PostView} from './fetch-post-view.js';
import {postToJson, schemaVersion, type PostFieldChoice, type PostJson} from './format-json.js';

/*
`--post REF --full-text` (issue 23): a post whose source holds only a summary is printed with the article
read from its page, in every format, under the line "Full text from the post's page"; JSON says
`"fullText": true` (after `html`, which with `text` is the article's). A page that holds no article
leaves the summary, said on stderr in words. Readability is loaded here only, when the flag is given.
*/

/** What `--full-text` made of a post: the view to print, and a sentence for stderr when the summary stays. */
export type FullTextView = {readonly view: PostView; readonly note: string | undefined};

/** The view with the article in place of the summary, when the post is summary-only and its page holds one. */
export async function withFullText(view: PostView, http: HttpClient): Promise<FullTextView> {
	const {post} = view;
	if (!post.isSummaryOnly || post.fullTextFrom !== undefined) return {view, note: undefined};
	const {fetchFullText} = await import('../full-text/fetch-full-text.js');
	const result = await fetchFullText(http, post.link, {summary: post.excerpt});
	if (result.kind === 'not-an-article') return {view, note: `${result.message} The summary is shown.`};
	return {view: {...view, post: postWithArticle(post, result.article)}, note: undefined};
}

/**
 * Whether `--full-text` needs the post's page for these `--fields`: only when the document holds what the
 * article changes (`text`, `html`, `summaryOnly`, `fullText`); `--fields id,title` reads no page.
 */
export function fieldsNeedArticle(fields: readonly PostFieldChoice[] | undefined): boolean {
	return !fields || fields.some(field => field === 'text' || field === 'html' || field === 'summaryOnly' || field === 'fullText');
}

/**
 * The post's JSON document with `fullText` after `html`: whether `text` and `html` are the article read from
 * its page. With `fields` (--fields), only those keys, after `schemaVersion`, as for any post.
 */
export function postToJsonWithFullText(view: PostView, fields?: readonly PostFieldChoice[]): Partial<PostJson> & {fullText?: boolean} {
	const json = postToJson(view);
	const entries = Object.entries(json);
	const at = entries.findIndex(([key]) => key === 'html') + 1;
	entries.splice(at, 0, ['fullText', view.post.fullTextFrom !== undefined]);
	const kept = fields ? entries.filter(([key]) => key === 'schemaVersion' || fields.includes(key as PostFieldChoice)) : entries;
	// A field the document lacks (`comments` not fetched) is null, as postToJson makes it.
	if (fields) for (const field of fields) if (!kept.some(([key]) => key === field)) kept.push([field, null]);
	return Object.fromEntries(fields ? [['schemaVersion', schemaVersion], ...kept.filter(([key]) => key !== 'schemaVersion')] : kept);
}
