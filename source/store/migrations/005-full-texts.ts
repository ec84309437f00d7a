/**
 * Full text (issue 23): the articles read from posts' pages, and the blogs whose summary-only posts are
 * all read so. Keyed by site key and post ID, as read marks are, so that a blog need not be followed; apart
 * from post_texts, so that a refresh (which keeps the feed's summary there) never writes over an article.
 */
export const fullTextsSchema = `
CREATE TABLE full_texts (
	site_key TEXT NOT NULL,
	post_id TEXT NOT NULL,
	page_url TEXT NOT NULL,
	title TEXT NOT NULL DEFAULT '',
	html TEXT NOT NULL,
	read_at TEXT NOT NULL,
	PRIMARY KEY (site_key, post_id)
) WITHOUT ROWID;

CREATE TABLE full_text_blogs (
	site_key TEXT PRIMARY KEY
) WITHOUT ROWID;
`;
