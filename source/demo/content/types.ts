/** A writer on the demo blog. */
export type DemoUser = {
	readonly id: number;
	readonly name: string;
	readonly slug: string;
	readonly description: string;
};

/** A category or tag. Like WordPress, ids are unique across both taxonomies. */
export type DemoTerm = {
	readonly id: number;
	readonly name: string;
	readonly slug: string;
	readonly description: string;
	readonly taxonomy: 'category' | 'post_tag';
};

/** A post as it is written: dates are UTC ('YYYY-MM-DD HH:MM'), terms and related posts by slug. */
export type DemoPostSource = {
	readonly id: number;
	readonly slug: string;
	readonly date: string;
	readonly title: string;
	/** The body as WordPress stores it, with straight quotes (the server "texturizes" them as WordPress does). */
	readonly html: string;
	readonly author: number;
	readonly categories: readonly string[];
	readonly tags: readonly string[];
	/** Defaults to true. */
	readonly commentsOpen?: boolean;
	/** A password-protected post: the blog gives out its title but not its body or comments. */
	readonly password?: string;
	/** Slugs of the posts Jetpack's Related Posts offers for this one; undefined means this post has no Jetpack. */
	readonly jetpackRelated?: readonly string[];
};

/** A comment already on the blog when it starts. */
export type DemoCommentSource = {
	readonly id: number;
	readonly post: string;
	readonly parent: number;
	readonly authorName: string;
	readonly authorEmail: string;
	readonly authorUrl: string;
	readonly date: string;
	/** Raw comment text, as a commenter typed it. */
	readonly content: string;
	/** Another blog's post linking here, as WordPress keeps it beside the comments: `authorName` is that blog's name. */
	readonly type?: 'pingback' | 'trackback';
};
