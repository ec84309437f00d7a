import {render} from 'ink';
import {parsePostRef} from '../model/post.js';
import {exitCodes} from '../script/exit-codes.js';
import {openBlog} from '../sources/open-blog.js';
import {httpClientFor, resolveSite, type SiteFlags} from '../resolve-site.js';
import {MyComments} from '../store/my-comments.js';
import {ReadState} from '../store/read-state.js';
import {PostPasswords} from '../store/post-passwords.js';
import {setStoreNoticeSink} from '../store/settings-files.js';
import {App} from './app.js';
import {hyperlinkModeFromSettings, hyperlinksOn, parseHyperlinkMode} from '../platform/hyperlinks.js';

// The alternate screen, and bracketed paste: a paste arrives between ESC[200~ and ESC[201~, kept whole.
const enterAlternateScreen = '\u001B[?1049h\u001B[H\u001B[?2004h';
const leaveAlternateScreen = '\u001B[?2004l\u001B[?1049l';

/** What the reader is started with (the command line's flags; see cli.tsx). */
export type ReaderFlags = SiteFlags & {
	/** Open at this post (`--post`): its ID, slug or URL. */
	readonly post?: string;
	/** Posts per list page (`--per-page`, default 10). */
	readonly perPage?: number;
	/** `--hyperlinks auto|always|never` (checked by the command line); the setting when not given. */
	readonly hyperlinks?: string;
	/** `--password`: the password of the post opened with `--post`. */
	readonly password?: string;
};

/** The full-screen reader. Resolves with the exit code when the user quits. */
export async function runInteractive({site, flags}: {site: string | undefined; flags: ReaderFlags}): Promise<number> {
	const resolved = await resolveSite(site, flags);
	const http = httpClientFor(resolved);
	// Opened before the alternate screen: a note about a corrupt file stays on the normal screen.
	const readMarks = new ReadState();
	// Notes about blogterm's files (moved aside) would land in the middle of the screen: kept for the end.
	const notes: string[] = [];
	const restoreNoticeSink = setStoreNoticeSink(note => notes.push(note));
	// A full-screen reader: the terminal's own scrollback is left as it was when we quit.
	process.stdout.write(enterAlternateScreen);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.stdout.write(leaveAlternateScreen);
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
		const instance = render(
			<App
				site={resolved.url}
				openSource={(url, signal, options) => openBlog(http, url, {...options, signal})}
				perPage={flags.perPage ?? 10}
				initialPost={flags.post ? parsePostRef(flags.post) : undefined}
				readMarks={readMarks}
				myComments={new MyComments()}
				postPasswords={new PostPasswords()}
				hyperlinks={hyperlinksOn(parseHyperlinkMode(flags.hyperlinks ?? '') ?? hyperlinkModeFromSettings(), {printMode: false, stream: process.stdout})}
			/>,
			{exitOnCtrlC: true, maxFps: 60},
		);
		await instance.waitUntilExit();
		return exitCodes.ok;
	} finally {
		restore();
		process.off('exit', restore);
		process.off('SIGINT', restoreAndExit);
		process.off('SIGTERM', restoreAndExit);
		restoreNoticeSink();
		for (const note of notes) process.stderr.write(`blogterm: ${note}\n`);
		await resolved.close();
	}
}
