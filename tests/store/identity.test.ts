import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import type {CommentDraft} from '../../source/model/comment-draft.js';
import {forgetIdentity, loadIdentity, rememberIdentity, saveIdentity} from '../../source/store/identity.js';
import {withEnvironment} from '../helpers/environment.js';

const root = mkdtempSync(join(tmpdir(), 'blogterm-identity-'));
after(() => rmSync(root, {recursive: true, force: true}));
let count = 0;
const freshDirectory = () => join(root, `case-${++count}`);

const draft: CommentDraft = {comment: 'Hi', name: ' Dana ', email: 'dana@example.com', website: 'https://dana.example/', saveIdentity: true, parent: 0};

describe('saved identity', () => {
	// Put back when the suite ends.
	const environment = withEnvironment();

	test('nothing is saved at first', () => {
		assert.equal(loadIdentity({directory: freshDirectory()}), undefined);
	});

	test('ticked, the name, email and website are kept (trimmed) for next time', () => {
		const directory = freshDirectory();
		rememberIdentity(draft, {directory});
		assert.deepEqual(loadIdentity({directory}), {name: 'Dana', email: 'dana@example.com', website: 'https://dana.example/'});
		// Kept in a file of its own that only the user can read, next to blogterm's other settings.
		const file = join(directory, 'identity.json');
		assert.equal(statSync(file).mode & 0o777, 0o600);
		assert.match(readFileSync(file, 'utf8'), /dana@example\.com/);
	});

	test('unticked, they are forgotten', () => {
		const directory = freshDirectory();
		rememberIdentity(draft, {directory});
		rememberIdentity({...draft, saveIdentity: false}, {directory});
		assert.equal(loadIdentity({directory}), undefined);
		assert.doesNotMatch(readFileSync(join(directory, 'identity.json'), 'utf8'), /dana/);
	});

	test('saving again replaces it; forgetting twice is harmless', () => {
		const directory = freshDirectory();
		saveIdentity({name: 'Dana', email: 'dana@example.com', website: ''}, {directory});
		saveIdentity({name: 'Eli', email: 'eli@example.com', website: ''}, {directory});
		assert.equal(loadIdentity({directory})?.name, 'Eli');
		forgetIdentity({directory});
		forgetIdentity({directory});
		assert.equal(loadIdentity({directory}), undefined);
	});

	test('a damaged file is as good as none, and can be saved over', () => {
		const directory = freshDirectory();
		saveIdentity({name: 'Dana', email: 'dana@example.com', website: ''}, {directory});
		writeFileSync(join(directory, 'identity.json'), '{"identity": {"name": ');
		assert.equal(loadIdentity({directory}), undefined);
		saveIdentity({name: 'Dana', email: 'dana@example.com', website: ''}, {directory});
		assert.equal(loadIdentity({directory})?.email, 'dana@example.com');
	});

	test('the default place is blogterm\'s config folder ($BLOGTERM_HOME/config in tests)', () => {
		const home = freshDirectory();
		environment.set('BLOGTERM_HOME', home);
		saveIdentity({name: 'Dana', email: 'dana@example.com', website: ''});
		assert.match(readFileSync(join(home, 'config', 'identity.json'), 'utf8'), /Dana/);
		assert.equal(loadIdentity()?.name, 'Dana');
	});

	test('per blog, as WordPress\'s cookies are per site; a blog not commented on yet is offered the last used', () => {
		const directory = freshDirectory();
		rememberIdentity(draft, {directory, site: 'one.example'});
		rememberIdentity({...draft, name: 'Dana B', email: 'b@example.com'}, {directory, site: 'two.example'});
		assert.equal(loadIdentity({directory, site: 'one.example'})?.email, 'dana@example.com');
		assert.equal(loadIdentity({directory, site: 'two.example'})?.email, 'b@example.com');
		assert.equal(loadIdentity({directory, site: 'new.example'})?.email, 'b@example.com', 'the last used');
		// Site keys hold dots: kept as keys, not as paths into the file.
		assert.match(readFileSync(join(directory, 'identity.json'), 'utf8'), /"one\.example"/);
	});

	test('unticked on a blog: that blog\'s are forgotten, another blog\'s are kept', () => {
		const directory = freshDirectory();
		rememberIdentity(draft, {directory, site: 'one.example'});
		rememberIdentity({...draft, name: 'Dana B', email: 'b@example.com'}, {directory, site: 'two.example'});
		rememberIdentity({...draft, name: 'Dana B', email: 'b@example.com', saveIdentity: false}, {directory, site: 'two.example'});
		assert.equal(loadIdentity({directory, site: 'one.example'})?.email, 'dana@example.com');
		assert.doesNotMatch(readFileSync(join(directory, 'identity.json'), 'utf8'), /b@example\.com/);
	});

	test('the single identity of the first version is carried over: offered everywhere, kept on the next save', () => {
		const directory = freshDirectory();
		mkdirSync(directory, {recursive: true});
		writeFileSync(join(directory, 'identity.json'), JSON.stringify({identity: {name: 'Old', email: 'old@example.com', website: ''}}));
		assert.equal(loadIdentity({directory, site: 'any.example'})?.name, 'Old');
		rememberIdentity({...draft, name: 'Old', email: 'old@example.com', website: ''}, {directory, site: 'one.example'});
		assert.equal(loadIdentity({directory, site: 'other.example'})?.name, 'Old');
		assert.equal(loadIdentity({directory, site: 'one.example'})?.name, 'Old');
	});
});
