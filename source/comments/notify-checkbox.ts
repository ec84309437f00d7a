import {DomUtils, parseDocument} from 'htmlparser2';
import type {HttpClient} from '../http/client.js';
import type {FetchOptions} from '../sources/blog-source.js';
import {cleanLine} from '../render/sanitize.js';

/*
"Notify me of follow-up comments by email": a checkbox some blogs add to WordPress's comment form
(Jetpack's `subscribe_comments`, Subscribe to Comments Reloaded's `subscribe-reloaded`). It is found
on the post's own page, in the form that posts to wp-comments-post.php; ticked, the form sends its
field as a browser would.
*/

/** The checkbox as the blog's form has it: the field it sends, the value, its label. */
export type NotifyCheckbox = {
	readonly field: string;
	readonly value: string;
	/** Its label on the blog, cleaned (WordPress's words when it has none). */
	readonly label: string;
	/** Ticked when the page opens. */
	readonly checked: boolean;
};

/** The fields of the plugins blogterm knows, and what each sends when ticked (the form's own value wins). */
const knownFields: Readonly<Record<string, string>> = {
	subscribe_comments: 'subscribe',
	'subscribe-reloaded': 'yes',
};

export const defaultNotifyLabel = 'Notify me of follow-up comments by email.';

/** The notify checkbox in a post page's comment form, if it has one. */
export function findNotifyCheckbox(html: string): NotifyCheckbox | undefined {
	const document = parseDocument(html);
	const forms = DomUtils.findAll(element => element.name === 'form' && /wp-comments-post\.php/u.test(element.attribs['action'] ?? ''), document.children);
	for (const form of forms) {
		const input = DomUtils.findOne(element => element.name === 'input'
			&& (element.attribs['type'] ?? '').toLowerCase() === 'checkbox'
			&& Object.hasOwn(knownFields, element.attribs['name'] ?? ''), form.children);
		if (!input) continue;
		const field = input.attribs['name']!;
		const id = input.attribs['id'];
		const label = id === undefined ? undefined : DomUtils.findOne(element => element.name === 'label' && element.attribs['for'] === id, form.children);
		const text = label ? cleanLine(DomUtils.textContent(label)).replaceAll(/\s+/gu, ' ').trim() : '';
		return {
			field,
			value: cleanLine(input.attribs['value'] ?? '') || knownFields[field]!,
			label: text === '' ? defaultNotifyLabel : text.slice(0, 200),
			checked: input.attribs['checked'] !== undefined,
		};
	}
	return undefined;
}

/** Reads the post's page for the checkbox; undefined when it has none, or the page cannot be read (the form works without it). */
export async function fetchNotifyCheckbox(http: HttpClient, postLink: string, options: FetchOptions = {}): Promise<NotifyCheckbox | undefined> {
	try {
		const url = new URL(postLink);
		if (!/^https?:$/u.test(url.protocol)) return undefined;
		const page = await http.getText(url.toString(), {signal: options.signal});
		if (page.statusCode >= 400) return undefined;
		return findNotifyCheckbox(page.body);
	} catch {
		return undefined;
	}
}
