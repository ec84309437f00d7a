import {press, waitForText} from '../ui/helpers.js';

/** Gives ink-testing-library's fake terminal a size and tells Ink it changed. */
export function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.EventEmitter).emit('resize');
}

type Rendered = {lastFrame(): string | undefined; stdin: {write(data: string): void}};

/** Presses a key once, then waits until `text` shows (failing with the last frame seen). */
export async function pressAndWaitFor(rendered: Rendered, key: string, text: string | RegExp): Promise<string> {
	await press(rendered, key);
	return waitForText(rendered, text);
}
