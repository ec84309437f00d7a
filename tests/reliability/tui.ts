import {press, waitForText} from '../ui/helpers.js';

/** Gives ink-testing-library's fake terminal a size and tells Ink it changed. */
export function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.EventEmitter).emit('resize');
}

type Rendered = {lastFrame(): string | undefined; stdin: {write(data: string): void}};

/**
 * Presses a key until `text` shows. A screen that has just appeared listens for keys a moment after
 * its first frame (Ink subscribes in an effect); a key pressed in between is lost, as it would be for a
 * person pressing it at that very instant. Only for keys that are harmless to repeat.
 */
export async function pressUntil(rendered: Rendered, key: string, text: string | RegExp, attempts = 10): Promise<string> {
	for (let attempt = 0; attempt < attempts; attempt++) {
		await press(rendered, key);
		try {
			return await waitForText(rendered, text, 400);
		} catch {
			// Not yet: again.
		}
	}
	return waitForText(rendered, text, 0);
}
