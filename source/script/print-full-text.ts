import type {HttpClient} from '../http/client.js';
import {postWithArticle} from '../full-text/article.js';
import type {PostView} from './fetch-post-view.js';
import {postToJson, type PostJson} from './format-json.js';

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

/** The post's JSON document with `fullText` after `html`: whether `text` and `html` are the article read from its page. */
export function postToJsonWithFullText(view: PostView): PostJson & {fullText: boolean} {
	const json = postToJson(view);
	const entries = Object.entries(json);
	const at = entries.findIndex(([key]) => key === 'html') + 1;
	entries.splice(at, 0, ['fullText', view.post.fullTextFrom !== undefined]);
	return Object.fromEntries(entries) as PostJson & {fullText: boolean};
}
