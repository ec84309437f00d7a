// The shapes of the demo blog's JSON answers, as the tests read them: only the fields they look at.
// They are what the tests expect, not a check: each test asserts the fields it depends on.

export type Rendered = {rendered: string; protected?: boolean};

export type RestTerm = {id: number; name: string; taxonomy: string};

/** One item of Jetpack's related posts (the REST field and the `?relatedposts=1` answer). */
export type RelatedItem = {id: number; url_meta: {origin: number}; date: string};

export type RestPost = {
	id: number;
	date: string;
	modified_gmt: string;
	slug: string;
	status: string;
	type: string;
	link: string;
	comment_status: string;
	title: Rendered;
	content: Rendered;
	excerpt: Rendered;
	categories: number[];
	tags: number[];
	_links: {replies: Array<{href: string}>};
	/** With `_embed` only. */
	_embedded?: {author: Array<{name: string}>; 'wp:term': [RestTerm[], RestTerm[]]};
	/** On the posts Jetpack has related posts for. */
	'jetpack-related-posts'?: RelatedItem[];
};

export type RestComment = {
	id: number;
	post: number;
	parent: number;
	author_name: string;
	date: string;
	link: string;
	status: string;
	type: string;
	content: Rendered;
};

/** A REST error, as WordPress gives it. */
export type RestError = {code: string; message: string; data: {status: number; params?: Record<string, string>}};

/** `/wp-json/`. */
export type SiteIndex = {name: string; url: string; home: string; namespaces: string[]};

/** Jetpack's `?relatedposts=1` answer. */
export type RelatedPostsAnswer = {cached: boolean; items: RelatedItem[]};
