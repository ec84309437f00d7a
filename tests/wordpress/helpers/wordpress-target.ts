import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {discoverRestRoot} from './rest.js';
import type {Commenter, StoredComment, Target} from './target.js';
import {readBlogTruth} from './truth.js';

/*
A real WordPress that scripts/wordpress/start.sh started and seeded. What it holds is read back
through WordPress itself: its REST API, and scripts/wordpress/wp-tool.php (WordPress's own PHP
functions) for what REST does not show to an anonymous reader, such as held comments.
*/

const run = promisify(execFile);

/** What seed.php printed about one site. */
export type Seeded = {
	readonly name: string;
	readonly url: string;
	readonly permalinks: 'plain' | 'pretty';
	readonly restRoot: string;
	readonly perPage: number;
	readonly total: number;
	readonly totalPages: number;
	readonly threadedPostId: number;
	readonly busyPostId: number;
	readonly closedPostId: number;
	readonly protectedPostId: number;
	readonly protectedPassword: string;
	readonly commentPostId: number;
	/** A post whose link goes to another post of the same blog (linkedPostId). */
	readonly linkingPostId: number;
	readonly linkedPostId: number;
	/** A post with an embed, a table, an audio file and emoji. */
	readonly richPostId: number;
	/** A post with a pingback beside its comments. */
	readonly pingbackPostId: number;
	readonly pingbackId: number;
	/** The site's time zone (timezone_string). */
	readonly timezone: string;
	readonly knownCommenter: Commenter;
	readonly posts: ReadonlyArray<{
		readonly id: number;
		/** 1 (oldest) to 27 (newest), as seed.php numbers them. */
		readonly number: number;
		readonly slug: string;
		readonly title: string;
		readonly link: string;
		/** UTC, `…Z`. */
		readonly date: string;
		/** As the blog shows it on the post's page, in its zone: `February 21, 2024`. */
		readonly localDate: string;
		/** ISO 8601 with the site's offset: `2024-02-21T00:45:00+13:00`. */
		readonly dateWithOffset: string;
		readonly author: string;
		readonly categories: readonly string[];
		readonly tags: readonly string[];
		readonly texts: readonly string[];
		readonly href: string | null;
		readonly commentsOpen: boolean;
		readonly isProtected: boolean;
		/** The approved comments (what the REST API lists to a visitor). */
		readonly commentCount: number;
		/** What the blog counts ("2 responses", slash:comments): pingbacks and trackbacks too. */
		readonly blogCommentCount: number;
		readonly comments: ReadonlyArray<{id: number; parent: number; author: string; date: string; text: string}>;
	}>;
};

type SitesFile = {
	readonly tool: string;
	readonly sites: ReadonlyArray<{readonly name: string; readonly env: Record<string, string>; readonly seeded: Seeded}>;
};

type ToolComment = {id: number; postId: number; parent: number; author: string; email: string; content: string; status: string};

/** Where scripts/wordpress/run.sh said the sites are. */
export function readSitesFile(): SitesFile {
	const path = process.env['BLOGTERM_WP_SITES'];
	if (!path) {
		throw new Error('BLOGTERM_WP_SITES is not set: run this suite with `npm run test:wordpress` (scripts/wordpress/run.sh), which starts WordPress for it.');
	}
	return JSON.parse(readFileSync(path, 'utf8')) as SitesFile;
}

export type WordPressTarget = Target & {readonly seeded: Seeded};

export async function openWordPress(name: 'plain' | 'pretty'): Promise<WordPressTarget> {
	const sites = readSitesFile();
	const site = sites.sites.find(candidate => candidate.name === name);
	if (!site) throw new Error(`No WordPress site named ${name} in ${process.env['BLOGTERM_WP_SITES']}`);

	const tool = async (...args: string[]): Promise<string> => {
		const {stdout} = await run('php', [sites.tool, ...args], {env: {...process.env, ...site.env}, timeout: 30_000});
		return stdout;
	};

	const siteUrl = site.seeded.url;
	const restRoot = await discoverRestRoot(siteUrl);
	const truth = await readBlogTruth(restRoot);
	return {
		name: `WordPress (${name} permalinks)`,
		siteUrl,
		restRoot,
		truth,
		seeded: site.seeded,
		knownCommenter: site.seeded.knownCommenter,
		protectedPassword: site.seeded.protectedPassword,
		async storedComments(postId) {
			const comments = JSON.parse(await tool('comments', String(postId))) as ToolComment[];
			return comments.map((comment): StoredComment => ({
				id: comment.id,
				postId: comment.postId,
				parent: comment.parent,
				author: comment.author,
				email: comment.email,
				content: comment.content,
				status: comment.status === 'approved' ? 'approved' : comment.status === 'unapproved' ? 'held' : comment.status,
			}));
		},
		async holdComments() {
			// WordPress's "Comment must be manually approved": holds everyone, even a known commenter.
			await tool('set-option', 'comment_moderation', '1');
			return {commenter: site.seeded.knownCommenter, undo: async () => void await tool('set-option', 'comment_moderation', '0')};
		},
		async forgetRecentComments() {
			await tool('age-comments');
		},
		async close() {
			// scripts/wordpress/stop.sh stops WordPress.
		},
	};
}
