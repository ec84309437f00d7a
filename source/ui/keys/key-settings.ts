// Keys remapped in the settings file: `"keys": {"next-post": "J", "back": ["escape", "h"]}` in
// config.json. Each change is checked before it is used; one that cannot be (an action that is none, a
// key blogterm cannot read, a key another action of the same screen already has) is said in words at
// start, and that action keeps its own keys. Plain TypeScript: no Ink, no React.
import {setting, settingsPath} from '../../store/settings.js';
import {noteStoreProblem} from '../../store/settings-files.js';
import {allActions, createKeyMap, defaultBindings, describeAction, isKeyName, keyLabel, type Action, type KeyMap} from './key-map.js';

type Bindings = Partial<Record<Action, readonly string[]>>;

const isAction = (name: string): name is Action => (allActions as readonly string[]).includes(name);

/** Whether two actions can be asked for at the same moment: the same screen, or one of them everywhere. */
function sameScreen(one: Action, other: Action): boolean {
	const a = describeAction(one).screen;
	const b = describeAction(other).screen;
	return a === b || a === 'everywhere' || b === 'everywhere';
}

/**
 * The changes the settings ask for that can be used, and a sentence for each that cannot. Only the keys
 * a change adds are checked against the other actions: the defaults' own overlaps (Esc both stops
 * loading and goes back) are by design.
 */
export function checkKeyChanges(value: unknown): {changes: Bindings; problems: string[]} {
	const problems: string[] = [];
	const changes: Bindings = {};
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {changes, problems: ['"keys" should be an object of actions and their keys, such as {"next-post": "J"}; the default keys are used.']};
	}
	for (const [name, keys] of Object.entries(value as Record<string, unknown>)) {
		const shown = JSON.stringify(name.slice(0, 40));
		if (!isAction(name)) {
			problems.push(`there is no action called ${shown} (the README's keys table names them); it is left out.`);
			continue;
		}
		const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) && keys.length > 0 && keys.every(key => typeof key === 'string') ? keys : undefined;
		if (!names) {
			problems.push(`${shown} should be a key or a list of keys, such as "J" or ["J", "down"]; it keeps ${labels(defaultBindings[name])}.`);
			continue;
		}
		const unreadable = names.find(key => !isKeyName(key));
		if (unreadable !== undefined) {
			problems.push(`${JSON.stringify(unreadable.slice(0, 20))} is not a key blogterm can read (for ${name}); it keeps ${labels(defaultBindings[name])}.`);
			continue;
		}
		changes[name] = names;
	}
	// A key added to one action that another action of the same screen has: that change is dropped, and
	// the others are checked again against the keys it keeps (until no change is dropped).
	const bindings = (action: Action) => changes[action] ?? defaultBindings[action];
	for (let dropped = true; dropped;) {
		dropped = false;
		for (const action of Object.keys(changes) as Action[]) {
			const added = bindings(action).filter(key => !defaultBindings[action].includes(key));
			const clash = allActions.find(other => other !== action && sameScreen(action, other) && bindings(other).some(key => added.includes(key)));
			if (clash) {
				const key = added.find(name => bindings(clash).includes(name))!;
				problems.push(`${keyLabel(key)} for ${action} is already ${clash} (${describeAction(clash).description}); ${action} keeps ${labels(defaultBindings[action])}.`);
				delete changes[action];
				dropped = true;
			}
		}
	}
	return {changes, problems};
}

const labels = (keys: readonly string[]) => keys.map(keyLabel).join(' ');

/**
 * The key map the settings file asks for: the default one when it asks for nothing; each change that
 * cannot be used said in a note (on stderr before the reader starts) and left out.
 */
export function keyMapFromSettings(environment: NodeJS.ProcessEnv = process.env): KeyMap {
	const value = setting('keys', environment);
	if (value === undefined) return createKeyMap();
	const {changes, problems} = checkKeyChanges(value);
	for (const problem of problems) noteStoreProblem(`keys in ${settingsPath(environment)}: ${problem}`);
	return createKeyMap(changes);
}
