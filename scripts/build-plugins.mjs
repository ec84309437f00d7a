// The build-time patches of dependencies, as esbuild plugins: scripts/build.mjs bundles the CLI with
// them, and scripts/run-tests.mjs bundles the tests with the same ones, so that the tests run the code
// users run. Each patch fails the bundle when what it patches is not found: a dependency that changed
// is caught in CI, not later as a slower start.
import {realpathSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, resolve, sep} from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');

/** Our own string-width (8), where esbuild finds it: node_modules may be a link (pnpm, a checkout elsewhere). */
const topStringWidth = (() => {
	try {
		return realpathSync(resolve(repoRoot, 'node_modules/string-width/index.js'));
	} catch {
		return undefined;
	}
})();

/**
Ink measures every line of every frame with string-width, which segments any text that is not plain
ASCII into graphemes and tests each against an emoji regex (compiled on first use: some 30 ms).
Ink and its helpers get source/render/string-width-fast.ts instead: the same answers, found without
string-width for the characters text-width.ts knows (wrap-ansi's own older string-width is left alone).
*/
let stringWidthReplaced = 0;
const fastStringWidth = {
	name: 'fast-string-width',
	setup(esbuild) {
		esbuild.onResolve({filter: /^string-width$/}, async ({importer, kind, resolveDir, pluginData}) => {
			if (!topStringWidth || pluginData?.fastStringWidth || !importer.includes(`${sep}node_modules${sep}`)) return undefined;
			const found = await esbuild.resolve('string-width', {kind, resolveDir, pluginData: {fastStringWidth: true}});
			if (found.path !== topStringWidth) return undefined;
			stringWidthReplaced++;
			return {path: resolve(repoRoot, 'source/render/string-width-fast.ts')};
		});
	},
};

/**
Values some dependencies make as they load, though most runs never use them, each made at its first
use instead (the same object, kept once made): `const NAME = VALUE;` becomes a function that makes
VALUE once, and every later NAME in the file a call of it.
- string-width (8, ours): its segmenter (which loads ICU's data, some 7 ms) and four Unicode-property
  regexes, of which the emoji one (\p{RGI_Emoji} with the v flag) takes some 11 ms to construct; at
  every start, also for --help and print mode, where source/render/text-width.ts measures most text
  without string-width.
- @sindresorhus/is (got's): two Intl.ListFormat for its error messages (ICU again: 5–20 ms).
*/
const lazyValues = [
	{file: /[\\/]string-width[\\/]index\.js$/, only: () => topStringWidth, names: ['segmenter', 'visibleCharacterRegex', 'spacingMarkRegex', 'rgiEmojiRegex', 'extendedPictographicRegex']},
	{file: /@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/, names: ['andFormatter', 'orFormatter']},
	// The reader's other grapheme segmenters, made as Ink loads (the first of them pays for ICU's data):
	// wrap-ansi's own string-width (7) and slice-ansi's, which the home screen's first frame never uses.
	{file: /wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/, names: ['segmenter']},
	{file: /slice-ansi[\\/]tokenize-ansi\.js$/, names: ['GRAPHEME_SEGMENTER']},
];
const lazyModuleValues = {
	name: 'lazy-module-values',
	setup(esbuild) {
		for (const {file, only, names} of lazyValues) {
			esbuild.onLoad({filter: file}, async ({path}) => {
				if (only && realpathSync(path) !== only()) return undefined;
				let contents = await readFile(path, 'utf8');
				for (const name of names) {
					const found = new RegExp(`^const ${name} = (.+);$`, 'm').exec(contents);
					if (!found) return {errors: [{text: `${path} changed: ${name} is not declared where the lazy-module-values patch expects it (see lazy-module-values in scripts/build-plugins.mjs)`}]};
					const [whole, value] = found;
					const rest = contents.slice(found.index + whole.length).replace(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g'), `${name}()`);
					contents = `${contents.slice(0, found.index)}let ${name}Made;\nconst ${name} = () => (${name}Made ??= ${value});${rest}`;
				}
				return {contents, loader: 'js', resolveDir: dirname(path)};
			});
		}
	},
};

/**
Ink splits every line of every frame into styled characters with @alcalzone/ansi-tokenize, which
segments the whole line into graphemes with an Intl.Segmenter made as it loads: ICU's grapheme data,
some 7 ms of a start before the first frame. A line whose every character text-width.ts knows to be
simple (simpleWidth: one code unit, never joined to the next: no marks, joiners, selectors, surrogates
or jamo), with the escape and BEL of its styles and links, is one grapheme a code unit, which is what
the segmenter answers for it; the segmenter is made at the first line that needs it.
*/
const inkSimpleGraphemes = {
	name: 'ink-simple-graphemes',
	setup(esbuild) {
		esbuild.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });';
			const loop = 'for (const { segment, index } of segmenter.segment(str)) {';
			if (!source.includes(eager) || !source.includes(loop)) return {errors: [{text: '@alcalzone/ansi-tokenize changed: its segmenter is not where the ink-simple-graphemes patch expects it (see ink-simple-graphemes in scripts/build-plugins.mjs)'}]};
			const graphemes = `import {simpleWidth} from ${JSON.stringify(resolve(repoRoot, 'source/render/text-width.ts'))};
let segmenterMade;
function* codeUnits(str) {
	for (let index = 0; index < str.length; index++) yield {segment: str[index], index};
}
function graphemesOf(str) {
	for (let index = 0; index < str.length; index++) {
		const code = str.charCodeAt(index);
		if (code !== 0x1B && code !== 0x07 && simpleWidth(code) < 0) return (segmenterMade ??= new Intl.Segmenter(undefined, { granularity: "grapheme" })).segment(str);
	}
	return codeUnits(str);
}`;
			return {contents: source.replace(eager, graphemes).replace(loop, 'for (const { segment, index } of graphemesOf(str)) {'), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
ink-text-input 6 keeps its cursor within the text by checking where the cursor was before the key, not
where the key puts it (vadimdemedes/ink-text-input#81, open): ← at a field's start put it at -1, hidden,
and the next letter went in before the last one; → at its end, past it. Here the cursor the key puts is
what is kept within the text (the text after the key: Backspace shortens it). It also has no Home or End:
they are added (with Ctrl-A, Ctrl-E, Ctrl-U and Ctrl-K), so that Name, Email, Website and the address of a
blog to follow are edited as the Comment field is.
*/
const inkTextInputCursor = {
	name: 'ink-text-input-cursor',
	setup(esbuild) {
		esbuild.onLoad({filter: /ink-text-input[\\/]build[\\/]index\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const clamp = '        if (cursorOffset < 0) {\n            nextCursorOffset = 0;\n        }\n        if (cursorOffset > originalValue.length) {\n            nextCursorOffset = originalValue.length;\n        }';
			if (!source.includes(clamp)) return {errors: [{text: 'ink-text-input changed: its cursor is not kept within the text where the ink-text-input-cursor patch expects (see scripts/build-plugins.mjs)'}]};
			const kept = '        nextCursorOffset = Math.max(0, Math.min(nextCursorOffset, nextValue.length));';
			// The keys of a line editor that ink-text-input lacks, as the Comment field and a shell have them:
			// Home/Ctrl-A to the start, End/Ctrl-E to the end, Ctrl-U erases before the cursor, Ctrl-K after it.
			const erase = '        else if (key.backspace || key.delete) {';
			if (!source.includes(erase)) return {errors: [{text: 'ink-text-input changed: its Backspace is not where the ink-text-input-cursor patch adds Home, End, Ctrl-A, Ctrl-E, Ctrl-U and Ctrl-K (see scripts/build-plugins.mjs)'}]};
			const lineKeys = [
				'        else if (key.home || (key.ctrl && input === \'a\')) {\n            nextCursorOffset = 0;\n        }',
				'        else if (key.end || (key.ctrl && input === \'e\')) {\n            nextCursorOffset = originalValue.length;\n        }',
				'        else if (key.ctrl && input === \'u\') {\n            nextValue = originalValue.slice(cursorOffset);\n            nextCursorOffset = 0;\n        }',
				'        else if (key.ctrl && input === \'k\') {\n            nextValue = originalValue.slice(0, cursorOffset);\n        }',
			].join('\n');
			return {contents: source.replace(clamp, kept).replace(erase, `${lineKeys}\n${erase}`), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
meow's bundled dependencies run normalize-package-data as they load (the SPDX licence lists, sorted
with localeCompare: some 13 ms a run), though meow only calls it when cli.pkg is read, which blogterm
never does. Here it is loaded on that first call instead.
*/
const meowLazyNormalize = {
	name: 'meow-lazy-normalize',
	setup(esbuild) {
		esbuild.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
			if (!source.includes(eager)) return {errors: [{text: 'meow changed: the lazy normalize-package-data patch no longer applies (see meow-lazy-normalize in scripts/build-plugins.mjs)'}]};
			return {contents: source.replace(eager, 'const normalizePackageData = (...parameters) => getDefaultExportFromCjs(requireNormalize())(...parameters);'), loader: 'js'};
		});
	},
};

/**
Ink connects to React DevTools, and reads its own package.json for them, when DEV=true: both with a
top-level await, which a CommonJS bundle cannot do. The DevTools are not shipped (react-devtools-core
is not bundled), so both are taken out: DEV=true changes nothing.
*/
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(esbuild) {
		esbuild.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const devtools = "await import('./devtools.js');";
			const packageJson = '? await loadPackageJson()';
			if (!source.includes(devtools) || !source.includes(packageJson)) return {errors: [{text: 'ink changed: its DevTools loading is not where the ink-without-devtools patch expects it (see ink-without-devtools in scripts/build-plugins.mjs)'}]};
			return {contents: source.replace(devtools, '// React DevTools are not shipped.').replace(packageJson, '? {name: undefined, version: undefined}'), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
got imports http2-wrapper (and with it Node's http2, tls and https: some 15 ms of Node's own
modules) as it loads, though it only uses it for `http2: true`, which blogterm never asks for. Here
got's options get it at that first use instead (a CommonJS module bundled by esbuild runs when first
required).
*/
const gotLazyHttp2 = {
	name: 'got-lazy-http2',
	setup(esbuild) {
		esbuild.onLoad({filter: /got[\\/]dist[\\/]source[\\/]core[\\/]options\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = "import http2wrapper from 'http2-wrapper';";
			if (!source.includes(eager)) return {errors: [{text: 'got changed: its http2-wrapper import is not where the got-lazy-http2 patch expects it (see got-lazy-http2 in scripts/build-plugins.mjs)'}]};
			const lazy = "const http2wrapper = {get globalAgent() { return require('http2-wrapper').globalAgent; }, get auto() { return require('http2-wrapper').auto; }};";
			return {contents: source.replace(eager, lazy), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
yoga-layout waits for its WebAssembly at the top level of its module (top-level await), which a
CommonJS bundle cannot do. Node compiles WebAssembly this small synchronously in a few milliseconds,
so yoga is given a synchronous instantiateWasm (Emscripten's hook) with its own decoded bytes, and
its module is ready as soon as it is loaded.
*/
const yogaSync = {
	name: 'yoga-sync',
	setup(esbuild) {
		esbuild.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const eager = 'const Yoga = wrapAssembly(await loadYoga());';
			if (!source.includes(eager)) return {errors: [{text: 'yoga-layout changed: its top-level await is no longer where the yoga-sync patch expects it (see yoga-sync in scripts/build-plugins.mjs)'}]};
			const synchronous = [
				'const yogaModule = {instantiateWasm(imports, done, bytes) { done(new WebAssembly.Instance(new WebAssembly.Module(bytes()), imports)); return {}; }};',
				'loadYoga(yogaModule);',
				'if (typeof yogaModule.Node !== "function") throw new Error("yoga-layout did not load synchronously");',
				'const Yoga = wrapAssembly(yogaModule);',
			].join('\n');
			return {contents: source.replace(eager, synchronous), loader: 'js', resolveDir: dirname(path)};
		});
		esbuild.onLoad({filter: /yoga-wasm-base64-esm\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const hook = 'if(h.instantiateWasm)try{return h.instantiateWasm(d,\na)}';
			if (!source.includes(hook)) return {errors: [{text: 'yoga-layout changed: its instantiateWasm hook is not where the yoga-sync patch expects it (see yoga-sync in scripts/build-plugins.mjs)'}]};
			// Its data: URL decoded without fetch() (which would load Node's undici first, some 25 ms).
			const withoutFetch = source.replaceAll('"function"!=typeof fetch?', 'true?');
			return {contents: withoutFetch.replace(hook, 'if(h.instantiateWasm)try{return h.instantiateWasm(d,\na,wa)}'), loader: 'js'};
		});
	},
};

/**
Two changes to how Ink writes a frame (ink/build/ink.js), each failing the build when its target moved:

- Full height. Ink clears the whole terminal (ESC[2J ESC[3J) and writes the frame again at every
  render once a frame is as tall as the terminal, which flickers at each key; so blogterm's screens
  kept one row free. Here only a frame taller than the terminal (one that scrolled: a resize) takes
  that path: one exactly as tall is erased line by line and written again as any shorter frame is
  (it is written without a line's end after it, so nothing scrolls), and the screens get the last row.
- The cursor in screen-reader mode. Ink writes a screen reader's frame as lines and leaves the cursor
  after the last one. A `screenReaderCursor(root, output, columns)` render option (a blogterm one,
  source/ui/screen-reader/cursor-target.ts) says where the selection or the focused field is in those
  lines; after each frame the cursor is parked there and shown, so that a braille display follows
  it, and taken back to the frame's last line before Ink erases it for the next. A screen reader's
  frame is cut to the terminal's height, as the screens' frames are.
*/
const inkFrames = {
	name: 'ink-frames',
	setup(esbuild) {
		esbuild.onLoad({filter: /ink[\\/]build[\\/]ink\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const patched = parkScreenReaderCursor(drawFullHeightFrames(source));
			if (typeof patched !== 'string') return {errors: [{text: `ink changed: ${patched.error} (see ink-frames in scripts/build-plugins.mjs)`}]};
			return {contents: patched, loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/** Ink's "clear the terminal and write it all again" only for a frame taller than the terminal. */
function drawFullHeightFrames(source) {
	if (typeof source !== 'string') return source;
	const clearing = 'if (this.lastOutputHeight >= this.options.stdout.rows) {';
	if (!source.includes(clearing)) return {error: 'its full-screen redraw is not where the full-height patch expects it'};
	return source.replace(clearing, 'if (this.lastOutputHeight > this.options.stdout.rows) {');
}

/** After each screen-reader frame, the cursor where the render option `screenReaderCursor` says. */
function parkScreenReaderCursor(source) {
	if (typeof source !== 'string') return source;
	const onRender = '\n    onRender = () => {\n        this.hasPendingThrottledRender = false;';
	const writes = 'this.lastOutputHeight =\n                wrappedOutput === \'\' ? 0 : wrappedOutput.split(\'\\n\').length;';
	const wrapping = 'const wrappedOutput = wrapAnsi(output, terminalWidth, {\n                trim: false,\n                hard: true,\n            });';
	if (!source.includes(onRender) || !source.includes(writes) || !source.includes(wrapping)) return {error: 'its screen-reader frame is not where the screen-reader cursor patch expects it'};
	// Its lines cut to the terminal's height (the top kept): a taller frame would scroll, and Ink could not erase it.
	const cut = 'const wrappedOutput = wrapAnsi(output, terminalWidth, {\n                trim: false,\n                hard: true,\n            }).split(\'\\n\').slice(0, this.options.stdout.rows || undefined).join(\'\\n\');';
	const parking = `
    parkedCursorRows = 0;
    onRender = () => {
        const locate = this.isScreenReaderEnabled && !this.isUnmounted ? this.options.screenReaderCursor : undefined;
        if (!locate) return this.writeFrame();
        // Back to the frame's last line, where Ink's erasing starts from.
        if (this.parkedCursorRows > 0) this.options.stdout.write(ansiEscapes.cursorDown(this.parkedCursorRows));
        this.parkedCursorRows = 0;
        this.writeFrame();
        const target = this.lastOutputHeight > 0 ? locate(this.rootNode, this.lastOutput, this.getTerminalWidth()) : undefined;
        if (!target || target.row >= this.lastOutputHeight) return;
        this.parkedCursorRows = this.lastOutputHeight - 1 - target.row;
        this.options.stdout.write((this.parkedCursorRows > 0 ? ansiEscapes.cursorUp(this.parkedCursorRows) : '') + ansiEscapes.cursorTo(target.column) + '\\u001B[?25h');
    };
    writeFrame = () => {
        this.hasPendingThrottledRender = false;`;
	return source.replace(onRender, parking).replace(wrapping, cut);
}

/**
Ink measures and splits every line of every frame into styled characters (ansi-tokenize), in caches it
makes anew for each frame: a key that moves the selection redraws two lines, and Ink reads all of them
again. Here one set of caches serves every frame, and is made anew once it holds more than
`outputCacheLimit` lines and texts, so that it never grows past a few screens' worth.
Ink also starts each frame from a grid of blank cells, one new object per cell (3,840 at 160×48) that
is only ever replaced, never changed: here every blank cell is the same object.
*/
const outputCacheLimit = 600;
const inkOutputCaches = {
	name: 'ink-output-caches',
	setup(esbuild) {
		esbuild.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const perFrame = '    caches = new OutputCaches();';
			const classEnd = 'export default class Output {';
			const blankCell = `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;
			if (!source.includes(perFrame) || !source.includes(classEnd) || !source.includes(blankCell)) return {errors: [{text: 'ink changed: its output caches or blank cells are not where the ink-output-caches patch expects them (see scripts/build-plugins.mjs)'}]};
			const shared = `let sharedOutputCaches;
const outputCaches = () => {
    const held = sharedOutputCaches ? sharedOutputCaches.styledChars.size + sharedOutputCaches.widths.size + sharedOutputCaches.blockWidths.size : Infinity;
    if (held > ${outputCacheLimit}) sharedOutputCaches = new OutputCaches();
    return sharedOutputCaches;
};
const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
`;
			return {contents: source.replace(classEnd, shared + classEnd).replace(perFrame, '    caches = outputCaches();').replace(blankCell, 'row.push(blankCell);'), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/**
Ink writes each row of every frame from its styled characters with ansi-tokenize's
styledCharsToString, which works out the codes between each character and the next (three Sets and
four arrays a character, 7,680 characters a frame at 160×48), though nearly every character has the
styles of the one before it. Here a character whose styles are the same as the previous one's, code
for code, adds no codes (what the diff gives for them), and a row without styles ends without codes.
*/
const inkRowStrings = {
	name: 'ink-row-strings',
	setup(esbuild) {
		esbuild.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const perCharacter = `        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {`;
			if (!source.includes(perCharacter)) return {errors: [{text: '@alcalzone/ansi-tokenize changed: styledCharsToString is not what the ink-row-strings patch expects (see scripts/build-plugins.mjs)'}]};
			const sameStyles = `function sameStyles(before, after) {
    if (before === after) return true;
    if (before.length !== after.length) return false;
    for (let index = 0; index < before.length; index++) {
        if (before[index].code !== after[index].code || before[index].endCode !== after[index].endCode) return false;
    }
    return true;
}
`;
			const patched = `        if (i === 0) {
            if (char.styles.length > 0) ret += ansiCodesToString(char.styles);
        }
        else if (!sameStyles(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1 && char.styles.length > 0) {`;
			return {contents: sameStyles + source.replace(perCharacter, patched), loader: 'js', resolveDir: dirname(path)};
		});
	},
};

/** How many imports of our string-width were given the fast one, in the bundles made so far. */
export const fastStringWidthUses = () => stringWidthReplaced;

/** Every patch, in the order the CLI's bundle applies them. */
export const dependencyPatches = [fastStringWidth, lazyModuleValues, inkSimpleGraphemes, yogaSync, inkWithoutDevtools, inkFrames, inkOutputCaches, inkRowStrings, inkTextInputCursor, gotLazyHttp2, meowLazyNormalize];
