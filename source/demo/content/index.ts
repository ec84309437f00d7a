import {seededApprovedCommenter, seededComments} from './comments.js';
import {longPost} from './long-post.js';
import {shortPosts} from './posts.js';
import {demoCategories, demoTags, demoUsers, siteDescription, siteName} from './site.js';
import type {DemoPostSource} from './types.js';

export type {DemoCommentSource, DemoPostSource, DemoTerm, DemoUser} from './types.js';

/** Every post, in no particular order (the blog sorts them by date). */
export const demoPosts: readonly DemoPostSource[] = [...shortPosts, longPost];

export {demoCategories, demoTags, demoUsers, seededApprovedCommenter, seededComments, siteDescription, siteName};

/** Slugs of the posts worth knowing about when trying the demo blog by hand or in tests. */
export const specialPosts = {
	/** Many screens long, with headings, lists, a blockquote, code, links and images. */
	long: longPost.slug,
	/** Password-protected (password "sesame"): title only, no body or comments without the password. */
	passwordProtected: 'the-committee-compost-recipe',
	/** Comments closed; its thread stays readable. */
	commentsClosed: 'notes-from-the-winter-shed',
	/** Shares no category or tag with any other post, and has no Jetpack: "No results found." */
	noRelated: 'on-keeping-a-bee-diary',
	/** Has Jetpack related posts (REST field and `?relatedposts=1`). */
	withJetpack: 'watering-schedules-with-cron',
	/** No Jetpack: related posts come from shared terms. */
	withoutJetpack: 'compost-is-a-queue',
} as const;
