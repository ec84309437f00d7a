/** What a blog says about itself. */
export type SiteInfo = {
	/** The blog's name, cleaned. */
	readonly name: string;
	readonly description: string;
	/** The home page URL. */
	readonly url: string;
	/** A stable key for this site, used to keep read state and drafts apart per site (e.g. "blog.example/path"). */
	readonly key: string;
};
