import type {Post} from '../model/post.js';
import {cleanLine} from '../render/sanitize.js';
import type {StyledLine} from '../render/styled-line.js';
import type {SentComment} from './send-script-comment.js';
import {linesToText} from './styled-text.js';

/**
 * What a sent comment became, in words, then its link on a line of its own (easy to cut):
 * "Your comment 57 on “Hello world” is published." / "… is awaiting moderation."
 */
export function formatSentText(sent: SentComment, post: Post, options: {readonly colour: boolean}): string {
	const which = sent.id === undefined ? 'Your comment' : `Your comment ${cleanLine(String(sent.id))}`;
	const state = sent.kind === 'approved'
		? 'is published.'
		: 'is awaiting moderation: the blog will show it once its owner approves it.';
	const lines: StyledLine[] = [[{text: `${which} on “${cleanLine(post.title)}” ${state}`, role: sent.kind === 'approved' ? 'success' : undefined}]];
	const link = cleanLine(sent.link ?? '');
	if (link) lines.push([{text: link, role: 'link'}]);
	return linesToText(lines, options.colour);
}
