// Run as its own process by db.test.ts: once told "go" on stdin, opens the store at BLOGTERM_HOME
// (perhaps creating it) and writes `count` blogs, one write transaction each, while another process
// does the same; prints how many it wrote.
import {once} from 'node:events';
import {blogtermPaths} from '../../source/store/paths.js';
import {openSubscriptions} from '../../source/subscriptions/subscriptions.js';

const [prefix = 'a', countText = '100'] = process.argv.slice(2);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const subscriptions = openSubscriptions(blogtermPaths());
let written = 0;
for (let index = 0; index < Number(countText); index++) {
	const report = subscriptions.importOpml(`<opml version="2.0"><body><outline text="${prefix} ${index}" xmlUrl="https://${prefix}${index}.example/feed"/></body></opml>`);
	written += report.added;
	subscriptions.markRead(`https://${prefix}${index}.example/feed`, index);
}
subscriptions.close();
process.stdout.write(`${written}\n`);
process.stdin.destroy();
