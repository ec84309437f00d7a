import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setStoreNoticeSink} from '../../source/store/settings-files.js';
import {loadSettings} from '../../source/store/settings.js';

export type SettingsHome = {
	/** An environment whose BLOGTERM_HOME is a new, empty folder. */
	environment: {BLOGTERM_HOME: string};
	/** What the store said (its notice sink) while `body` ran. */
	notes: string[];
	/** Writes config/config.json with these entries, then loads the settings again, as the command line does at start. */
	writeConfig: (settings: Record<string, unknown>) => Promise<void>;
};

/** Runs `body` with a temporary BLOGTERM_HOME and the store's notes collected; the folder and the sink are put back after. */
export async function withSettingsHome(name: string, body: (home: SettingsHome) => Promise<void>): Promise<void> {
	const home = mkdtempSync(join(tmpdir(), `blogterm-${name}-`));
	const notes: string[] = [];
	const restore = setStoreNoticeSink(note => notes.push(note));
	const environment = {BLOGTERM_HOME: home};
	try {
		await body({
			environment,
			notes,
			async writeConfig(settings) {
				mkdirSync(join(home, 'config'), {recursive: true});
				writeFileSync(join(home, 'config', 'config.json'), JSON.stringify(settings));
				await loadSettings(environment);
			},
		});
	} finally {
		restore();
		rmSync(home, {recursive: true, force: true});
	}
}
