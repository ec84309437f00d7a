import {createHttpClient} from '../../source/http/client.js';

/*
Run as a child process by network.attack.ts: fetches one URL with blogterm's HTTP client and prints,
as one line of JSON, what came back and the most memory (JavaScript heap and buffers) the request
held above what the process held before it, sampled every few milliseconds while it ran.
*/

const url = process.argv[2]!;
const held = () => {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external + usage.arrayBuffers;
};
globalThis.gc?.();
const baseline = held();
let peak = baseline;
const sampler = setInterval(() => {
	peak = Math.max(peak, held());
}, 2);
let result: {statusCode?: number; characters?: number; error?: string};
try {
	const response = await createHttpClient().getText(url);
	peak = Math.max(peak, held());
	result = {statusCode: response.statusCode, characters: response.body.length};
} catch (error) {
	result = {error: (error as Error).message};
}
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({...result, grew: peak - baseline})}\n`);
