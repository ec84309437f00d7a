import {httpClientFor, resolveSite, type ResolvedSite} from '../resolve-site.js';
import {normaliseSiteUrl, openBlog} from '../sources/open-blog.js';
import type {PostPage} from '../model/page.js';
import type {BlogSource} from '../sources/blog-source.js';
import {exitCodes} from './exit-codes.js';
import {fetchPostView, fetchReadablePost} from './fetch-post-view.js';
import {offlineNote} from '../store/cache.js';
import {commentSentToJson, postPageToJson, postToJson, stringifyJson} from './format-json.js';
import {formatListText} from './format-list-text.js';
import {formatPostMarkdown} from './format-post-markdown.js';
import {formatPostText} from './format-post-text.js';
import {formatSentText} from './format-sent-text.js';
import {readAllStdin} from './read-stdin.js';
import {rememberScriptComment, scriptCommentText} from './comment-text.js';
import {describeFailure, type ExitCode} from './script-errors.js';
import {parseScriptRequest, type ScriptFlags, type ScriptRequest} from './script-request.js';
import {checkDraft, draftOf, sendScriptComment} from './send-script-comment.js';
import {hyperlinkModeFromSettings, hyperlinksOn} from '../platform/hyperlinks.js';
import {shouldColour, tolerateClosedReader, writeAll, type OutputStream} from './terminal-output.js';

/** Where print mode reads and writes; process's own unless a test says otherwise. */
export type ScriptIo = {
	readonly stdout: OutputStream;
	readonly stderr: NodeJS.WritableStream;
	readonly stdin: NodeJS.ReadableStream;
	readonly environment: NodeJS.ProcessEnv;
};

/**
 * Print mode: prints a post (--post), a page of the list (--list, or when neither is given), or sends
 * a comment (--comment), then resolves with the exit code. Never throws: every failure is one line
 * on stderr, `blogterm: …`, and its exit code (see ./exit-codes.ts).
 */
export async function runScript({site, flags}: {site: string | undefined; flags: ScriptFlags}, io: ScriptIo = processIo()): Promise<number> {
	const stopTolerating = tolerateClosedReader(io.stdout);
	let resolved: ResolvedSite | undefined;
	try {
		const request = parseScriptRequest(flags, io.stdout);
		// Everything that can be checked without the network is checked first: a bad comment sends nothing.
		const draft = request.kind === 'comment'
			? draftOf(request, await scriptCommentText(request.text, io))
			: undefined;
		if (draft) checkDraft(draft);
		if (site !== undefined && !flags.demo && !flags.demoFeed) normaliseSiteUrl(site);

		resolved = await resolveSite(site, flags);
		const source = await openBlog(httpClientFor(resolved, io.environment), resolved.url);
		const output = await produce(source, request, draft, io);
		await writeAll(io.stdout, output);
		return exitCodes.ok;
	} catch (error) {
		const {exitCode, lines} = describeFailure(error);
		await writeAll(io.stderr, lines.map(line => `blogterm: ${line}\n`).join(''));
		return exitCode satisfies ExitCode;
	} finally {
		stopTolerating();
		await resolved?.close().catch(() => undefined);
	}
}

async function produce(source: BlogSource, request: ScriptRequest, draft: ReturnType<typeof draftOf> | undefined, io: ScriptIo): Promise<string> {
	const colour = shouldColour(io.stdout, io.environment);
	// Off in print mode unless asked for (--hyperlinks always, or "hyperlinks": "always" in settings.json).
	const hyperlinks = hyperlinksOn(request.hyperlinks ?? hyperlinkModeFromSettings(io.environment), {printMode: true, stream: io.stdout, environment: io.environment});
	switch (request.kind) {
		case 'list': {
			const page = await fetchListPage(source, request.page, request.perPage);
			await noteOffline(page.offlineSavedAt, io);
			// What the blog sent that could not be read (posts without an ID…): said on stderr, the list stays as it is.
			for (const note of page.notes ?? []) await writeAll(io.stderr, `blogterm: ${note}\n`);
			return request.format === 'json' ? stringifyJson(postPageToJson(page)) : formatListText(page, {width: request.width, colour, hyperlinks});
		}
		case 'post': {
			const view = await fetchPostView(source, request.ref, {withComments: request.withComments, password: await passwordOf(request, io)});
			await noteOffline(view.post.offlineSavedAt, io);
			if (request.format === 'json') return stringifyJson(postToJson(view));
			if (request.format === 'markdown') return formatPostMarkdown(view);
			return formatPostText(view, {width: request.width, colour, hyperlinks});
		}
		case 'comment': {
			const post = await fetchReadablePost(source, request.ref, await passwordOf(request, io));
			const sent = await sendScriptComment(source, post, draft!);
			rememberScriptComment(source, post, draft!, sent);
			return request.format === 'json' ? stringifyJson(commentSentToJson(sent)) : formatSentText(sent, post, {colour});
		}
	}
}

/** `--password TEXT`, or `--password -`: the first line of stdin. */
async function passwordOf(request: {readonly password?: string}, io: ScriptIo): Promise<string | undefined> {
	if (request.password !== '-') return request.password;
	const text = await readAllStdin(io.stdin);
	return text.split(/\r?\n/)[0] ?? '';
}

/** The blog could not be reached and this is the copy kept on disk: say so on stderr, the output stays as it is. */
async function noteOffline(savedAt: string | undefined, io: ScriptIo): Promise<void> {
	if (savedAt) await writeAll(io.stderr, `blogterm: ${offlineNote(savedAt)}\n`);
}

/** A page of the list, with the blog's totals even past the end (where WordPress sends none). */
async function fetchListPage(source: BlogSource, page: number, perPage: number): Promise<PostPage> {
	const found = await source.fetchPostPage(page, perPage);
	if (found.posts.length > 0 || page === 1 || found.total > 0) return found;
	const first = await source.fetchPostPage(1, perPage);
	return {...found, total: first.total, totalPages: first.totalPages};
}

function processIo(): ScriptIo {
	return {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, environment: process.env};
}
