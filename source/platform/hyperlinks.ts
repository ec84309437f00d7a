import {setting} from '../store/settings.js';

/** Whether links are OSC 8 hyperlinks: `--hyperlinks`, or `"hyperlinks"` in config.json. */
export type HyperlinkMode = 'auto' | 'always' | 'never';

export const hyperlinkModes: readonly HyperlinkMode[] = ['auto', 'always', 'never'];

export function parseHyperlinkMode(text: string): HyperlinkMode | undefined {
	const wanted = text.trim().toLowerCase();
	return hyperlinkModes.find(mode => mode === wanted);
}

/** `"hyperlinks": "auto" | "always" | "never"` in config.json; auto when absent (or not one of those, which is said as the file is read). */
export function hyperlinkModeFromSettings(environment: NodeJS.ProcessEnv = process.env): HyperlinkMode {
	return setting('hyperlinks', environment) ?? 'auto';
}

function version(text: string | undefined): number[] {
	return (text ?? '').split(/[.-]/).map(part => Number.parseInt(part, 10) || 0);
}

function atLeast(found: number[], wanted: number[]): boolean {
	for (let index = 0; index < wanted.length; index++) {
		const a = found[index] ?? 0;
		if (a !== wanted[index]) return a > wanted[index]!;
	}
	return true;
}

/**
 * Whether the terminal is known to make OSC 8 hyperlinks clickable: the rules of the `supports-hyperlinks`
 * package (FORCE_HYPERLINK; not on a pipe, in CI or a dumb terminal; iTerm2 3.1+, WezTerm, VS Code 1.72+,
 * Ghostty, VTE 0.50.1+ terminals, Windows Terminal, kitty, Alacritty, Konsole, DomTerm).
 */
export function terminalSupportsHyperlinks(stream: {readonly isTTY?: boolean}, environment: NodeJS.ProcessEnv = process.env): boolean {
	const force = environment['FORCE_HYPERLINK'];
	if (force !== undefined) return !(force.length > 0 && Number.parseInt(force, 10) === 0);
	if (!stream.isTTY) return false;
	if (environment['TERM'] === 'dumb' || environment['NO_COLOR']) return false;
	if ('CI' in environment || 'TEAMCITY_VERSION' in environment) return false;
	if (environment['WT_SESSION'] || environment['KONSOLE_VERSION'] || environment['DOMTERM']) return true;
	const program = environment['TERM_PROGRAM'];
	const programVersion = version(environment['TERM_PROGRAM_VERSION']);
	if (program === 'iTerm.app') return atLeast(programVersion, [3, 1]);
	if (program === 'WezTerm') return atLeast(programVersion, [20_200_620]);
	if (program === 'vscode') return atLeast(programVersion, [1, 72]);
	if (program === 'ghostty') return true;
	const vte = environment['VTE_VERSION'];
	// 0.50.0 had a bug that crashed on hyperlinks.
	if (vte) return vte !== '0.50.0' && (vte.includes('.') ? atLeast(version(vte), [0, 50, 1]) : Number.parseInt(vte, 10) >= 5000 && vte !== '5000');
	const term = environment['TERM'];
	return term === 'xterm-kitty' || term === 'alacritty' || term === 'xterm-ghostty';
}

/** Whether to write hyperlinks: never, always, or (auto) in the reader when the terminal supports them; never in print mode unless `always`. */
export function hyperlinksOn(mode: HyperlinkMode, where: {readonly printMode: boolean; readonly stream: {readonly isTTY?: boolean}; readonly environment?: NodeJS.ProcessEnv}): boolean {
	if (mode !== 'auto') return mode === 'always';
	return !where.printMode && terminalSupportsHyperlinks(where.stream, where.environment);
}
