import {spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';

/*
Writing a comment in the user's own editor, as `git commit` does: the text goes to a private file,
`$VISUAL`, else `$EDITOR`, else `vi` is started on it with the terminal, and what it saves comes back.
The editor is started with the file as one argument: directly when the variable names a program, or,
when it holds arguments of its own ("code --wait", "vim -u NONE"), through `sh -c '<variable> "$@"'`
with the file as "$1", so the shell reads only the user's own variable and never the file's name.
*/

/** What became of the text: saved (the new text), left empty, or the editor failed (in words). */
export type EditorOutcome =
	| {readonly kind: 'saved'; readonly text: string}
	| {readonly kind: 'empty'; readonly message: string}
	| {readonly kind: 'failed'; readonly message: string};

/** The editor the user asked for: `$VISUAL`, else `$EDITOR`, else `vi`. */
export function editorFromEnvironment(environment: NodeJS.ProcessEnv): string {
	for (const name of ['VISUAL', 'EDITOR'] as const) {
		const value = environment[name]?.trim();
		if (value) return value;
	}
	return 'vi';
}

/** How to start `editor` on `file`: a program with the file as its one argument, or the user's variable through sh with the file as "$1". */
export function editorInvocation(editor: string, file: string): {readonly command: string; readonly args: readonly string[]} {
	// A plain program name or path: no shell at all.
	if (/^[\w./@+-]+$/u.test(editor)) return {command: editor, args: [file]};
	return {command: '/bin/sh', args: ['-c', `${editor} "$@"`, editor, file]};
}

export type EditTextOptions = {
	/** Where $VISUAL and $EDITOR are read (default process.env). */
	readonly environment?: NodeJS.ProcessEnv;
	/** Runs around the editor: hands the terminal over and takes it back (the reader's part). */
	readonly handOver?: <T>(run: () => T) => T;
	/** The file's name ends so (an editor picks its mode from it). */
	readonly extension?: string;
	/** Starts the editor (default spawnSync with the terminal): tests watch it. */
	readonly spawn?: (command: string, args: readonly string[]) => Pick<SpawnSyncReturns<Buffer>, 'status' | 'signal' | 'error'>;
};

const defaultSpawn: NonNullable<EditTextOptions['spawn']> = (command, args) => spawnSync(command, args, {stdio: 'inherit'});

/** The one line an editor adds at the end, and the ends of lines as Windows editors write them: not the user's text. */
function savedText(text: string): string {
	return text.replaceAll('\r\n', '\n').replace(/\n+$/u, '');
}

/**
 * Opens `text` in the user's editor and waits for it (the terminal is the editor's meanwhile). A text
 * saved empty (or only white space), or an editor that fails, changes nothing: said in words.
 */
export function editText(text: string, options: EditTextOptions = {}): EditorOutcome {
	const editor = editorFromEnvironment(options.environment ?? process.env);
	const folder = mkdtempSync(join(tmpdir(), 'blogterm-comment-'));
	const file = join(folder, `comment${options.extension ?? '.txt'}`);
	try {
		writeFileSync(file, text === '' || text.endsWith('\n') ? text : `${text}\n`, {mode: 0o600});
		const {command, args} = editorInvocation(editor, file);
		const spawn = options.spawn ?? defaultSpawn;
		const handOver = options.handOver ?? (<T>(run: () => T) => run());
		const result = handOver(() => spawn(command, args));
		// Its program's name: "vim", not "/usr/local/bin/vim -u NONE".
		const program = basename(editor.split(/\s+/u)[0] ?? editor);
		const name = program.length > 30 ? `${program.slice(0, 29)}…` : program;
		if (result.error) {
			const code = (result.error as NodeJS.ErrnoException).code;
			const why = code === 'ENOENT' ? 'there is no such program' : code ?? result.error.message;
			return {kind: 'failed', message: `The editor “${name}” could not be started (${why}): your comment is as it was. Set $VISUAL or $EDITOR.`};
		}
		if (result.status !== 0) {
			const how = result.signal ? `was stopped (${result.signal})` : `exited with status ${result.status ?? 'unknown'}`;
			return {kind: 'failed', message: `The editor “${name}” ${how}: your comment is as it was.`};
		}
		let saved: string;
		try {
			saved = savedText(readFileSync(file, 'utf8'));
		} catch {
			return {kind: 'failed', message: 'The editor left no file to read: your comment is as it was.'};
		}
		if (saved.trim() === '') return {kind: 'empty', message: 'The editor left the comment empty: your comment is as it was.'};
		return {kind: 'saved', text: saved};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {kind: 'failed', message: `The comment could not be written for the editor${code ? ` (${code})` : ''}: it is as it was.`};
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
