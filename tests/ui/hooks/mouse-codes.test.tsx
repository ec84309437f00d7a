import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {enterReaderScreen, handOverTerminal, leaveReaderScreen, useTerminalHandOver} from '../../../source/ui/comment-form/terminal-hand-over.js';
import {mouseReportingOff, mouseReportingOn} from '../../../source/ui/hooks/mouse.js';
import {KeyRouterProvider, useKeys} from '../../../source/ui/hooks/use-keys.js';
import {inFullScreen, mouseOn} from '../../../source/ui/run-interactive.js';
import {press, waitFor, waitForText} from '../helpers.js';
import {withSettingsHome} from '../../helpers/settings-home.js';

/*
The mouse's reports are asked for only when the mouse is on, and stopped whenever the terminal goes
back to someone else: at exit, and while an editor has it (Ctrl-E in the comment form).
*/

/** A terminal's output, as the list of what was written. */
function recorder() {
	const writes: string[] = [];
	return {writes, stdout: {write: (data: string) => writes.push(data)}};
}

describe('the mouse\'s escape codes', () => {
	it('on: reporting starts with the reader\'s screen and stops before the terminal is left, whatever happens', async () => {
		const {writes, stdout} = recorder();
		await inFullScreen(() => {
			assert.equal(writes.length, 1);
			assert.ok(writes[0]!.includes('\u001B[?1049h') && writes[0]!.endsWith(mouseReportingOn), `asked for with the alternate screen: ${JSON.stringify(writes[0])}`);
			return Promise.resolve(0);
		}, () => {}, {mouse: true, stdout});
		assert.equal(writes.length, 2);
		assert.ok(writes[1]!.startsWith(mouseReportingOff) && writes[1]!.endsWith('\u001B[?1049l'), `stopped, then the screen left: ${JSON.stringify(writes[1])}`);

		const failed = recorder();
		await assert.rejects(inFullScreen(() => Promise.reject(new Error('the reader failed')), () => {}, {mouse: true, stdout: failed.stdout}));
		assert.ok(failed.writes.at(-1)!.startsWith(mouseReportingOff), 'stopped when the reader fails too');
	});

	it('off (the default): never asked for, never written', async () => {
		const {writes, stdout} = recorder();
		await inFullScreen(() => Promise.resolve(0), () => {}, {stdout});
		assert.equal(writes.length, 2);
		assert.doesNotMatch(writes.join(''), /\?100[06]/);
	});

	it('the editor (Ctrl-E): reporting stops before the terminal is handed over and starts again after, only when on', () => {
		for (const mouse of [true, false]) {
			const {writes, stdout} = recorder();
			handOverTerminal({stdin: {}, stdout, mouse}, () => writes.push('editor runs'));
			assert.deepEqual(writes, mouse
				? [mouseReportingOff + leaveReaderScreen, 'editor runs', enterReaderScreen + mouseReportingOn]
				: [leaveReaderScreen, 'editor runs', enterReaderScreen]);
		}
	});

	it('the hand-over knows the mouse is on from the reader it runs in', async () => {
		function HandsOver() {
			const handOver = useTerminalHandOver();
			useKeys(input => {
				if (input === 'e') handOver(() => undefined);
			});
			return <Text>ready</Text>;
		}
		const app = render(<KeyRouterProvider mouse><HandsOver /></KeyRouterProvider>);
		const writes: string[] = [];
		const stdout = app.stdout as unknown as {write: (data: string) => void};
		const write = stdout.write.bind(stdout);
		stdout.write = (data: string) => {
			writes.push(data);
			write(data);
		};
		await waitForText(app, 'ready');
		await press(app, 'e');
		await waitFor(() => writes.includes(enterReaderScreen + mouseReportingOn), 'the screen taken back with the mouse on');
		assert.ok(writes.indexOf(mouseReportingOff + leaveReaderScreen) < writes.indexOf(enterReaderScreen + mouseReportingOn));
		app.unmount();
	});

	it('on with --mouse, off with --no-mouse, else "mouse" in config.json, else off; a setting it cannot read is said', async () => {
		await withSettingsHome('mouse-setting', async ({environment, notes, writeConfig}) => {
			assert.equal(mouseOn({}, environment), false);
			assert.equal(mouseOn({mouse: true}, environment), true);
			await writeConfig({mouse: true});
			assert.equal(mouseOn({}, environment), true);
			assert.equal(mouseOn({mouse: false}, environment), false, 'the flag wins');
			await writeConfig({mouse: 'yes'});
			assert.equal(mouseOn({}, environment), false);
			assert.match(notes.join('\n'), /mouse in .*config\.json is "yes": it should be true or false/);
		});
	});
});
