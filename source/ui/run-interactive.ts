import {setStoreNoticeSink} from '../store/settings-files.js';
import {blogtermPaths, type BlogtermPaths} from '../store/paths.js';
import {setting} from '../store/settings.js';
import {settingDefinitions} from '../store/settings-schema.js';
import {hyperlinkModeFromSettings, hyperlinksOn, parseHyperlinkMode} from '../platform/hyperlinks.js';
import type {FullTextStore} from '../full-text/full-text-store.js';
import type {SiteFlags} from '../resolve-site.js';
import {mouseReportingOff, mouseReportingOn} from './hooks/mouse.js';

// The reader (`blogterm SITE`, run-reader.tsx) and the home screen (home/run-home.ts) are loaded only
// when chosen: the home screen's first frame needs neither the reader's screens nor the network, nor
// Ink and React (run-home.ts draws it before they load): nothing here imports them.

// The alternate screen, and bracketed paste: a paste arrives between ESC[200~ and ESC[201~, kept whole.
const enterAlternateScreen = '\u001B[?1049h\u001B[H\u001B[?2004h';
const leaveAlternateScreen = '\u001B[?2004l\u001B[?1049l';

/** What the reader is started with (the command line's flags; see cli.tsx). */
export type ReaderFlags = SiteFlags & {
	/** Open at this post (`--post`): its ID, slug or URL. */
	readonly post?: string;
	/** Posts per list page (`--per-page`; by default as many as the terminal shows, 10 to 100, following its size). */
	readonly perPage?: number;
	/** `--hyperlinks auto|always|never` (checked by the command line); the setting when not given. */
	readonly hyperlinks?: string;
	/** `--password`: the password of the post opened with `--post`. */
	readonly password?: string;
	/** `--full-text` with `--post`: that post, if summary-only, read whole from its page at once (as F does). */
	readonly fullText?: boolean;
	/** `--screen-reader`: Ink's screen-reader mode (without it, the setting, then Ink's own test: INK_SCREEN_READER=true). */
	readonly screenReader?: boolean;
	/** `--mouse` (`--no-mouse`): the terminal reports the wheel and clicks to the reader; the setting when not given. */
	readonly mouse?: boolean;
};

/** Said under the demo blog when no blog is followed. */
export const followHint = 'No blogs followed yet: blogterm --follow URL follows one.';

/**
 * How often the home screen refreshes every blog, in minutes (0: only on start and r): BLOGTERM_REFRESH_MINUTES,
 * else `"refreshInterval"` in config.json, else 30.
 */
export function refreshMinutes(environment: NodeJS.ProcessEnv = process.env): number {
	const fromEnvironment = environment['BLOGTERM_REFRESH_MINUTES'];
	if (fromEnvironment !== undefined && fromEnvironment.trim() !== '') {
		const minutes = Number(fromEnvironment);
		if (Number.isFinite(minutes) && minutes >= 0) return minutes;
	}
	return setting('refreshInterval', environment) ?? settingDefinitions.refreshInterval.schema.default;
}

/** Posts on a list page: --per-page, else `"listRows"` in config.json; undefined: as many as the terminal shows, as it is resized. */
export function listPageSize(flags: ReaderFlags): number | undefined {
	return flags.perPage ?? setting('listRows');
}

/**
 * Whether the reader runs in Ink's screen-reader mode: `--screen-reader`, else `"screenReader"` in
 * config.json, else what the environment says (INK_SCREEN_READER=true, as Ink's isScreenReaderEnabled reads it).
 */
export function screenReaderOn(flag: boolean | undefined, environment: NodeJS.ProcessEnv = process.env): boolean {
	if (flag === true) return true;
	return setting('screenReader', environment) ?? environment['INK_SCREEN_READER'] === 'true';
}

/**
 * Whether the reader takes the mouse: `--mouse` or `--no-mouse`, else `"mouse": true` in config.json,
 * else off (the terminal's own selection, copy and paste work as usual).
 */
export function mouseOn(flags: Pick<ReaderFlags, 'mouse'>, environment: NodeJS.ProcessEnv = process.env): boolean {
	if (flags.mouse !== undefined) return flags.mouse;
	return setting('mouse', environment) ?? false;
}

/**
 * The full-screen reader. Resolves with the exit code when the user quits. Without SITE (and without
 * --demo, --demo-feed, --post), the home screen when a blog is followed; the demo blog otherwise.
 */
export async function runInteractive({site, flags}: {site: string | undefined; flags: ReaderFlags}): Promise<number> {
	const chooseHome = !site && !flags.demo && !flags.demoFeed && !flags.post;
	if (chooseHome) {
		const paths = blogtermPaths();
		// Without a database yet (a new user), answered without loading SQLite. The store is opened here,
		// before the alternate screen (a note about the database stays on the normal screen), and the home
		// screen keeps this connection.
		const {openIfFollowing} = await import('../subscriptions/follows-any-blog.js');
		const subscriptions = await openIfFollowing(paths);
		if (subscriptions) {
			const {runHome} = await import('./home/run-home.js');
			return runHome(flags, paths, subscriptions);
		}
	}
	const {runReader} = await import('./run-reader.js');
	return runReader({site, flags, note: chooseHome ? followHint : undefined});
}

/** Articles read from posts' pages, kept in the store (a connection of its own; WAL lets both read and write). */
export async function openFullTexts(paths: BlogtermPaths): Promise<{fullTexts: FullTextStore; closeFullTexts: () => void}> {
	const [{openDatabase}, {storeFullTexts}] = await Promise.all([import('../store/db.js'), import('../store/full-texts-table.js')]);
	const db = openDatabase(paths);
	return {fullTexts: storeFullTexts(db), closeFullTexts: () => db.close()};
}

/** OSC 8 links in the reader: --hyperlinks, else the setting, else whether the terminal supports them. */
export function hyperlinksFor(flags: ReaderFlags): boolean {
	return hyperlinksOn(parseHyperlinkMode(flags.hyperlinks ?? '') ?? hyperlinkModeFromSettings(), {printMode: false, stream: process.stdout});
}

/** What the terminal is told as the reader starts, and as it ends: the mouse's reports only when it is on. */
export function fullScreenCodes(mouse: boolean): {readonly enter: string; readonly leave: string} {
	return mouse
		? {enter: enterAlternateScreen + mouseReportingOn, leave: mouseReportingOff + leaveAlternateScreen}
		: {enter: enterAlternateScreen, leave: leaveAlternateScreen};
}

/**
 * Runs a screen on the alternate screen, and leaves the terminal as it was found, whatever happens
 * (the mouse's reports off too, or the shell would get them as text).
 */
export async function inFullScreen(run: () => Promise<number>, close: () => Promise<void> | void, options: {readonly mouse?: boolean; readonly stdout?: {write(data: string): unknown}} = {}): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	const codes = fullScreenCodes(options.mouse === true);
	// Notes about blogterm's files (moved aside) would land in the middle of the screen: kept for the end.
	const notes: string[] = [];
	const restoreNoticeSink = setStoreNoticeSink(note => notes.push(note));
	// A full-screen reader: the terminal's own scrollback is left as it was when we quit.
	stdout.write(codes.enter);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(codes.leave);
	};
	// Killed by a signal, the terminal is left as it was found too (a crash goes through 'exit'): no paste markers in the shell.
	const restoreAndExit = (signal: NodeJS.Signals) => {
		restore();
		process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
	};
	process.once('exit', restore);
	process.once('SIGINT', restoreAndExit);
	process.once('SIGTERM', restoreAndExit);

	try {
		return await run();
	} finally {
		restore();
		process.off('exit', restore);
		process.off('SIGINT', restoreAndExit);
		process.off('SIGTERM', restoreAndExit);
		restoreNoticeSink();
		for (const note of notes) process.stderr.write(`blogterm: ${note}\n`);
		await close();
	}
}
