import type {PostPage} from '../../model/page.js';
import type {Post} from '../../model/post.js';
import type {BlogSource} from '../../sources/blog-source.js';

/** Where a post sits on the blog's list: its page, and its row there. */
export type ListPosition = {readonly page: number; readonly index: number};

/** Pages read at most when the list can only be read in order (a feed that tells no total). */
const maxPagesInOrder = 20;

const indexIn = (page: PostPage, post: Post) => page.posts.findIndex(summary => String(summary.id) === String(post.id));

/**
 * Finds the list page that holds `post` (opened by itself, `--post`), so that Esc shows it there,
 * highlighted. The list is newest first: with dates and a known number of pages, a few pages read in
 * a binary search find it; otherwise the pages are read in order, up to a limit. Undefined when it is
 * not found (the list then opens at its first page).
 */
export async function findListPosition(source: BlogSource, post: Post, perPage: number, signal: AbortSignal): Promise<ListPosition | undefined> {
	const read = (page: number) => source.fetchPostPage(page, perPage, {signal, cacheFirst: true});
	const first = await read(1);
	const onFirst = indexIn(first, post);
	if (onFirst !== -1) return {page: 1, index: onFirst};
	const time = Date.parse(post.date ?? '');
	if (first.totalIsExact === false || Number.isNaN(time)) {
		for (let number = 2; number <= Math.min(first.totalPages, maxPagesInOrder) || (first.totalIsExact === false && number <= maxPagesInOrder); number++) {
			const page = await read(number);
			if (page.posts.length === 0) return undefined;
			const index = indexIn(page, post);
			if (index !== -1) return {page: number, index};
		}
		return undefined;
	}
	let low = 2;
	let high = first.totalPages;
	while (low <= high) {
		const middle = Math.floor((low + high) / 2);
		const page = await read(middle);
		const index = indexIn(page, post);
		if (index !== -1) return {page: middle, index};
		const dates = page.posts.map(summary => Date.parse(summary.date ?? '')).filter(date => !Number.isNaN(date));
		if (dates.length === 0) return undefined;
		if (time < Math.min(...dates)) low = middle + 1;
		else if (time > Math.max(...dates)) high = middle - 1;
		else return undefined; // Within this page's dates but not on it: the list is not ordered by date.
	}
	return undefined;
}
