// The floor every whole-process case is measured against: Node starting, one GET with node:http,
// the answer written to stdout, exit. Nothing blogterm does can take less than this.
import {get} from 'node:http';

get(process.argv[2], response => {
	const chunks = [];
	response.on('data', chunk => chunks.push(chunk));
	response.on('end', () => process.stdout.write(Buffer.concat(chunks)));
});
