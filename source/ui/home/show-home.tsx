// The home screen in Ink: loaded by run-home.ts once the first frame is up (drawn without Ink), or at once
// where that frame is not drawn.
import {render} from 'ink';
import type {Reading} from '../../render/reading.js';
import {withReading} from '../post-view/use-reading.js';
import {readerRender} from '../reader-render.js';
import {HomeApp, type HomeAppProps} from './home-app.js';

/** Shows the home screen until it is quit. */
export async function showHome(props: HomeAppProps, {reading, screenReader}: {readonly reading: Reading; readonly screenReader: boolean}): Promise<void> {
	const {tree, options} = readerRender(withReading(reading, <HomeApp {...props} />), screenReader);
	const instance = render(tree, options);
	await instance.waitUntilExit();
}
