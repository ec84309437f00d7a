/*
Answers as WordPress sends them to a comment, for the tests: the markup of _default_wp_die_handler
(WordPress 5.3 and later, and the older one without the wp-die-message div), the redirects of
wp-comments-post.php, and the REST API's JSON.
*/

/** The page wp_die() prints, as WordPress 6 does (styles shortened). `messageHtml` is what wp-comments-post.php passes. */
export function wpDiePage(messageHtml: string, title = 'Comment Submission Failure'): string {
	return `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
		<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>${title}</title>
	<style type="text/css">
		html {
			background: #f1f1f1;
		}
		body {
			background: #fff;
			border: 1px solid #ccd0d4;
			color: #444;
			font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen-Sans, Ubuntu, Cantarell, "Helvetica Neue", sans-serif;
			margin: 2em auto;
			padding: 1em 2em;
			max-width: 700px;
		}
		#error-page .wp-die-message,
		#error-page p {
			font-size: 14px;
			line-height: 1.5;
			margin: 25px 0 20px;
		}
	</style>
</head>
<body id="error-page">
	<div class="wp-die-message">${messageHtml}</div>
<p><a href='javascript:history.back()'>&laquo; Back</a></p>	</body>
</html>
`;
}

/** The same page from WordPress before 5.3: no wp-die-message div, the "« Back" link in the body. */
export function oldWpDiePage(messageHtml: string): string {
	return `<!DOCTYPE html>
<!-- Ticket #11289, IE bug fix: always pad the error page with enough characters such that it is greater than 512 bytes, even after gzip compression abcdefghijklmnopqrstuvwxyz1234567890aabbccddeeffgghhiijjkkllmmnnooppqqrrssttuuvvwwxxyyzz11223344556677889900abacbcbdcdcededfefegfgfhghgihihjijikjkjlklkmlmlnmnmononpopoqpqprqrqsrsrtstsubcbcdcdedefefgfabcadefbghicjkldmnoepqrfstugvwxhyz1i234j567k890laabmbccnddeoeffpgghqhiirjjksklltmmnunoovppqwqrrxsstytuuzvvw0wxx1yyz2z113223434455666777889890091abc2def3ghi4jkl5mno6pqr7stu8vwx9yz11aab2bcc3dd4ee5ff6gg7hh8ii9j0jk1kl2lmm3nnoo4p5pq6qrr7ss8tt9uuvv0wwx1x2yyzz13aba4cbcb5dcdc6dedfef8egf9gfh0ghg1ihi2hji3jik4jkj5lkl6kml7mln8mnm9ono -->
<html xmlns="http://www.w3.org/1999/xhtml" lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width">
	<meta name='robots' content='noindex,follow' />
	<title>WordPress &rsaquo; Error</title>
	<style type="text/css">
		html { background: #f1f1f1; }
	</style>
</head>
<body id="error-page">
	<p>${messageHtml}</p>
<p><a href='javascript:history.back()'>&laquo; Back</a></p></body>
</html>
`;
}

/** What wp-comments-post.php passes to wp_die for each WP_Error of wp_handle_comment_submission (WordPress 6). */
export const formErrors = {
	requiredFields: {status: 200, html: '<p><strong>Error:</strong> Please fill the required fields.</p>'},
	invalidEmail: {status: 200, html: '<p><strong>Error:</strong> Please enter a valid email address.</p>'},
	noComment: {status: 200, html: '<p><strong>Error:</strong> Please type your comment text.</p>'},
	nameTooLong: {status: 200, html: '<p><strong>Error:</strong> Your name is too long.</p>'},
	duplicate: {status: 409, html: '<p>Duplicate comment detected; it looks as though you&#8217;ve already said that!</p>'},
	flood: {status: 429, html: '<p>You are posting comments too quickly. Slow down.</p>'},
	closed: {status: 403, html: '<p>Sorry, comments are closed for this item.</p>'},
	loginRequired: {status: 403, html: '<p>Sorry, you must be logged in to comment.</p>'},
	replyToUnapproved: {status: 403, html: '<p>Sorry, replies to unapproved comments are not allowed.</p>'},
} as const;

/** WordPress's "critical error" page (a PHP fatal error, e.g. in a plugin's comment_post hook). */
export const criticalErrorPage = wpDiePage(
	'<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>',
	'WordPress &rsaquo; Error',
);

/** REST API error bodies (WP_REST_Comments_Controller, rest-api.php, application passwords). */
export const restErrors = {
	loginRequired: {status: 401, json: {code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.', data: {status: 401}}},
	duplicate: {status: 409, json: {code: 'comment_duplicate', message: 'Duplicate comment detected; it looks as though you&#8217;ve already said that!', data: {status: 409}}},
	flood: {status: 400, json: {code: 'comment_flood', message: 'You are posting comments too quickly. Slow down.', data: {status: 400}}},
	closed: {status: 403, json: {code: 'rest_comment_closed', message: 'Sorry, comments are closed for this item.', data: {status: 403}}},
	authorDataRequired: {status: 400, json: {code: 'rest_comment_author_data_required', message: 'Creating a comment requires valid author name and email values.', data: {status: 400}}},
	invalidParam: {
		status: 400,
		json: {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): author_email',
			data: {status: 400, params: {author_email: 'Invalid email address.'}, details: {author_email: {code: 'rest_invalid_email', message: 'Invalid email address.', data: null}}},
		},
	},
	invalidAuthor: {status: 401, json: {code: 'rest_comment_invalid_author', message: 'Sorry, you are not allowed to edit \'author\' for comments.', data: {status: 401}}},
	badPassword: {status: 401, json: {code: 'incorrect_password', message: 'The provided password is an invalid application password.', data: null}},
	failedCreate: {status: 500, json: {code: 'rest_comment_failed_create', message: 'Creating comment failed.', data: {status: 500}}},
	noRoute: {status: 404, json: {code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: {status: 404}}},
} as const;

/** The comment the REST API answers with on 201 (view context, trimmed). */
export function restComment(id: number, status: 'approved' | 'hold', postLink = 'https://blog.example/2024/03/hello-world/'): Record<string, unknown> {
	return {
		id,
		post: 1,
		parent: 0,
		author: 0,
		author_name: 'Dana',
		author_url: '',
		date: '2024-03-12T14:05:00',
		date_gmt: '2024-03-12T14:05:00',
		content: {rendered: '<p>Nice post.</p>\n'},
		link: `${postLink}#comment-${id}`,
		status,
		type: 'comment',
		author_avatar_urls: {24: 'https://secure.gravatar.com/avatar/0?s=24&d=mm&r=g'},
		meta: [],
		_links: {self: [{href: `https://blog.example/wp-json/wp/v2/comments/${id}`}]},
	};
}
