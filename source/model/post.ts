/** A post's identity as its blog knows it: WordPress's numeric ID, or a feed item's guid/link. */
export type PostId = number | string;

/** A category or tag. */
export type Term = {
	readonly id: number | string;
	readonly name: string;
	readonly taxonomy: 'category' | 'tag';
};

/** What a list of posts shows for each post. Every string here is already cleaned of control characters. */
export type PostSummary = {
	readonly id: PostId;
	/** What lists show as the title; a stand-in ("(no title)", the start of the text) when `untitled`. */
	readonly title: string;
	/** The blog gave the post no title: `title` is a stand-in, and JSON output says null. */
	readonly untitled?: true;
	/** The post's page on the blog (absolute URL). */
	readonly link: string;
	/** ISO 8601, or undefined when the feed gave no date. */
	readonly date: string | undefined;
	readonly author: string;
	/** Undefined when the source cannot tell. */
	readonly commentCount: number | undefined;
	/** Plain text on one line, as the blog gave it (uncut, no "…" added): outputs shorten it for display. */
	readonly excerpt: string;
	readonly slug?: string;
	/** ISO 8601: when the post was last changed, when the source says (WordPress `modified`). */
	readonly modified?: string;
	readonly categories: readonly Term[];
	readonly tags: readonly Term[];
	/** The blog guards the post with a password (WordPress's list says "Protected:"). */
	readonly isProtected?: boolean;
	/** WordPress keeps it at the top of its home page (a sticky post); undefined when the source cannot tell (a feed). */
	readonly sticky?: boolean;
};

/**
 * A file a feed item carries: RSS `<enclosure>`, Atom `link rel="enclosure"`, JSON Feed `attachments`
 * (a podcast episode, a video). Cleaned where it entered: an http(s) URL, one-line text, sane numbers.
 */
export type Attachment = {
	readonly kind: 'audio' | 'video' | 'image' | 'file';
	readonly url: string;
	/** The attachment's own title, else the item's; '' when neither has one. */
	readonly title: string;
	/** `audio/mpeg`, lower case; undefined when not given or not a MIME type. */
	readonly mimeType?: string;
	/** Undefined when not given, 0, or beyond any real file. */
	readonly sizeBytes?: number;
	readonly durationSeconds?: number;
};

/** A post ready to read. */
export type Post = PostSummary & {
	/**
	 * The post's body as HTML, its addresses made safe where it entered (sources/clean-html.ts: absolute
	 * http or https, or gone), its text not yet cleaned of control characters: each output cleans what it shows.
	 */
	readonly html: string;
	/** True when the source only had a summary (a feed without full content). */
	readonly isSummaryOnly: boolean;
	/** The files a feed item carries (also shown in `html`, as `[audio: TITLE (1:02:03, 48 MB) URL]`). */
	readonly attachments?: readonly Attachment[];
	/**
	 * Set when `html` is the article read from the post's own page (full text, issue 23), not what the
	 * source gave: the page's address. `isSummaryOnly` is then false, and `excerpt` is still the summary.
	 */
	readonly fullTextFrom?: string;
	/** Whether the blog takes new comments on this post. */
	readonly commentsOpen: boolean;
	/**
	 * The password it was read with, when it is password protected and was given the right one: kept in
	 * memory only (for its comments), never written anywhere. Without it, a protected post has no body.
	 */
	readonly password?: string;
	/** Set when the blog could not be reached and this post comes from the on-disk cache (ISO 8601 time it was saved). */
	readonly offlineSavedAt?: string;
	/** Set when some of it is the copy kept on disk, given without asking the blog (`cacheFirst`): a refresh is due. */
	readonly fromCache?: true;
};

/** What lists show as the title of a post its blog gave none (`untitled`): the start of its text, else "(no title)". */
export function untitledStandIn(excerpt: string): string {
	if (!excerpt) return '(no title)';
	return excerpt.length > 60 ? `${excerpt.slice(0, 60).trimEnd()}…` : excerpt;
}

/** A neighbouring post, as "« previous" / "next »" links show it. */
export type PostLink = {
	readonly id: PostId;
	readonly title: string;
	/** As PostSummary's: `title` is a stand-in. */
	readonly untitled?: true;
	readonly link: string;
};

/** The chronological neighbours of a post: previous is older, next is newer. */
export type PostNeighbours = {
	readonly previous: PostLink | undefined;
	readonly next: PostLink | undefined;
};

/** How a user or a script names a post: by ID, by slug, or by URL. */
export type PostRef =
	| {readonly kind: 'id'; readonly id: PostId}
	| {readonly kind: 'slug'; readonly slug: string}
	| {readonly kind: 'url'; readonly url: string};

/** A string naming a PostRef, for React keys and load keys. */
export function postRefKey(ref: PostRef): string {
	return ref.kind === 'id' ? `id:${ref.id}` : ref.kind === 'slug' ? `slug:${ref.slug}` : `url:${ref.url}`;
}

/**
 * Parses what a user typed (`42`, `hello-world`, `https://…/hello-world/`, `https://…/?p=42`) into a
 * PostRef. A feed's id that is neither a number, a web address nor a slug (`tag:github.com,2008:…`,
 * `urn:uuid:…`, a guid with a slash or a space) is an id, so that every id `--list` prints opens its post.
 */
export function parsePostRef(text: string): PostRef {
	const trimmed = text.trim();
	if (/^\d+$/.test(trimmed)) return {kind: 'id', id: Number(trimmed)};
	if (/^https?:\/\//i.test(trimmed)) return {kind: 'url', url: trimmed};
	if (/^[a-z][a-z\d+.-]*:/i.test(trimmed) || /[\s/?#]/.test(trimmed)) return {kind: 'id', id: trimmed};
	return {kind: 'slug', slug: trimmed};
}

/** Whether a post is password protected and not yet unlocked: the blog gave its title, not its body. */
export function isLocked(post: Pick<Post, 'isProtected' | 'password'>): boolean {
	return post.isProtected === true && post.password === undefined;
}

/** How a sticky post is marked at the top of the first list page, as WordPress's themes mark it on the home page. */
const stickyMark = 'Featured: ';

/**
 * A post's title as a list shows it: `Protected: …` as WordPress's list marks a locked post, and
 * `Featured: …` for a sticky post on the first page of the whole list (where it sits at the top).
 */
export function listedTitle(post: PostSummary, options: {readonly firstPage: boolean}): string {
	const title = post.isProtected ? `Protected: ${post.title}` : post.title;
	return options.firstPage && post.sticky === true ? `${stickyMark}${title}` : title;
}
