import {generateOpml, ParseError, parseOpml, type Opml} from 'feedsmith';
import {BlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';
import {networkUrl} from '../sources/clean.js';
import {formatCount} from '../render/format-count.js';

/** One blog an OPML file lists, checked: its feed and/or home page, its name, its folder. */
export type OpmlEntry = {
	readonly title: string;
	/** The feed (xmlUrl), absolute http(s); undefined when the entry names only a home page. */
	readonly xmlUrl: string | undefined;
	/** The home page (htmlUrl), absolute http(s), or undefined. */
	readonly htmlUrl: string | undefined;
	/** The outlines it is nested in, joined with '/' ('' at the top). */
	readonly folder: string;
};

export type ReadOpml = {
	readonly entries: readonly OpmlEntry[];
	/** One line per entry skipped, and why. */
	readonly skipped: readonly string[];
};

/** Outlines read at most (a file of a million is not a subscription list). */
export const maxOpmlOutlines = 100_000;
/** Folders nested deeper than this are flattened into the deepest. */
const maxFolderDepth = 16;

type Outline = Opml.Outline<string>;

/** An outline's name for messages and titles: its title, else its text, cleaned to one line. */
function nameOf(outline: Outline): string {
	return cleanLine(outline.title ?? outline.text ?? '').slice(0, 200);
}

/** A folder name as one path segment: '/' would read as nesting. */
function folderSegment(outline: Outline): string {
	return nameOf(outline).replaceAll('/', '∕').trim() || 'Untitled';
}

/** What may come before the first element: spaces, an XML declaration or other processing instruction, comments, a doctype. */
const prolog = String.raw`(?:\s|<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE[^>[]*(?:\[[^]*?\])?\s*>)*`;
/** The first element is <opml>. */
const startsAsOpml = new RegExp(`^${prolog}<opml[\\s/>]`, 'i');
/** The whole file is one empty <opml/>. */
const emptyOpml = new RegExp(`^${prolog}<opml[^>]*/>$`, 'i');

/** Whether the file goes on to its end: </opml> last (spaces and comments aside), or it is an empty <opml/>. */
function endsWithOpml(text: string): boolean {
	let end = text.trimEnd();
	while (end.endsWith('-->') && end.includes('<!--')) end = end.slice(0, end.lastIndexOf('<!--')).trimEnd();
	return /<\/opml\s*>$/i.test(end.slice(-64)) || emptyOpml.test(end);
}

/**
 * Reads OPML 1.0 or 2.0 (feedsmith): every outline with an `xmlUrl` or `htmlUrl` is a blog, every other
 * outline with outlines inside is a folder (nested folders are kept as "Outer/Inner"). An outline that
 * is neither, or whose addresses are not http(s), is skipped with a line saying so; an <opml> with no
 * outlines is a list of none. A file that is not OPML at all, or is cut short (it does not end with
 * </opml>: a download or a copy that stopped), rejects with an 'unreadable' BlogError, so that nothing
 * of it is imported.
 */
export function readOpml(text: string): ReadOpml {
	const source = text.replace(/^\uFEFF/, '');
	const notOpml = (cause?: unknown) => new BlogError('unreadable', 'The file is not OPML: blogterm reads OPML 1.0 and 2.0 subscription lists (<opml><body><outline xmlUrl="…"/>).', {cause});
	if (!startsAsOpml.test(source)) throw notOpml();
	// feedsmith reads what is there of a file that stops short, and the rest would be silently missing.
	if (!endsWithOpml(source)) throw new BlogError('unreadable', 'The file is not well-formed OPML: it stops before its end (</opml>), as a file cut short does. Nothing was imported.');
	let document: Opml.Document<string>;
	try {
		document = parseOpml(source);
	} catch (error) {
		// feedsmith refuses an <opml> with nothing it reads in it (no head, an empty body): a list of no blogs.
		if (error instanceof ParseError) return {entries: [], skipped: []};
		throw notOpml(error);
	}
	const entries: OpmlEntry[] = [];
	const skipped: string[] = [];
	let seen = 0;
	const visit = (outlines: readonly Outline[] | undefined, folders: readonly string[]): void => {
		for (const outline of outlines ?? []) {
			if (++seen > maxOpmlOutlines) {
				if (seen === maxOpmlOutlines + 1) skipped.push(`the file lists more than ${formatCount(maxOpmlOutlines)} entries: the rest are skipped.`);
				return;
			}
			const name = nameOf(outline);
			const label = `entry ${seen}${name ? ` “${name}”` : ''}`;
			const rawXml = outline.xmlUrl?.trim();
			const rawHtml = outline.htmlUrl?.trim();
			const children = outline.outlines ?? [];
			if (!rawXml && !rawHtml) {
				if (children.length > 0) {
					visit(children, folders.length < maxFolderDepth ? [...folders, folderSegment(outline)] : folders);
				} else if (outline.type !== undefined && /^(?:rss|atom|link)$/i.test(outline.type)) {
					skipped.push(`${label}: it has no xmlUrl or htmlUrl: skipped.`);
				} else if (name) {
					skipped.push(`${label}: an empty folder or a note, not a blog: skipped.`);
				} else {
					skipped.push(`${label}: it has no xmlUrl or htmlUrl: skipped.`);
				}
				continue;
			}
			const xmlUrl = rawXml ? networkUrl(rawXml) : undefined;
			const htmlUrl = rawHtml ? networkUrl(rawHtml) : undefined;
			if (!xmlUrl && !htmlUrl) {
				skipped.push(`${label}: “${cleanLine(rawXml || rawHtml || '').slice(0, 200)}” is not an http or https address: skipped.`);
				continue;
			}
			entries.push({title: name, xmlUrl, htmlUrl, folder: folders.join('/')});
			// Some readers nest blogs inside a blog's outline: they are read too, in the same folder.
			if (children.length > 0) visit(children, folders);
		}
	};
	visit(document.body?.outlines, []);
	return {entries, skipped};
}

/** A blog as OPML 2.0 writes it. */
export type OpmlBlog = {
	readonly title: string;
	readonly feedUrl: string;
	readonly htmlUrl: string;
	readonly folder: string;
};

/**
 * OPML 2.0 of these blogs, folders as nested outlines (`text` and `title` both set, `type="rss"`,
 * `xmlUrl` and `htmlUrl`), as newsboat, Feedly, Inoreader and NetNewsWire import it.
 */
export function writeOpml(blogs: readonly OpmlBlog[], now: Date): string {
	type Folder = {outlines: Outline[]; folders: Map<string, Folder>};
	const top: Folder = {outlines: [], folders: new Map()};
	for (const blog of blogs) {
		let folder = top;
		for (const segment of blog.folder.split('/').filter(Boolean)) {
			let inner = folder.folders.get(segment);
			if (!inner) {
				inner = {outlines: [], folders: new Map()};
				folder.folders.set(segment, inner);
				folder.outlines.push({text: segment, title: segment, outlines: inner.outlines});
			}
			folder = inner;
		}
		const title = blog.title || blog.htmlUrl || blog.feedUrl;
		folder.outlines.push({
			text: title,
			title,
			// A blog imported with a home page only, not read yet, has no feed to give: its home page alone.
			...(blog.feedUrl ? {type: 'rss', xmlUrl: blog.feedUrl} : {}),
			...(blog.htmlUrl ? {htmlUrl: blog.htmlUrl} : {}),
		});
	}
	return `${generateOpml({head: {title: 'blogterm subscriptions', dateCreated: now}, body: {outlines: top.outlines}})}\n`;
}
