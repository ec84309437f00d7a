// Jetpack's Related Posts, on the demo posts that have it: the REST field `jetpack-related-posts`
// and the `POST-URL?relatedposts=1` endpoint, with Jetpack's item shape.

import type {Blog, BlogPost} from './blog.js';
import {decodeEntities, longDate, stripTags, trimWords} from './wp-text.js';

/** Jetpack's default number of related posts; its endpoint answers no items unless it has exactly this many. */
export const jetpackSize = 3;

/** Jetpack's context line: the first category, else the first tag (esc_html on the format, as Jetpack does). */
function context(post: BlogPost): string {
	const category = post.categories.find(term => term.slug !== 'uncategorized');
	if (category) return `In &quot;${category.name}&quot;`;
	const tag = post.tags[0];
	if (tag) return `In "${tag.name}"`;
	return 'Similar post';
}

/** Up to `size` related items for `post` (which must have Jetpack), leaving out `excludes`. */
export function jetpackItems(blog: Blog, post: BlogPost, base: string, size: number, excludes: readonly number[] = []): Array<Record<string, unknown>> {
	const related = (post.jetpackRelated ?? [])
		.filter(id => id !== post.id && !excludes.includes(id))
		.map(id => blog.postById(id))
		.filter((found): found is BlogPost => found !== undefined)
		.slice(0, size);
	return related.map((item, position) => ({
		id: item.id,
		url: `${base}${item.path}`,
		url_meta: {origin: post.id, position},
		title: stripTags(item.title),
		date: longDate(item.date),
		format: false,
		excerpt: decodeEntities(trimWords(stripTags(item.content), 50, '…')),
		rel: '',
		context: context(item),
		img: {alt_text: '', src: '', width: 0, height: 0},
		classes: [],
	}));
}

/** What Jetpack answers to `POST-URL?relatedposts=1`. */
export function jetpackResponse(blog: Blog, post: BlogPost, base: string, excludes: readonly number[]): Record<string, unknown> {
	const items = jetpackItems(blog, post, base, jetpackSize, excludes);
	return {
		// Not in Jetpack's current answer, but harmless, and some older clients look for it.
		cached: false,
		version: '20211209',
		show_thumbnails: false,
		show_date: true,
		show_context: true,
		layout: 'grid',
		headline: '',
		items: items.length === jetpackSize ? items : [],
	};
}
