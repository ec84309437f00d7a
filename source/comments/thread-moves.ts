import type {ThreadEntry} from '../model/comment.js';

/*
Moving through a thread as buildThread() places it: depth first, so a comment's replies (and theirs)
are the entries right after it, up to the next entry at its level or higher. Folding a comment hides
those; the jumps (parent, sibling, top level, new) go from comment to comment by their index in the
entries. Plain functions of the entries: no Ink.
*/

/** The thread's shape, worked out once per thread. */
export type ThreadShape = {
	/** level[i]: how deep entry i is (0: top level). */
	readonly level: readonly number[];
	/** parent[i]: the index of the entry it replies to, or -1 at the top level. */
	readonly parent: readonly number[];
	/** end[i]: the index after its last reply (its replies, and theirs, are i + 1 … end[i] - 1). */
	readonly end: readonly number[];
};

export function threadShape(entries: readonly ThreadEntry[]): ThreadShape {
	const level = entries.map(entry => entry.level ?? entry.depth);
	const parent = entries.map(entry => entry.parentIndex ?? -1);
	const end = entries.map(() => entries.length);
	// Each entry ends where the next entry at its level or higher starts: a stack of the open ones.
	const open: number[] = [];
	for (const [index, depth] of level.entries()) {
		while (open.length > 0 && level[open.at(-1)!]! >= depth) end[open.pop()!] = index;
		open.push(index);
	}
	return {level, parent, end};
}

/** How many replies (and replies to them) a comment has: what folding it hides. */
export function replyCount(shape: ThreadShape, index: number): number {
	return Math.max(0, (shape.end[index] ?? index + 1) - index - 1);
}

/** The entries shown with these folded, in order: a folded comment shows, its replies do not. */
export function visibleEntries(shape: ThreadShape, folded: ReadonlySet<number>): number[] {
	const shown: number[] = [];
	for (let index = 0; index < shape.level.length;) {
		shown.push(index);
		index = folded.has(index) && replyCount(shape, index) > 0 ? shape.end[index]! : index + 1;
	}
	return shown;
}

/** Every comment that has replies: fold all. */
export function allWithReplies(shape: ThreadShape): Set<number> {
	return new Set([...shape.level.keys()].filter(index => replyCount(shape, index) > 0));
}

/** The comments above this one (its parent, theirs …), nearest first. */
export function ancestors(shape: ThreadShape, index: number): number[] {
	const found: number[] = [];
	for (let parent = shape.parent[index] ?? -1; parent >= 0 && !found.includes(parent); parent = shape.parent[parent] ?? -1) found.push(parent);
	return found;
}

/** The folds with this comment's ancestors unfolded, so that it shows. */
export function unfoldedTo(shape: ThreadShape, folded: ReadonlySet<number>, index: number): Set<number> {
	const open = new Set(folded);
	for (const ancestor of ancestors(shape, index)) open.delete(ancestor);
	return open;
}

/** The comment it replies to, or undefined at the top level. */
export function parentOf(shape: ThreadShape, index: number): number | undefined {
	const parent = shape.parent[index] ?? -1;
	return parent >= 0 ? parent : undefined;
}

/** The next reply to the same comment (or the next top-level comment, at the top level). */
export function nextSibling(shape: ThreadShape, index: number): number | undefined {
	const next = shape.end[index];
	if (next === undefined || next >= shape.level.length) return undefined;
	return shape.parent[next] === shape.parent[index] ? next : undefined;
}

/** The reply to the same comment just before this one. */
export function previousSibling(shape: ThreadShape, index: number): number | undefined {
	for (let other = index - 1; other >= 0; other--) {
		if (shape.level[other]! < shape.level[index]!) return undefined;
		if (shape.parent[other] === shape.parent[index] && shape.level[other] === shape.level[index]) return other;
	}
	return undefined;
}

/** The next top-level comment after this one. */
export function nextTopLevel(shape: ThreadShape, index: number): number | undefined {
	for (let other = index + 1; other < shape.level.length; other++) if (shape.level[other] === 0) return other;
	return undefined;
}

/** The first of `marked` after `index`, round to the first again past the last. */
export function nextMarked(marked: readonly number[], index: number): number | undefined {
	if (marked.length === 0) return undefined;
	return marked.find(other => other > index) ?? marked[0];
}
