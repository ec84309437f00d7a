// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: self time by file
// (bundle chunks and node: internals), and the heaviest functions. Used to find what to fix;
// `node --import tsx bench/profile-summary.ts FILE.cpuprofile [top]`.
import {readFileSync} from 'node:fs';

type Node = {id: number; callFrame: {functionName: string; url: string; lineNumber: number}; hitCount?: number; children?: number[]};
type Profile = {nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[]};

export function summariseProfile(file: string, top = 25): string {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map(node => [node.id, node]));
	const selfMs = new Map<number, number>();
	for (let index = 0; index < profile.samples.length; index++) {
		const id = profile.samples[index]!;
		selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
	}
	const byFile = new Map<string, number>();
	const byFunction = new Map<string, number>();
	for (const [id, ms] of selfMs) {
		const frame = byId.get(id)!.callFrame;
		const file = frame.url ? frame.url.replace(/^file:\/\/.*\/(dist|node_modules|source|bench)\//, '$1/') : `(${frame.functionName || 'native'})`;
		byFile.set(file, (byFile.get(file) ?? 0) + ms);
		const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
		byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
	}
	const total = (profile.endTime - profile.startTime) / 1000;
	const rows = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`).join('\n');
	return `profile ${total.toFixed(1)} ms\n-- self time by file\n${rows(byFile)}\n-- self time by function\n${rows(byFunction)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.stdout.write(summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25)));
}
