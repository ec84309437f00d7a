// The settings file's every entry: its JSON schema (what conf checks the file against), its default,
// and what it does. The README's settings table is made from this list (`npm run docs:settings`), and
// each entry is checked here on its own, so that one bad entry is said and loses only itself.
// Plain TypeScript, no conf: these checks run inside conf's reading of the file (./settings-conf.ts),
// and without conf where a setting is read before `loadSettings` (./settings.ts).
import {themeNames, type ThemeName} from '../render/theme.js';

/** The part of JSON Schema the settings use (conf compiles it with Ajv; `settingAllows` reads it here). */
type SettingSchema = {
	readonly type?: 'boolean' | 'string' | 'integer' | 'number' | 'object' | 'array';
	readonly enum?: readonly string[];
	readonly minimum?: number;
	readonly maximum?: number;
	readonly minLength?: number;
	readonly items?: {readonly type: 'string'};
	readonly default?: unknown;
	readonly description: string;
};

type Definition = {
	readonly schema: SettingSchema;
	/** What may be written, in words, when the schema alone would say it badly ("a command"). */
	readonly allowed?: string;
	/** What blogterm does without the entry, in words, when there is no `default` value to name. */
	readonly otherwise?: string;
};

/** Every setting blogterm reads, in the README's order. */
export const settingDefinitions = {
	theme: {schema: {enum: themeNames, default: 'dark', description: 'colours of the reader and print mode (`--theme` wins; `NO_COLOR` turns colour off)'}},
	hyperlinks: {schema: {enum: ['auto', 'always', 'never'], default: 'auto', description: 'links as OSC 8 hyperlinks: auto in the reader when the terminal supports them (`--hyperlinks` wins; print mode only with always)'}},
	readingWidth: {schema: {type: 'integer', minimum: 20, maximum: 1000, default: 100, description: 'a post\'s text wraps at this many columns at most (narrower terminals wrap at their width); Related Posts beside the post keeps the rest of a wide terminal'}},
	readingAlign: {schema: {enum: ['left', 'centre'], default: 'left', description: 'where that column sits when the terminal is wider and Related Posts is not beside it'}},
	listRows: {
		schema: {type: 'integer', minimum: 1, maximum: 100, description: 'posts on a list page, fetched in one answer (`--per-page` wins); a shorter terminal scrolls within the page'},
		otherwise: 'as many as the terminal\'s height shows (at least 10)',
	},
	refreshInterval: {schema: {type: 'number', minimum: 0, default: 30, description: 'minutes between the home screen\'s refreshes of every blog; 0: on start and `r` only (`BLOGTERM_REFRESH_MINUTES` wins)'}},
	browser: {
		schema: {type: 'string', minLength: 1, description: 'the command `o` and links run, the address added as its last argument; split at spaces, run without a shell'},
		allowed: 'a command, such as "firefox" or "firefox --private-window"',
		otherwise: '`$BROWSER`, else the system\'s opener (xdg-open, open, explorer.exe)',
	},
	mouse: {schema: {type: 'boolean', default: false, description: 'the wheel scrolls and a click selects or opens (`--mouse` wins); off keeps the terminal\'s own selection'}},
	screenReader: {schema: {type: 'boolean', default: false, description: 'Ink\'s screen-reader mode (`--screen-reader` wins; on by itself when the environment says a screen reader is in use)'}},
	keys: {
		schema: {type: 'object', default: {}, description: 'actions and their keys, each checked on its own (see Keys)'},
		allowed: 'an object of actions and their keys, such as {"next-post": "J"}',
		otherwise: 'blogterm\'s keys',
	},
	wordpressAccountSites: {
		schema: {type: 'array', items: {type: 'string'}, default: [], description: 'other sites that may receive your WordPress application password (the password itself stays in `BLOGTERM_WP_APP_PASSWORD`)'},
		allowed: 'a list of sites, such as ["notes.example"]',
	},
} as const satisfies Record<string, Definition>;

export type SettingName = keyof typeof settingDefinitions;

/** The value each setting has once checked. */
export type Settings = {
	readonly theme: ThemeName;
	readonly hyperlinks: 'auto' | 'always' | 'never';
	readonly readingWidth: number;
	readonly readingAlign: 'left' | 'centre';
	readonly listRows: number;
	readonly refreshInterval: number;
	readonly browser: string;
	readonly mouse: boolean;
	readonly screenReader: boolean;
	readonly keys: Readonly<Record<string, unknown>>;
	readonly wordpressAccountSites: readonly string[];
};

export const settingNames = Object.keys(settingDefinitions) as SettingName[];

const definitionOf = (name: SettingName): Definition => settingDefinitions[name];

function isSettingName(name: string): name is SettingName {
	return Object.hasOwn(settingDefinitions, name);
}

/** The schema conf is given: each setting's JSON Schema, by name. */
export function settingsJsonSchema(): Record<SettingName, SettingSchema> {
	return Object.fromEntries(settingNames.map(name => [name, definitionOf(name).schema])) as Record<SettingName, SettingSchema>;
}

const quoted = (values: readonly string[]) => values.map(value => JSON.stringify(value));
const either = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`);

/** What a setting may be, in words: `"dark", "light", "high-contrast" or "16-colour"`, `a whole number from 20 to 1000`. */
function allowedWords(name: SettingName): string {
	const {schema, allowed} = definitionOf(name);
	if (allowed) return allowed;
	if (schema.enum) return either(quoted(schema.enum));
	if (schema.type === 'boolean') return 'true or false';
	if (schema.type === 'integer' || schema.type === 'number') {
		const what = schema.type === 'integer' ? 'a whole number' : 'a number';
		if (schema.minimum !== undefined && schema.maximum !== undefined) return `${what} from ${schema.minimum} to ${schema.maximum}`;
		if (schema.minimum !== undefined) return `${what}, ${schema.minimum} or more`;
		return what;
	}
	return `a value of type ${schema.type ?? 'any'}`;
}

/** What blogterm does without the setting, in words: `"dark"`, `as many as the terminal's height shows`. */
function defaultWords(name: SettingName, code = (json: string) => json): string {
	const {schema, otherwise} = definitionOf(name);
	return otherwise ?? code(JSON.stringify(schema.default));
}

function typeMatches(type: SettingSchema['type'], value: unknown): boolean {
	switch (type) {
		case undefined: {
			return true;
		}
		case 'integer': {
			return Number.isInteger(value);
		}
		case 'number': {
			return typeof value === 'number' && Number.isFinite(value);
		}
		case 'object': {
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		}
		case 'array': {
			return Array.isArray(value);
		}
		default: {
			return typeof value === type;
		}
	}
}

/** Whether a value is what the setting's schema allows (the same answer as Ajv's, for the keywords above). */
export function settingAllows(name: SettingName, value: unknown): boolean {
	const {schema} = definitionOf(name);
	if (schema.enum && !(typeof value === 'string' && schema.enum.includes(value))) return false;
	if (!typeMatches(schema.type, value)) return false;
	if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) return false;
	if (typeof value === 'string' && schema.minLength !== undefined && [...value].length < schema.minLength) return false;
	if (schema.items && Array.isArray(value) && !value.every(item => typeMatches(schema.items!.type, item))) return false;
	return true;
}

/** A value as a note shows it: JSON, cut at 40 characters, with nothing in it that moves the cursor or turns the text. */
function shownValue(value: unknown): string {
	const json = JSON.stringify(value) ?? String(value);
	const shown = json.length > 40 ? `${json.slice(0, 39)}…` : json;
	// JSON escapes C0 controls; C1 controls and bidirectional marks are taken out as well.
	return shown.replaceAll(/[\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '?');
}

/**
 * The settings of a parsed file that can be used, and a line for each entry that cannot: one that is no
 * setting, or a value its schema does not allow (that setting keeps its default). `where` names the file.
 */
export function checkSettings(file: unknown, where: string): {settings: Partial<Record<SettingName, unknown>>; problems: string[]} {
	if (typeof file !== 'object' || file === null || Array.isArray(file)) {
		return {settings: {}, problems: [`${where} should hold an object of settings, such as {"theme": "light"}, not ${shownValue(file)}; every setting has its default.`]};
	}
	const settings: Partial<Record<SettingName, unknown>> = {};
	const problems: string[] = [];
	for (const [name, value] of Object.entries(file as Record<string, unknown>)) {
		if (!isSettingName(name)) {
			problems.push(`${shownValue(name)} in ${where} is not a setting blogterm knows (the README's settings table lists them); it is left out.`);
		} else if (settingAllows(name, value)) {
			settings[name] = value;
		} else {
			problems.push(`${name} in ${where} is ${shownValue(value)}: it should be ${allowedWords(name)}; it keeps its default, ${defaultWords(name)}.`);
		}
	}
	return {settings, problems};
}

/** `checkSettings` of a file's text; text that is not JSON gives every setting its default, and a line saying so. */
export function checkSettingsText(text: string, where: string): {settings: Partial<Record<SettingName, unknown>>; problems: string[]} {
	let file: unknown;
	try {
		file = JSON.parse(text);
	} catch (error) {
		return {settings: {}, problems: [`${where} is not valid JSON (${(error as Error).message.split('\n')[0]!.slice(0, 80)}); every setting has its default.`]};
	}
	return checkSettings(file, where);
}

/** The README's settings table: every setting, what it does, what it may be, and its default. */
export function settingsTable(): string {
	const cell = (text: string) => text.replaceAll('|', '\\|');
	const rows = settingNames.map(name => `| \`${name}\` | ${cell(definitionOf(name).schema.description)} | ${cell(allowedWords(name))} | ${cell(defaultWords(name, json => `\`${json}\``))} |`);
	return ['| setting | what | allowed | default |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
