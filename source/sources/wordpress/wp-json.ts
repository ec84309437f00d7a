import type {Comment} from '../../model/comment.js';
import type {Post, PostSummary, Term} from '../../model/post.js';
import {cleanLine} from '../../render/sanitize.js';
import {htmlToPlainText} from '../../render/plain-text.js';

/** The parts of WordPress's REST post object that blogterm reads. */
export type WpPost = {
	id: number;
	date?: string;
	date_gmt?: string;
	slug?: string;
	link?: string;
	status?: string;
	title?: {rendered?: string};
	excerpt?: {rendered?: string; protected?: boolean};
	content?: {rendered?: string; protected?: boolean};
	comment_status?: string;
	author?: number;
	categories?: number[];
	tags?: number[];
	_embedded?: {
		author?: Array<{id?: number; name?: string}>;
		'wp:term'?: Array<Array<{id: number; name?: string; taxonomy?: string}>>;
	};
	'jetpack-related-posts'?: unknown;
};

export type WpComment = {
	id: number;
	post?: number;
	parent?: number;
	author_name?: string;
	author_url?: string;
	date?: string;
	date_gmt?: string;
	content?: {rendered?: string};
	status?: string;
};

export type WpError = {code?: string; message?: string; data?: {status?: number}};

/** One line of plain text from a WordPress "rendered" HTML string (titles have entities: `&#8217;`). */
export function renderedToLine(html: string | undefined): string {
	return cleanLine(htmlToPlainText(html ?? ''));
}

/** WordPress gives `date_gmt` without a zone; make it ISO 8601 UTC. Falls back to the local `date`. */
export function isoDate(post: {date?: string; date_gmt?: string}): string | undefined {
	if (post.date_gmt) return new Date(`${post.date_gmt}Z`).toISOString();
	if (post.date) return new Date(post.date).toISOString();
	return undefined;
}

function termsOf(post: WpPost, taxonomy: 'category' | 'tag'): Term[] {
	const groups = post._embedded?.['wp:term'] ?? [];
	const wpTaxonomy = taxonomy === 'category' ? 'category' : 'post_tag';
	return groups
		.flat()
		.filter(term => term.taxonomy === wpTaxonomy)
		.map(term => ({id: term.id, name: cleanLine(htmlToPlainText(term.name ?? '')), taxonomy}));
}

export function toPostSummary(post: WpPost, commentCount: number | undefined): PostSummary {
	const excerpt = post.excerpt?.protected ? '' : htmlToPlainText(post.excerpt?.rendered ?? '');
	return {
		id: post.id,
		title: renderedToLine(post.title?.rendered) || '(no title)',
		link: cleanLine(post.link ?? ''),
		date: isoDate(post),
		author: cleanLine(post._embedded?.author?.[0]?.name ?? ''),
		commentCount,
		excerpt: cleanLine(excerpt.replace(/\s*(\[…\]|\[\.\.\.\]|…)\s*$/u, '…')),
		slug: post.slug,
		categories: termsOf(post, 'category'),
		tags: termsOf(post, 'tag'),
	};
}

export function toPost(post: WpPost, commentCount: number | undefined): Post {
	const isProtected = Boolean(post.content?.protected);
	return {
		...toPostSummary(post, commentCount),
		html: isProtected ? '' : post.content?.rendered ?? '',
		isSummaryOnly: false,
		commentsOpen: post.comment_status === 'open',
		isProtected,
	};
}

export function toComment(comment: WpComment): Comment {
	return {
		id: comment.id,
		parent: comment.parent ?? 0,
		author: cleanLine(comment.author_name ?? '') || 'Anonymous',
		authorUrl: comment.author_url ? cleanLine(comment.author_url) : undefined,
		date: isoDate(comment),
		html: comment.content?.rendered ?? '',
		status: comment.status === 'hold' ? 'held' : 'approved',
	};
}
