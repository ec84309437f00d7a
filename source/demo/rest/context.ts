import type {Blog} from '../blog.js';
import type {CommentStore} from '../comment-store.js';

/** What every REST answer is made from. */
export type RestContext = {
	readonly blog: Blog;
	readonly store: CommentStore;
	/** 'http://127.0.0.1:PORT', no trailing slash. */
	readonly base: string;
	/** The sticky posts' IDs (WordPress's `sticky_posts` option); none unless a test makes some. */
	readonly stickyIds?: ReadonlySet<number>;
};

export type Json = Record<string, unknown>;

export function restUrl(base: string, route: string): string {
	return `${base}/wp-json${route}`;
}

/** The JSON WordPress sends: PHP's json_encode escapes "/" and every non-ASCII character. */
export function encodeJson(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('/', '\\/')
		.replaceAll(/[\u007F-\uFFFF]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
