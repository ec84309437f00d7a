import {restUrl, type RestContext} from './context.js';
import {integerParam} from './params.js';

/** Where a list answer is: its totals go out as X-WP-Total and X-WP-TotalPages, its neighbours as Link. */
export type Paging = {readonly total: number; readonly pages: number; readonly page: number};

/** `page` and `per_page` as WordPress reads them (10 a page by default, at most 100). */
export function pageParams(query: URLSearchParams): {page: number; perPage: number} {
	return {page: integerParam(query, 'page', 1, 1), perPage: integerParam(query, 'per_page', 10, 1, 100)};
}

/** One page of `items`, and where it is. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): {items: T[]; paging: Paging} {
	const start = (page - 1) * perPage;
	return {items: items.slice(start, start + perPage), paging: {total: items.length, pages: Math.ceil(items.length / perPage), page}};
}

/** The `Link` rels prev and next, as WordPress builds them from the request. */
export function pagingLinks(context: RestContext, path: string, query: URLSearchParams, paging: Paging): string[] {
	const link = (page: number) => {
		const params = new URLSearchParams(query);
		params.delete('rest_route');
		params.set('page', String(page));
		return `${restUrl(context.base, path)}?${params.toString()}`;
	};
	const links: string[] = [];
	if (paging.page > 1) links.push(`<${link(Math.min(paging.page - 1, paging.pages))}>; rel="prev"`);
	if (paging.pages > paging.page) links.push(`<${link(paging.page + 1)}>; rel="next"`);
	return links;
}
