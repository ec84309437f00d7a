// Writes the README's settings table from the settings schema (npm run docs:settings). A test fails when they differ.
import {settingsTable} from '../source/store/settings-schema.js';
import {readmeSettingsEnd, readmeSettingsStart} from '../source/store/settings-readme.js';
import {writeReadmeBlock} from './lib/write-readme-block.js';

writeReadmeBlock('the settings table', readmeSettingsStart, readmeSettingsEnd, settingsTable());
