import {httpClientFor, resolveSite, type ResolvedSite} from '../resolve-site.js';
import {hostOf, type HttpClient} from '../http/client.js';
import {openBlog, postUrlOfSite} from '../sources/open-blog.js';
import {normaliseSiteUrl} from '../sources/site-url.js';
import type {PostPage} from '../model/page.js';
import type {BlogSource, ListOptions} from '../sources/blog-source.js';
import {offlineLine, printList} from './run-list.js';
import {exitCodes} from './exit-codes.js';
import {fetchPostView, fetchReadablePost, partNames, type PostView, type UnavailablePart} from './fetch-post-view.js';
import {commentSentToJson, postToJson, stringifyJson} from './format-json.js';
import {formatPostMarkdown} from './format-post-markdown.js';
import {formatPostText} from './format-post-text.js';
import {formatSentText} from './format-sent-text.js';
import {readAllStdin} from './read-stdin.js';
import {describeFailure, reportFailure, ScriptFailure, wantsJsonErrors, warningToJsonLine} from './script-errors.js';
import {BlogError, isBlogError} from '../errors.js';
import {cleanLine} from '../render/sanitize.js';
import {parseColorMode, parseHttpOptions, parseScriptRequest, type ColorMode, type ScriptFlags, type ScriptRequest} from './script-request.js';
import {UsageError} from './usage-error.js';
import {rememberScriptComment, scriptCommentText} from './comment-text.js';
import {checkDraft, draftOf, sendScriptComment} from './send-script-comment.js';
import {hyperlinkModeFromSettings, hyperlinksOn} from '../platform/hyperlinks.js';
import {shouldColour, tolerateClosedReader, writeAll, writeFailureOf, type OutputStream} from './terminal-output.js';

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
	let http: HttpClient | undefined;
	try {
		// A post's URL alone is enough: `blogterm https://blog.example/2024/01/slug/` prints that post.
		const postUrl = impliedPostUrl(site, flags);
		const request = parseScriptRequest(postUrl ? {...flags, post: postUrl} : flags, io.stdout);
		// Everything that can be checked without the network is checked first: a bad comment sends nothing.
		const draft = request.kind === 'comment'
			? draftOf(request, await scriptCommentText(request.text, io))
			: undefined;
		if (draft) checkDraft(draft);
		// `--post URL` without SITE: the URL's blog (found from the post's own page, as from a SITE).
		const siteToRead = site ?? (request.kind !== 'list' && request.ref.kind === 'url' && !flags.demo && !flags.demoFeed ? request.ref.url : undefined);
		if (siteToRead !== undefined && !flags.demo && !flags.demoFeed) checkSiteAddress(siteToRead);

		const httpOptions = parseHttpOptions(flags);
		resolved = await resolveSite(siteToRead, flags);
		http = httpClientFor(resolved, io.environment, httpOptions);
		// A blog read before starts with its own request; what discovery found is asked again when a day old, or when a read through it fails.
		const source = await openBlog(http, resolved.url, {remembered: true});
		const color = parseColorMode(flags.color);
		let output: string;
		try {
			output = await produce(source, request, draft, io, color, http);
		} catch (error) {
			// A SITE with a path that names no post is a blog's home in a folder (blog.example/notes/): its list.
			if (!postUrl || !isBlogError(error) || error.kind !== 'not-found') throw error;
			output = await produce(source, parseScriptRequest(flags, io.stdout), draft, io, color, http);
		}
		await writeAll(io.stdout, output);
		const writeFailure = writeFailureOf(io.stdout);
		if (writeFailure) throw new ScriptFailure(exitCodes.unreadable, `could not write the output: ${writeFailure}`, 'write_failed');
		return exitCodes.ok;
	} catch (error) {
		return reportFailure(plainHttpHint(error, site), wantsJsonErrors(flags.format), io);
	} finally {
		stopTolerating();
		// What was asked in the background (discovery for the next run) ends before the run does, as the process would wait for it.
		await http?.settled();
		await resolved?.close().catch(() => undefined);
	}
}

async function produce(source: BlogSource, request: ScriptRequest, draft: ReturnType<typeof draftOf> | undefined, io: ScriptIo, color: ColorMode, http: HttpClient): Promise<string> {
	// --color always|never decides; auto (the default) as FORCE_COLOR, NO_COLOR and the terminal say.
	const colour = color === 'auto' ? shouldColour(io.stdout, io.environment) : color === 'always';
	// Off in print mode unless asked for (--hyperlinks always, or "hyperlinks": "always" in config.json).
	const hyperlinks = hyperlinksOn(request.hyperlinks ?? hyperlinkModeFromSettings(io.environment), {printMode: true, stream: io.stdout, environment: io.environment});
	switch (request.kind) {
		case 'list': {
			// Written as it arrives: a whole blog (--all) is never held whole in memory as text.
			await printList(async (page, perPage, options) => fetchListPage(source, page, perPage, options), {...request, colour, hyperlinks, blogName: cleanLine(hostOf(source.site.url))}, io);
			return '';
		}
		case 'post': {
			let view = await fetchPostView(source, request.ref, {parts: request.parts, password: await passwordOf(request, io)});
			await reportUnavailable(view.unavailable ?? [], request, io);
			await reportCommentsCut(view.comments, request, io);
			if (request.fullText) {
				// --full-text (issue 23): print-full-text.ts, loaded only when asked for.
				const {fieldsNeedArticle, postToJsonWithFullText, withFullText} = await import('./print-full-text.js');
				// `--fields id,title` needs nothing the article changes: its page is not read.
				if (request.format !== 'json' || fieldsNeedArticle(request.fields)) {
					const full = await withFullText(view, http);
					view = full.view;
					if (full.note) await writeAll(io.stderr, `blogterm: ${full.note}\n`);
				}
				if (request.format === 'json') return stringifyJson(postToJsonWithFullText(view, request.fields));
			}
			if (request.format === 'json') return stringifyJson(postToJson(view, request.fields));
			const markdown = request.format === 'markdown';
			// Front matter comes first (a static site generator reads it there), then the offline line.
			if (markdown && request.frontMatter) return formatPostMarkdown(view, {bodyOnly: request.bodyOnly, frontMatter: true}).replace(/^(---\n[\s\S]*?\n---\n\n)/, `$1${offlineLine(view.post.offlineSavedAt, '\n')}`);
			if (markdown) return offlineLine(view.post.offlineSavedAt, '\n') + formatPostMarkdown(view, {bodyOnly: request.bodyOnly});
			return offlineLine(view.post.offlineSavedAt) + formatPostText(view, {width: request.width, colour, hyperlinks, bodyOnly: request.bodyOnly, fullTextTried: request.fullText});
		}
		case 'comment': {
			const post = await fetchReadablePost(source, request.ref, await passwordOf(request, io));
			const sent = await sendScriptComment(source, post, draft!);
			rememberScriptComment(source, post, draft!, sent);
			return request.format === 'json' ? stringifyJson(commentSentToJson(sent)) : formatSentText(sent, post, {colour});
		}
	}
}

/**
 * `blog.example:8080` means https; a server there that speaks plain http breaks the TLS handshake (a
 * wrong version, a reset). Say what to try instead of "the connection was reset".
 */
function plainHttpHint(error: unknown, site: string | undefined): unknown {
	if (site === undefined || /^[a-z][a-z\d+.-]*:\/\//i.test(site.trim()) || !isBlogError(error) || error.kind !== 'network') return error;
	let system = '';
	for (let cause: unknown = error.cause, depth = 0; depth < 4 && cause !== null && typeof cause === 'object'; depth++, cause = (cause as {cause?: unknown}).cause) {
		const code = (cause as {code?: unknown}).code;
		if (typeof code === 'string' && code !== '' && code !== 'ERR_GOT_REQUEST_ERROR') {
			system = code;
			break;
		}
	}
	if (!/SSL|EPROTO|ECONNRESET|TLS/.test(system)) return error;
	const host = cleanLine(site.trim().replace(/\/.*$/, ''));
	return new BlogError('network', `${host} did not answer https; try http://${cleanLine(site.trim())}`, {cause: error});
}

/** Flags that ask for a list: with any of them, a SITE with a path is the blog, not a post. */
const listFlags = ['list', 'page', 'perPage', 'all', 'limit', 'ids', 'withContent', 'since', 'until', 'output'] as const;

/**
 * SITE as a post's URL, when it looks like one and nothing else was asked: a path beyond the home page
 * (or `?p=ID`) that is not a feed's or the REST API's. Undefined otherwise.
 */
function impliedPostUrl(site: string | undefined, flags: ScriptFlags): string | undefined {
	if (site === undefined || flags.post !== undefined || flags.comment !== undefined || flags.demo || flags.demoFeed) return undefined;
	if (listFlags.some(name => flags[name] !== undefined && flags[name] !== false)) return undefined;
	return postUrlOfSite(site);
}

/** A SITE that is not a web address is a usage error (2), not a site that is not a blog (6). */
function checkSiteAddress(site: string): void {
	try {
		normaliseSiteUrl(site);
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
}

/**
 * The parts of a post that did not arrive: with --strict the run fails (exit 1, nothing printed); otherwise
 * each is one line on stderr ("blogterm: related posts unavailable: … answered 500."), or with JSON one
 * `{"warning": {"code", "message"}}` object, and the post is printed without it.
 */
async function reportUnavailable(unavailable: readonly UnavailablePart[], request: {readonly strict: boolean; readonly format: string}, io: ScriptIo): Promise<void> {
	const described = unavailable.map(({part, error}) => {
		const failure = describeFailure(error);
		return {...failure, lines: [`${partNames[part]} unavailable: ${failure.lines.join(' ')}`]};
	});
	if (request.strict && described[0]) {
		const first = described[0];
		throw new ScriptFailure(exitCodes.unreadable, described.map(failure => failure.lines[0]!), first.code);
	}
	for (const failure of described) {
		await writeAll(io.stderr, request.format === 'json'
			? warningToJsonLine(failure.code, failure.lines[0]!)
			: `blogterm: ${failure.lines[0]}\n`);
	}
}

/**
 * A thread blogterm stopped reading before its end ("blog.example has 7,412 comments; blogterm read the first
 * 5,000."): one line on stderr, `blogterm: …` as a list's cut is, or with JSON one `{"warning": {"code":
 * "cut_short", "message"}}` object. The comments read are printed (exit 0); the document's keys keep their meaning.
 */
async function reportCommentsCut(comments: PostView['comments'], request: {readonly format: string}, io: ScriptIo): Promise<void> {
	const cut = comments?.endsEarly;
	if (cut === undefined) return;
	await writeAll(io.stderr, request.format === 'json' ? warningToJsonLine('cut_short', cut) : `blogterm: ${cut}\n`);
}

/** `--password TEXT`, or `--password -`: the first line of stdin. */
async function passwordOf(request: {readonly password?: string}, io: ScriptIo): Promise<string | undefined> {
	if (request.password !== '-') return request.password;
	const text = await readAllStdin(io.stdin);
	return text.split(/\r?\n/)[0] ?? '';
}


/** A page of the list, with the blog's totals even past the end (where WordPress sends none). */
async function fetchListPage(source: BlogSource, page: number, perPage: number, options?: ListOptions): Promise<PostPage> {
	const found = await source.fetchPostPage(page, perPage, options);
	if (found.posts.length > 0 || page === 1 || found.total > 0) return found;
	const first = await source.fetchPostPage(1, perPage, options);
	return {...found, total: first.total, totalPages: first.totalPages};
}

function processIo(): ScriptIo {
	return {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, environment: process.env};
}
