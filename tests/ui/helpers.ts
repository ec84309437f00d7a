import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after} from 'node:test';
import {render} from 'ink-testing-library';
import React, {type ReactElement} from 'react';
import stripAnsi from 'strip-ansi';
import {KeyRouterProvider} from '../../source/ui/hooks/use-keys.js';
import {waitUntil} from '../helpers/poll.js';
import {withEnvironment} from '../helpers/environment.js';

type Rendered = {lastFrame(): string | undefined; stdin: {write(data: string): void}};

/** The last frame without colour codes. */
export function frameText(rendered: Rendered): string {
	return stripAnsi(rendered.lastFrame() ?? '');
}

/** Polls the last frame until `predicate` holds; fails with the frame it last saw. Never sleeps a fixed time. */
export async function waitForFrame(rendered: Rendered, predicate: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
	return waitUntil(() => frameText(rendered), predicate, 'the frame matches', timeoutMs);
}

/** Waits until the frame shows `text`. */
export async function waitForText(rendered: Rendered, text: string | RegExp, timeoutMs?: number): Promise<string> {
	return waitForFrame(rendered, frame => (typeof text === 'string' ? frame.includes(text) : text.test(frame)), timeoutMs);
}

/** A screen on its own, with keys read as the app reads them (split into keys, one by one, in order). */
export function renderWithKeys(tree: ReactElement): ReturnType<typeof render> {
	return render(React.createElement(KeyRouterProvider, null, tree));
}

/** Presses each key once, one write each, a moment apart (as a person types). */
export async function press(rendered: Rendered, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		rendered.stdin.write(key);
		await new Promise(resolve => setTimeout(resolve, 15));
	}
}

/** Writes all the keys in ONE write, as a terminal hands over what piled up during a busy moment. */
export function pressTogether(rendered: Rendered, ...keys: string[]): void {
	rendered.stdin.write(keys.join(''));
}

export const keys = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
} as const;

/** Polls a condition (something the app did, not a frame) until it holds. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	await waitUntil(condition, Boolean, what, timeoutMs);
}

/** Gives ink-testing-library's fake terminal a size and tells Ink it changed. */
export function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.EventEmitter).emit('resize');
}

/**
 * Points $BROWSER, for the tests of the suite it is called in (inside a `describe`, as `withEnvironment`),
 * at a script that writes down each call as `count|arguments` (put back, and the script removed, in the
 * suite's `after`). `calls()` reads them; `forget()` clears them. Never at a file's top level: it would
 * point $BROWSER at this file's script for every file sharing the process (scripts/run-tests.mjs).
 */
export function fakeBrowser(): {calls(): string[]; forget(): void} {
	const folder = mkdtempSync(join(tmpdir(), 'blogterm-browser-'));
	const log = join(folder, 'browser.log');
	const script = join(folder, 'browser.sh');
	writeFileSync(script, `#!/bin/sh\nprintf '%s|%s\\n' "$#" "$*" >> '${log}'\n`);
	chmodSync(script, 0o755);
	withEnvironment({BROWSER: script});
	after(() => rmSync(folder, {recursive: true, force: true}));
	return {
		calls() {
			try {
				return readFileSync(log, 'utf8').split('\n').filter(Boolean);
			} catch {
				return [];
			}
		},
		forget: () => rmSync(log, {force: true}),
	};
}

/** The terminal's report of the wheel (up or down) or of a left press, at a row and column counted from 0. */
export const mouse = {
	wheelDown: (row = 5, column = 10) => `\u001B[<65;${column + 1};${row + 1}M`,
	wheelUp: (row = 5, column = 10) => `\u001B[<64;${column + 1};${row + 1}M`,
	click: (row: number, column = 10) => `\u001B[<0;${column + 1};${row + 1}M\u001B[<0;${column + 1};${row + 1}m`,
};
