import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	byteLength,
	commentFields,
	fieldLabels,
	firstFieldInError,
	isEmail,
	requiredFieldsNote,
	saveIdentityLabel,
	validateDraft,
	validateField,
} from '../../source/comments/validation.js';

const good = {comment: 'Nice post.', name: 'Dana', email: 'dana@example.com', website: ''};

describe('comment form validation', () => {
	test('a complete comment has no errors', () => {
		assert.deepEqual(validateDraft(good), {});
		assert.deepEqual(validateDraft({...good, website: 'https://dana.example/'}), {});
	});

	test("shows 'Fill out this field' for an empty Comment, Name and Email, but not Website", () => {
		const errors = validateDraft({comment: '', name: '', email: '', website: ''});
		assert.deepEqual(errors, {comment: 'Fill out this field', name: 'Fill out this field', email: 'Fill out this field'});
	});

	test('a field of only spaces counts as empty, as WordPress trims it', () => {
		assert.equal(validateField('name', {...good, name: '   '}), 'Fill out this field');
		assert.equal(validateField('comment', {...good, comment: '\n\n  \n'}), 'Fill out this field');
	});

	test("shows 'Please enter a valid email address.' for addresses WordPress's is_email refuses", () => {
		for (const email of ['dana', 'dana@', '@example.com', 'dana@example', 'dana@exa..mple.com', 'da na@example.com', 'dana@-example.com', 'dana@example.com.', 'a@b.c']) {
			assert.equal(validateField('email', {...good, email}), 'Please enter a valid email address.', email);
		}
		for (const email of ['dana@example.com', "o'neil+blog@mail.example.co.uk", 'a1@b.cd']) {
			assert.equal(validateField('email', {...good, email}), undefined, email);
			assert.ok(isEmail(email));
		}
	});

	test("shows 'Please enter a URL.' for a website that is not an http(s) URL", () => {
		for (const website of ['dana.example', 'ftp://dana.example', 'javascript:alert(1)', 'https://', 'not a url']) {
			assert.equal(validateField('website', {...good, website}), 'Please enter a URL.', website);
		}
		assert.equal(validateField('website', {...good, website: 'http://dana.example/blog'}), undefined);
	});

	test('names the limit when a field is longer than WordPress accepts', () => {
		assert.equal(validateField('name', {...good, name: 'a'.repeat(300)}), 'Name is too long: at most 245 bytes (this is 300).');
		assert.equal(validateField('name', {...good, name: 'a'.repeat(245)}), undefined);
		const email = `${'a'.repeat(95)}@example.com`;
		assert.equal(validateField('email', {...good, email}), `Email is too long: at most 100 bytes (this is ${email.length}).`);
		const website = `https://example.com/${'p'.repeat(200)}`;
		assert.equal(validateField('website', {...good, website}), `Website is too long: at most 200 bytes (this is ${website.length}).`);
		assert.equal(validateField('comment', {...good, comment: 'x'.repeat(65_526)}), 'Comment is too long: at most 65525 bytes (this is 65526).');
		assert.equal(validateField('comment', {...good, comment: 'x'.repeat(65_525)}), undefined);
	});

	test('counts bytes of UTF-8, not characters: 123 × "é" is 246 bytes, over the 245 of Name', () => {
		const name = 'é'.repeat(123);
		assert.equal(name.length, 123);
		assert.equal(byteLength(name), 246);
		assert.equal(validateField('name', {...good, name}), 'Name is too long: at most 245 bytes (this is 246).');
		assert.equal(validateField('name', {...good, name: 'é'.repeat(122)}), undefined);
		// An emoji is 4 bytes: 16 382 of them (65 528 bytes) are too long for a comment of 32 764 UTF-16 units.
		const comment = '😀'.repeat(16_382);
		assert.equal(validateField('comment', {...good, comment}), 'Comment is too long: at most 65525 bytes (this is 65528).');
	});

	test('the first field in error follows the form order', () => {
		assert.equal(firstFieldInError(validateDraft({...good, email: 'x', website: 'y'})), 'email');
		assert.equal(firstFieldInError(validateDraft({...good, comment: '', website: 'y'})), 'comment');
		assert.equal(firstFieldInError({}), undefined);
	});

	test('labels and notes read as WordPress writes them', () => {
		assert.deepEqual(commentFields.map(field => fieldLabels[field]), ['Comment *', 'Name *', 'Email *', 'Website']);
		assert.equal(saveIdentityLabel, 'Save my name, email, and website for the next time I comment.');
		assert.equal(requiredFieldsNote, 'Your email address will not be published. Required fields are marked *');
	});
});
