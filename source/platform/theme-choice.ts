import {colourOff, darkTheme, noColourTheme, themeNamed, themeNames, type Theme} from '../render/theme.js';
import {setting} from '../store/settings.js';

/** What `--theme` takes, in words: "dark, light, high-contrast or 16-colour". */
export const themeChoices = `${themeNames.slice(0, -1).join(', ')} or ${themeNames.at(-1)!}`;

/**
 * The theme a run uses: none at all when `NO_COLOR` says so (and `FORCE_COLOR` does not say otherwise)
 * or `--color never` (`colour`); else, and always with `--color always`, `--theme` (already checked by the
 * command line), else `theme` in config.json (checked, and said when it names no theme, as it is read), else dark.
 */
export function chooseTheme(flag: string | undefined, environment: NodeJS.ProcessEnv = process.env, colour: 'auto' | 'always' | 'never' = 'auto'): Theme {
	if (colour === 'never' || (colour === 'auto' && colourOff(environment))) return noColourTheme;
	if (flag !== undefined) return themeNamed(flag) ?? darkTheme;
	const named = setting('theme', environment);
	return (named && themeNamed(named)) ?? darkTheme;
}
