<?php
/*
 * Router for `php -S`: serves Debian's WordPress (/usr/share/wordpress) the
 * way Apache with WordPress's .htaccess would. Existing PHP files run as
 * themselves (wp-comments-post.php, wp-login.php, …), other existing files
 * are served as they are, and every other path goes to index.php, which is
 * what makes pretty permalinks and /wp-json/ work.
 */
$_SERVER['WORDPRESS_CONFIG'] = 'blogterm-e2e';

$blogterm_root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$blogterm_path = '/' . ltrim(urldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH)), '/');
$blogterm_file = realpath($blogterm_root . $blogterm_path);
if ($blogterm_file !== false && strpos($blogterm_file . '/', $blogterm_root . '/') !== 0) {
	$blogterm_file = false; // outside the document root
}

if ($blogterm_file !== false && is_dir($blogterm_file)) {
	if (substr($blogterm_path, -1) !== '/') {
		header('Location: ' . $blogterm_path . '/', true, 301);
		exit;
	}
	$blogterm_file = is_file($blogterm_file . '/index.php') ? $blogterm_file . '/index.php' : false;
	$blogterm_path = rtrim($blogterm_path, '/') . '/index.php';
}

if ($blogterm_file !== false && is_file($blogterm_file)) {
	if (substr($blogterm_file, -4) !== '.php') {
		return false; // a static file: let the built-in server send it
	}
} else {
	$blogterm_file = $blogterm_root . '/index.php';
	$blogterm_path = '/index.php';
}

$_SERVER['SCRIPT_FILENAME'] = $blogterm_file;
$_SERVER['SCRIPT_NAME'] = $blogterm_path;
$_SERVER['PHP_SELF'] = $blogterm_path;
chdir(dirname($blogterm_file));
unset($blogterm_root, $blogterm_path);
require $blogterm_file;
