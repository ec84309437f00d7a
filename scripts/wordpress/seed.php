<?php
/*
 * Installs WordPress into an empty database and fills it with what the
 * end-to-end suite checks against, then prints what it made as JSON.
 *
 *   BLOGTERM_WP_DB_NAME=… BLOGTERM_WP_DB_SOCKET=… BLOGTERM_WP_URL=http://127.0.0.1:PORT \
 *     php seed.php plain|pretty > seeded.json
 *
 * Posts are numbered 1 (oldest) to 27 (newest), two days apart, dated in UTC
 * (post_date_gmt); the site's time zone is Pacific/Auckland (UTC+13 in
 * summer), so the date the blog shows on its own pages is often the next
 * day's, and a reader that shows UTC or its own zone is caught.
 */
$permalinks = $argv[1] ?? 'plain';
if (!in_array($permalinks, ['plain', 'pretty'], true)) {
	fwrite(STDERR, "seed.php: expected plain or pretty, got $permalinks\n");
	exit(2);
}

$blogterm_installing = true;
require __DIR__ . '/load-wordpress.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if (is_blog_installed()) {
	fwrite(STDERR, "seed.php: WordPress is already installed in " . DB_NAME . "\n");
	exit(1);
}

// Not a real site: no notification mail, no loopback request to test rewrites.
function wp_new_blog_notification() {
}

$installed = wp_install('blogterm e2e (' . $permalinks . ')', 'admin', 'admin@example.org', 1, '', 'admin-password');
$admin_id = (int) $installed['user_id'];
wp_update_user(['ID' => $admin_id, 'display_name' => 'Ada Lovelace', 'first_name' => 'Ada', 'last_name' => 'Lovelace']);
$grace_id = wp_insert_user([
	'user_login' => 'grace',
	'user_pass' => 'grace-password',
	'user_email' => 'grace@example.org',
	'display_name' => 'Grace Hopper',
	'role' => 'author',
]);
wp_set_current_user($admin_id); // unfiltered_html, so the HTML below is stored as written

// The sample content wp_install() makes ("Hello world!", its comment, "Sample Page").
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
	wp_delete_post($sample->ID, true);
}

$options = [
	// Not UTC: dates must be shown as the blog shows them (its zone), and kept with their offset.
	'timezone_string' => 'Pacific/Auckland',
	'gmt_offset' => '',
	'posts_per_page' => 10,
	'posts_per_rss' => 10,
	'rss_use_excerpt' => 0,
	// Anonymous comments, the way most blogs take them.
	'default_comment_status' => 'open',
	'comment_registration' => 0,
	'require_name_email' => 1,
	'close_comments_for_old_posts' => 0,
	'comment_moderation' => 0,
	// WordPress's default: a comment is held unless its author (name AND email)
	// has a comment approved before (the demo blog does the same). Robin Reader
	// has one (below); the suite also turns comment_moderation on to hold even Robin.
	'comment_previously_approved' => 1,
	'comment_max_links' => 2,
	'thread_comments' => 1,
	'thread_comments_depth' => 5,
	'page_comments' => 0,
	'comments_notify' => 0,
	'moderation_notify' => 0,
	'show_avatars' => 0,
];
foreach ($options as $name => $value) {
	update_option($name, $value);
}

global $wp_rewrite;
$wp_rewrite->set_permalink_structure($permalinks === 'pretty' ? '/%year%/%monthnum%/%day%/%postname%/' : '');
flush_rewrite_rules(false);

$categories = [];
foreach (['News', 'Travel', 'Code', 'Kitchen'] as $name) {
	$categories[$name] = (int) wp_insert_term($name, 'category')['term_id'];
}

/** What a reader should see for a piece of plain text once WordPress has rendered it (curly quotes, entities decoded). */
function blogterm_rendered_text(string $plain): string {
	return html_entity_decode(wptexturize($plain), ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

$titles = [
	1 => 'Hello from the first post',
	2 => 'Packing for a rainy week',
	3 => 'Sourdough, day one',
	4 => 'Why the terminal still matters',
	5 => 'Maps without the internet',
	6 => 'Tom & Jerry\'s "great" escape',
	7 => 'Café crème, naïve résumé',
	8 => 'A bike ride along the river',
	9 => 'Reading TypeScript errors calmly',
	10 => 'Bread that rises overnight',
	11 => 'Ten small tools I use daily',
	12 => 'Members only',
	13 => 'Notes from a train',
	14 => 'Coffee, slowly 🚲',
	15 => 'Comments are closed here',
	16 => 'Rain on the tin roof',
	17 => 'Fixing a flaky test',
	18 => 'Everyone has an opinion',
	19 => 'Soup for a cold evening',
	20 => 'A thread with replies',
	21 => 'What the feed reader showed me',
	22 => 'Leave a comment here',
	23 => 'Weekend in the hills',
	24 => 'Small steps, long roads',
	25 => 'The newest post',
	26 => 'Links to the rest of this blog',
	27 => 'Harvest day: a video, a table and a song',
];
$postCategories = ['News', 'Travel', 'Code', 'Kitchen'];
$postTags = ['bikes', 'coffee', 'typescript', 'terminal', 'rain', 'bread', 'maps', 'wordpress'];

$posts = [];
$start = strtotime('2024-01-01 09:30:00 UTC');
// Post 26 links to post 3 of this same blog (its permalink: a ?p= link with plain permalinks), to be
// followed inside the reader; post 27 holds an embed, a table, an audio file and emoji.
$linked = 3;
$rich = 27;
$extra_texts = [];
foreach ($titles as $n => $title) {
	// Post 26 at 11:45 UTC: 00:45 the next day in Auckland, so its date on the blog is not its UTC date.
	$date = gmdate('Y-m-d H:i:s', $start + ($n - 1) * 2 * DAY_IN_SECONDS + ($n === 26 ? 135 * MINUTE_IN_SECONDS : 0));
	$first = "This is post number $n of the blogterm end-to-end suite.";
	$second = 'Fish & chips, then a walk by the sea.';
	$third = "Post $n keeps a list:";
	$items = ["first item of post $n", "second item of post $n"];
	$href = $n === 26 ? get_permalink($posts[$linked]['id']) : "https://example.org/notes/$n";
	$html = '<p>' . esc_html($first) . "</p>\n\n"
		. '<p>' . esc_html($second) . ' Read <a href="' . esc_url($href) . '">the notes</a> too.</p>' . "\n\n"
		. '<p>' . esc_html($third) . "</p>\n\n"
		. '<ul><li>' . esc_html($items[0]) . '</li><li>' . esc_html($items[1]) . "</li></ul>\n";
	if ($n === $rich) {
		// As the block editor saves them. The embed is an <iframe> (WordPress would otherwise ask the
		// provider for it over the network); the emoji are characters (the feeds make them images).
		$extra_texts[$n] = ['Harvest day 🎉🍅', 'The season in one table:', 'The harvest song, sung by the allotment choir'];
		$html .= "\n" . '<p>' . $extra_texts[$n][0] . "</p>\n\n"
			. '<figure class="wp-block-embed is-type-video is-provider-vimeo wp-block-embed-vimeo"><div class="wp-block-embed__wrapper">'
			. '<iframe title="A walk through the allotment" src="https://player.vimeo.com/video/76979871" width="640" height="360" frameborder="0" allowfullscreen></iframe>'
			. "</div></figure>\n\n"
			. '<p>' . $extra_texts[$n][1] . "</p>\n\n"
			. '<figure class="wp-block-table"><table><thead><tr><th>Crop</th><th>Sown</th><th>Harvest</th></tr></thead><tbody>'
			. '<tr><td>Tomato</td><td>March</td><td>August</td></tr><tr><td>Runner beans</td><td>May</td><td>September</td></tr></tbody></table></figure>' . "\n\n"
			. '<figure class="wp-block-audio"><audio controls src="https://example.org/media/harvest-song.mp3"></audio><figcaption>' . $extra_texts[$n][2] . "</figcaption></figure>\n";
	}
	$cats = [$postCategories[$n % 4]];
	if ($n % 3 === 0) {
		$cats[] = $postCategories[($n + 1) % 4];
	}
	$tags = [$postTags[$n % 8], $postTags[($n + 3) % 8]];
	$post = [
		'post_title' => wp_slash($title),
		'post_content' => wp_slash($html),
		'post_status' => 'publish',
		'post_author' => $n % 4 === 0 ? $grace_id : $admin_id,
		// The site's local time, as WordPress keeps it next to the UTC one.
		'post_date' => get_date_from_gmt($date),
		'post_date_gmt' => $date,
		'post_category' => array_map(fn ($name) => $categories[$name], $cats),
		'tags_input' => $tags,
		'comment_status' => 'open',
	];
	if ($n === 12) {
		$post['post_password'] = 'open-sesame';
		$post['post_content'] = '<p>The secret handshake is two taps and a nod.</p>';
	}
	if ($n === 15) {
		$post['comment_status'] = 'closed';
	}
	$id = wp_insert_post($post, true);
	if (is_wp_error($id)) {
		fwrite(STDERR, 'seed.php: ' . $id->get_error_message() . "\n");
		exit(1);
	}
	$posts[$n] = [
		'id' => $id,
		'number' => $n,
		'date' => $date,
		'title' => $title,
		'texts' => $n === 12 ? [] : [...array_map('blogterm_rendered_text', [$first, $second, $third, $items[0], $items[1]]), ...($extra_texts[$n] ?? [])],
		'href' => $n === 12 ? null : $href,
		'categories' => $cats,
		'tags' => $tags,
	];
}

/** Adds an approved (or held) comment, $minutes after the post was published. */
function blogterm_comment(int $post_id, string $post_date, int $minutes, string $author, string $text, int $parent = 0, $approved = 1): int {
	$date = gmdate('Y-m-d H:i:s', strtotime($post_date . ' UTC') + $minutes * 60);
	$id = wp_insert_comment([
		'comment_post_ID' => $post_id,
		'comment_author' => $author,
		'comment_author_email' => strtolower(preg_replace('/[^a-z]/i', '', $author)) . '@example.org',
		'comment_author_url' => '',
		'comment_author_IP' => '192.0.2.1',
		'comment_content' => $text,
		'comment_parent' => $parent,
		'comment_approved' => $approved,
		'comment_date' => get_date_from_gmt($date),
		'comment_date_gmt' => $date,
		'comment_type' => 'comment',
	]);
	if (!$id) {
		fwrite(STDERR, "seed.php: could not add a comment to post $post_id\n");
		exit(1);
	}
	return (int) $id;
}

// The thread: two top-level comments, replies two deep, one comment still held.
$thread = $posts[20];
$c1 = blogterm_comment($thread['id'], $thread['date'], 30, 'Dana Scully', 'First! This is a top-level comment.');
$c2 = blogterm_comment($thread['id'], $thread['date'], 45, 'Eli Wallach', 'A reply to Dana, one level down.', $c1);
$c3 = blogterm_comment($thread['id'], $thread['date'], 60, 'Dana Scully', 'And a reply to the reply & a second level.', $c2);
$c4 = blogterm_comment($thread['id'], $thread['date'], 90, 'Fay Wray', 'Another top-level comment, with "quotes".');
$c5 = blogterm_comment($thread['id'], $thread['date'], 120, 'Gus Grissom', 'Replying to Fay.', $c4);
blogterm_comment($thread['id'], $thread['date'], 150, 'Hal Held', 'This one waits for moderation and must not be shown.', 0, 0);
blogterm_comment($thread['id'], $thread['date'], 160, 'Sam Spam', 'Spam that must not be shown.', 0, 'spam');

// More than one page of the comments endpoint (100 a page).
$busy = $posts[18];
$previous = 0;
for ($k = 1; $k <= 105; $k++) {
	$previous = blogterm_comment($busy['id'], $busy['date'], $k, "Reader $k", "Comment number $k on the busy post.", $k % 10 === 0 ? $previous : 0);
}

// The commenter whose comments are published at once: one approved comment already.
$known_commenter = ['name' => 'Robin Reader', 'email' => 'reader@example.com'];
wp_insert_comment([
	'comment_post_ID' => $posts[1]['id'],
	'comment_author' => $known_commenter['name'],
	'comment_author_email' => $known_commenter['email'],
	'comment_author_IP' => '192.0.2.1',
	'comment_content' => 'Looking forward to the next one.',
	'comment_approved' => 1,
	'comment_date' => get_date_from_gmt(gmdate('Y-m-d H:i:s', strtotime($posts[1]['date'] . ' UTC') + 3600)),
	'comment_date_gmt' => gmdate('Y-m-d H:i:s', strtotime($posts[1]['date'] . ' UTC') + 3600),
]);

// Closed to new comments, but its thread stays readable.
$closed = $posts[15];
blogterm_comment($closed['id'], $closed['date'], 20, 'Ivy Early', 'I got in before the comments closed.');

// A pingback (as WordPress stores one when another blog links here), with one comment beside it: the
// blog counts both ("2 Comments", the feeds' slash:comments), its REST API lists only the comment to a
// visitor (type=pingback needs an account), and blogterm says which it counts.
$pinged = $posts[23];
blogterm_comment($pinged['id'], $pinged['date'], 40, 'Hilda Walker', 'We walked the same hills last spring.');
$pingback_date = gmdate('Y-m-d H:i:s', strtotime($pinged['date'] . ' UTC') + 3600);
$pingback_id = wp_insert_comment([
	'comment_post_ID' => $pinged['id'],
	'comment_author' => 'Another Walker &raquo; Hills we walked',
	'comment_author_email' => '',
	'comment_author_url' => 'https://walker.example/2024/02/hills/',
	'comment_author_IP' => '192.0.2.7',
	'comment_content' => '[&#8230;] the same walk, written up by blogterm e2e [&#8230;]',
	'comment_approved' => 1,
	'comment_date' => get_date_from_gmt($pingback_date),
	'comment_date_gmt' => $pingback_date,
	'comment_type' => 'pingback',
]);
if (!$pingback_id) {
	fwrite(STDERR, "seed.php: could not add the pingback\n");
	exit(1);
}

$site_posts = [];
foreach (array_reverse($posts, true) as $n => $post) {
	$wp_post = get_post($post['id']);
	// Comments only: what the REST API lists to a visitor (a pingback is counted apart, below).
	$approved = get_comments(['post_id' => $post['id'], 'status' => 'approve', 'type' => 'comment', 'orderby' => 'comment_date_gmt', 'order' => 'ASC']);
	$site_posts[] = [
		'id' => $post['id'],
		'number' => $n,
		'slug' => $wp_post->post_name,
		'title' => blogterm_rendered_text($post['title']),
		'link' => get_permalink($wp_post),
		'date' => str_replace(' ', 'T', $post['date']) . 'Z',
		// The date as the blog shows it on the post's own page (the site's zone, its date format).
		'localDate' => get_the_date('', $wp_post),
		'dateWithOffset' => get_post_datetime($wp_post)->format('Y-m-d\\TH:i:sP'),
		'author' => get_the_author_meta('display_name', (int) $wp_post->post_author),
		'categories' => $post['categories'],
		'tags' => $post['tags'],
		'texts' => $post['texts'],
		'href' => $post['href'],
		'commentsOpen' => comments_open($wp_post),
		'isProtected' => $wp_post->post_password !== '',
		'commentCount' => count($approved),
		// What the blog itself counts ("N Comments", slash:comments): pingbacks and trackbacks too.
		'blogCommentCount' => (int) get_comments_number($wp_post),
		'comments' => array_map(fn ($comment) => [
			'id' => (int) $comment->comment_ID,
			'parent' => (int) $comment->comment_parent,
			'author' => $comment->comment_author,
			'date' => str_replace(' ', 'T', $comment->comment_date_gmt) . 'Z',
			'text' => blogterm_rendered_text($comment->comment_content),
		], $approved),
	];
}

$per_page = (int) get_option('posts_per_page');
echo json_encode([
	'name' => get_option('blogname'),
	'url' => home_url('/'),
	'permalinks' => $permalinks,
	'restRoot' => get_rest_url(),
	'feed' => get_feed_link(),
	'perPage' => $per_page,
	'total' => count($site_posts),
	'totalPages' => (int) ceil(count($site_posts) / $per_page),
	'threadedPostId' => $thread['id'],
	'busyPostId' => $busy['id'],
	'closedPostId' => $closed['id'],
	'protectedPostId' => $posts[12]['id'],
	'protectedPassword' => 'open-sesame',
	'linkingPostId' => $posts[26]['id'],
	'linkedPostId' => $posts[$linked]['id'],
	'richPostId' => $posts[$rich]['id'],
	'pingbackPostId' => $pinged['id'],
	'pingbackId' => (int) $pingback_id,
	'timezone' => get_option('timezone_string'),
	'commentPostId' => $posts[22]['id'],
	'knownCommenter' => $known_commenter,
	'posts' => $site_posts,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
