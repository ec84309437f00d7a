import type {TestDemo} from './demo.js';

export type DemoCommentFields = {
	readonly postId: number;
	readonly parent?: number;
	readonly author: string;
	readonly email: string;
	readonly url?: string;
	readonly comment: string;
};

/**
 * Leaves a comment on the demo blog through its comment form, as someone in a browser would (the
 * demo's seeded commenters, Maren Holt among them, are published at once). Answers the new comment's id.
 */
export async function postDemoComment(demo: TestDemo, fields: DemoCommentFields): Promise<number> {
	const form = new URLSearchParams({
		comment_post_ID: String(fields.postId),
		comment_parent: String(fields.parent ?? 0),
		author: fields.author,
		email: fields.email,
		url: fields.url ?? '',
		comment: fields.comment,
	});
	const response = await fetch(new URL('wp-comments-post.php', demo.url), {method: 'POST', body: form, redirect: 'manual'});
	const location = response.headers.get('location') ?? '';
	const id = /#comment-(\d+)/.exec(location)?.[1];
	if (response.status !== 302 || id === undefined) throw new Error(`The demo did not take the comment: ${response.status} ${await response.text()}`);
	return Number(id);
}

/** Maren Holt, the demo blog's author: her comments are published at once. */
export const maren = {author: 'Maren Holt', email: 'maren@terminal-gardener.example'} as const;
