<?php
/*
 * Reads and changes one seeded site through WordPress itself, for the suite:
 *
 *   php wp-tool.php comments POST_ID        every comment on the post, any status, as JSON
 *   php wp-tool.php get-option NAME         an option's value, as JSON
 *   php wp-tool.php set-option NAME VALUE   sets an option
 *   php wp-tool.php age-comments            moves every comment of the last two hours two hours back,
 *                                           so that the next comment is not "too fast" (WordPress's
 *                                           flood check looks at the newest comment from the same IP)
 *   php wp-tool.php is-email JSON           is_email() on each address of a JSON list: [{address, valid}]
 *
 * The site comes from the environment (see config-blogterm-e2e.php).
 */
require __DIR__ . '/load-wordpress.php';

$command = $argv[1] ?? '';
switch ($command) {
	case 'comments':
		$comments = get_comments(['post_id' => (int) ($argv[2] ?? 0), 'status' => 'all', 'type' => 'all', 'orderby' => 'comment_ID', 'order' => 'ASC']);
		// 'all' means approved and held; spam and trash are asked for by name.
		$comments = array_merge($comments, get_comments(['post_id' => (int) ($argv[2] ?? 0), 'status' => ['spam', 'trash'], 'type' => 'all']));
		usort($comments, fn ($a, $b) => (int) $a->comment_ID <=> (int) $b->comment_ID);
		echo json_encode(array_map(fn ($comment) => [
			'id' => (int) $comment->comment_ID,
			'postId' => (int) $comment->comment_post_ID,
			'parent' => (int) $comment->comment_parent,
			'author' => $comment->comment_author,
			'email' => $comment->comment_author_email,
			'url' => $comment->comment_author_url,
			'content' => $comment->comment_content,
			'status' => wp_get_comment_status($comment),
			'dateGmt' => str_replace(' ', 'T', $comment->comment_date_gmt) . 'Z',
		], $comments), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
		break;
	case 'get-option':
		echo json_encode(get_option($argv[2] ?? '')) . "\n";
		break;
	case 'set-option':
		update_option($argv[2] ?? '', $argv[3] ?? '');
		break;
	case 'age-comments':
		global $wpdb;
		$since = gmdate('Y-m-d H:i:s', time() - 2 * HOUR_IN_SECONDS);
		$wpdb->query($wpdb->prepare(
			"UPDATE $wpdb->comments SET comment_date = DATE_SUB(comment_date, INTERVAL 2 HOUR), comment_date_gmt = DATE_SUB(comment_date_gmt, INTERVAL 2 HOUR) WHERE comment_date_gmt >= %s",
			$since
		));
		wp_cache_flush();
		break;
	case 'is-email':
		$addresses = json_decode($argv[2] ?? '[]', true);
		echo json_encode(array_map(fn ($address) => ['address' => $address, 'valid' => is_email($address) !== false], $addresses), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
		break;
	default:
		fwrite(STDERR, "wp-tool.php: unknown command '$command'\n");
		exit(2);
}
