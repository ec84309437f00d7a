import type {Database} from 'better-sqlite3';
import {cjkWords} from '../cjk-runs.js';

/**
 * The CJK of every post's title and text as words of two characters and of one (see cjk-runs.ts): rowid
 * is the post's, as in posts_text; a post with no CJK has no row.
 */
export const cjkWordsSchema = `
CREATE VIRTUAL TABLE posts_cjk USING fts5 (title, text, tokenize = 'unicode61');
`;

/** Fills posts_cjk from the posts already indexed. */
export function fillCjkWords(db: Database): void {
	db.function('blogterm_cjk_runs', {deterministic: true}, (text: unknown) => cjkWords(typeof text === 'string' ? text : ''));
	db.exec(`INSERT INTO posts_cjk (rowid, title, text)
		SELECT rowid, title, text FROM (SELECT rowid, blogterm_cjk_runs(title) AS title, blogterm_cjk_runs(text) AS text FROM posts_text)
		WHERE title <> '' OR text <> ''`);
}
