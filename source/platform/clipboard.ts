import {handedOnUrl} from '../render/link-url.js';

/*
The clipboard is written with OSC 52, which the terminal itself carries out (over ssh too). blogterm
builds the sequence here and nowhere else, only from a URL that passed handedOnUrl (http, https or
mailto, percent-encoded, printable ASCII), and only when the user pressed a key: text from a post never
reaches it, so a post can never write the clipboard.
*/

/** The OSC 52 sequence that puts `url` on the clipboard, or undefined when it is not an http, https or mailto URL. */
export function clipboardSequence(url: string): string | undefined {
	const target = handedOnUrl(url);
	if (target === undefined) return undefined;
	return `\u001B]52;c;${Buffer.from(target, 'utf8').toString('base64')}\u0007`;
}

/** Where the sequence goes: the terminal's output (the reader's stdout). */
export type ClipboardWriter = {write(sequence: string): unknown};

/**
 * Copies a link to the clipboard through the terminal. Resolves with what to tell the user: `Copied https://…`
 * (the URL as shown), or why it was not copied.
 */
export function copyLink(url: string, terminal: ClipboardWriter, shownAs: string): string {
	const sequence = clipboardSequence(url);
	if (sequence === undefined) return 'blogterm copies only http, https and mailto links.';
	terminal.write(sequence);
	return `Copied ${shownAs}`;
}
