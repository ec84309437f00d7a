import type {PostSummary, Term} from '../model/post.js';

// Which posts a list shows: every post, or those a search, a category, a tag or an author picks
// (issue 19). WordPress is asked (`search=`, `categories=`, `tags=`, `author=`); a feed is filtered
// here, over the items it holds, with WordPress's rules: every word of a search is in the title,
// the excerpt or the text, case ignored.

/** A post the store keeps (a followed blog's), with its text as plain text: what a feed's search covers besides the feed. */
export type StoredPostText = PostSummary & {readonly text: string};

/** The posts the store keeps of the site with this key (source.site.key), newest first; none for a blog not followed. */
export type StoredPostsOfSite = (siteKey: string) => readonly StoredPostText[];

/** A category or tag as the blog lists them: with its slug and how many posts it has. */
export type TermCount = Term & {readonly slug: string; readonly count: number};

/** A blog's author as a filter names them. */
export type AuthorFilter = Extract<PostFilter, {kind: 'author'}>;

export type PostFilter =
	| {readonly kind: 'search'; readonly text: string}
	| {readonly kind: 'category' | 'tag'; readonly term: Term}
	/** An author by name; `id` (WordPress's user ID) when known: without it, WordPress is asked which user has the name. */
	| {readonly kind: 'author'; readonly id?: number | string; readonly name: string};

/** A word (or "phrase") of a search: a post must have it, or, written `-word`, must not. */
export type SearchTerm = {readonly text: string; readonly exclude: boolean};

/**
The words of a search as WordPress splits them: at spaces, a "quoted phrase" kept whole (a quote left
open runs to the end), `-word` a word the posts must not have. A feed blog is searched by blogterm with
them, so a search finds on it what it would on a WordPress blog.
*/
export function searchTerms(text: string): SearchTerm[] {
	const terms: SearchTerm[] = [];
	for (const match of text.matchAll(/"([^"]*)(?:"|$)|(\S+)/g)) {
		const word = (match[1] ?? match[2] ?? '').trim().toLowerCase();
		const exclude = match[2] !== undefined && word.length > 1 && word.startsWith('-');
		const term = exclude ? word.slice(1) : word;
		if (term !== '') terms.push({text: term, exclude});
	}
	return terms;
}

/**
 * Whether a post is one the filter picks (`text`: its body as plain text, for a search). The search's
 * words are read once, for every post it is asked of.
 */
export function postMatcher(filter: PostFilter): (post: PostSummary, text: string) => boolean {
	switch (filter.kind) {
		case 'search': {
			const terms = searchTerms(filter.text);
			return (post, text) => {
				const haystack = `${post.title}\n${post.excerpt}\n${text}`.toLowerCase();
				return terms.length > 0 && terms.every(term => haystack.includes(term.text) !== term.exclude);
			};
		}
		case 'category':
		case 'tag': {
			const wanted = filter.term;
			return post => (filter.kind === 'category' ? post.categories : post.tags).some(term => String(term.id) === String(wanted.id) || term.name.toLowerCase() === wanted.name.toLowerCase());
		}
		case 'author': {
			const name = filter.name.toLowerCase();
			return post => post.author.toLowerCase() === name;
		}
	}
}

/** `Search: “protest”`, `Category: Social Media`, `Tag: wildlife`, `Author: Dana`: a filtered list's heading. */
export function filterHeading(filter: PostFilter): string {
	switch (filter.kind) {
		case 'search':
			return `Search: “${filter.text}”`;
		case 'category':
			return `Category: ${filter.term.name}`;
		case 'tag':
			return `Tag: ${filter.term.name}`;
		case 'author':
			return `Author: ${filter.name}`;
	}
}

/** `No posts match “x”.` (a search), or that the term has no posts. */
export function noPostsMessage(filter: PostFilter): string {
	switch (filter.kind) {
		case 'search':
			return `No posts match “${filter.text}”.`;
		case 'category':
			return `No posts in the category “${filter.term.name}”.`;
		case 'tag':
			return `No posts tagged “${filter.term.name}”.`;
		case 'author':
			return `No posts by ${filter.name}.`;
	}
}

/** The term a user named (`--category SLUG|NAME`): by slug, else by name, case ignored. */
export function findTerm(terms: readonly TermCount[], wanted: string): TermCount | undefined {
	const lower = wanted.trim().toLowerCase();
	return terms.find(term => term.slug.toLowerCase() === lower) ?? terms.find(term => term.name.toLowerCase() === lower);
}

/** Counts of the terms a list of posts carry (a feed's own categories and tags), most first, then by name. */
export function countTerms(posts: readonly PostSummary[], taxonomy: Term['taxonomy']): TermCount[] {
	const counts = new Map<string, TermCount>();
	for (const post of posts) {
		for (const term of taxonomy === 'category' ? post.categories : post.tags) {
			const key = term.name.toLowerCase();
			const known = counts.get(key);
			counts.set(key, {...term, slug: known?.slug ?? slugOf(term.name), count: (known?.count ?? 0) + 1});
		}
	}
	return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** A slug as WordPress makes one from a name: lowercase, words joined with hyphens. */
export function slugOf(name: string): string {
	return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** `No category “x” on blog.example.`: an unknown term or author, in words. */
export function unknownTermMessage(kind: 'category' | 'tag' | 'author', wanted: string, host: string): string {
	return `No ${kind} “${wanted}” on ${host}.`;
}
