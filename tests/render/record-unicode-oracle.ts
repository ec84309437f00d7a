// `npm run test:record-unicode`: asks string-width and ICU's grapheme segmenter about every character up
// to U+FFFF in the texts the Unicode tests use, and records their answers, with the versions that gave
// them, in tests/fixtures/unicode/oracle.json (see unicode-oracle.ts). Run it after string-width or
// Node's ICU changes; until then those tests ask the oracles themselves.
import {writeFileSync} from 'node:fs';
import {relative} from 'node:path';
import {askOracles, oracleVersions, recordingFile, recordingOf} from './unicode-oracle.js';

writeFileSync(recordingFile, recordingOf(askOracles()));
console.log(`Recorded the answers of ${Object.entries(oracleVersions()).map(([name, version]) => `${name} ${version}`).join(', ')} in ${relative(process.cwd(), recordingFile)}.`);
