import {readmeBlock} from '../readme-block.js';

/** The README's settings table sits between these two lines (written by `npm run docs:settings`). */
export const readmeSettingsStart = '<!-- settings table: made from source/store/settings-schema.ts by `npm run docs:settings` -->';
export const readmeSettingsEnd = '<!-- end of settings table -->';

/** The settings table as it stands in a README's text, or undefined without the markers. */
export const readmeSettingsTable = (readme: string) => readmeBlock(readme, readmeSettingsStart, readmeSettingsEnd);
