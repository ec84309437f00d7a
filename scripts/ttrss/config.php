<?php
	// blogterm's TT-RSS end-to-end suite: the config of a throwaway server (start.sh fills in @URL@ and
	// @STATE@). The database is reached through pdo_mysql.default_socket (php -d … in start.sh).
	define('DB_TYPE', 'mysql');
	define('DB_HOST', '');
	define('DB_PORT', '');
	define('DB_USER', 'ttrss');
	define('DB_NAME', 'ttrss');
	define('DB_PASS', 'ttrss');
	define('MYSQL_CHARSET', 'UTF8');
	define('SELF_URL_PATH', '@URL@');
	define('SINGLE_USER_MODE', false);
	define('SIMPLE_UPDATE_MODE', false);
	define('PHP_EXECUTABLE', '/usr/bin/php');
	define('LOCK_DIRECTORY', '@STATE@/lock');
	define('CACHE_DIR', '@STATE@/cache');
	define('ICONS_DIR', '@STATE@/icons');
	define('ICONS_URL', 'feed-icons');
	define('AUTH_AUTO_CREATE', false);
	define('AUTH_AUTO_LOGIN', false);
	define('FORCE_ARTICLE_PURGE', 0);
	define('ENABLE_REGISTRATION', false);
	define('REG_NOTIFY_ADDRESS', 'user@example.org');
	define('REG_MAX_USERS', 10);
	define('SESSION_COOKIE_LIFETIME', 86400);
	define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
	define('SMTP_FROM_ADDRESS', 'noreply@example.org');
	define('DIGEST_SUBJECT', '[tt-rss] New headlines');
	define('CHECK_FOR_UPDATES', false);
	define('ENABLE_GZIP_OUTPUT', false);
	define('PLUGINS', 'auth_internal');
	define('LOG_DESTINATION', '');
	define('CONFIG_VERSION', 26);
	define('_DISABLE_FLOOD_CONTROL', true);
