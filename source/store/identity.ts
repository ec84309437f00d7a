import type Conf from 'conf';
import type {CommentDraft} from '../model/comment-draft.js';
import {blogtermPaths} from './paths.js';
import {openConfFile} from './conf-file.js';
import {isPlainObject, noteStoreProblem} from './settings-files.js';

/*
"Save my name, email, and website for the next time I comment.": ticked, they are kept and filled in on
any blog; unticked, they are forgotten. Kept with conf in blogterm's config folder, in a file of its own
(identity.json) that only the user can read.
*/

/** Who the user says they are when they comment. */
export type SavedIdentity = {
	readonly name: string;
	readonly email: string;
	readonly website: string;
};

export type IdentityStoreOptions = {
	/** The folder of the file (default: blogterm's config folder). */
	readonly directory?: string;
};

type IdentityFile = {identity?: SavedIdentity};

function isIdentityFile(value: unknown): boolean {
	return isPlainObject(value) && (value['identity'] === undefined || isPlainObject(value['identity']));
}

/** The file, opened; a corrupt one is moved aside with a note (never silently emptied). */
function open(options: IdentityStoreOptions): Conf<IdentityFile> {
	return openConfFile<IdentityFile>({
		cwd: options.directory ?? blogtermPaths().config,
		configName: 'identity',
		what: 'Your saved name, email and website',
		isValid: isIdentityFile,
		configFileMode: 0o600,
	});
}

/** Runs a change to the file; one that cannot be written is noted, not thrown (the comment was sent all the same). */
function change(options: IdentityStoreOptions, apply: (conf: Conf<IdentityFile>) => void): void {
	try {
		apply(open(options));
	} catch (error) {
		const code = (error as {code?: string})?.code;
		noteStoreProblem(`your name, email and website could not be saved${code ? ` (${code})` : ''}.`);
	}
}

/** The saved identity, or undefined when none is saved. */
export function loadIdentity(options: IdentityStoreOptions = {}): SavedIdentity | undefined {
	let identity: Partial<SavedIdentity> | undefined;
	try {
		identity = open(options).get('identity') as Partial<SavedIdentity> | undefined;
	} catch {
		return undefined; // Unreadable (not corrupt: that is moved aside): nothing to fill in.
	}
	if (!identity || typeof identity.name !== 'string' || typeof identity.email !== 'string') return undefined;
	return {name: identity.name, email: identity.email, website: typeof identity.website === 'string' ? identity.website : ''};
}

export function saveIdentity(identity: SavedIdentity, options: IdentityStoreOptions = {}): void {
	change(options, conf => conf.set('identity', {name: identity.name.trim(), email: identity.email.trim(), website: identity.website.trim()}));
}

export function forgetIdentity(options: IdentityStoreOptions = {}): void {
	change(options, conf => conf.delete('identity'));
}

/** Keeps the draft's name, email and website when its box is ticked, forgets them when it is not. */
export function rememberIdentity(draft: CommentDraft, options: IdentityStoreOptions = {}): void {
	if (draft.saveIdentity) {
		saveIdentity({name: draft.name, email: draft.email, website: draft.website}, options);
	} else {
		forgetIdentity(options);
	}
}
