import type {BlogTerm} from '../blog.js';
import type {DemoUser} from '../content/index.js';
import {restUrl, type Json, type RestContext} from './context.js';
import {curies, shape, type Shaped} from './fields.js';
import {pageOf, pageParams, type Paging} from './paging.js';
import {enumParam, integerListParam, listParam} from './params.js';

/*
/wp/v2/categories, /wp/v2/tags and /wp/v2/users, as WordPress answers them to a visitor: every term
(hide_empty false by default) ordered by name, or by count with orderby=count; `slug`, `search`,
`include`, `post` and `hide_empty` filter. Users: only those with published posts, ordered by name.
*/

const termOrderby = ['id', 'include', 'name', 'slug', 'include_slugs', 'term_group', 'description', 'count'] as const;

function termJson(term: BlogTerm, context: RestContext): Shaped {
	const rest = term.taxonomy === 'category' ? 'categories' : 'tags';
	const data: Json = {
		id: term.id,
		count: term.count,
		description: term.description,
		link: `${context.base}/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.slug}/`,
		name: term.name,
		slug: term.slug,
		taxonomy: term.taxonomy,
		...(term.taxonomy === 'category' ? {parent: 0} : {}),
		meta: [],
	};
	return {
		data,
		links: {
			self: [{href: restUrl(context.base, `/wp/v2/${rest}/${term.id}`)}],
			collection: [{href: restUrl(context.base, `/wp/v2/${rest}`)}],
			'wp:post_type': [{href: restUrl(context.base, `/wp/v2/posts?${rest}=${term.id}`)}],
			curies,
		},
	};
}

export function listTerms(taxonomy: 'category' | 'post_tag', query: URLSearchParams, context: RestContext): {body: Json[]; total: Paging} {
	const {page, perPage} = pageParams(query);
	const order = enumParam(query, 'order', ['asc', 'desc'], 'asc');
	const orderby = enumParam(query, 'orderby', termOrderby, 'name');
	const slugs = listParam(query, 'slug');
	const include = integerListParam(query, 'include');
	const post = integerListParam(query, 'post');
	const search = (query.get('search') ?? '').toLowerCase();
	const hideEmpty = query.get('hide_empty') === 'true' || query.get('hide_empty') === '1';
	const all = taxonomy === 'category' ? context.blog.categories : context.blog.tags;
	const chosen = all.filter(term => {
		if (slugs && !slugs.includes(term.slug)) return false;
		if (include && !include.includes(term.id)) return false;
		if (hideEmpty && term.count === 0) return false;
		if (search && !term.name.toLowerCase().includes(search) && !term.slug.includes(search)) return false;
		if (post) return post.some(id => [...(context.blog.postById(id)?.categories ?? []), ...(context.blog.postById(id)?.tags ?? [])].some(t => t.id === term.id));
		return true;
	});
	const sign = order === 'asc' ? 1 : -1;
	const sorted = [...chosen].sort((a, b) => sign * (orderby === 'count' ? a.count - b.count : orderby === 'id' ? a.id - b.id : orderby === 'slug' ? a.slug.localeCompare(b.slug) : a.name.localeCompare(b.name)) || a.name.localeCompare(b.name));
	const {items, paging} = pageOf(sorted, page, perPage);
	return {body: items.map(term => shape(termJson(term, context), query)), total: paging};
}

function userJson(user: DemoUser, context: RestContext): Shaped {
	return {
		data: {id: user.id, name: user.name, url: '', description: user.description, link: `${context.base}/author/${user.slug}/`, slug: user.slug},
		links: {self: [{href: restUrl(context.base, `/wp/v2/users/${user.id}`)}], collection: [{href: restUrl(context.base, '/wp/v2/users')}]},
	};
}

export function listUsers(query: URLSearchParams, context: RestContext): {body: Json[]; total: Paging} {
	const {page, perPage} = pageParams(query);
	const slugs = listParam(query, 'slug');
	const search = (query.get('search') ?? '').toLowerCase();
	// To a visitor WordPress lists only authors of published posts (has_published_posts).
	const authors = context.blog.users.filter(user => context.blog.posts.some(post => post.author.id === user.id));
	const chosen = authors.filter(user => (!slugs || slugs.includes(user.slug)) && (!search || user.name.toLowerCase().includes(search) || user.slug.includes(search)));
	const sorted = [...chosen].sort((a, b) => a.name.localeCompare(b.name));
	const {items, paging} = pageOf(sorted, page, perPage);
	return {body: items.map(user => shape(userJson(user, context), query)), total: paging};
}
