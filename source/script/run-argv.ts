import meow from 'meow';
import {exitCodes} from './exit-codes.js';
import type {ScriptIo} from './run-script.js';
import {maxWidth} from './script-request.js';
import {writeAll} from './terminal-output.js';
import {parseHyperlinkMode} from '../platform/hyperlinks.js';
import {cleanLine} from '../render/sanitize.js';

const helpText = `
	Usage
	  $ blogterm [SITE] [options]

	  SITE is a blog's home page (blog.example means https://blog.example),
	  a feed URL, or a WordPress /wp-json/ root. Without SITE, blogterm opens the
	  blogs you follow (--follow, --import) and what is new across them; with none
	  followed (or with --demo), its built-in demo blog, served on 127.0.0.1, offline.

	Reading (a full-screen reader in a terminal)
	  --post REF          Open at a post: its ID, slug or URL (pretty or ?p=ID)
	  --per-page N        Posts per list page (default 10, at most 100)
	  --demo              Open the built-in demo blog (the default without SITE)
	  --demo-feed         Open the demo blog as a feed-only blog (no REST API)
	  --password TEXT     The password of a password-protected post (- reads it from stdin)
	  --hyperlinks WHEN   auto | always | never: links as clickable OSC 8 hyperlinks
	                      (auto: in the reader, when the terminal supports them; print mode
	                      only with always; "hyperlinks" in settings.json sets the default)

	Scripts (print mode: when --print, --list or --comment is given, or stdout is not a terminal)
	  --print             Print the post given by --post (or the list) and exit
	  --list              Print a page of the post list
	  --page N            The list page to print (default 1)
	  --format F          text | markdown | json  (default text; markdown for posts only)
	  --comments          Include the comment thread with a post
	  --width N           Wrap text to N columns, 1 to 1000 (default: the terminal's width, 80 when piped)
	  --comment TEXT      Send a comment on --post (TEXT, - to read it from stdin, or none: $VISUAL/$EDITOR)
	  --name NAME         The commenter's name (required with --comment)
	  --email EMAIL       The commenter's email (required with --comment; never shown)
	  --website URL       The commenter's website (optional)
	  --reply-to ID       Send the comment as a reply to comment ID
	  --replies           Check for replies to the comments you sent, and print them (--format text|json)

	Many blogs (print mode)
	  --follow URL        Follow a blog (found as SITE is); --folder NAME puts it in a folder
	  --unfollow URL      Stop following a blog
	  --import FILE       Follow the blogs an OPML file lists (- reads stdin); bad entries
	                      are one line each on stderr and skipped
	  --export            Print the blogs you follow as OPML 2.0
	  --refresh           Fetch every followed blog; one line per failure on stderr
	                      (exit 0 when all were read, 1 when any failed)
	  --blogs             The blogs you follow: {url, title, feedUrl, folder, unread,
	                      total, lastUpdated, lastError} with --format json
	  --river             Posts across the blogs you follow, newest first (--unread,
	                      --page N, --per-page N, --folder NAME, --format text|json)

	  --help              Show this help
	  --version           Show the version

	Keys in the reader
	  ↑/↓ j/k move · Enter open · Esc/q back (q on the list quits)
	  Space/PgDn b/PgUp page · g/G top/bottom · ←/→ [ ] list pages
	  n/p newer/older post · C comments · c leave a reply · Tab related posts (h hides)
	  o open in the browser · f N Enter follow link N · y N Enter copy link N (Y the post's)
	  ? help · in the reply form: Tab fields · Ctrl-S send · Esc close

	Output (print mode)
	  text                Title, byline, the body with numbered links, Related Posts,
	                      « previous / next », and the thread with --comments
	  markdown            The same as Markdown, to paste into another blog
	  json                One document: a post {id, title, link, date, author, categories,
	                      tags, excerpt, text, html, commentsOpen, commentCount, previous,
	                      next, related[, comments]}, a list {page, totalPages, total, posts},
	                      or a sent comment {status: "approved" | "held", id, link}
	  Errors are one line on stderr, "blogterm: …". No colour when stdout is not a
	  terminal; FORCE_COLOR=1 turns it on, NO_COLOR turns it off.

	Exit codes
	  0  done (a comment held for moderation too)
	  1  the blog could not be read (network, server, unreadable answer), or it is
	     not known whether a comment arrived
	  2  usage or invalid input (unknown flag, bad URL, a comment field that fails validation)
	  3  no such post (for --unfollow: no such followed blog), or the post is password
	     protected and --password is missing
	  4  the blog refused the comment (closed, duplicate, too fast, login required, its own validation)

	Examples
	  $ blogterm
	  $ blogterm https://blog.example
	  $ blogterm --import subscriptions.opml && blogterm --refresh
	  $ blogterm --river --unread --format json | jq -r '.posts[] | "\\(.blog.title): \\(.title)"'
	  $ blogterm blog.example --list --format json | jq '.posts[].title'
	  $ blogterm blog.example --post hello-world --format markdown > hello.md
	  $ blogterm blog.example --post 'https://blog.example/?p=42' --comments --format json | jq '.comments | length'
	  $ echo "Thanks!" | blogterm blog.example --post 42 --comment - --name Ada --email ada@example.com
	  $ blogterm blog.example --post 42 --comment "Seconded." --reply-to 7 --name Ada --email ada@example.com --format json
`;

const flagDefinitions = {
	post: {type: 'string'},
	perPage: {type: 'number'},
	demo: {type: 'boolean', default: false},
	demoFeed: {type: 'boolean', default: false},
	print: {type: 'boolean', default: false},
	list: {type: 'boolean', default: false},
	page: {type: 'number'},
	format: {type: 'string'},
	comments: {type: 'boolean', default: false},
	width: {type: 'number'},
	comment: {type: 'string'},
	name: {type: 'string'},
	email: {type: 'string'},
	website: {type: 'string'},
	replyTo: {type: 'string'},
	follow: {type: 'string'},
	unfollow: {type: 'string'},
	import: {type: 'string'},
	export: {type: 'boolean', default: false},
	refresh: {type: 'boolean', default: false},
	blogs: {type: 'boolean', default: false},
	river: {type: 'boolean', default: false},
	unread: {type: 'boolean', default: false},
	folder: {type: 'string'},
	password: {type: 'string'},
	hyperlinks: {type: 'string'},
	replies: {type: 'boolean', default: false},
	// Declared (not meow's autoHelp/autoVersion, which end the process): `--help SITE` is still a flag and a SITE.
	help: {type: 'boolean'},
	version: {type: 'boolean'},
} as const;

/**
 * `--comment -` means "read the comment from stdin", but the parser takes a lone `-` for an argument
 * (a second SITE); `--comment=-` is what it understands.
 */
function withStdinMarkers(argv: readonly string[]): string[] {
	const result: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		if ((argv[index] === '--comment' || argv[index] === '--import' || argv[index] === '--password') && argv[index + 1] === '-') {
			result.push(`${argv[index]}=-`);
			index++;
		} else {
			result.push(argv[index]!);
		}
	}
	return result;
}

/** What the command line asked for, checked: a finished run (its exit code), or the reader to open. */
export type CommandLine =
	| {readonly kind: 'done'; readonly exitCode: number}
	| {readonly kind: 'reader'; readonly site: string | undefined; readonly flags: CliFlags};

function parseFlags(argv: readonly string[]) {
	// Unknown flags are allowed through meow and reported below: meow's own report is two lines.
	return meow(helpText, {importMeta: import.meta, argv: withStdinMarkers(argv), allowUnknownFlags: true, autoHelp: false, autoVersion: false, flags: flagDefinitions});
}

export type CliFlags = ReturnType<typeof parseFlags>['flags'];

/** A usage error: one line on stderr, exit code 2. */
class UsageError extends Error {}

/**
 * The whole command line, as `blogterm` runs it (argv without node and the script): parses the flags
 * with meow, answers --help and --version, refuses what is not usage, and runs print mode through
 * `runScript` with `io`. Everything but the reader happens here, so tests run it in process.
 * `io.stdout.isTTY` and `io.stdin`'s decide between the reader and print mode, as for a real process.
 */
export async function runCommandLine(argv: readonly string[], io: ScriptIo): Promise<CommandLine> {
	try {
		return await parseAndRun(argv, io);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr.write(`blogterm: ${error.message}\n`);
		return {kind: 'done', exitCode: exitCodes.usage};
	}
}

async function parseAndRun(argv: readonly string[], io: ScriptIo): Promise<CommandLine> {
	let cli: ReturnType<typeof parseFlags>;
	try {
		cli = parseFlags(argv);
	} catch (error) {
		// meow throws for a flag given twice ("The flag --post can only be set once.").
		throw new UsageError(String((error as Error)?.message ?? error).split('\n')[0]!.replace(/^The flag/, 'the flag'));
	}
	const {flags, input} = cli;
	// As meow's own showHelp and showVersion print them (console.log), without ending the process.
	if (flags.help === true) return done(io, `${cli.help}\n`);
	if (flags.version === true) return done(io, `${cli.pkg.version ?? 'No version found'}\n`);
	const known = new Set<string>(Object.keys(flagDefinitions));
	const unknown = Object.keys(cli.unnormalizedFlags).filter(key => !known.has(key));
	if (unknown.length > 0) {
		const spelled = unknown.map(key => (key.length === 1 ? `-${key}` : `--${key.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`));
		throw new UsageError(`unknown flag${spelled.length > 1 ? 's' : ''} ${spelled.join(', ')} (blogterm --help lists them)`);
	}
	if (input.length > 1) throw new UsageError(`expected one SITE, got ${input.length}: ${input.join(' ')}`);
	for (const [name, value] of [['--per-page', flags.perPage], ['--page', flags.page], ['--width', flags.width]] as const) {
		if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new UsageError(`${name} takes a whole number of at least 1`);
	}
	if (flags.perPage !== undefined && flags.perPage > 100) throw new UsageError('--per-page is at most 100 (WordPress\'s own limit)');
	if (flags.width !== undefined && flags.width > maxWidth) throw new UsageError(`--width is at most ${maxWidth} columns`);
	if (flags.hyperlinks !== undefined && !parseHyperlinkMode(flags.hyperlinks)) throw new UsageError(`--hyperlinks is auto, always or never, not “${cleanLine(flags.hyperlinks)}”`);
	if (flags.password !== undefined && flags.post === undefined) throw new UsageError('--password goes with --post: the protected post it opens');
	if (flags.password === '-' && flags.comment === '-') throw new UsageError('--password - and --comment - cannot both read stdin');
	// The many-blogs commands (--follow, --blogs, --river…): print mode of their own, loaded only when asked for.
	if (['follow', 'unfollow', 'import', 'export', 'refresh', 'blogs', 'river', 'unread', 'folder'].some(name => cli.unnormalizedFlags[name] !== undefined)) {
		const {runSubscriptionCommand, subscriptionCommandOf} = await import('./run-subscriptions.js');
		let command: ReturnType<typeof subscriptionCommandOf>;
		try {
			command = subscriptionCommandOf(flags, input[0]);
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
		if (command) return {kind: 'done', exitCode: await runSubscriptionCommand(command, flags, io)};
	}
	// Replies to your comments (--replies): print mode of its own (issue #20).
	if (flags.replies) {
		const {runReplies} = await import('./print-replies.js');
		return {kind: 'done', exitCode: await runReplies(flags.format, io)};
	}
	const wantsPrint = flags.print || flags.list || flags.comment !== undefined || !io.stdout.isTTY;
	if (wantsPrint) {
		// Loaded only now: --help and the reader need none of print mode.
		const {runScript} = await import('./run-script.js');
		return {kind: 'done', exitCode: await runScript({site: input[0], flags}, io)};
	}
	if (!(io.stdin as {isTTY?: boolean}).isTTY) {
		throw new UsageError('the reader needs a terminal to read keys from; use --print, --list or --comment in scripts');
	}
	return {kind: 'reader', site: input[0], flags};
}

async function done(io: ScriptIo, text: string): Promise<CommandLine> {
	await writeAll(io.stdout, text);
	return {kind: 'done', exitCode: exitCodes.ok};
}
