import {spawn} from 'node:child_process';
import {setting} from '../store/settings.js';

/** Where the command that opens a URL came from: said when it cannot be started. */
type OpenerOrigin = 'config' | 'environment' | 'system';

/** The command that opens a URL on this platform: `"browser"` in config.json (split at spaces), else `$BROWSER`, else the system's opener. */
function openerFor(platform: NodeJS.Platform, environment: NodeJS.ProcessEnv): {command: string; args: string[]; origin: OpenerOrigin} {
	const [command, ...args] = (setting('browser', environment) ?? '').trim().split(/\s+/);
	if (command) return {command, args, origin: 'config'};
	const browser = environment['BROWSER'];
	if (browser) return {command: browser, args: [], origin: 'environment'};
	if (platform === 'darwin') return {command: 'open', args: [], origin: 'system'};
	// `start` is a cmd builtin; explorer.exe opens a URL without a shell parsing it.
	if (platform === 'win32') return {command: 'explorer.exe', args: [], origin: 'system'};
	return {command: 'xdg-open', args: [], origin: 'system'};
}

/** Why the opener could not start, and what to do about it. */
function notStarted(command: string, origin: OpenerOrigin, error: NodeJS.ErrnoException): string {
	if (error.code !== 'ENOENT') return `Could not start ${command}: ${error.code ?? error.message}`;
	// Short: said on the status line, beside the reader's place.
	if (origin === 'config') return `config.json's browser (${command}) was not found.`;
	if (origin === 'environment') return `$BROWSER (${command}) was not found.`;
	return `No browser found (${command}).`;
}

/**
 * Opens an http, https or mailto URL in the user's browser. The URL is passed as one argument,
 * never through a shell. Resolves with an error message in words, or undefined when it started.
 */
export async function openUrl(url: string, platform: NodeJS.Platform = process.platform, environment: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'That is not a web address.';
	}
	if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) return `blogterm opens only http, https and mailto addresses, not ${parsed.protocol}`;
	const {command, args, origin} = openerFor(platform, environment);
	return new Promise(resolve => {
		const child = spawn(command, [...args, parsed.toString()], {stdio: 'ignore', detached: true, shell: false});
		child.once('error', error => resolve(notStarted(command, origin, error)));
		child.once('spawn', () => {
			child.unref();
			resolve(undefined);
		});
	});
}
