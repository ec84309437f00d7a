import meow from 'meow';
import {exitCodes} from './script/exit-codes.js';
import {maxWidth} from './script/script-request.js';

const helpText = `
	Usage
	  $ blogterm [SITE] [options]

	  SITE is a blog's home page (blog.example means https://blog.example),
	  a feed URL, or a WordPress /wp-json/ root. Without SITE (or with --demo),
	  blogterm opens its built-in demo blog, served on 127.0.0.1, offline.

	Reading (a full-screen reader in a terminal)
	  --post REF          Open at a post: its ID, slug or URL (pretty or ?p=ID)
	  --per-page N        Posts per list page (default 10, at most 100)
	  --demo              Open the built-in demo blog (the default without SITE)
	  --demo-feed         Open the demo blog as a feed-only blog (no REST API)

	Scripts (print mode: when --print, --list or --comment is given, or stdout is not a terminal)
	  --print             Print the post given by --post (or the list) and exit
	  --list              Print a page of the post list
	  --page N            The list page to print (default 1)
	  --format F          text | markdown | json  (default text; markdown for posts only)
	  --comments          Include the comment thread with a post
	  --width N           Wrap text to N columns, 1 to 1000 (default: the terminal's width, 80 when piped)
	  --comment TEXT      Send a comment on --post (TEXT, or - to read it from stdin)
	  --name NAME         The commenter's name (required with --comment)
	  --email EMAIL       The commenter's email (required with --comment; never shown)
	  --website URL       The commenter's website (optional)
	  --reply-to ID       Send the comment as a reply to comment ID

	  --help              Show this help
	  --version           Show the version

	Keys in the reader
	  ↑/↓ j/k move · Enter open · Esc/q back (q on the list quits)
	  Space/PgDn b/PgUp page · g/G top/bottom · ←/→ [ ] list pages
	  n/p newer/older post · C comments · c leave a reply · Tab related posts (h hides)
	  o open in the browser · ? help · in the reply form: Tab fields · Ctrl-S send · Esc close

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
	  3  no such post
	  4  the blog refused the comment (closed, duplicate, too fast, login required, its own validation)

	Examples
	  $ blogterm
	  $ blogterm https://blog.example
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
} as const;

/**
 * `--comment -` means "read the comment from stdin", but the parser takes a lone `-` for an argument
 * (a second SITE); `--comment=-` is what it understands.
 */
function withStdinMarkers(argv: readonly string[]): string[] {
	const result: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		if (argv[index] === '--comment' && argv[index + 1] === '-') {
			result.push('--comment=-');
			index++;
		} else {
			result.push(argv[index]!);
		}
	}
	return result;
}

function parseArguments() {
	try {
		// Unknown flags are allowed through meow and reported below: meow's own report is two lines.
		return meow(helpText, {importMeta: import.meta, argv: withStdinMarkers(process.argv.slice(2)), allowUnknownFlags: true, flags: flagDefinitions});
	} catch (error) {
		// meow throws for a flag given twice ("The flag --post can only be set once.").
		fail(String((error as Error)?.message ?? error).split('\n')[0]!.replace(/^The flag/, 'the flag'), exitCodes.usage);
	}
}

const cli = parseArguments();

function fail(message: string, code: number): never {
	process.stderr.write(`blogterm: ${message}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	const {flags, input} = cli;
	if ((flags as Record<string, unknown>)['help'] === true) cli.showHelp(0);
	if ((flags as Record<string, unknown>)['version'] === true) cli.showVersion();
	const known = new Set<string>([...Object.keys(flagDefinitions), 'help', 'version']);
	const unknown = Object.keys(cli.unnormalizedFlags).filter(key => !known.has(key));
	if (unknown.length > 0) {
		const spelled = unknown.map(key => (key.length === 1 ? `-${key}` : `--${key.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`));
		fail(`unknown flag${spelled.length > 1 ? 's' : ''} ${spelled.join(', ')} (blogterm --help lists them)`, exitCodes.usage);
	}
	if (input.length > 1) fail(`expected one SITE, got ${input.length}: ${input.join(' ')}`, exitCodes.usage);
	for (const [name, value] of [['--per-page', flags.perPage], ['--page', flags.page], ['--width', flags.width]] as const) {
		if (value !== undefined && (!Number.isInteger(value) || value < 1)) fail(`${name} takes a whole number of at least 1`, exitCodes.usage);
	}
	if (flags.perPage !== undefined && flags.perPage > 100) fail('--per-page is at most 100 (WordPress\'s own limit)', exitCodes.usage);
	if (flags.width !== undefined && flags.width > maxWidth) fail(`--width is at most ${maxWidth} columns`, exitCodes.usage);
	const wantsPrint = flags.print || flags.list || flags.comment !== undefined || !process.stdout.isTTY;
	if (wantsPrint) {
		const {runScript} = await import('./script/run-script.js');
		process.exitCode = await runScript({site: input[0], flags});
		return;
	}
	if (!process.stdin.isTTY) {
		fail('the reader needs a terminal to read keys from; use --print, --list or --comment in scripts', exitCodes.usage);
	}
	const {runInteractive} = await import('./ui/run-interactive.js');
	process.exitCode = await runInteractive({site: input[0], flags});
}

// Whatever escapes (a damaged file before the reader starts, the demo server failing): one line, no stack trace.
await main().catch(async (error: unknown) => {
	const {describeFailure} = await import('./script/script-errors.js');
	const {exitCode, lines} = describeFailure(error);
	fail(lines[0] ?? 'something went wrong', exitCode);
});
