import {describe, it} from 'node:test';
import {Text} from 'ink';
import {useState} from 'react';
import {useKeys} from '../../../source/ui/hooks/use-keys.js';
import {keys, press, pressTogether, renderWithKeys, waitFor, waitForText} from '../helpers.js';

/*
A screen still loading what a key acts on holds it (its handler gives back 'hold'): the key router keeps
it, and every key after it, until the screen can take it; Esc (stop loading) is taken at once meanwhile.
*/

/** Something on its way: `finish` brings it. `held()` counts the keys held for it (offered, and held again). */
function loadable() {
	const listeners = new Set<() => void>();
	let done = false;
	let held = 0;
	return {
		held: () => held,
		hold(): 'hold' {
			held++;
			return 'hold';
		},
		finish() {
			done = true;
			for (const listener of listeners) listener();
		},
		useLoaded(): boolean {
			const [loaded, setLoaded] = useState(done);
			useState(() => listeners.add(() => setLoaded(true)));
			return loaded;
		},
	};
}

type Load = ReturnType<typeof loadable>;

/** Holds every key but Esc while loading; then writes down each key it takes. Esc while loading cancels. */
function LoadingScreen({load}: {readonly load: Load}) {
	const loaded = load.useLoaded();
	const [taken, setTaken] = useState('');
	const [cancelled, setCancelled] = useState(false);
	useKeys((input, key) => {
		if (!loaded && !cancelled) {
			if (key.escape) return setCancelled(true);
			return load.hold();
		}
		setTaken(before => before + (key.escape ? '<Esc>' : input));
	});
	return <Text>{`${loaded ? 'loaded' : cancelled ? 'cancelled' : 'loading'} · taken: ${taken}.`}</Text>;
}

/** Another screen listening at the same time (the app's own keys, as `?`): counts what it sees. */
function Watcher() {
	const [seen, setSeen] = useState('');
	useKeys(input => setSeen(before => before + input));
	return <Text>{`seen: ${seen}.`}</Text>;
}

describe('keys a screen holds while it loads', () => {
	it('takes the keys typed while loading in order, once it has loaded', async () => {
		const load = loadable();
		const app = renderWithKeys(<LoadingScreen load={load} />);
		await waitForText(app, 'loading');
		pressTogether(app, 'abc');
		await waitFor(() => load.held() > 0, 'a key is held');
		load.finish();
		await waitForText(app, 'loaded · taken: abc.');
		app.unmount();
	});

	it('takes Esc at once while keys are held, and drops the keys held for what it stopped', async () => {
		const load = loadable();
		const app = renderWithKeys(<LoadingScreen load={load} />);
		await waitForText(app, 'loading');
		pressTogether(app, 'ab');
		// Never loaded: Esc comes through all the same.
		await press(app, keys.escape);
		await waitForText(app, 'cancelled · taken: .');
		await press(app, 'z');
		await waitForText(app, 'cancelled · taken: z.');
		app.unmount();
	});

	it('gives a held key once to a screen that took it at once, and to the holding screen once it can take it', async () => {
		const load = loadable();
		const app = renderWithKeys(<><Watcher /><LoadingScreen load={load} /></>);
		await waitForText(app, 'loading');
		pressTogether(app, 'xy');
		// The watcher has taken x; y waits behind it.
		await waitForText(app, 'seen: x.');
		load.finish();
		await waitForText(app, 'loaded · taken: xy.');
		await waitForText(app, 'seen: xy.');
		app.unmount();
	});

	it('gives a held key to a screen that comes with what was loaded (a thread\'s comments), while the one that held it is there', async () => {
		const load = loadable();
		function Thread() {
			const loaded = load.useLoaded();
			useKeys(() => (loaded ? undefined : load.hold()));
			return loaded ? <LoadingScreen load={load} /> : <Text>loading the comments</Text>;
		}
		const app = renderWithKeys(<Thread />);
		await waitForText(app, 'loading the comments');
		pressTogether(app, 'jj');
		await waitFor(() => load.held() > 0, 'a key is held');
		load.finish();
		await waitForText(app, 'loaded · taken: jj.');
		app.unmount();
	});

	it('drops a held key when the screen that held it goes and another screen took it (the help opened over it)', async () => {
		const load = loadable();
		function Reader() {
			const [help, setHelp] = useState(false);
			useKeys(input => {
				if (input === '?') setHelp(shown => !shown);
			});
			return help ? <><Text>help</Text><Watcher /></> : <LoadingScreen load={load} />;
		}
		const app = renderWithKeys(<Reader />);
		await waitForText(app, 'loading');
		// `?` opens the help at once; the screen under it, loading, held it, and goes.
		pressTogether(app, '?');
		await waitForText(app, 'help');
		await press(app, 'z');
		// The help's keys: z only (the ? that opened it is not given to it again).
		await waitForText(app, 'seen: z.');
		app.unmount();
	});

	it('gives the keys a screen held to the screen that comes after it, when it goes without taking them (connected: the list)', async () => {
		const connection = loadable();
		const list = loadable();
		function Connecting() {
			const connected = connection.useLoaded();
			useKeys(() => connection.hold(), {isActive: !connected});
			return connected ? <LoadingScreen load={list} /> : <Text>connecting</Text>;
		}
		const app = renderWithKeys(<Connecting />);
		await waitForText(app, 'connecting');
		pressTogether(app, 'jk');
		await waitFor(() => connection.held() > 0, 'a key is held while connecting');
		connection.finish();
		// The list loads in its turn, and holds them.
		await waitForText(app, 'loading · taken: .');
		list.finish();
		await waitForText(app, 'loaded · taken: jk.');
		app.unmount();
	});
});
