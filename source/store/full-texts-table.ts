import type {Database} from 'better-sqlite3';
import type {Article} from '../full-text/article.js';
import type {FullTextStore} from '../full-text/full-text-store.js';
import type {PostId} from '../model/post.js';

/** The article kept for a post, or undefined. */
export function keptArticle(db: Database, siteKey: string, postId: PostId): Article | undefined {
	const row = db.prepare('SELECT page_url AS url, title, html FROM full_texts WHERE site_key = ? AND post_id = ?').get(siteKey, String(postId)) as Article | undefined;
	return row ? {url: row.url, title: row.title, html: row.html} : undefined;
}

/** Keeps the article read from a post's page (in place of one kept before). */
export function keepArticle(db: Database, siteKey: string, postId: PostId, article: Article, now: string): void {
	db.prepare('INSERT OR REPLACE INTO full_texts (site_key, post_id, page_url, title, html, read_at) VALUES (?, ?, ?, ?, ?, ?)')
		.run(siteKey, String(postId), article.url, article.title, article.html, now);
}

/** Whether every summary-only post of the blog is read from its page. */
export function isFullTextBlog(db: Database, siteKey: string): boolean {
	return db.prepare('SELECT EXISTS (SELECT 1 FROM full_text_blogs WHERE site_key = ?)').pluck().get(siteKey) === 1;
}

export function setFullTextBlog(db: Database, siteKey: string, on: boolean): void {
	if (on) db.prepare('INSERT OR IGNORE INTO full_text_blogs (site_key) VALUES (?)').run(siteKey);
	else db.prepare('DELETE FROM full_text_blogs WHERE site_key = ?').run(siteKey);
}

/** The reader's FullTextStore over the database. */
export function storeFullTexts(db: Database, now: () => string = () => new Date().toISOString()): FullTextStore {
	return {
		article: (siteKey, postId) => keptArticle(db, siteKey, postId),
		keep: (siteKey, postId, article) => keepArticle(db, siteKey, postId, article, now()),
		isAutomatic: siteKey => isFullTextBlog(db, siteKey),
		setAutomatic: (siteKey, on) => setFullTextBlog(db, siteKey, on),
	};
}
