import type {Comment, ThreadEntry} from '../model/comment.js';
import type {CommentDraft, CommentOutcome} from '../model/comment-draft.js';
import {fitToWidth} from '../render/fit-width.js';
import {formatDate} from '../render/format-date.js';
import {renderHtml, renderLinkList} from '../render/render-html.js';
import {cleanLine} from '../render/sanitize.js';
import type {Segment, StyledLine} from '../render/styled-line.js';
import {textWidth} from '../render/text-width.js';
import type {SentComment} from '../store/my-comments.js';
import {heldMessage} from './outcome.js';

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
		const stack: Array<{comment: Comment; depth: number}> = [{comment: root, depth: 0}];
		while (stack.length > 0) {
			const {comment, depth} = stack.pop()!;
			const id = idOf(comment.id);
			if (placed.has(id)) continue;
			placed.add(id);
			entries.push({comment, depth: Math.min(depth, deepest)});
			const replies = children.get(id) ?? [];
			for (let index = replies.length - 1; index >= 0; index--) stack.push({comment: replies[index]!, depth: depth + 1});
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

/**
Lays out a thread: each comment's author (bold), date and marks, then its body rendered like post
text, indented by its depth. Text keeps at least half the width (and 24 columns) however deep.
*/
export function renderThread(entries: readonly ThreadEntry[], width: number, options: RenderThreadOptions = {}): RenderedThread {
	const columns = Math.max(1, Math.floor(width));
	const mine = new Set([...(options.mineIds ?? [])].map(idOf));
	// Where nothing wraps (print mode's --width 0), replies indent without limit.
	const maxIndent = Number.isFinite(columns) ? Math.max(0, columns - Math.max(24, Math.ceil(columns / 2))) : columns;
	const lines: StyledLine[] = [];
	const starts: number[] = [];

	for (const [index, {comment, depth}] of entries.entries()) {
		if (index > 0) lines.push([]);
		starts.push(lines.length);
		const indent = ' '.repeat(Math.min(depth * indentStep(columns), maxIndent));
		const room = columns - indent.length;

		const isMine = comment.isMine === true || mine.has(idOf(comment.id));
		const date = formatDate(comment.date);
		const marks = [date, isMine ? '(yours)' : ''].filter(Boolean);
		const tail = marks.length > 0 ? ` · ${marks.join(' · ')}` : '';
		const author = fitToWidth(cleanLine(comment.author) || 'Anonymous', Math.max(1, room - Math.min(textWidth(tail), Math.floor(room / 2))));
		const header: Segment[] = [{text: author, bold: true}];
		if (tail) header.push({text: fitToWidth(tail, room - textWidth(author)), role: 'muted'});
		lines.push(indented(indent, header));

		if (comment.status === 'held') lines.push(indented(indent, [{text: fitToWidth(heldMessage, room), italic: true, role: 'muted'}]));

		const body = renderHtml(comment.html, {width: room, baseUrl: options.baseUrl});
		const bodyLines = [...body.lines];
		while (bodyLines.length > 0 && bodyLines.at(-1)!.length === 0) bodyLines.pop();
		for (const line of bodyLines) lines.push(indented(indent, line));
		for (const line of renderLinkList(body.links, room)) lines.push(indented(indent, line));
	}
	return {lines, starts};
}

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
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
		...(outcome.link ? {link: outcome.link} : {}),
	};
}

/** A kept comment as the thread shows it to its writer. */
export function commentFromSent(sent: SentComment): Comment {
	const paragraphs = sent.text.split(/\n\s*\n/).map(paragraph => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>\n')}</p>`);
	return {
		id: sent.id,
		parent: sent.parent,
		author: sent.author,
		authorUrl: sent.website,
		date: sent.date,
		html: paragraphs.join('\n'),
		status: sent.status,
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
