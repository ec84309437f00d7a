import {createContext, useContext} from 'react';
import {defaultKeyMap, type KeyMap} from './key-map.js';

/** The key map the screens read (the default one unless the app, or a test, gives another). */
export const KeyMapContext = createContext<KeyMap>(defaultKeyMap);

/** The key map in use: handlers ask it which action a key is; hints and help are made from it. */
export function useKeyMap(): KeyMap {
	return useContext(KeyMapContext);
}
