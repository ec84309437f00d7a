import {defaultReading, type Reading} from '../render/post-layout.js';
import {readSetting} from '../store/settings.js';

/** The settings entries (settings.json): `"readingWidth": 100`, `"readingAlign": "left"` or `"centre"`. */
export const readingWidthSetting = 'readingWidth';
export const readingAlignSetting = 'readingAlign';

/** The narrowest and widest reading width taken (a column narrower than 20 reads worse than none). */
export const readingWidthRange = {min: 20, max: 1000} as const;

const widthOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= readingWidthRange.min && value <= readingWidthRange.max ? value : undefined);
const alignOf = (value: unknown) => (value === 'left' || value === 'centre' ? value : undefined);

/**
 * The reading width and alignment from settings.json; an entry that cannot be used is said in a note and
 * its default stands (100 columns, left).
 */
export function chooseReading(environment: NodeJS.ProcessEnv = process.env): Reading {
	const width = readSetting(readingWidthSetting, widthOf, `it should be a whole number of columns from ${readingWidthRange.min} to ${readingWidthRange.max}; ${defaultReading.width} is used`, environment);
	const align = readSetting(readingAlignSetting, alignOf, `it should be "left" or "centre"; "${defaultReading.align}" is used`, environment);
	return {width: width ?? defaultReading.width, align: align ?? defaultReading.align};
}
