import {createHttpClient} from '../http/client.js';
import {formatDateTime} from '../render/format-date.js';
import {cleanLine} from '../render/sanitize.js';
import {checkReplies} from '../replies/check-replies.js';
import {ownDemo} from '../replies/demo-replies.js';
import {openBlog} from '../sources/open-blog.js';
import {MyComments} from '../store/my-comments.js';
import {Replies, type StoredReply} from '../store/replies.js';
import {exitCodes} from './exit-codes.js';
import {lineOrNull, stringifyJson, textOrNull} from './format-json.js';
import type {ScriptIo} from './run-script.js';
import {reportFailure, wantsJsonErrors, warningToJsonLine} from './script-errors.js';
import {UsageError} from './usage-error.js';
import {tolerateClosedReader, writeAll} from './terminal-output.js';

/*
Print mode: `--replies [--format text|json]`. Checks every blog you commented on from blogterm for
replies to your comments, then prints every reply known, newest first: in JSON
an array, `[{blog, post, yourComment, reply: {id, author, date, text, link}}]` (as from the start, so no
schemaVersion; empty when there are none, exit 0). A blog that could not be checked is said on stderr (with JSON, as a `{"warning"}`
object), and the exit code is 1; with JSON an error is one `{"error"}` object on stderr.
*/

/** One reply as print mode's JSON has it. */
export function replyJson(stored: StoredReply) {
	const {yourComment, reply} = stored;
	return {
		blog: stored.siteUrl,
		post: {id: stored.postId, title: lineOrNull(stored.postTitle), link: lineOrNull(stored.postLink)},
		yourComment: {id: yourComment.id, text: textOrNull(yourComment.text), date: lineOrNull(yourComment.date)},
		reply: {id: reply.id, author: lineOrNull(reply.author), date: lineOrNull(reply.date), text: textOrNull(reply.text), link: lineOrNull(reply.link)},
	};
}

const firstLine = (text: string, length: number) => {
	const line = cleanLine(text.split('\n').find(part => part.trim() !== '') ?? '');
	return line.length > length ? `${line.slice(0, length - 1)}…` : line;
};

/** The replies as text: each under the comment it answers, unread ones marked "new". */
export function repliesText(replies: readonly StoredReply[]): string {
	if (replies.length === 0) return 'No replies to your comments.\n';
	const count = replies.length === 1 ? '1 reply to you' : `${replies.length} replies to you`;
	const blocks = replies.map(stored => [
		`${cleanLine(stored.postTitle)} · ${cleanLine(stored.siteUrl)}`,
		`  You: ${firstLine(stored.yourComment.text, 70)}`,
		`  ↳ ${[cleanLine(stored.reply.author), formatDateTime(stored.reply.date), stored.read ? '' : 'new'].filter(Boolean).join(' · ')}`,
		...stored.reply.text.split('\n').filter(line => line.trim() !== '').map(line => `    ${cleanLine(line)}`),
		...(stored.reply.link ? [`    ${stored.reply.link}`] : []),
	].join('\n'));
	return `${count}\n\n${blocks.join('\n\n')}\n`;
}

export async function runReplies(format: string | undefined, io: ScriptIo): Promise<number> {
	const stopTolerating = tolerateClosedReader(io.stdout);
	try {
		const chosen = format?.trim().toLowerCase() ?? 'text';
		if (chosen !== 'text' && chosen !== 'json') throw new UsageError(`--replies prints text or json, not “${cleanLine(format ?? '')}”`);
		const replies = new Replies();
		const http = createHttpClient({environment: io.environment});
		const {failures} = await checkReplies({myComments: new MyComments(), replies, openSource: async (url, signal) => openBlog(http, url, {signal}), demo: ownDemo()});
		const all = replies.all();
		await writeAll(io.stdout, chosen === 'json' ? stringifyJson(all.map(replyJson)) : repliesText(all));
		if (failures.length === 0) return exitCodes.ok;
		// With JSON, nothing on stderr is a plain line: each blog not checked is a warning object.
		await writeAll(io.stderr, failures.map(failure => (chosen === 'json'
			? warningToJsonLine('unreadable', `could not check for replies on ${failure}`)
			: `blogterm: could not check for replies on ${failure}\n`)).join(''));
		return exitCodes.unreadable;
	} catch (error) {
		return await reportFailure(error, wantsJsonErrors(format), io);
	} finally {
		stopTolerating();
	}
}
