// The reader's colours are the one theme's (render/theme.ts), shared with print mode.
import {theme as coreTheme} from '../render/theme.js';

/** Colours for the renderer's semantic roles. */
export const roleColours = coreTheme.roles;

export const theme = coreTheme;
