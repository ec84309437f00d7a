import {editText} from '../comments/external-editor.js';
import {sentComment} from '../comments/thread.js';
import type {CommentDraft, CommentOutcome} from '../model/comment-draft.js';
import type {Post} from '../model/post.js';
import type {BlogSource} from '../sources/blog-source.js';
import {MyComments} from '../store/my-comments.js';
import {exitCodes} from './exit-codes.js';
import {readAllStdin} from './read-stdin.js';
import {ScriptFailure} from './script-errors.js';

/**
 * The text of `--comment`: as given; `-` reads stdin; none at all (`--comment` alone) with stdin a
 * terminal opens the user's editor, as `git commit` does ($VISUAL, else $EDITOR, else vi). An editor
 * that fails or leaves the comment empty sends nothing (exit 2), said in words.
 */
export async function scriptCommentText(text: string, io: {readonly stdin: NodeJS.ReadableStream; readonly environment: NodeJS.ProcessEnv}): Promise<string> {
	if (text === '-') return readAllStdin(io.stdin);
	if (text.trim() !== '' || (io.stdin as {isTTY?: boolean}).isTTY !== true) return text;
	const outcome = editText('', {environment: io.environment});
	if (outcome.kind === 'saved') return outcome.text;
	throw new ScriptFailure(exitCodes.usage, `Comment: ${outcome.message.replace(': your comment is as it was.', '; nothing was sent.')}`);
}

/**
 * A comment the blog took from `--comment` is remembered as the reader remembers its own: marked
 * "(yours)" in the reader, and checked for replies (`--replies`). Not remembering it is no failure.
 */
export function rememberScriptComment(source: BlogSource, post: Post, draft: CommentDraft, outcome: Extract<CommentOutcome, {kind: 'approved' | 'held'}>): void {
	try {
		new MyComments().remember(source.site.key, post.id, {...sentComment(draft, outcome), siteUrl: source.site.url, postTitle: post.title});
	} catch {
		// The comment was sent; the store says what went wrong with it (noteStoreProblem).
	}
}
