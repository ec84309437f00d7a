/**
 * The first schema: followed blogs (with what the next refresh needs), their posts (metadata; the text
 * of posts read, so they open offline), read marks for posts not stored yet, and the full-text index.
 */
export const initialSchema = `
CREATE TABLE blogs (
	id INTEGER PRIMARY KEY,
	url TEXT NOT NULL UNIQUE,
	site_key TEXT NOT NULL,
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL CHECK (kind IN ('wordpress', 'feed', 'unknown')),
	feed_url TEXT NOT NULL DEFAULT '',
	api_url TEXT NOT NULL DEFAULT '',
	html_url TEXT NOT NULL DEFAULT '',
	folder TEXT NOT NULL DEFAULT '',
	etag TEXT,
	last_modified TEXT,
	modified_after TEXT,
	last_checked TEXT,
	last_updated TEXT,
	last_error TEXT,
	-- Kept by the code that changes posts (posts-table.ts), so that counting never scans the posts.
	post_count INTEGER NOT NULL DEFAULT 0,
	unread_count INTEGER NOT NULL DEFAULT 0,
	added_at TEXT NOT NULL
);
CREATE INDEX blogs_site_key ON blogs (site_key);

CREATE TABLE posts (
	id INTEGER PRIMARY KEY,
	blog_id INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
	post_id TEXT NOT NULL,
	id_is_number INTEGER NOT NULL DEFAULT 0,
	title TEXT NOT NULL,
	link TEXT NOT NULL DEFAULT '',
	date TEXT,
	sort_date TEXT NOT NULL,
	author TEXT NOT NULL DEFAULT '',
	excerpt TEXT NOT NULL DEFAULT '',
	comment_count INTEGER,
	slug TEXT,
	categories TEXT NOT NULL DEFAULT '[]',
	tags TEXT NOT NULL DEFAULT '[]',
	comments_open INTEGER NOT NULL DEFAULT 0,
	is_protected INTEGER NOT NULL DEFAULT 0,
	read INTEGER NOT NULL DEFAULT 0,
	seen_at TEXT NOT NULL,
	UNIQUE (blog_id, post_id)
);
CREATE INDEX posts_river ON posts (sort_date DESC, id DESC);
-- No index holds read: marking 100,000 posts read rewrites the rows, not indexes too.
CREATE INDEX posts_blog_river ON posts (blog_id, sort_date DESC, id DESC);

-- The kept text of a post, apart: a post's row stays small, so that marking 100,000 posts read (which
-- rewrites their rows) does not rewrite their text too.
CREATE TABLE post_texts (
	post INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
	html TEXT NOT NULL,
	is_summary_only INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE read_marks (
	site_key TEXT NOT NULL,
	post_id TEXT NOT NULL,
	PRIMARY KEY (site_key, post_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE posts_text USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');
`;
