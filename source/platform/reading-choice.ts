import {defaultReading, type Reading} from '../render/reading.js';
import {setting} from '../store/settings.js';

/**
 * The reading width and alignment: `"readingWidth": 100` (20 to 1000 columns: narrower reads worse than
 * none), `"readingAlign": "left"` or `"centre"` in config.json, checked as it is read; else 100, left.
 */
export function chooseReading(environment: NodeJS.ProcessEnv = process.env): Reading {
	return {width: setting('readingWidth', environment) ?? defaultReading.width, align: setting('readingAlign', environment) ?? defaultReading.align};
}
