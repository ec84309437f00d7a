import {useStdin, useStdout} from 'ink';
import {useCallback} from 'react';
import {mouseReportingOff, mouseReportingOn} from '../hooks/mouse.js';
import {useMouseOn} from '../hooks/use-keys.js';

/*
Handing the terminal to another program (the user's editor) and taking it back, as `git commit` and
mutt do: the reader's screen is left (raw mode off, the cursor shown, the alternate screen and
bracketed paste off) before it starts, and after it ends the reader's screen comes back and is drawn
again whole. The program runs synchronously: while it does, blogterm reads no key, so what is typed
goes to it, and none of it reaches the reader afterwards.
*/

/** What the hand-over touches of the terminal (Ink's stdin and stdout, or a test's). */
export type HandOverStreams = {
	readonly stdin: {readonly isTTY?: boolean; readonly isRaw?: boolean; setRawMode?: (raw: boolean) => unknown};
	readonly stdout: {write(data: string): unknown};
	/** Draws the reader's last frame again, whole (Ink's own stdout write does). */
	readonly redraw?: () => void;
	/** The mouse is on: its reports stop while the editor runs (they would be typed into it) and start again after. */
	readonly mouse?: boolean;
};

export const leaveReaderScreen = '\u001B[?2004l\u001B[?25h\u001B[?1049l';
export const enterReaderScreen = '\u001B[?1049h\u001B[H\u001B[2J\u001B[?2004h\u001B[?25l';

/** Runs `run` with the terminal handed over, and takes it back whatever happens. */
export function handOverTerminal<T>(streams: HandOverStreams, run: () => T): T {
	const {stdin, stdout} = streams;
	const wasRaw = stdin.isTTY === true && stdin.isRaw === true;
	if (wasRaw) stdin.setRawMode?.(false);
	stdout.write(streams.mouse ? mouseReportingOff + leaveReaderScreen : leaveReaderScreen);
	try {
		return run();
	} finally {
		stdout.write(streams.mouse ? enterReaderScreen + mouseReportingOn : enterReaderScreen);
		if (wasRaw) stdin.setRawMode?.(true);
		streams.redraw?.();
	}
}

/** `handOverTerminal` over Ink's own terminal. */
export function useTerminalHandOver(): <T>(run: () => T) => T {
	const {stdin} = useStdin();
	const {stdout, write} = useStdout();
	const mouse = useMouseOn();
	return useCallback(<T>(run: () => T) => handOverTerminal({stdin, stdout, redraw: () => write(''), mouse}, run), [stdin, stdout, write, mouse]);
}
