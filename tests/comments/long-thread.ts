import type {Comment} from '../../source/model/comment.js';

/*
A 50-comment, 6-deep thread: five top-level comments, each with a chain of replies five deep
(levels 1 to 5) and four more replies at level 1. Comment N (1 to 50) is written by "Reader N",
a minute after comment N - 1, and says "Comment number N.".
*/

/** Where each comment sits: [id, parent] in the order buildThread() shows them. */
export const longThreadShape: ReadonlyArray<readonly [number, number]> = Array.from({length: 5}, (_, thread) => {
	const top = thread * 10 + 1;
	// top, then its chain (each a reply to the one before), then four more replies to the top.
	return [
		[top, 0],
		[top + 1, top], [top + 2, top + 1], [top + 3, top + 2], [top + 4, top + 3], [top + 5, top + 4],
		[top + 6, top], [top + 7, top], [top + 8, top], [top + 9, top],
	] as const;
}).flat();

export function longThreadComment(id: number, parent: number): Comment {
	const minute = String(id).padStart(2, '0');
	return {
		id, parent, author: `Reader ${id}`, authorUrl: undefined,
		date: `2024-03-01T09:${minute}:00+00:00`, html: `<p>Comment number ${id}.</p>`, status: 'approved',
	};
}

/** The 50 comments, oldest first, as a blog lists them. */
export const longThread: readonly Comment[] = longThreadShape.map(([id, parent]) => longThreadComment(id, parent));
