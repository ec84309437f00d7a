import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {openUrl} from '../../source/platform/open-url.js';
import {loadSettings} from '../../source/store/settings.js';
import {findSmuggled} from './hostile-corpus.js';
import {waitUntil} from '../helpers/poll.js';

const folder = mkdtempSync(join(tmpdir(), 'blogterm-open-url-'));
after(() => rmSync(folder, {recursive: true, force: true}));

/** A $BROWSER that writes how many arguments it got, then each on its own line. */
const browser = join(folder, 'browser.sh');
const received = join(folder, 'received.txt');
// Written whole, then renamed: the test never reads a file the browser is still writing.
writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > '${received}.part' && mv '${received}.part' '${received}'\n`);
chmodSync(browser, 0o755);

async function argumentsGiven(): Promise<string[]> {
	await waitUntil(() => existsSync(received), Boolean, 'the browser is started', 3000);
	const [count, ...rest] = readFileSync(received, 'utf8').replace(/\n$/, '').split('\n');
	rmSync(received);
	assert.equal(Number(count), rest.length);
	return rest;
}

describe('opening a link in the browser', () => {
	test('passes an http(s) URL as one argument, never through a shell', async () => {
		const marker = join(folder, 'pwned');
		const url = `https://blog.example/a b/?q=$(touch ${marker})&r=\`touch ${marker}\`;touch ${marker}|x`;
		assert.equal(await openUrl(url, 'linux', {BROWSER: browser, BLOGTERM_HOME: folder}), undefined);
		const given = await argumentsGiven();
		assert.deepEqual(given, [new URL(url).toString()]);
		assert.equal(existsSync(marker), false, 'nothing in the URL was run');
	});

	test('mailto: is opened too', async () => {
		assert.equal(await openUrl('mailto:ada@example.com?subject=Hello', 'linux', {BROWSER: browser, BLOGTERM_HOME: folder}), undefined);
		assert.deepEqual(await argumentsGiven(), ['mailto:ada@example.com?subject=Hello']);
	});

	test('control characters in a link reach the browser percent-encoded, not raw', async () => {
		assert.equal(await openUrl('https://blog.example/\u001B]0;title\u0007/\u202Eexe', 'linux', {BROWSER: browser, BLOGTERM_HOME: folder}), undefined);
		const [given] = await argumentsGiven();
		assert.equal(findSmuggled(given!), undefined, given);
	});

	test('refuses every other scheme, however it is written, and starts nothing', async () => {
		for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'ftp://blog.example/', 'ssh://blog.example', 'x-man-page://ls', 'blob:https://blog.example/1']) {
			const message = await openUrl(url, 'linux', {BROWSER: browser, BLOGTERM_HOME: folder});
			assert.match(message ?? '', /^blogterm opens only http, https and mailto addresses, not [a-z-]+:$/, url);
		}
		assert.equal(await openUrl('not a web address', 'linux', {BROWSER: browser, BLOGTERM_HOME: folder}), 'That is not a web address.');
		assert.equal(existsSync(received), false, 'no browser was started');
	});

	test('a browser command that is not there is named, with where it was set', async () => {
		const missing = join(folder, 'no-such-browser');
		assert.equal(await openUrl('https://blog.example/post/', 'linux', {BROWSER: missing, BLOGTERM_HOME: folder}), `$BROWSER (${missing}) was not found.`);
		const home = join(folder, 'home-with-missing-browser');
		mkdirSync(join(home, 'config'), {recursive: true});
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({browser: `${missing} --new-window`}));
		const environment = {BLOGTERM_HOME: home};
		await loadSettings(environment);
		assert.equal(await openUrl('https://blog.example/post/', 'linux', environment), `config.json's browser (${missing}) was not found.`);
	});

	test('"browser" in config.json wins over $BROWSER: split at spaces, the address its last argument, no shell', async () => {
		const home = join(folder, 'home-with-browser');
		mkdirSync(join(home, 'config'), {recursive: true});
		writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({browser: `${browser} --new-window`}));
		const environment = {BROWSER: join(folder, 'not-this-one'), BLOGTERM_HOME: home};
		await loadSettings(environment);
		assert.equal(await openUrl('https://blog.example/post/', 'linux', environment), undefined);
		assert.deepEqual(await argumentsGiven(), ['--new-window', 'https://blog.example/post/']);
	});
});
