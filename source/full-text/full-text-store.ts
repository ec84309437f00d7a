import type {PostId} from '../model/post.js';
import type {Article, FullTextResult} from './article.js';
import type {FetchFullTextOptions} from './fetch-full-text.js';
import type {HttpClient} from '../http/client.js';

/**
 * Where the reader keeps the articles it read from posts' pages (so that they open again at once, and
 * offline) and which blogs have every summary-only post read whole. The store (store/full-texts-table.ts)
 * in real use, memory in tests and before the store exists. Keyed by the site's key, as read marks are:
 * a blog need not be followed.
 */
export type FullTextStore = {
	article(siteKey: string, postId: PostId): Article | undefined;
	keep(siteKey: string, postId: PostId, article: Article): void;
	/** Whether every summary-only post of the blog is shown whole, without a key. */
	isAutomatic(siteKey: string): boolean;
	setAutomatic(siteKey: string, automatic: boolean): void;
};

/** A FullTextStore in memory, for one run. */
export function fullTextsInMemory(): FullTextStore {
	const articles = new Map<string, Article>();
	const automatic = new Set<string>();
	return {
		article: (siteKey, postId) => articles.get(`${siteKey}\n${postId}`),
		keep: (siteKey, postId, article) => void articles.set(`${siteKey}\n${postId}`, article),
		isAutomatic: siteKey => automatic.has(siteKey),
		setAutomatic(siteKey, on) {
			if (on) automatic.add(siteKey);
			else automatic.delete(siteKey);
		},
	};
}

/** Reads a page's article: fetchFullText with its client, the extractor loaded on the first call only. */
export type FullTextReader = (url: string, options?: FetchFullTextOptions) => Promise<FullTextResult>;

/** The reader of articles for `http`: Readability and linkedom are imported when it is first called, not before. */
export function fullTextReader(http: HttpClient): FullTextReader {
	return async (url, options) => {
		const {fetchFullText} = await import('./fetch-full-text.js');
		return fetchFullText(http, url, options);
	};
}
