import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {HelpOverlay} from '../../source/ui/help-overlay.js';
import {defaultKeyMap} from '../../source/ui/keys/key-map.js';
import {textWidth} from '../../source/render/text-width.js';
import {press, renderWithKeys, resize, waitForText} from './helpers.js';

/** Renders the reader's help at columns × rows. */
function helpAt(columns: number, rows: number) {
	const app = renderWithKeys(<HelpOverlay width={columns} height={rows} onClose={() => {}} />);
	resize(app.stdout, columns, rows);
	return app;
}

/** "22–43 of 60 lines": where the help is, from its last line. */
function placeOf(frame: string): {start: number; end: number; total: number} {
	const match = /(\d+)–(\d+) of (\d+)/.exec(frame.split('\n').at(-1)!);
	assert.ok(match, `the last line says where the help is:\n${frame}`);
	return {start: Number(match[1]), end: Number(match[2]), total: Number(match[3])};
}

/** Every frame of the help from top to bottom, a page (Space) at a time. */
async function everyPage(app: ReturnType<typeof helpAt>): Promise<string[]> {
	const frames = [await waitForText(app, /1–\d+ of \d+/)];
	let place = placeOf(frames[0]!);
	while (place.end < place.total) {
		await press(app, ' ');
		// A page on keeps the page's last line at its top (one line read twice, so no line is lost).
		const next = Math.min(place.end - 1, place.total - (place.end - place.start + 1)) + 1;
		frames.push(await waitForText(app, new RegExp(`^${next}–\\d+ of`, 'm')));
		place = placeOf(frames.at(-1)!);
	}
	return frames;
}

/** What the help says, its lines joined, without the keys column's blanks: a description wrapped reads whole. */
const joined = (frames: readonly string[]) => frames.join('\n').replaceAll(/\s+/g, ' ');

describe('the help overlay', () => {
	it('at 80×24 shows every key of the reader, a page at a time, as its last line says: search, t, F and a too', async () => {
		const app = helpAt(80, 24);
		const frames = await everyPage(app);
		assert.ok(frames.length > 1, 'more than a screen of keys');
		assert.match(frames[0]!.split('\n').at(-1)!, /Space\/PgUp b page · Esc closes$/);
		const all = joined(frames);
		for (const what of ['search the text', 'next / previous match', 'search the blog', 'categories and tags', 'the whole article', 'author, category or', 'full text for every', 'stop loading', 'try again after an']) {
			assert.ok(all.includes(what), `"${what}" is in the help`);
		}
		assert.match(all, / t categories and tags /);
		assert.match(all, / F\/a the whole article/);
		for (const frame of frames) {
			const lines = frame.split('\n');
			assert.ok(lines.length <= 24, `no taller than the terminal (${lines.length} lines)`);
			assert.ok(lines.every(line => textWidth(line) <= 80), 'no wider');
			assert.match(lines[0]!, /^blogterm keys/, 'the title stays at the top');
		}
		app.unmount();
	});

	it('scrolls a line with j and back with k', async () => {
		const app = helpAt(80, 24);
		await waitForText(app, /^1–22 of/m);
		await press(app, 'j');
		await waitForText(app, /^2–23 of/m);
		await press(app, 'k');
		await waitForText(app, /^1–22 of/m);
		app.unmount();
	});

	it('at 40×12 wraps what a key does instead of cutting it, and its last line fits', async () => {
		const app = helpAt(40, 12);
		const frames = await everyPage(app);
		for (const frame of frames) {
			const lines = frame.split('\n');
			assert.ok(lines.length <= 12 && lines.every(line => textWidth(line) <= 40), `fits 40×12:\n${frame}`);
			assert.ok(!frames.some(shown => shown.includes('…')), 'nothing is cut');
		}
		app.unmount();
		// Read whole, at the same width: a page on repeats its last line, which would part a description wrapped over it.
		const tall = helpAt(40, 200);
		const whole = await waitForText(tall, 'every key is shown');
		assert.ok(joined([whole]).includes('full text for every summary-only post: on / off'), `a long description reads whole:\n${whole}`);
		tall.unmount();
	});

	it('says when every key is shown at once, on a tall terminal', async () => {
		const app = helpAt(120, 80);
		const frame = await waitForText(app, 'every key is shown');
		assert.ok(frame.includes('search the text'));
		assert.ok(defaultKeyMap.labels('help-down').includes('j'));
		app.unmount();
	});
});
