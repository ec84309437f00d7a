import type {PostId} from './post.js';

/** A post the "Related Posts" panel offers. */
export type RelatedPost = {
	readonly id: PostId;
	readonly title: string;
	/** As PostSummary's: `title` is a stand-in, and JSON output says null. */
	readonly untitled?: true;
	readonly link: string;
	readonly date: string | undefined;
	/** Why it is related: "In Social Media", "Shares 2 tags", or the blog's own context. */
	readonly context: string;
};
