// Writes the README's keys table from the key map (npm run docs:keys). A test fails when they differ.
import {keysTable} from '../source/ui/keys/key-map.js';
import {readmeKeysStart, readmeKeysEnd} from '../source/ui/keys/readme-table.js';
import {writeReadmeBlock} from './lib/write-readme-block.js';

writeReadmeBlock('the keys table', readmeKeysStart, readmeKeysEnd, keysTable());
