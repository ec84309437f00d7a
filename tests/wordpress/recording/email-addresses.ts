/**
 * Addresses that WordPress's is_email() is asked about when recording (tests/fixtures/wordpress/is-email.json):
 * each of its rules, either way, and the edges where a port of it could go wrong (bytes, not characters;
 * PHP's `$` that matches before a final newline).
 */
export const emailAddresses: readonly string[] = [
	'reader@example.com',
	'a@b.co',
	'a@b.c',
	'ab@c',
	'@example.com',
	'reader@@example.com',
	'first.last+tag@mail.example.org',
	"o'hara@example.ie",
	'x!#$%&*+/=?^_`{|}~-@example.com',
	'two words@example.com',
	'reader@exa mple.com',
	'reader@example..com',
	'reader@.example.com',
	'reader@example.com.',
	'reader@example',
	'reader@-example.com',
	'reader@example-.com',
	'reader@ex_ample.com',
	'reader@xn--bcher-kva.example',
	'rëader@example.com',
	'reader@bücher.example',
	'é@b.c',
	'reader\n@example.com',
	'reader@example.com\n',
	' reader@example.com',
	'reader@example.com ',
	'not-an-email',
	'reader@123.45',
	'"quoted"@example.com',
];
