import {commentByline, type Comment, type ThreadEntry} from '../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../model/comment-draft.js';
import {fitToWidth} from '../render/fit-width.js';
import {formatDateTime, formatShortDate} from '../render/format-date.js';
import {displayUrl} from '../render/link-url.js';
import {networkUrl} from '../sources/clean.js';
import {renderHtml, renderLinkList} from '../render/render-html.js';
import {cleanLine} from '../render/sanitize.js';
import type {Segment, StyledLine} from '../render/styled-line.js';
import {textWidth} from '../render/text-width.js';
import type {SentComment} from '../store/my-comments.js';
import {heldMessage, unconfirmedMessage} from './outcome.js';
import {textToHtml} from '../render/escape-html.js';
import {plainLineOffsets, type LineOffsets} from '../render/line-offsets.js';

/*
A post's comments as a thread: oldest first, each reply under its parent (depth first), as WordPress
shows them. What comes from the network is not trusted to be a tree: a reply whose parent is not there
is shown at the top level, and a loop of parents is broken rather than followed forever.
*/

const idOf = (id: number | string): string => String(id);
const isTopLevel = (parent: number | string): boolean => parent === 0 || parent === '0' || parent === '';

function oldestFirst(comments: readonly Comment[]): Comment[] {
	const times = comments.map(comment => (comment.date ? Date.parse(comment.date) : Number.NaN));
	// Only sort when every comment has a date; otherwise the blog's order (oldest first when asked) stands.
	if (times.some(time => Number.isNaN(time))) return [...comments];
	return comments
		.map((comment, index) => ({comment, time: times[index]!, index}))
		.sort((a, b) => a.time - b.time || a.index - b.index)
		.map(({comment}) => comment);
}

/**
Places comments in their thread: oldest first, replies under their parent. Replies deeper than
`maxDepth` levels are shown at the deepest level (depth `maxDepth - 1`), so threads stay readable.
*/
export function buildThread(comments: readonly Comment[], maxDepth = 5): ThreadEntry[] {
	const deepest = Math.max(0, Math.floor(maxDepth) - 1);
	const ordered = oldestFirst(comments);
	const present = new Set(ordered.map(comment => idOf(comment.id)));
	const children = new Map<string, Comment[]>();
	const roots: Comment[] = [];
	for (const comment of ordered) {
		const parent = idOf(comment.parent);
		if (isTopLevel(comment.parent) || !present.has(parent) || parent === idOf(comment.id)) {
			roots.push(comment);
		} else {
			const siblings = children.get(parent) ?? [];
			siblings.push(comment);
			children.set(parent, siblings);
		}
	}

	const entries: ThreadEntry[] = [];
	const placed = new Set<string>();
	const place = (root: Comment) => {
		const stack: Array<{comment: Comment; depth: number; parentIndex: number | undefined}> = [{comment: root, depth: 0, parentIndex: undefined}];
		while (stack.length > 0) {
			const {comment, depth, parentIndex} = stack.pop()!;
			const id = idOf(comment.id);
			if (placed.has(id)) continue;
			placed.add(id);
			const index = entries.length;
			entries.push({comment, depth: Math.min(depth, deepest), level: depth, ...(parentIndex === undefined ? {} : {parentIndex})});
			const replies = children.get(id) ?? [];
			for (let reply = replies.length - 1; reply >= 0; reply--) stack.push({comment: replies[reply]!, depth: depth + 1, parentIndex: index});
		}
	};
	for (const root of roots) place(root);
	// Whatever is left sits in a loop of parents: show it from its oldest comment.
	for (const comment of ordered) if (!placed.has(idOf(comment.id))) place(comment);
	return entries;
}

export type RenderThreadOptions = {
	/** IDs of the comments this user sent (marked "(yours)"), besides those with `isMine`. */
	readonly mineIds?: Iterable<number | string>;
	/** IDs of the comments that arrived since the thread was last opened (marked "new"). */
	readonly newIds?: Iterable<number | string>;
	/** The post's URL, to resolve relative links in comments against. */
	readonly baseUrl?: string;
};

/** A thread laid out for a width: its lines, and the line each comment starts on. */
export type RenderedThread = {
	readonly lines: readonly StyledLine[];
	/** starts[i] is the index in `lines` of the first line of entries[i]. */
	readonly starts: readonly number[];
};

/** Columns of indentation for one level: 3 when there is room, 2 on narrow terminals. */
export function indentStep(width: number): number {
	return width >= 60 ? 3 : 2;
}

function indented(indent: string, line: StyledLine): StyledLine {
	return indent === '' ? line : [{text: indent}, ...line];
}

/** The columns a comment at `depth` is indented by: text keeps at least half the width (and 24 columns) however deep. */
function indentColumns(depth: number, columns: number): number {
	// Where nothing wraps (print mode's --width 0), replies indent without limit.
	const maxIndent = Number.isFinite(columns) ? Math.max(0, columns - Math.max(24, Math.ceil(columns / 2))) : columns;
	return Math.min(depth * indentStep(columns), maxIndent);
}

/** Compares a link's text with its URL: WordPress writes a bare URL in a comment as a link whose text is the URL. */
function sameAddress(text: string, url: string): boolean {
	const bare = (value: string) => value.trim().replace(/^(?:https?:\/\/|mailto:)/iu, '').replace(/\/$/u, '').toLowerCase();
	const shown = bare(text);
	return shown !== '' && (shown === bare(url) || shown === bare(displayUrl(url)));
}

/** Link numbers whose text in `lines` is their own URL: shown once, inline, and not listed again under the comment. */
function linksShownWhole(lines: readonly StyledLine[], links: readonly string[]): Set<number> {
	const texts = new Map<number, string>();
	for (const line of lines) {
		for (const segment of line) {
			if (segment.link === undefined || segment.role !== 'link') continue;
			// A link's text and its `[N]` come as one segment when they share a line.
			const marker = `[${segment.link}]`;
			const text = segment.text.endsWith(marker) ? segment.text.slice(0, -marker.length) : segment.text;
			texts.set(segment.link, (texts.get(segment.link) ?? '') + text);
		}
	}
	const whole = new Set<number>();
	for (const [number, text] of texts) if (links[number - 1] !== undefined && sameAddress(text, links[number - 1]!)) whole.add(number);
	return whole;
}

/** Link N becomes link N + 1 (the commenter's website is link 1): its style and its `[N]` marker. */
function shiftLinks(line: StyledLine): StyledLine {
	return line.map(segment => {
		if (segment.link === undefined) return segment;
		const link = segment.link + 1;
		const marker = `[${segment.link}]`;
		return segment.text.endsWith(marker) ? {...segment, link, text: `${segment.text.slice(0, -marker.length)}[${link}]`} : {...segment, link};
	});
}

/** "Links:" and `[n] url` for the links numbered in `numbers` (the others are shown whole where they are). */
function linkList(links: readonly string[], keep: (number: number) => boolean, width: number): StyledLine[] {
	const all = renderLinkList(links, width);
	const lines: StyledLine[] = [];
	let keeping = false;
	for (const line of all.slice(1)) {
		const label = /^\[(\d+)\]/u.exec(line[0]?.text ?? '');
		if (label && line[0]?.role === 'muted') keeping = keep(Number(label[1]));
		if (keeping) lines.push(line);
	}
	return lines.length > 0 ? [all[0]!, ...lines] : [];
}

/**
Lays out one comment of a thread: its author (bold, with their website as link 1 when they gave one),
whom it answers (`↳ NAME`) when it is deeper than the screen indents, its date and time and marks, then
its body rendered like post text, indented by its depth. A URL the blog made a link of itself is shown
once, where it is.
*/
export function renderComment(entries: readonly ThreadEntry[], index: number, width: number, options: RenderThreadOptions = {}): StyledLine[] {
	return layoutComment(entries, index, width, options).lines;
}

/**
 * `renderComment`, with where each line starts in the comment's text (see line-offsets.ts), the same at
 * any width: the head line (cut to the width) and the held note count one character each.
 */
export function layoutComment(entries: readonly ThreadEntry[], index: number, width: number, options: RenderThreadOptions = {}): {lines: StyledLine[]; offsets: LineOffsets} {
	const columns = Math.max(1, Math.floor(width));
	const entry = entries[index]!;
	const {comment, depth} = entry;
	const indentWidth = indentColumns(depth, columns);
	const indent = ' '.repeat(indentWidth);
	const room = columns - indentWidth;
	const lines: StyledLine[] = [];

	const isMine = comment.isMine === true || holdsId(options.mineIds, comment.id);
	const isNew = holdsId(options.newIds, comment.id);
	const tailWith = (date: string) => {
		const marks = [date, isMine ? '(yours)' : '', isNew ? 'new' : ''].filter(Boolean);
		return marks.length > 0 ? ` · ${marks.join(' · ')}` : '';
	};
	const tail = tailWith(formatDateTime(comment.date));
	// Past the deepest indent, a reply says whom it answers.
	const level = entry.level ?? depth;
	const parent = entry.parentIndex === undefined ? undefined : entries[entry.parentIndex]?.comment;
	const shownLevel = Math.floor(indentWidth / indentStep(columns));
	const answers = parent && level > shownLevel ? ` ↳ ${cleanLine(parent.author) || 'Anonymous'}` : '';
	const website = comment.authorUrl ? networkUrl(comment.authorUrl) : undefined;
	const websiteMark = website ? '[1]' : '';
	const fixed = textWidth(websiteMark) + Math.min(textWidth(answers + tail), Math.floor(room / 2));
	const author = fitToWidth(commentByline(comment, cleanLine(comment.author) || 'Anonymous'), Math.max(1, room - fixed));
	const header: Segment[] = [{text: author, bold: true, ...(website ? {link: 1} : {})}];
	if (website) header.push({text: websiteMark, role: 'link', link: 1});
	let used = textWidth(author) + textWidth(websiteMark);
	if (answers) {
		const shown = fitToWidth(answers, room - used);
		header.push({text: shown, role: 'muted'});
		used += textWidth(shown);
	}
	if (tail) {
		// Too narrow for the whole date: the short date, then none, so that "(yours)" and "new" stay.
		const fitting = [tail, tailWith(formatShortDate(comment.date)), tailWith('')].find(candidate => textWidth(candidate) <= room - used) ?? tailWith('');
		header.push({text: fitToWidth(fitting, room - used), role: 'muted'});
	}
	lines.push(indented(indent, header.filter(segment => segment.text !== '')));
	const starts = [0];
	let counted = 1;

	if (comment.status === 'held') {
		lines.push(indented(indent, [{text: fitToWidth(comment.unconfirmed ? unconfirmedMessage : heldMessage, room), italic: true, role: 'muted'}]));
		starts.push(counted++);
	}

	let body = renderHtml(comment.html, {width: room, baseUrl: options.baseUrl});
	// Link 9 becomes [10]: a column wider, so the body is laid out a column narrower.
	if (website && body.links.length >= 9) body = renderHtml(comment.html, {width: Math.max(1, room - 1), baseUrl: options.baseUrl});
	const bodyLines = website ? body.lines.map(shiftLinks) : [...body.lines];
	while (bodyLines.length > 0 && bodyLines.at(-1)!.length === 0) bodyLines.pop();
	const bodyOffsets = body.offsets ?? plainLineOffsets(body.lines);
	for (const [line, text] of bodyLines.entries()) {
		lines.push(indented(indent, text));
		starts.push(counted + bodyOffsets.starts[line]!);
	}
	counted += bodyOffsets.end;
	const links = website ? [website, ...body.links] : [...body.links];
	const whole = linksShownWhole(bodyLines, links);
	const listed = linkList(links, number => !whole.has(number), room);
	const listOffsets = plainLineOffsets(listed, counted);
	for (const [line, text] of listed.entries()) {
		lines.push(indented(indent, text));
		starts.push(listOffsets.starts[line]!);
	}
	return {lines, offsets: {starts, end: listOffsets.end}};
}

/**
Whether `ids` holds `id`, as 7 or '7'. A set is asked, not walked: each comment of a thread asks, and
walking a set of 10,000 new comments for each of them took a second.
*/
function holdsId(ids: Iterable<number | string> | undefined, id: number | string): boolean {
	if (ids === undefined) return false;
	const text = idOf(id);
	if (ids instanceof Set) {
		const number = Number(text);
		return ids.has(text) || (idOf(number) === text && ids.has(number));
	}
	for (const candidate of ids) if (idOf(candidate) === text) return true;
	return false;
}

/** `+ 4 replies` under a folded comment, at its indent. */
export function foldedLine(entry: ThreadEntry, hidden: number, width: number): StyledLine {
	const columns = Math.max(1, Math.floor(width));
	const indentWidth = indentColumns(entry.depth, columns);
	const text = `+ ${hidden} ${hidden === 1 ? 'reply' : 'replies'}`;
	return indented(' '.repeat(indentWidth), [{text: fitToWidth(text, columns - indentWidth), role: 'muted'}]);
}

/** Lays out a whole thread (print mode, and the reader with nothing folded): comments one blank line apart. */
export function renderThread(entries: readonly ThreadEntry[], width: number, options: RenderThreadOptions = {}): RenderedThread {
	const lines: StyledLine[] = [];
	const starts: number[] = [];
	for (const index of entries.keys()) {
		if (index > 0) lines.push([]);
		starts.push(lines.length);
		for (const line of renderComment(entries, index, width, options)) lines.push(line);
	}
	return {lines, starts};
}

/** What is kept of a comment the blog took: what was sent, and the id and link the blog answered with. */
export function sentComment(
	draft: CommentDraft,
	outcome: Extract<CommentOutcome, {kind: 'approved' | 'held'}>,
	now: Date = new Date(),
): SentComment {
	const website = draft.website.trim();
	return {
		id: outcome.id ?? `sent-${now.getTime()}`,
		parent: draft.parent || 0,
		author: draft.name.trim(),
		...(website ? {website} : {}),
		text: draft.comment.trim(),
		date: now.toISOString(),
		status: outcome.kind === 'held' ? 'held' : 'approved',
		...(outcome.kind === 'held' && outcome.unconfirmed ? {unconfirmed: true} : {}),
		...(outcome.link ? {link: outcome.link} : {}),
	};
}

/** A kept comment as the thread shows it to its writer. */
export function commentFromSent(sent: SentComment): Comment {
	return {
		id: sent.id,
		parent: sent.parent,
		author: sent.author,
		authorUrl: sent.website,
		date: sent.date,
		html: textToHtml(sent.text),
		status: sent.status,
		...(sent.unconfirmed && sent.status === 'held' ? {unconfirmed: true} : {}),
		isMine: true,
	};
}

/** The comment as its writer sees it right after sending: shown in the thread before (or without) the blog listing it. */
export function commentFromDraft(
	draft: CommentDraft,
	outcome: Extract<CommentOutcome, {kind: 'approved' | 'held'}>,
	now: Date = new Date(),
): Comment {
	return commentFromSent(sentComment(draft, outcome, now));
}

/** The blog's comments with this user's own marked, and those it does not list (held ones, or not yet listed) added. */
export function withMyComments(comments: readonly Comment[], mine: readonly Comment[]): Comment[] {
	const myIds = new Set(mine.map(comment => idOf(comment.id)));
	const listed = new Set(comments.map(comment => idOf(comment.id)));
	return [
		...comments.map(comment => (myIds.has(idOf(comment.id)) ? {...comment, isMine: true} : comment)),
		...mine.filter(comment => !listed.has(idOf(comment.id))),
	];
}

/** The thread as its writer sees it, and what changed about the comments they sent. */
export type MyCommentsInThread = {
	/** The blog's comments, this user's marked "(yours)", their held ones added. */
	readonly comments: Comment[];
	/** Held comments the blog now lists: approved. */
	readonly approved: SentComment[];
	/** Comments the blog listed once (or that it would list by now) and no longer does: gone from the blog. */
	readonly gone: SentComment[];
	/** Held comments the blog does not list: only their moderation link can tell whether they are still held. */
	readonly stillHeld: SentComment[];
};

/**
Puts the comments this user sent into the blog's thread. One the blog lists is marked "(yours)" (and,
if it was held, is approved now). A held one it does not list is shown to its writer, awaiting
moderation: an anonymous reader never sees held comments. An approved one it no longer lists has gone
(deleted, or sent to spam): but only when the thread reaches back to it, because a comment feed holds
only the newest comments and an older one may simply not be in it.
*/
export function placeMyComments(listed: readonly Comment[], mine: readonly SentComment[]): MyCommentsInThread {
	const listedIds = new Set(listed.map(comment => idOf(comment.id)));
	const reachesBack = (sent: SentComment) => {
		const sentAt = Date.parse(sent.date);
		return listed.some(comment => comment.date !== undefined && Date.parse(comment.date) <= sentAt);
	};
	const approved: SentComment[] = [];
	const gone: SentComment[] = [];
	for (const sent of mine) {
		if (listedIds.has(idOf(sent.id))) {
			if (sent.status === 'held') approved.push(sent);
		} else if (sent.status === 'approved' && !idOf(sent.id).startsWith('sent-') && reachesBack(sent)) {
			gone.push(sent);
		}
	}
	const kept = mine.filter(sent => !gone.includes(sent)).map(commentFromSent);
	const stillHeld = mine.filter(sent => sent.status === 'held' && !listedIds.has(idOf(sent.id)));
	return {comments: withMyComments(listed, kept), approved, gone, stillHeld};
}
