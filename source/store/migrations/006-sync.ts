/**
 * Sync with a server (TT-RSS): stars on posts, the server's IDs for the blogs and posts it gave, and
 * the read marks and stars waiting to be sent (in the order they were made, each sent once).
 */
export const syncSchema = `
ALTER TABLE posts ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sync_feeds (
	blog_id INTEGER PRIMARY KEY REFERENCES blogs (id) ON DELETE CASCADE,
	server_id INTEGER NOT NULL UNIQUE
);

CREATE TABLE sync_posts (
	post INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
	server_id INTEGER NOT NULL UNIQUE
);

-- What the user changed that the server has not been told yet, oldest first.
CREATE TABLE sync_queue (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	server_id INTEGER NOT NULL,
	field TEXT NOT NULL CHECK (field IN ('read', 'starred')),
	value INTEGER NOT NULL,
	queued_at TEXT NOT NULL
);

-- Where the last sync stopped (last_article_id) and when it ran.
CREATE TABLE sync_state (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
`;
