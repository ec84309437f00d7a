// The demo blog's posts, terms and users, resolved once from the written content: dates parsed,
// quotes curled, permalinks built, newest first.

import {demoCategories, demoPosts, demoTags, demoUsers, siteDescription, siteName} from './content/index.js';
import type {DemoTerm, DemoUser} from './content/index.js';
import {datePath, parseUtc, stripTags, texturize, trimWords} from './wp-text.js';

export type BlogPost = {
	readonly id: number;
	readonly slug: string;
	readonly date: Date;
	/** Title with curly quotes and entities, as `title.rendered`. */
	readonly title: string;
	/** Body as `content.rendered`. */
	readonly content: string;
	/** Plain text of the automatic excerpt (55 words), without the "[…]" marker. */
	readonly excerptText: string;
	readonly excerptCut: boolean;
	readonly author: DemoUser;
	readonly categories: readonly DemoTerm[];
	readonly tags: readonly DemoTerm[];
	readonly commentsOpen: boolean;
	/** Set for a password-protected post. */
	readonly password: string | undefined;
	/** Ids of Jetpack's related posts, or undefined for a post without Jetpack. */
	readonly jetpackRelated: readonly number[] | undefined;
	/** '/2024/09/05/slug/' */
	readonly path: string;
};

export type BlogTerm = DemoTerm & {readonly count: number};

export type Blog = {
	readonly name: string;
	readonly description: string;
	/** Newest first. */
	readonly posts: readonly BlogPost[];
	readonly categories: readonly BlogTerm[];
	readonly tags: readonly BlogTerm[];
	readonly users: readonly DemoUser[];
	postById(id: number): BlogPost | undefined;
	postByPath(path: string): BlogPost | undefined;
	term(id: number): BlogTerm | undefined;
};

function resolve(): Blog {
	const categoriesBySlug = new Map(demoCategories.map(term => [term.slug, term]));
	const tagsBySlug = new Map(demoTags.map(term => [term.slug, term]));
	const idsBySlug = new Map(demoPosts.map(post => [post.slug, post.id]));
	const lookup = <T>(map: Map<string, T>, slug: string, what: string): T => {
		const found = map.get(slug);
		if (found === undefined) throw new Error(`Demo content: unknown ${what} "${slug}"`);
		return found;
	};

	const posts: BlogPost[] = demoPosts.map(source => {
		const date = parseUtc(source.date);
		const content = texturize(source.html) + '\n';
		const text = stripTags(content);
		const excerpt = trimWords(text, 55, '');
		const author = demoUsers.find(user => user.id === source.author);
		if (!author) throw new Error(`Demo content: unknown author ${source.author}`);
		return {
			id: source.id,
			slug: source.slug,
			date,
			title: texturize(source.title),
			content,
			excerptText: excerpt,
			excerptCut: excerpt.length < text.length,
			author,
			categories: source.categories.map(slug => lookup(categoriesBySlug, slug, 'category')),
			tags: source.tags.map(slug => lookup(tagsBySlug, slug, 'tag')),
			commentsOpen: source.commentsOpen ?? true,
			password: source.password,
			jetpackRelated: source.jetpackRelated?.map(slug => lookup(idsBySlug, slug, 'related post')),
			path: `${datePath(date)}${source.slug}/`,
		};
	});
	posts.sort((a, b) => b.date.getTime() - a.date.getTime() || b.id - a.id);

	const count = (term: DemoTerm) => posts.filter(post => [...post.categories, ...post.tags].some(t => t.id === term.id)).length;
	const categories = demoCategories.map(term => ({...term, count: count(term)}));
	const tags = demoTags.map(term => ({...term, count: count(term)}));
	const byId = new Map(posts.map(post => [post.id, post]));
	const byPath = new Map(posts.map(post => [post.path, post]));
	const terms = new Map([...categories, ...tags].map(term => [term.id, term]));

	return {
		name: siteName,
		description: siteDescription,
		posts,
		categories,
		tags,
		users: demoUsers,
		postById: id => byId.get(id),
		postByPath: path => byPath.get(path),
		term: id => terms.get(id),
	};
}

let blog: Blog | undefined;

/** The demo blog's content, resolved on first use. */
export function getBlog(): Blog {
	blog ??= resolve();
	return blog;
}
