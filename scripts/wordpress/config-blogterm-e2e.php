<?php
/*
 * blogterm's WordPress end-to-end suite (scripts/wordpress/).
 * Installed as /etc/wordpress/config-blogterm-e2e.php by install.sh; Debian's
 * wp-config.php loads it when $_SERVER['WORDPRESS_CONFIG'] is 'blogterm-e2e'
 * (router.php and the PHP scripts set that). Everything site-specific comes
 * from the environment start.sh gives each PHP process, so one file serves
 * every site of every run.
 */
foreach (['BLOGTERM_WP_DB_NAME', 'BLOGTERM_WP_DB_SOCKET', 'BLOGTERM_WP_URL'] as $blogterm_name) {
	if (getenv($blogterm_name) === false || getenv($blogterm_name) === '') {
		header('HTTP/1.0 500 Internal Server Error');
		echo "blogterm e2e: $blogterm_name is not set\n";
		exit(1);
	}
}

define('DB_NAME', getenv('BLOGTERM_WP_DB_NAME'));
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:' . getenv('BLOGTERM_WP_DB_SOCKET'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');

define('WP_HOME', getenv('BLOGTERM_WP_URL'));
define('WP_SITEURL', getenv('BLOGTERM_WP_URL'));

// Nothing in the background, nothing to the internet: requests stay quick and repeatable.
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
