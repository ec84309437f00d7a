import {colourOff, darkTheme, noColourTheme, themeNamed, themeNames, type Theme} from '../render/theme.js';
import {readSetting} from '../store/settings.js';

/** The settings entry (settings.json) naming the theme: "dark", "light", "high-contrast" or "16-colour". */
export const themeSetting = 'theme';

/** What `--theme` takes, in words: "dark, light, high-contrast or 16-colour". */
export const themeChoices = `${themeNames.slice(0, -1).join(', ')} or ${themeNames.at(-1)!}`;

/**
 * The theme a run uses: none at all when `NO_COLOR` says so (and `FORCE_COLOR` does not say otherwise);
 * else `--theme` (already checked by the command line), else the `theme` setting, else dark. A setting
 * that names no theme is said in a note, and dark stands.
 */
export function chooseTheme(flag: string | undefined, environment: NodeJS.ProcessEnv = process.env): Theme {
	if (colourOff(environment)) return noColourTheme;
	if (flag !== undefined) return themeNamed(flag) ?? darkTheme;
	return readSetting(themeSetting, themeNamed, `it should be ${themeChoices}; the dark theme is used`, environment) ?? darkTheme;
}
