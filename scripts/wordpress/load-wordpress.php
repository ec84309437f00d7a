<?php
/*
 * Loads WordPress for a command-line script (seed.php, wp-tool.php), for the
 * site the environment names (BLOGTERM_WP_DB_NAME, BLOGTERM_WP_DB_SOCKET,
 * BLOGTERM_WP_URL; see config-blogterm-e2e.php). Include it at file scope:
 * WordPress expects its globals to be global.
 */
if (PHP_SAPI !== 'cli') {
	exit(1);
}
$blogterm_url = parse_url((string) getenv('BLOGTERM_WP_URL'));
$_SERVER['WORDPRESS_CONFIG'] = 'blogterm-e2e';
$_SERVER['HTTP_HOST'] = ($blogterm_url['host'] ?? '127.0.0.1') . (isset($blogterm_url['port']) ? ':' . $blogterm_url['port'] : '');
$_SERVER['SERVER_NAME'] = $blogterm_url['host'] ?? '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
unset($blogterm_url);

if (!empty($blogterm_installing)) {
	define('WP_INSTALLING', true);
}

// Never send mail or make HTTP requests from a script: there is nobody to answer.
function wp_mail() {
	return true;
}

require '/usr/share/wordpress/wp-load.php';

add_filter('pre_http_request', function () {
	return new WP_Error('blogterm_e2e', 'No HTTP requests from the e2e scripts.');
});
