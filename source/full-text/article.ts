import type {Post} from '../model/post.js';

/** An article read from a web page: what the reader shows in place of a summary. Every string is cleaned. */
export type Article = {
	/** The page it was read from, after redirects (absolute http or https). */
	readonly url: string;
	/** The page's own title for its article (a followed link shows it; a post keeps its own). */
	readonly title: string;
	/** The article's HTML: cleaned (no script, style, form, handler or control character), links and images absolute. */
	readonly html: string;
};

/** What reading a page came to: its article, or why it holds none, as a sentence ("The page is a PDF, not an article."). */
export type FullTextResult =
	| {readonly kind: 'article'; readonly article: Article}
	| {readonly kind: 'not-an-article'; readonly message: string};

/** The line every output shows above an article read from the post's page. */
export const fullTextLine = 'Full text from the post\'s page';

/** The post with the article in place of its summary (its summary stays its excerpt). */
export function postWithArticle<P extends Post>(post: P, article: Article): P {
	return {...post, html: article.html, isSummaryOnly: false, fullTextFrom: article.url};
}
