import {readmeBlock} from '../../readme-block.js';

/** The README's keys table sits between these two lines (written by `npm run docs:keys`). */
export const readmeKeysStart = '<!-- keys table: made from source/ui/keys/key-map.ts by `npm run docs:keys` -->';
export const readmeKeysEnd = '<!-- end of keys table -->';

/** The keys table as it stands in a README's text, or undefined without the markers. */
export const readmeKeysTable = (readme: string) => readmeBlock(readme, readmeKeysStart, readmeKeysEnd);
