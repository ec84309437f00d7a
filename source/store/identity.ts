import type Conf from 'conf';
import type {CommentDraft} from '../model/comment-draft.js';
import {blogtermPaths} from './paths.js';
import {openConfFile} from './conf-file.js';
import {isPlainObject, noteStoreProblem} from './settings-files.js';

/*
"Save my name, email, and website for the next time I comment.": ticked, they are kept for that blog,
as WordPress keeps them in that site's cookies, and the last ones used are offered on a blog the user
has not commented on yet; unticked, that blog's are forgotten. Kept with conf in blogterm's config
folder, in a file of its own (identity.json) that only the user can read. The first version kept one
identity for every blog (`identity`): it is read as the last one used, and moved there on the next save.
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
	/** The blog (its site key): its own identity; without it, the last one used anywhere. */
	readonly site?: string;
};

type IdentityFile = {
	/** The one identity of the first version: the last used, until the next save moves it. */
	identity?: SavedIdentity;
	/** The last identity saved, on any blog: offered where the user has not commented yet. */
	last?: SavedIdentity;
	/** Per blog, by site key. */
	sites?: Record<string, SavedIdentity>;
};

function isIdentityFile(value: unknown): boolean {
	return isPlainObject(value)
		&& (value['identity'] === undefined || isPlainObject(value['identity']))
		&& (value['last'] === undefined || isPlainObject(value['last']))
		&& (value['sites'] === undefined || isPlainObject(value['sites']));
}

/** What the file holds for one identity, if it is one (a hand-edited file may hold anything). */
function identityFrom(value: unknown): SavedIdentity | undefined {
	if (!isPlainObject(value)) return undefined;
	const {name, email, website} = value;
	if (typeof name !== 'string' || typeof email !== 'string') return undefined;
	return {name, email, website: typeof website === 'string' ? website : ''};
}

function sameIdentity(a: SavedIdentity | undefined, b: SavedIdentity | undefined): boolean {
	return a !== undefined && b !== undefined && a.name === b.name && a.email === b.email && a.website === b.website;
}

function trimmed(identity: SavedIdentity): SavedIdentity {
	return {name: identity.name.trim(), email: identity.email.trim(), website: identity.website.trim()};
}

/** The blogs' identities (site keys hold dots: set as one object, never by a dotted path). */
function sitesOf(conf: Conf<IdentityFile>): Record<string, SavedIdentity> {
	const sites = conf.get('sites');
	return isPlainObject(sites) ? {...sites} : {};
}

/** The last identity used: the first version's single one counts. */
function lastOf(conf: Conf<IdentityFile>): SavedIdentity | undefined {
	return identityFrom(conf.get('last')) ?? identityFrom(conf.get('identity'));
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

/** The identity saved for the blog, else the last one used on any blog; undefined when none is saved. */
export function loadIdentity(options: IdentityStoreOptions = {}): SavedIdentity | undefined {
	try {
		const conf = open(options);
		const own = options.site === undefined ? undefined : identityFrom(Object.hasOwn(sitesOf(conf), options.site) ? sitesOf(conf)[options.site] : undefined);
		return own ?? lastOf(conf);
	} catch {
		return undefined; // Unreadable (not corrupt: that is moved aside): nothing to fill in.
	}
}

/** Keeps an identity for the blog (with `site`) and as the last one used. */
export function saveIdentity(identity: SavedIdentity, options: IdentityStoreOptions = {}): void {
	change(options, conf => {
		const kept = trimmed(identity);
		if (options.site !== undefined) conf.set('sites', {...sitesOf(conf), [options.site]: kept});
		conf.set('last', kept);
		conf.delete('identity');
	});
}

/** Forgets the blog's identity (with `site`; without it, every one), and the last one used if it was the same. */
export function forgetIdentity(options: IdentityStoreOptions = {}): void {
	change(options, conf => {
		if (options.site === undefined) {
			conf.clear();
			return;
		}
		const sites = sitesOf(conf);
		const forgotten = identityFrom(sites[options.site]);
		delete sites[options.site];
		conf.set('sites', sites);
		if (forgotten === undefined || sameIdentity(forgotten, lastOf(conf))) {
			conf.delete('last');
			conf.delete('identity');
		}
	});
}

/** Keeps the draft's name, email and website for the blog when its box is ticked, forgets them when it is not. */
export function rememberIdentity(draft: CommentDraft, options: IdentityStoreOptions = {}): void {
	if (draft.saveIdentity) {
		saveIdentity({name: draft.name, email: draft.email, website: draft.website}, options);
	} else {
		forgetIdentity(options);
	}
}
