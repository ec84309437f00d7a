import type {DemoTerm, DemoUser} from '../content/index.js';
import {restUrl, type Json, type RestContext} from './context.js';
import {curies, type Shaped} from './fields.js';

/*
What `_embed` puts in a post: its author and its terms, in the shape WordPress embeds them
(context=embed). blogterm reads authors and terms of a post from here; the lists of them are terms.ts.
*/

export function embeddedAuthor(user: DemoUser, context: RestContext): Shaped {
	const url = (route: string) => restUrl(context.base, route);
	const data: Json = {
		id: user.id,
		name: user.name,
		url: '',
		description: user.description,
		link: `${context.base}/author/${user.slug}/`,
		slug: user.slug,
	};
	return {data, links: {self: [{href: url(`/wp/v2/users/${user.id}`)}], collection: [{href: url('/wp/v2/users')}]}};
}

export function embeddedTerm(term: DemoTerm, context: RestContext): Shaped {
	const rest = term.taxonomy === 'category' ? 'categories' : 'tags';
	const url = (route: string) => restUrl(context.base, route);
	const link = `${context.base}/${term.taxonomy === 'category' ? 'category' : 'tag'}/${term.slug}/`;
	return {
		data: {id: term.id, link, name: term.name, slug: term.slug, taxonomy: term.taxonomy},
		links: {
			self: [{href: url(`/wp/v2/${rest}/${term.id}`)}],
			collection: [{href: url(`/wp/v2/${rest}`)}],
			about: [{href: url(`/wp/v2/taxonomies/${term.taxonomy}`)}],
			'wp:post_type': [{href: url(`/wp/v2/posts?${rest}=${term.id}`)}],
			curies,
		},
	};
}
