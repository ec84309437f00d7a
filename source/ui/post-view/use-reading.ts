import {createContext, createElement, useContext, type ReactElement} from 'react';
import {defaultReading, type Reading} from '../../render/reading.js';

/** The reading width and alignment the post screen lays its text out with (config.json's, given at start). */
export const ReadingContext = createContext<Reading>(defaultReading);

/** How wide the post's text is, and where it sits. */
export function useReading(): Reading {
	return useContext(ReadingContext);
}

/** `app` with `reading` given to every post screen in it. */
export function withReading(reading: Reading, app: ReactElement): ReactElement {
	return createElement(ReadingContext.Provider, {value: reading}, app);
}
