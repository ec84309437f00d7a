// `npm test`'s type-check and lint, in one process: what `tsc --noEmit && eslint .` reports, from one
// TypeScript program. Run one after the other, tsc and ESLint's type-aware rules (typescript-eslint)
// each parsed and type-checked the whole tree on their own; here ESLint is handed the program tsc's
// checks ran on.
//
// Both remember what they found, in this checkout's folder under node_modules/.cache/blogterm-check:
// TypeScript's incremental build info, and each file's lint results. On a second run TypeScript checks
// again what its build info says may have changed: the files whose text changed, and the files that
// import one whose declarations (its .d.ts: what other files can see of it) changed, directly or
// through a re-export. ESLint lints again those same files, the files whose text changed, and the files
// that import one whose text changed: the types a file's rules see are what TypeScript checks it with,
// but a rule may read more of an imported file than its declarations (below), so a change inside a
// function body lints that file and its importers, not every file that depends on it further. (A rule
// reading a declaration two imports away, through a type, is still not seen again.) A file whose own
// text did not change is linted with the type-aware rules only: the others read nothing but its text,
// and their last findings are kept. When no file
// changed at all, the last report is printed again as it was. Anything else that could change a
// result (the ESLint or TypeScript config, this script, package-lock.json) starts over. `--cold` ignores what was remembered.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {checkCacheDir, lintCacheFile as lintCacheFileOf} from './check-cache.mjs';
import {readJson} from './lib/read-json.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const cold = process.argv.includes('--cold');
const hash = text => createHash('sha256').update(text).digest('hex');
const cacheDir = checkCacheDir(repoRoot);
mkdirSync(cacheDir, {recursive: true});
const lintCacheFile = lintCacheFileOf(repoRoot);
let printed = '';
const print = text => {
	printed += text;
	process.stdout.write(text);
};

// ---- Nothing changed: the last report again ---------------------------------------------------------

const packageVersion = name => readJson(join(repoRoot, 'node_modules', name, 'package.json'))?.version;
const configKey = hash(JSON.stringify([
	readFileSync(join(repoRoot, 'eslint.config.js'), 'utf8'),
	readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8'),
	readFileSync(import.meta.filename, 'utf8'),
	readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'),
	['eslint', 'typescript-eslint', '@eslint/js', 'eslint-plugin-react-hooks', 'typescript'].map(packageVersion),
]));

// Every JavaScript, TypeScript and JSON file of the checkout, and what it holds (dist/ is built output).
const watched = /\.(?:[cm]?js|[cm]?ts|tsx|json)$/;
function walk(dir) {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		if (['node_modules', '.git', 'dist'].includes(entry.name)) return [];
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return walk(path);
		return entry.isFile() && watched.test(entry.name) ? [path] : [];
	});
}
const texts = new Map(walk(repoRoot).map(path => [path, hash(readFileSync(path))]));
const stamp = hash(JSON.stringify([configKey, Boolean(process.stdout.isTTY), [...texts].map(([path, text]) => [relative(repoRoot, path), text])]));
const remembered = cold ? undefined : readJson(lintCacheFile);
if (remembered?.stamp === stamp) {
	process.stdout.write(remembered.report);
	if (process.env['BLOGTERM_CHECK_VERBOSE']) console.error('check: nothing changed');
	process.exit(remembered.exitCode);
}
const textOf = path => texts.get(path) ?? hash(readFileSync(path));

// ---- TypeScript: tsc --noEmit, incremental ----------------------------------------------------------

// Loaded only now: they take a moment, and a run where nothing changed needs neither.
// eslint-plugin-react-hooks loads its production build then: the same rules, without the React
// Compiler's development checks (some 2.5 s of CPU in 35, on a cold run).
process.env['NODE_ENV'] ??= 'production';
const {default: ts} = await import('typescript');
const {ESLint} = await import('eslint');

const parsed = ts.getParsedCommandLineOfConfigFile(join(repoRoot, 'tsconfig.json'), {}, {...ts.sys, onUnRecoverableConfigFileDiagnostic: diagnostic => report([diagnostic])});
const options = {...parsed.options, incremental: true, tsBuildInfoFile: join(cacheDir, cold ? 'cold.tsbuildinfo' : 'tsbuildinfo'), noEmit: true};
if (cold) rmSync(options.tsBuildInfoFile, {force: true});
const builder = ts.createIncrementalProgram({
	rootNames: parsed.fileNames,
	options,
	projectReferences: parsed.projectReferences,
	configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
	host: ts.createIncrementalCompilerHost(options),
});
const program = builder.getProgram();
// A build with nothing remembered keeps each file's text as its "signature" (what other files can see
// of it) instead of working out its declarations, to save time then; so the next change made every
// importer of the changed file, and theirs, count as changed: 153 files type-checked and linted again
// for one comment added to source/render/fit-width.ts (13.3 s), against 1 file and 16 linted (7.1 s)
// once the signatures are known. TypeScript has no option for it; its builder's state has the switch,
// and without it (another TypeScript) only that next run is slower. Working them out costs the first
// run little (check --cold 24.96 → 25.19 s wall, 30.62 → 30.94 s user: the same within a run's spread).
if (typeof builder.state?.useFileVersionAsSignature === 'boolean') builder.state.useFileVersionAsSignature = false;
// Every file TypeScript checks (again) goes through here: the files whose lint results may have changed.
const checked = new Set();
const bindAndCheck = program.getBindAndCheckDiagnostics;
program.getBindAndCheckDiagnostics = (file, token) => {
	checked.add(resolve(file.fileName));
	return bindAndCheck.call(program, file, token);
};

// Type-checks what changed (every file, the first time); the diagnostics of the rest are remembered.
let diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getSyntacticDiagnostics()];
// (With a syntax error TypeScript checks no types, so which files changed is not known: every file is linted.)
const typesChecked = diagnostics.length === 0;
if (typesChecked) diagnostics = [...builder.getGlobalDiagnostics(), ...builder.getSemanticDiagnostics()];
report(diagnostics);

/** Prints what is found, and keeps it for the next run. */
function report(found) {
	if (found.length === 0) return;
	const host = {getCanonicalFileName: name => name, getCurrentDirectory: () => repoRoot, getNewLine: () => '\n'};
	const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
	const errors = found.filter(diagnostic => diagnostic.category === ts.DiagnosticCategory.Error).length;
	print(format(found, host) + (errors > 0 ? `Found ${errors} TypeScript error${errors === 1 ? '' : 's'}.\n\n` : ''));
}

// ---- ESLint: eslint ., with the program above ---------------------------------------------------------

const eslint = new ESLint({
	cwd: repoRoot,
	// TypeScript files get the program above instead of typescript-eslint's own project service.
	overrideConfig: [{files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: {parserOptions: {projectService: false, programs: [program]}}}],
});

// What `eslint .` lints: every JavaScript and TypeScript file the config does not ignore.
const lintable = /\.(?:[cm]?js|[cm]?ts|tsx)$/;
function candidates(dir) {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		if (entry.name === 'node_modules' || entry.name === '.git') return [];
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return candidates(path);
		return entry.isFile() && lintable.test(entry.name) ? [path] : [];
	});
}
const files = [];
for (const path of candidates(repoRoot)) if (!(await eslint.isPathIgnored(path))) files.push(path);

// A file is linted again when its text changed, when TypeScript checked it again (above), or when it
// imports a file whose text changed. Results
// from a run that checked no types (a syntax error) are not kept: which types they saw is not known.
const previous = remembered?.key === configKey && remembered.typesChecked ? remembered.files : {};
const changed = path => previous[relative(repoRoot, path)]?.hash !== textOf(path);
// Some rules read more of an imported file than the types TypeScript's build info follows (unbound-method
// reads how a class's property is written: `f = () => …` and `f = function () {…}` declare the same type):
// the files that import one whose text changed are linted again too.
const linting = new Set(files);
const importsChanged = new Set();
for (const file of program.getSourceFiles()) {
	if (file.isDeclarationFile) continue;
	const imported = (file.imports ?? []).map(specifier => program.getResolvedModuleFromModuleSpecifier(specifier, file)?.resolvedModule?.resolvedFileName);
	if (imported.some(path => path !== undefined && linting.has(resolve(path)) && changed(resolve(path)))) importsChanged.add(resolve(file.fileName));
}
const toLint = files.filter(path => !typesChecked || changed(path) || checked.has(path) || importsChanged.has(path));
// A file whose own text is the same is linted again only for what another file can change: the rules that
// read types (typescript-eslint's type-aware rules). Every other rule (the React Compiler's, core ESLint's)
// reads the file alone, so what it found last time stands; the React Compiler's alone cost some 2.4 s of
// CPU for the 18 files importing source/ui/theme.ts, when its text changed.
const dependents = toLint.filter(path => typesChecked && !changed(path) && previous[relative(repoRoot, path)]);
const ownChanged = toLint.filter(path => !dependents.includes(path));
const linted = [...(ownChanged.length > 0 ? await eslint.lintFiles(ownChanged) : []), ...(dependents.length > 0 ? await lintTypeRulesOnly(dependents) : [])];
const fresh = new Map(linted.map(result => [result.filePath, result]));

/**
`dependents` linted with the type-aware rules only; every other rule's messages (and those of no rule: an
unused eslint-disable, reported only with every rule on) are the last run's, for the same text.
*/
async function lintTypeRulesOnly(dependents) {
	const {default: tseslint} = await import('typescript-eslint');
	const typeAware = name => name.startsWith('@typescript-eslint/') && tseslint.plugin.rules[name.slice('@typescript-eslint/'.length)]?.meta.docs?.requiresTypeChecking === true;
	const configured = Object.keys((await eslint.calculateConfigForFile(dependents[0])).rules ?? {});
	const typeRules = new ESLint({
		cwd: repoRoot,
		overrideConfig: [
			{files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: {parserOptions: {projectService: false, programs: [program]}}},
			{linterOptions: {reportUnusedDisableDirectives: 'off'}, rules: Object.fromEntries(configured.filter(name => !typeAware(name)).map(name => [name, 'off']))},
		],
	});
	const counted = messages => ({
		errorCount: messages.filter(message => message.severity === 2).length,
		fatalErrorCount: messages.filter(message => message.fatal).length,
		warningCount: messages.filter(message => message.severity === 1).length,
		fixableErrorCount: messages.filter(message => message.severity === 2 && message.fix).length,
		fixableWarningCount: messages.filter(message => message.severity === 1 && message.fix).length,
	});
	const byPlace = (a, b) => a.line - b.line || a.column - b.column;
	return (await typeRules.lintFiles(dependents)).map(result => {
		const last = previous[relative(repoRoot, result.filePath)].result;
		const kept = message => message.ruleId === null || !typeAware(message.ruleId);
		const messages = [...result.messages.filter(message => message.ruleId !== null), ...last.messages.filter(kept)].sort(byPlace);
		const suppressedMessages = [...(result.suppressedMessages ?? []).filter(message => message.ruleId !== null), ...(last.suppressedMessages ?? []).filter(kept)].sort(byPlace);
		return {...result, messages, suppressedMessages, ...counted(messages)};
	});
}
const results = files.map(path => fresh.get(path) ?? previous[relative(repoRoot, path)].result);

// A file saved while the check ran (an editor's save, a checkout): TypeScript and ESLint may have read it
// before or after, so nothing found in it is kept (it is linted again next time), and neither is this
// report for the tree as it was when the check began.
const editedMeanwhile = new Set([...texts].filter(([path, text]) => {
	try {
		return hash(readFileSync(path)) !== text;
	} catch {
		return true;
	}
}).map(([path]) => path));
const saved = {key: configKey, typesChecked, files: {}};
for (const [index, path] of files.entries()) {
	if (editedMeanwhile.has(path)) continue;
	const {source: _source, stats: _stats, ...result} = results[index];
	saved.files[relative(repoRoot, path)] = {hash: textOf(path), result};
}

const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results, {cwd: repoRoot, rulesMeta: eslint.getRulesMetaForResults(linted)});
if (output) print(`${output}\n`);

const lintErrors = results.reduce((sum, result) => sum + result.errorCount + result.fatalErrorCount, 0);
const typeErrors = diagnostics.filter(diagnostic => diagnostic.category === ts.DiagnosticCategory.Error).length;
const exitCode = typeErrors > 0 || lintErrors > 0 ? 1 : 0;
if (!cold) writeFileSync(lintCacheFile, JSON.stringify({...saved, stamp: editedMeanwhile.size === 0 ? stamp : undefined, report: printed, exitCode}));

// TypeScript's build info last: were the lint results lost before it, every file would be linted again.
builder.emit();
if (cold) rmSync(options.tsBuildInfoFile, {force: true});

if (process.env['BLOGTERM_CHECK_VERBOSE']) console.error(`check: ${checked.size} files type-checked, ${toLint.length} of ${files.length} linted`);
process.exit(exitCode);
