// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: self time by module
// (for the esbuild bundle in dist/, the `// node_modules/…` or `// source/…` file each line came
// from), by function, and by the first blogterm source file up the stack (who asked for the work).
// `node --import tsx bench/profile-summary.ts FILE.cpuprofile [top] [fromMs] [toMs]`.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

type Frame = {functionName: string; url: string; lineNumber: number};
type Node = {id: number; callFrame: Frame; children?: number[]};
type Profile = {nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[]};

const moduleMaps = new Map<string, Array<[number, string]>>();

/** Which bundled file a line of a dist/ chunk came from (esbuild marks each with a comment). */
function moduleOf(frame: Frame): string {
	if (!frame.url) return `(${frame.functionName || 'native'})`;
	// dist/app's files are compiled through vm.Script (the code cache), named by their path.
	if (!frame.url.startsWith('file://') && !frame.url.startsWith('/')) return frame.url;
	const path = frame.url.startsWith('/') ? frame.url : fileURLToPath(frame.url);
	let map = moduleMaps.get(path);
	if (!map) {
		map = [];
		try {
			readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
				const match = /^\/\/ ((?:node_modules|source|bench)\/\S+)$/.exec(line);
				if (match) map!.push([index, match[1]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1')]);
			});
		} catch {
			// A bundle that cannot be read has no module map: its frames keep their file paths.
		}
		moduleMaps.set(path, map);
	}
	let found = path.replace(/^.*\/(dist|node_modules|source|bench)\//, '$1/');
	for (const [line, name] of map) {
		if (line > frame.lineNumber) break;
		found = name;
	}
	return found;
}

export function summariseProfile(file: string, top = 25, fromMs = 0, toMs = Number.POSITIVE_INFINITY): string {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map(node => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const byModule = new Map<string, number>();
	const byFunction = new Map<string, number>();
	const byCaller = new Map<string, number>();
	const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
	let time = 0;
	let total = 0;
	for (let index = 0; index < profile.samples.length; index++) {
		const ms = (profile.timeDeltas[index] ?? 0) / 1000;
		time += ms;
		if (time < fromMs || time > toMs) continue;
		total += ms;
		const id = profile.samples[index]!;
		const frame = byId.get(id)!.callFrame;
		const module = moduleOf(frame);
		add(byModule, module, ms);
		add(byFunction, `${frame.functionName || '(anonymous)'} ${module}:${frame.lineNumber + 1}`, ms);
		let caller = '(no blogterm code on the stack)';
		for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
			const callerModule = moduleOf(byId.get(current)!.callFrame);
			if (callerModule.startsWith('source/')) {
				caller = `${byId.get(current)!.callFrame.functionName || '(anonymous)'} ${callerModule}`;
				break;
			}
		}
		add(byCaller, caller, ms);
	}
	const rows = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`).join('\n');
	return `profile ${((profile.endTime - profile.startTime) / 1000).toFixed(1)} ms, ${total.toFixed(1)} ms shown\n-- self time by module\n${rows(byModule)}\n-- self time by function\n${rows(byFunction)}\n-- inclusive, by the nearest blogterm function up the stack\n${rows(byCaller)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.stdout.write(summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25), Number(process.argv[4] ?? 0), Number(process.argv[5] ?? Number.POSITIVE_INFINITY)));
}
