import {linkSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {blogtermPaths} from './paths.js';
import {isPlainObject, makePrivateFolder, noteStoreProblem, privateFileMode} from './settings-files.js';
import {checkSettingsText, type SettingName, type Settings} from './settings-schema.js';

/*
The settings file: config.json in blogterm's config folder (`~/.config/blogterm/config.json`, as conf
names it for the project "blogterm"; XDG_CONFIG_HOME and BLOGTERM_HOME are honoured), written by the
user and read through conf against a JSON schema (./settings-schema.ts, ./settings-conf.ts). blogterm
never writes it, except once to carry over the settings.json of earlier versions; without it, every
setting has its default and conf is not even loaded. It is read once at start (`loadSettings`, by the
command line before anything else), and each problem in it is said there in one line.
*/

/** The settings file: `config.json` in blogterm's config folder. */
export function settingsPath(environment: NodeJS.ProcessEnv = process.env): string {
	return join(blogtermPaths(environment).config, 'config.json');
}

/** What earlier versions read: `settings.json` beside it, carried over once, then renamed `.migrated`. */
function oldSettingsPath(environment: NodeJS.ProcessEnv = process.env): string {
	return join(blogtermPaths(environment).config, 'settings.json');
}

type Loaded = {
	/** The file's text as read (undefined: no file). */
	readonly text: string | undefined;
	readonly settings: Partial<Record<SettingName, unknown>>;
};

/** By settings file path: what was read there last. */
const loaded = new Map<string, Loaded>();

/**
 * Carries settings.json over to config.json when there is no config.json yet: its entries as they were
 * (`refreshMinutes` renamed `refreshInterval`; a file that is no JSON object copied as it is, to be
 * mended there), then settings.json renamed settings.json.migrated, and a line saying so. Two blogterms
 * starting at once carry it over once: config.json is made only where there is none.
 */
function carryOver(environment: NodeJS.ProcessEnv): void {
	const from = oldSettingsPath(environment);
	const to = settingsPath(environment);
	let text: string;
	try {
		text = readFileSync(from, 'utf8');
	} catch {
		return;
	}
	let carried = text;
	try {
		const old = JSON.parse(text) as unknown;
		if (isPlainObject(old)) {
			const {refreshMinutes, ...rest} = old;
			carried = `${JSON.stringify(refreshMinutes === undefined || 'refreshInterval' in rest ? old : {...rest, refreshInterval: refreshMinutes}, null, '\t')}\n`;
		}
	} catch {
		// Not JSON: copied as it is, and config.json says so at every start until it is mended.
	}
	const temporary = `${to}.${process.pid}.tmp`;
	try {
		makePrivateFolder(blogtermPaths(environment).config);
		writeFileSync(temporary, carried, {mode: privateFileMode});
		linkSync(temporary, to); // Fails when config.json exists: never written over.
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') noteStoreProblem(`your settings could not be carried over from ${from} to ${to} (${(error as NodeJS.ErrnoException).code ?? 'error'}); settings.json is read no more.`);
		return;
	} finally {
		rmSync(temporary, {force: true});
	}
	try {
		renameSync(from, `${from}.migrated`);
	} catch {
		// Already renamed by another blogterm, or not ours to rename: config.json is what is read now.
	}
	noteStoreProblem(`your settings were carried over from ${from} to ${to}; the old file is kept as settings.json.migrated.`);
}

/** config.json's text, after carrying settings.json over when there is none; undefined without a file (or unreadable: said). */
function readText(environment: NodeJS.ProcessEnv): string | undefined {
	const path = settingsPath(environment);
	for (let attempt = 0; ; attempt++) {
		try {
			return readFileSync(path, 'utf8');
		} catch (error) {
			const {code} = error as NodeJS.ErrnoException;
			if (code !== 'ENOENT') noteStoreProblem(`${path} could not be read (${code ?? 'error'}); every setting has its default.`);
			if (code !== 'ENOENT' || attempt > 0) return undefined;
			carryOver(environment);
		}
	}
}

/**
 * Reads the settings file through conf (after carrying settings.json over, once), and says each problem
 * in it in one line: a value its schema does not allow keeps the default, an entry that is no setting is
 * left out. The command line calls it once, before anything reads a setting; read again only when the
 * file's text has changed. conf is loaded only when there is a file. Never throws.
 */
export async function loadSettings(environment: NodeJS.ProcessEnv = process.env): Promise<void> {
	const path = settingsPath(environment);
	const text = readText(environment);
	if (loaded.has(path) && loaded.get(path)!.text === text) return;
	if (text === undefined) {
		loaded.set(path, {text, settings: {}});
		return;
	}
	let settings: Loaded['settings'] = {};
	try {
		const {readSettingsThroughConf} = await import('./settings-conf.js');
		const read = readSettingsThroughConf(blogtermPaths(environment).config, path);
		settings = read.settings;
		for (const problem of read.problems) noteStoreProblem(problem);
	} catch (error) {
		// Unreadable, or conf refusing what the checks let through: the defaults, said.
		noteStoreProblem(`${path} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); every setting has its default.`);
	}
	loaded.set(path, {text, settings});
}

/**
 * The settings as loaded; read here, with the same checks and notes but without conf, by code that runs
 * without the command line's `loadSettings` before it (a test, a module used on its own).
 */
function loadedFor(environment: NodeJS.ProcessEnv): Loaded {
	const path = settingsPath(environment);
	const found = loaded.get(path);
	if (found) return found;
	const text = readText(environment);
	let settings: Loaded['settings'] = {};
	if (text !== undefined) {
		const checked = checkSettingsText(text, path);
		settings = checked.settings;
		for (const problem of checked.problems) noteStoreProblem(problem);
	}
	const read = {text, settings};
	loaded.set(path, read);
	return read;
}

/** A setting as config.json gives it, checked against its schema; undefined when it is not there (or not allowed), so the default stands. */
export function setting<Name extends SettingName>(name: Name, environment: NodeJS.ProcessEnv = process.env): Settings[Name] | undefined {
	return loadedFor(environment).settings[name] as Settings[Name] | undefined;
}
