import {randomBytes} from 'node:crypto';
import {chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {basename, dirname} from 'node:path';

/*
blogterm's files (read state, saved identity, drafts, the cache) can be cut short by a full disk, or
edited by hand. One that cannot be read is moved aside (`read-state.json.corrupt-<time>`), with a note
saying so, and blogterm starts that file afresh: never a crash, and never touching the other files.
*/

/** Every file blogterm writes is the user's alone (what they read, wrote and are called): read and written by them only… */
export const privateFileMode = 0o600;
/** …in folders only they can list. */
export const privateFolderMode = 0o700;

/**
 * Takes group and world access away from a file or folder of blogterm's made before it created them
 * private (read-state.json was world-readable). Best effort: a file that cannot be changed stays as it is.
 */
export function keepPrivate(path: string, mode: number): void {
	try {
		if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, mode);
	} catch {
		// Missing, or not ours to change: writing it will say what is wrong.
	}
}

/** Creates a folder of blogterm's (and any missing above it) readable by the user only; tightens one that exists. */
export function makePrivateFolder(path: string): void {
	mkdirSync(path, {recursive: true, mode: privateFolderMode});
	keepPrivate(path, privateFolderMode);
}

type NoticeSink = (message: string) => void;

let sink: NoticeSink | undefined;

/**
 * Where notes about moved files go. By default each is one line on stderr, `blogterm: …`; the
 * full-screen reader collects them instead (stderr would land in the middle of its screen).
 * Returns a function that puts the previous sink back.
 */
export function setStoreNoticeSink(next: NoticeSink | undefined): () => void {
	const previous = sink;
	sink = next;
	return () => {
		sink = previous;
	};
}

/** Tells the user about a problem with one of blogterm's files. */
export function noteStoreProblem(message: string): void {
	if (sink) {
		sink(message);
		return;
	}
	try {
		process.stderr.write(`blogterm: ${message}\n`);
	} catch {
		// stderr closed: nobody to tell.
	}
}

/** `2026-11-25T19-53-00.123Z`: a time that is a valid part of a file name everywhere. */
function fileStamp(): string {
	return new Date().toISOString().replaceAll(':', '-');
}

/**
 * Renames `path` to `path.corrupt-<time>` next to it. Resolves with the new path, or undefined when
 * the file was already gone (another blogterm moved it first).
 */
export function moveAside(path: string): string | undefined {
	const target = `${path}.corrupt-${fileStamp()}`;
	try {
		renameSync(path, target);
		return target;
	} catch {
		return undefined;
	}
}

/** Moves a file aside and says so: "read-state.json could not be read (not valid JSON); moved it to … and started afresh." */
export function moveAsideWithNotice(path: string, what: string, reason: string): string | undefined {
	const target = moveAside(path);
	if (target) noteStoreProblem(`${what} (${basename(path)}) could not be read (${reason}); moved it to ${target} and started afresh.`);
	return target;
}

/**
 * Reads a JSON file of the shape `isValid` expects: `absent` when there is none (or it cannot be read,
 * which writing will report); one that is not JSON, or not that shape, is moved aside with a note
 * (`moved`).
 */
export function readJsonFile<T>(path: string, what: string, isValid: (value: unknown) => value is T): {readonly value: T} | 'absent' | 'moved' {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return 'absent';
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		moveAsideWithNotice(path, what, text.trim() === '' ? 'it is empty' : 'not valid JSON');
		return 'moved';
	}
	if (!isValid(value)) {
		moveAsideWithNotice(path, what, 'not what blogterm wrote there');
		return 'moved';
	}
	return {value};
}

/**
 * Checks a JSON file before anything reads it: one that is not JSON, or not the shape `isValid`
 * expects, is moved aside with a note. A missing file is fine. True when the file is usable (or absent).
 */
export function checkJsonFile(path: string, what: string, isValid: (value: unknown) => boolean): boolean {
	return readJsonFile(path, what, (value): value is unknown => isValid(value)) !== 'moved';
}

/** True for a plain object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes a JSON file the user's alone (0600, in a 0700 folder made when missing), whole or not at all:
 * a temporary file renamed over it, so another blogterm never reads half of one. Undefined when written;
 * when not, the reason's code (`ENOSPC`, `EACCES`; '' when there is none) for the caller's note.
 */
export function writePrivateJsonFile(path: string, value: unknown): string | undefined {
	const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		mkdirSync(dirname(path), {recursive: true, mode: privateFolderMode});
		writeFileSync(temporary, `${JSON.stringify(value)}\n`, {mode: privateFileMode});
		renameSync(temporary, path);
		return undefined;
	} catch (error) {
		rmSync(temporary, {force: true});
		return (error as {code?: string})?.code ?? '';
	}
}
