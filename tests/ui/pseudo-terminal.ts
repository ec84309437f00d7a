import {spawn} from 'node:child_process';
import {rmSync} from 'node:fs';
import {builtCli, ensureBuilt, homeForBuiltCli} from '../script/run-cli.js';
import {waitUntil} from '../helpers/poll.js';

/** The built blogterm in a real pseudo-terminal of a given size (util-linux `script`), its output kept raw. */
export type TerminalRun = {
	/** Everything written to the terminal so far, escape sequences and all. */
	output(): string;
	/** Waits until what was written since `from` (an offset in output()) holds `text`; gives it. */
	waitFor(text: string | RegExp, from?: number, timeoutMs?: number): Promise<string>;
	/** Types `keys`, and waits until what is written after them holds `text`; gives it. */
	typeAndWait(keys: string, text: string | RegExp): Promise<string>;
	/** Kills it and removes its home. */
	stop(): Promise<void>;
};

export function runInTerminal(args: readonly string[], {columns, rows, env = {}}: {columns: number; rows: number; env?: NodeJS.ProcessEnv}): TerminalRun {
	ensureBuilt();
	const home = homeForBuiltCli();
	const command = `stty rows ${rows} cols ${columns} && exec node ${[builtCli, ...args].map(argument => `'${argument}'`).join(' ')}`;
	const environment: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', BLOGTERM_HOME: home, ...env};
	// Ink draws frames as in a terminal only outside CI; colour and the screen reader as the test says.
	for (const name of ['CI', 'FORCE_COLOR', 'NO_COLOR', 'INK_SCREEN_READER']) if (!(name in env)) delete environment[name];
	const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {env: environment, stdio: ['pipe', 'pipe', 'pipe']});
	let output = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		output += chunk;
	});
	const exited = new Promise<void>(resolve => {
		child.on('close', () => resolve());
	});
	return {
		output: () => output,
		async waitFor(text, from = 0, timeoutMs = 10_000) {
			return waitUntil(() => output.slice(from), written => (typeof text === 'string' ? written.includes(text) : text.test(written)), `the terminal shows ${String(text)}`, timeoutMs);
		},
		async typeAndWait(keys, text) {
			const from = output.length;
			child.stdin.write(keys);
			return this.waitFor(text, from);
		},
		async stop() {
			child.kill('SIGTERM');
			await exited;
			rmSync(home, {recursive: true, force: true});
		},
	};
}

/** How many rows each of Ink's erases before a redraw wiped (it erases the last frame line by line: ESC[2K, up, …). */
export function erasedRows(written: string): number[] {
	return (written.match(/(?:\u001B\[2K\u001B\[1A)+\u001B\[2K\u001B\[G/g) ?? []).map(erase => erase.split('\u001B[2K').length - 1);
}
