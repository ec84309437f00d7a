import {press, waitForText} from '../ui/helpers.js';

type Rendered = {lastFrame(): string | undefined; stdin: {write(data: string): void}};

/** Presses a key once, then waits until `text` shows (failing with the last frame seen). */
export async function pressAndWaitFor(rendered: Rendered, key: string, text: string | RegExp): Promise<string> {
	await press(rendered, key);
	return waitForText(rendered, text);
}
