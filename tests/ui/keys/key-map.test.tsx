import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {after, before, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App, type ReadMarks} from '../../../source/ui/app.js';
import {HelpOverlay} from '../../../source/ui/help-overlay.js';
import {createKeyMap, defaultKeyMap, keysTable, type KeyMap} from '../../../source/ui/keys/key-map.js';
import {KeyMapContext} from '../../../source/ui/keys/use-key-map.js';
import {readmeKeysTable} from '../../../source/ui/keys/readme-table.js';
import {createHttpClient} from '../../../source/http/client.js';
import {openBlog} from '../../../source/sources/open-blog.js';
import {startTestDemo, type TestDemo} from '../../helpers/demo.js';
import {keys, press, renderWithKeys, waitFor, waitForFrame, waitForText} from '../helpers.js';

const http = createHttpClient();

function memoryReadMarks(): ReadMarks & {marked: string[]} {
	const marked: string[] = [];
	return {marked, readIds: () => new Set(marked), markRead: (_site, id) => void marked.push(String(id))};
}

function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.EventEmitter).emit('resize');
}

/** The frame's last line that is not empty: the status line. */
function statusLine(frame: string): string {
	return frame.split('\n').filter(line => line.trim() !== '').at(-1) ?? '';
}

type RestPost = {id: number; slug: string};

describe('the key map', () => {
	let demo: TestDemo;
	let posts: RestPost[];
	before(async () => {
		demo = await startTestDemo();
		({body: posts} = await demo.rest<RestPost[]>('wp/v2/posts?per_page=100&_fields=id,slug'));
	});
	after(async () => demo.stop());

	function renderApp(options: {keyMap?: KeyMap; columns: number; rows?: number; at?: RestPost; marks?: ReadMarks}) {
		const app = render(
			<App
				site={demo.url}
				openSource={(url, signal) => openBlog(http, url, {signal})}
				perPage={10}
				readMarks={options.marks ?? memoryReadMarks()}
				keyMap={options.keyMap}
				initialPost={options.at ? {kind: 'id', id: options.at.id} : undefined}
			/>,
		);
		resize(app.stdout, options.columns, options.rows ?? 24);
		return app;
	}

	it('the README’s keys table is the one made from the map (npm run docs:keys writes it)', async () => {
		const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
		assert.equal(readmeKeysTable(readme), keysTable(), 'README.md differs from the key map: run npm run docs:keys');
	});

	it('at 80 columns the hints end with ? help on the list, the post and the comments', async () => {
		const app = renderApp({columns: 80});
		const list = await waitForText(app, 'Page 1 of');
		assert.match(statusLine(list), /↓\/↑ move · Enter open .*· \? help$/);
		await press(app, keys.enter);
		const post = await waitForText(app, /lines 1–\d+ of/);
		assert.match(statusLine(post), /Space\/b page .*· \? help$/);
		assert.ok(statusLine(post).length <= 80);
		await press(app, 'C');
		const thread = await waitForFrame(app, frame => /comment 1 of|No comments yet/.test(frame));
		assert.match(statusLine(thread), /\? help$/);
		app.unmount();
	});

	it('a wide terminal shows more hints on the post: o and Tab too', async () => {
		const app = renderApp({columns: 160, at: posts[1]});
		const post = await waitForText(app, /lines 1–\d+ of/);
		const status = statusLine(post);
		assert.match(status, /o browser/);
		assert.match(status, /Tab\/h related/);
		assert.match(status, /\? help$/);
		app.unmount();
	});

	it('a key changed in the map is the key in the handler, the hints and the help', async () => {
		const keyMap = createKeyMap({'next-post': ['J'], help: ['K']});
		const marks = memoryReadMarks();
		// Posts come newest first: the next (newer) post of the second is the first.
		const [newer, older] = [posts[0]!, posts[1]!];
		const app = renderApp({keyMap, columns: 100, at: older, marks});
		const post = await waitForText(app, /lines 1–\d+ of/);
		// With its neighbours and related posts there (which make it longer), so that a j scrolls a post that stays as long.
		await press(app, 'G');
		await waitForFrame(app, frame => frame.includes('Related Posts') && !frame.includes('Loading…'));
		await press(app, 'g');
		await waitForText(app, /lines 1–\d+ of/);
		assert.match(statusLine(post), /J\/p next\/prev post/);
		assert.match(statusLine(post), /K help$/);
		// n is no key now: the j after it scrolls the same post.
		await press(app, 'n', 'j');
		await waitForText(app, /lines 2–/);
		assert.ok(!marks.marked.includes(String(newer.id)), 'n did not open the newer post');
		await press(app, 'J');
		await waitFor(() => marks.marked.includes(String(newer.id)), 'J opens the newer post');
		await press(app, 'K');
		const help = await waitForText(app, 'blogterm keys');
		assert.match(help, /J\/p\s+newer \/ older post/);
		assert.match(help, /K\s+this help/);
		app.unmount();
	});

	it('the help overlay lists what the map says, and closes with the map’s keys', async () => {
		const keyMap = createKeyMap({'read-comments': ['x'], 'close-help': ['z']});
		let closed = 0;
		const app = renderWithKeys(
			<KeyMapContext.Provider value={keyMap}>
				<HelpOverlay width={100} height={40} onClose={() => closed++} />
			</KeyMapContext.Provider>,
		);
		const frame = await waitForText(app, 'blogterm keys');
		assert.match(frame, /x\s+read the comments/);
		assert.doesNotMatch(frame, /C\s+read the comments/);
		assert.match(frame, /z closes this help/);
		await press(app, 'z');
		await waitFor(() => closed === 1, 'z closes the help');
		app.unmount();
	});

	it('the default map has no key on two actions of one screen', () => {
		// Everywhere, Esc is "stop loading" while loading and "back" after: one key, two states.
		for (const group of defaultKeyMap.help({all: true}).filter(group => group.screen !== 'everywhere')) {
			const seen = new Map<string, string>();
			for (const row of group.rows) {
				for (const label of row.keys.split(/[ /]/)) {
					assert.ok(!seen.has(label) || seen.get(label) === row.what, `${group.title}: ${label} is both "${seen.get(label)}" and "${row.what}"`);
					seen.set(label, row.what);
				}
			}
		}
	});
});
