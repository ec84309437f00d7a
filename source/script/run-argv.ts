import type {Result} from 'meow';
import {exitCodes} from './exit-codes.js';
import type {ScriptIo} from './run-script.js';
import {maxWidth, parseColorMode, UsageError as ScriptUsageError, type ColorMode} from './usage-error.js';
import {writeAll} from './terminal-output.js';
import {parseHyperlinkMode} from '../platform/hyperlinks.js';
import {chooseTheme, themeChoices} from '../platform/theme-choice.js';
import {loadSettings} from '../store/settings.js';
import {setTheme, themeNamed} from '../render/theme.js';
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
	  --per-page N        Posts per list page, at most 100 (default: in the reader, as many as
	                      the terminal shows, at least 10; in print mode 10)
	  --demo              Open the built-in demo blog (the default without SITE)
	  --demo-feed         Open the demo blog as a feed-only blog (no REST API)
	  --password TEXT     The password of a password-protected post (- reads it from stdin)
	  --hyperlinks WHEN   auto | always | never: links as clickable OSC 8 hyperlinks
	                      (auto: in the reader, when the terminal supports them; print mode
	                      only with always; "hyperlinks" in config.json sets the default)
	  --theme NAME        dark | light | high-contrast | 16-colour, in the reader and print
	                      mode ("theme" in config.json sets the default; NO_COLOR: none)
	  --screen-reader     Ink's screen-reader mode: the screens as words, no spinner
	                      and the cursor on the selection ("screenReader" in
	                      config.json, or INK_SCREEN_READER=true, turns it on too)
	  --mouse             The wheel scrolls, a click selects a row or comment (a second
	                      opens it), a click on a numbered link follows it; off by default
	                      so the terminal's own selection works ("mouse" in config.json)

	Scripts (print mode: when --print, --list or --comment is given, or stdout is not a terminal)
	  --print             Print the post given by --post (or the list) and exit
	  -p, --post REF      The post to print; SITE may be the post's URL alone
	  -l, --list          Print a page of the post list (piped: ID<TAB>DATE<TAB>TITLE<TAB>URL)
	  --page N            The list page to print (default 1)
	  --all               Every page of the list (100 posts a request)
	  --limit N           At most N posts, across pages
	  --ids               One post ID a line
	  --since DATE        Posts from DATE (ISO 8601 date or time; a date is the whole day, UTC)
	  --until DATE        Posts until DATE (a date: until its end)
	  --with-content      Each list entry's text and html too (json, ndjson)
	  -o, --output TMPL   With --all: one file per post, named from {id} {slug} {date} {title}
	                      (format from --format or the extension)
	  --force             With -o: overwrite files that exist (never by default)
	  -f, --format F      text | markdown | json | ndjson  (default text; ndjson: a list, a post a line)
	  --comments          Include the comment thread with a post
	  --no-related        Do not fetch (or print) a post's related posts
	  --no-neighbours     Do not fetch (or print) its previous and next posts
	  --strict            A part of a post that could not be read fails the run (exit 1);
	                      without it the post is printed and the part named on stderr
	  --fields LIST       JSON keys to print, comma-separated (id,title,text…); only the
	                      requests they need are made
	  --body-only         The body alone, in text or Markdown (no byline, related, « »)
	  --front-matter      Markdown with a YAML header: title, date, modified, slug, link,
	                      author, categories, tags
	  --full-text         With --post: a post the feed gives only a summary of is shown
	                      whole, read from its page (json: "fullText": true; the reader: F)
	  -w, --width N       Wrap text to N columns, 1 to 1000, or 0 for no wrapping (default: the terminal's width, 80 when piped)
	  --color WHEN        auto | always | never (auto: FORCE_COLOR, NO_COLOR, a terminal)
	  --comment TEXT      Send a comment on --post (TEXT, - to read it from stdin, or none: $VISUAL/$EDITOR)
	  --name NAME         The commenter's name (required with --comment)
	  --email EMAIL       The commenter's email (required with --comment; never shown)
	  --website URL       The commenter's website (optional)
	  --reply-to ID       Send the comment as a reply to comment ID
	  --cache MODE        What a copy kept on disk is for when the blog cannot be read:
	                      by default none (fresh or fail, exit 1); fallback prints it,
	                      marked "offline"; only reads nothing else; never keeps none
	  --offline           The same as --cache only: no network at all
	  --proxy URL         An http:// proxy for every request (default: HTTPS_PROXY,
	                      HTTP_PROXY and NO_PROXY, as curl reads them)
	  --timeout SECONDS   The most a request may take, all of it (default 30)
	  --retries N         How often a GET is retried on 502/503/504 or a reset (default 2);
	                      a comment is never retried
	  --replies           Check for replies to the comments you sent, and print them (--format text|json)

	Many blogs (print mode)
	  --follow URL        Follow a blog (found as SITE is); --folder NAME puts it in a folder
	  --unfollow URL      Stop following a blog
	  --import FILE       Follow the blogs an OPML file lists (- reads stdin); bad entries
	                      are one line each on stderr and skipped
	  --export            Print the blogs you follow as OPML 2.0
	  --refresh           Fetch every followed blog; one line per failure on stderr
	                      (exit 0 when all were read, 1 when any failed)
	  --blogs             The blogs you follow: [{url, title, feedUrl, folder, unread,
	                      total, lastUpdated, lastError}] with --format json
	  --river             Posts across the blogs you follow, newest first (--unread,
	                      --page N, --per-page N, --folder NAME, --format text|json);
	                      a --folder no blog is in: exit 3

	Sync (a Tiny Tiny RSS server fills the followed blogs; --refresh syncs)
	  --sync tt-rss URL   Keep in step with TT-RSS at URL as --user NAME (asks the password,
	                      or reads BLOGTERM_TTRSS_PASSWORD); syncs once
	  --sync off          Back to local subscriptions, keeping what is stored
	  --sync-status       The server, the user, the last sync, what waits to be sent

	Search and browse (print mode)
	  --search TEXT       With --list: the blog's posts with every word (as its own search
	                      box); with --river: every stored post, titles first, each with its
	                      blog and the matched words
	  --category SLUG|NAME, --tag SLUG|NAME, --author NAME
	                      With --list: that category's, tag's or author's posts (an unknown
	                      one: exit 3)

	  -h, --help          Show this help
	  -V, --version       Show the version

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
	  json                One document, schemaVersion first: a post {id, title, slug, link,
	                      date, modified, author, categories, tags, excerpt, text, html,
	                      protected, summaryOnly, commentsOpen, commentCount, previous,
	                      next, related, offline[, comments]}, a list {page, totalPages,
	                      total, totalIsExact, offline, posts}, a sent comment
	                      {status: "approved" | "held", id, link}, and so each many-blogs,
	                      search, --replies and sync document; missing is null
	  ndjson              A list, one JSON object per post per line, as each page arrives
	  Errors are one line on stderr, "blogterm: …". No colour when stdout is not a
	  terminal; FORCE_COLOR=1 turns it on, NO_COLOR turns it off; --color always
	  (the theme's colours) or never decides over both.

	Exit codes
	  0  done (a comment held for moderation too)
	  1  the blog could not be read (network, server, timeout, unreadable answer), or
	     only in part: --all cut short (what was read is printed)
	  2  usage: unknown or conflicting flags, a bad value, a comment field that fails validation
	  3  no such post (or category, tag, author, folder, followed blog), or a protected post
	     without --password
	  4  the blog refused the comment (it was not kept)
	  5  it is not known whether the comment arrived: never retry it blindly
	  6  the site is not a blog blogterm can read (no REST API, no feed)
	  With --format json, an error is one JSON object on stderr instead of the line:
	  {"error": {"code": "comment_flood", "exit": 4, "message": "…"}}

	Examples
	  $ blogterm
	  $ blogterm https://blog.example
	  $ blogterm --import subscriptions.opml && blogterm --refresh
	  $ blogterm --river --unread --format json | jq -r '.posts[] | "\\(.blog.title): \\(.title)"'
	  $ blogterm blog.example --list --format json | jq '.posts[].title'
	  $ blogterm blog.example --post hello-world --format markdown > hello.md
	  $ blogterm https://blog.example/2024/01/hello-world/ --no-related --no-neighbours
	  $ blogterm blog.example --all -o '{slug}.md' --front-matter
	  $ blogterm blog.example --all --format ndjson --since 2026-01-01 | jq -r .title
	  $ blogterm blog.example --post 'https://blog.example/?p=42' --comments --format json | jq '.comments | length'
	  $ echo "Thanks!" | blogterm blog.example --post 42 --comment - --name Ada --email ada@example.com
	  $ blogterm blog.example --post 42 --comment "Seconded." --reply-to 7 --name Ada --email ada@example.com --format json
`;

const flagDefinitions = {
	post: {type: 'string', shortFlag: 'p'},
	perPage: {type: 'number'},
	demo: {type: 'boolean', default: false},
	demoFeed: {type: 'boolean', default: false},
	print: {type: 'boolean', default: false},
	list: {type: 'boolean', default: false, shortFlag: 'l'},
	page: {type: 'number'},
	format: {type: 'string', shortFlag: 'f'},
	comments: {type: 'boolean', default: false},
	width: {type: 'number', shortFlag: 'w'},
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
	fullText: {type: 'boolean', default: false},
	hyperlinks: {type: 'string'},
	theme: {type: 'string'},
	screenReader: {type: 'boolean'},
	mouse: {type: 'boolean'},
	sync: {type: 'string'},
	user: {type: 'string'},
	syncStatus: {type: 'boolean', default: false},
	cache: {type: 'string'},
	offline: {type: 'boolean'},
	// Given as --no-related and --no-neighbours (meow reads --no-X as X: false).
	related: {type: 'boolean', default: true},
	neighbours: {type: 'boolean', default: true},
	strict: {type: 'boolean'},
	fields: {type: 'string'},
	bodyOnly: {type: 'boolean'},
	frontMatter: {type: 'boolean'},
	all: {type: 'boolean'},
	limit: {type: 'number'},
	ids: {type: 'boolean'},
	withContent: {type: 'boolean'},
	since: {type: 'string'},
	until: {type: 'string'},
	output: {type: 'string', shortFlag: 'o'},
	force: {type: 'boolean'},
	proxy: {type: 'string'},
	color: {type: 'string'},
	timeout: {type: 'number'},
	retries: {type: 'number'},
	// Search and browse (issue 19): source/script/run-search.ts.
	search: {type: 'string'},
	category: {type: 'string'},
	tag: {type: 'string'},
	author: {type: 'string'},
	replies: {type: 'boolean', default: false},
	// Declared (not meow's autoHelp/autoVersion, which end the process): `--help SITE` is still a flag and a SITE.
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean', shortFlag: 'V'},
} as const;

/** A flag as it is typed: `replyTo` → `--reply-to`, `p` → `-p`. */
const typedFlag = (name: string) => (name.length === 1 ? `-${name}` : `--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`);

/** Each flag that takes text, as typed (`--reply-to`, `-p`), and its long name as meow knows it (`--reply-to`, `--post`). */
const textFlags = new Map(Object.entries(flagDefinitions).flatMap(([name, flag]) => {
	if (flag.type !== 'string') return [];
	const long = typedFlag(name);
	return [[long, long] as const, ...('shortFlag' in flag ? [[`-${flag.shortFlag}`, long] as const] : [])];
}));
/** The one-letter flags (-p, -l, -h…): a word made of them alone (`-lp`) is flags, not text. */
const shortFlagLetters = new Set<string>(Object.values(flagDefinitions).flatMap(flag => ('shortFlag' in flag ? [flag.shortFlag] : [])));

/**
 * The command line as meow should read it: the word after a flag that takes text, joined to it
 * (`--search=-garden`) when meow would read it as something else.
 * - `--comment -` (and --import, --password) means "read it from stdin", but meow takes a lone `-` for
 *   an argument (a second SITE).
 * - A word that starts with one - after a flag that takes text (`--search -garden`, `--comment '-1 from
 *   me'`, `--post -5`) is its value, as getopt reads a required value, unless it is blogterm's own
 *   one-letter flags (`-l`, `-lp`): meow would read it as unknown flags, and the text as missing.
 * A word that starts with -- is a flag (`--search --list`: the text is missing, and says so).
 */
function withTextValuesJoined(argv: readonly string[]): string[] {
	const result: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			result.push(...argv.slice(index));
			break;
		}
		const long = textFlags.get(argument);
		const next = argv[index + 1];
		const stdinMarker = next === '-' && ['--comment', '--import', '--password'].includes(argument);
		const dashedText = next !== undefined && /^-[^-]/.test(next) && ![...next.slice(1)].every(letter => shortFlagLetters.has(letter));
		if (long !== undefined && (stdinMarker || dashedText)) {
			result.push(`${long}=${next}`);
			index++;
		} else {
			result.push(argument);
		}
	}
	return result;
}

/** What the command line asked for, checked: a finished run (its exit code), or the reader to open. */
export type CommandLine =
	| {readonly kind: 'done'; readonly exitCode: number}
	| {readonly kind: 'reader'; readonly site: string | undefined; readonly flags: ReaderCliFlags};

/** The command line parsed: what run-argv uses of meow's result (`help` and `pkg` for --help and --version only). */
type ParsedArguments = Pick<Result<typeof flagDefinitions>, 'flags' | 'input' | 'unnormalizedFlags' | 'help' | 'pkg'>;

/**
 * The flags and the SITE. meow is loaded only for a command line with arguments: `blogterm` alone (the
 * home screen's start) gets the flags' defaults, which are what meow gives for none (a test checks that).
 */
async function parseFlags(argv: readonly string[]): Promise<ParsedArguments> {
	return argv.length === 0 ? withoutArguments() : parsedByMeow(argv);
}

/**
 * What meow gives for a command line without arguments: each flag's default (a yes/no flag without one
 * is false), also under its short name among the flags as parsed, and no SITE.
 */
export function withoutArguments(): ParsedArguments {
	const defaults: Array<readonly [string, boolean]> = [];
	const shortNames: Array<readonly [string, boolean]> = [];
	for (const [name, flag] of Object.entries(flagDefinitions)) {
		const value = 'default' in flag ? flag.default : flag.type === 'boolean' ? false : undefined;
		if (value === undefined) continue;
		defaults.push([name, value]);
		if ('shortFlag' in flag) shortNames.push([flag.shortFlag, value]);
	}
	// Neither --help nor --version is given: their text is never asked for.
	const flags = Object.fromEntries(defaults) as unknown as ParsedArguments['flags'];
	return {flags, input: [], unnormalizedFlags: {...flags, ...Object.fromEntries(shortNames)}, help: '', pkg: {}};
}

/** meow's answer (loaded now). */
export async function parsedByMeow(argv: readonly string[]): Promise<ParsedArguments> {
	const {default: meow} = await import('meow');
	// Unknown flags are allowed through meow and reported below: meow's own report is two lines.
	return meow(helpText, {importMeta: import.meta, argv: withTextValuesJoined(argv), allowUnknownFlags: true, autoHelp: false, autoVersion: false, flags: flagDefinitions});
}

export type CliFlags = ParsedArguments['flags'];
/** The flags the reader is given: `mouse` is undefined when neither --mouse nor --no-mouse was typed. */
export type ReaderCliFlags = Omit<CliFlags, 'mouse'> & {readonly mouse: boolean | undefined};

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
		const {reportFailure, wantsJsonErrors} = await import('./script-errors.js');
		return {kind: 'done', exitCode: await reportFailure(new ScriptUsageError(error.message), wantsJsonErrors(formatIn(argv)), io)};
	}
}

/** The value of --format (or -f) as written, for saying a usage error as JSON when JSON was asked for. */
function formatIn(argv: readonly string[]): string | undefined {
	let format: string | undefined;
	for (const [index, argument] of argv.entries()) {
		if (argument === '--') break;
		if (argument === '--format' || argument === '-f') format = argv[index + 1];
		else if (argument.startsWith('--format=')) format = argument.slice('--format='.length);
	}
	return format;
}

/**
A flag that takes text followed by a word that starts with -- and is no flag of blogterm's (`--search
--garden`): meow reads the word as a flag of its own and the text as missing. The flag and the word, for
saying so. (A word with one -, `--search -garden`, is the value: withTextValuesJoined.)
*/
function valueTakenForFlags(argv: readonly string[], known: ReadonlySet<string>): {flag: string; value: string} | undefined {
	for (const [index, argument] of argv.entries()) {
		if (argument === '--') return undefined;
		const next = argv[index + 1];
		if (!textFlags.has(argument) || next === undefined || !next.startsWith('--') || next === '--') continue;
		const named = next.slice(2).split('=')[0]!.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
		// --no-related is --related turned off.
		const negated = /^no[A-Z]/.test(named) ? named[2]!.toLowerCase() + named.slice(3) : undefined;
		if (!known.has(named) && !(negated !== undefined && known.has(negated))) return {flag: argument, value: next};
	}
	return undefined;
}

async function parseAndRun(argv: readonly string[], io: ScriptIo): Promise<CommandLine> {
	let cli: ParsedArguments;
	try {
		cli = await parseFlags(argv);
	} catch (error) {
		// meow throws for a flag given twice ("The flag --post can only be set once.").
		throw new UsageError(String((error as Error)?.message ?? error).split('\n')[0]!.replace(/^The flag/, 'the flag'));
	}
	const {flags, input} = cli;
	// As meow's own showHelp and showVersion print them (console.log), without ending the process.
	if (flags.help === true) return done(io, `${cli.help}\n`);
	if (flags.version === true) return done(io, `${cli.pkg.version ?? 'No version found'}\n`);
	const known = new Set<string>([...Object.keys(flagDefinitions), ...Object.values(flagDefinitions).flatMap(flag => ('shortFlag' in flag ? [flag.shortFlag] : []))]);
	const unknown = Object.keys(cli.unnormalizedFlags).filter(key => !known.has(key));
	const dashedValue = valueTakenForFlags(argv, known);
	if (unknown.length > 0 && dashedValue) {
		throw new UsageError(`${dashedValue.flag} needs a value, and “${dashedValue.value}” was read as a flag: write ${dashedValue.flag}=${dashedValue.value} for a value that starts with --`);
	}
	if (unknown.length > 0) {
		const spelled = unknown.map(typedFlag);
		throw new UsageError(`unknown flag${spelled.length > 1 ? 's' : ''} ${spelled.join(', ')} (blogterm --help lists them)`);
	}
	if (input.length > 1) throw new UsageError(`expected one SITE, got ${input.length}: ${input.join(' ')}`);
	if (flags.demo && flags.demoFeed) throw new UsageError('--demo and --demo-feed cannot be used together: choose one demo blog.');
	if (input.length > 0 && (flags.demo || flags.demoFeed)) throw new UsageError(`a SITE and ${flags.demo ? '--demo' : '--demo-feed'} cannot be used together: ${flags.demo ? '--demo' : '--demo-feed'} reads the built-in demo blog.`);
	for (const [name, value] of [['--per-page', flags.perPage], ['--page', flags.page]] as const) {
		if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new UsageError(`${name} takes a whole number of at least 1`);
	}
	if (flags.width !== undefined && (!Number.isInteger(flags.width) || flags.width < 0)) throw new UsageError('--width takes a whole number of columns, or 0 for no wrapping');
	if (flags.perPage !== undefined && flags.perPage > 100) throw new UsageError('--per-page is at most 100 (WordPress\'s own limit)');
	if (flags.width !== undefined && flags.width > maxWidth) throw new UsageError(`--width is at most ${maxWidth} columns`);
	if (flags.hyperlinks !== undefined && !parseHyperlinkMode(flags.hyperlinks)) throw new UsageError(`--hyperlinks is auto, always or never, not “${cleanLine(flags.hyperlinks)}”`);
	if (flags.theme !== undefined && !themeNamed(flags.theme)) throw new UsageError(`--theme is ${themeChoices}, not “${cleanLine(flags.theme)}”`);
	// config.json, read (and each problem in it said) once, before anything uses a setting.
	await loadSettings(io.environment);
	let colour: ColorMode;
	try {
		colour = parseColorMode(flags.color);
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	// The one theme, for the reader and print mode alike, before anything is drawn or printed. --color
	// always is the theme's colours whatever NO_COLOR says, as print mode's escapes are (run-script.ts).
	setTheme(chooseTheme(flags.theme, io.environment, colour));
	if (flags.password !== undefined && flags.post === undefined) throw new UsageError('--password goes with --post: the protected post it opens');
	if (flags.fullText && flags.post === undefined) throw new UsageError('--full-text goes with --post: the post whose page is read.');
	if (flags.password === '-' && flags.comment === '-') throw new UsageError('--password - and --comment - cannot both read stdin');
	// Sync with a TT-RSS server (--sync, --sync-status): run-sync-flags.ts.
	if (flags.sync !== undefined || flags.syncStatus || flags.user !== undefined) {
		const {runSyncCommand, wantsSyncCommand} = await import('./run-sync-flags.js');
		let wanted: boolean;
		try {
			wanted = wantsSyncCommand(flags, input[0]);
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
		if (wanted && flags.fields !== undefined) throw new UsageError(`--fields does not apply to ${flags.syncStatus ? '--sync-status' : '--sync'}: its JSON is printed whole.`);
		if (wanted) return {kind: 'done', exitCode: await runSyncCommand(flags, input[0], io)};
	}
	// Search and browse (--search, --category, --tag, --author; with --list or --river): loaded only when asked for.
	if (['search', 'category', 'tag', 'author'].some(name => cli.unnormalizedFlags[name] !== undefined)) {
		const {runSearchCommand} = await import('./run-search.js');
		return {kind: 'done', exitCode: await runSearchCommand(input[0], flags, io)};
	}
	// The many-blogs commands (--follow, --blogs, --river…): print mode of their own, loaded only when asked for
	// (a yes/no flag not given is false, not undefined: meow gives its default).
	if (['follow', 'unfollow', 'import', 'export', 'refresh', 'blogs', 'river', 'unread', 'folder'].some(name => cli.unnormalizedFlags[name] !== undefined && cli.unnormalizedFlags[name] !== false)) {
		const {runSubscriptionCommand, subscriptionCommandOf} = await import('./run-subscriptions.js');
		let command: ReturnType<typeof subscriptionCommandOf>;
		try {
			command = subscriptionCommandOf(flags, input[0]);
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
		// --fields chooses the keys of a post's or a list's JSON; these documents are printed whole (refused, not ignored).
		if (command && flags.fields !== undefined) throw new UsageError(`--fields does not apply to --${command}: its JSON is printed whole.`);
		if (command) return {kind: 'done', exitCode: await runSubscriptionCommand(command, flags, io)};
	}
	// Replies to your comments (--replies): print mode of its own (issue #20).
	if (flags.replies) {
		if (flags.fields !== undefined) throw new UsageError('--fields does not apply to --replies: its JSON is printed whole.');
		const {runReplies} = await import('./print-replies.js');
		return {kind: 'done', exitCode: await runReplies(flags.format, io)};
	}
	const wantsPrint = flags.print || flags.list || flags.all || flags.ids || flags.limit !== undefined || flags.output !== undefined || flags.comment !== undefined || !io.stdout.isTTY;
	if (wantsPrint) {
		// Loaded only now: --help and the reader need none of print mode.
		const {runScript} = await import('./run-script.js');
		return {kind: 'done', exitCode: await runScript({site: input[0], flags}, io)};
	}
	for (const name of ['cache', 'offline', 'proxy', 'timeout', 'retries'] as const) {
		// A boolean flag not given is false, not undefined.
		if (flags[name] !== undefined && flags[name] !== false) throw new UsageError(`--${name} is for print mode (--print, --list); the reader uses the proxy variables and its own time limits`);
	}
	if (!(io.stdin as {isTTY?: boolean}).isTTY) {
		throw new UsageError('the reader needs a terminal to read keys from; use --print, --list or --comment in scripts');
	}
	return {kind: 'reader', site: input[0], flags: {...flags, mouse: givenSwitch(argv, 'mouse')}};
}

/**
 * A yes/no flag as typed: true for `--NAME`, false for `--no-NAME`, the last one given winning; undefined
 * when neither was, so that the setting decides (meow makes a boolean flag not given false).
 */
export function givenSwitch(argv: readonly string[], name: string): boolean | undefined {
	let given: boolean | undefined;
	for (const argument of argv) {
		if (argument === '--') break;
		if (argument === `--${name}` || argument === `--${name}=true`) given = true;
		else if (argument === `--no-${name}` || argument === `--${name}=false`) given = false;
	}
	return given;
}

async function done(io: ScriptIo, text: string): Promise<CommandLine> {
	await writeAll(io.stdout, text);
	return {kind: 'done', exitCode: exitCodes.ok};
}
