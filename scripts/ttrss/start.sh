#!/usr/bin/env bash
# Starts a throwaway Tiny Tiny RSS under STATE_DIR and leaves it running:
#   - a private MariaDB on a socket in STATE_DIR (as the invoking user), TT-RSS's schema loaded,
#     a test user (ada / ada-password) with API access on, and a second one (bob / bob-password)
#     with API access off (for API_DISABLED);
#   - a copy of Debian's TT-RSS web folder with its own config.php, served by `php -S` on 127.0.0.1
#     as www-data (TT-RSS refuses to run as root);
#   - a feed server in a network namespace of its own (address 10.231.N.2, port 80): TT-RSS refuses to
#     fetch from loopback and drops ports other than 80/443 from feed URLs, so the test feeds live at
#     an address it accepts. It serves the files in STATE_DIR/feeds/ (tests write them there).
# Writes STATE_DIR/ttrss.json (URL, users, feed base URL, feeds folder) and STATE_DIR/pids (for stop.sh).
# Needs install.sh to have run, and root (for the namespace and for www-data).
# Usage: start.sh STATE_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${1:?usage: start.sh STATE_DIR}
mkdir -p "$state"
state=$(cd "$state" && pwd)
: >>"$state/pids"
chmod 755 "$state"

user=$(id -un)
socket="$state/mysqld.sock"

log() { echo "tt-rss e2e: $*" >&2; }
# shellcheck source=../lib/e2e.sh
. "$here/../lib/e2e.sh"

api_answers() {
	node -e "fetch(process.argv[1], {method: 'POST', body: '{\"op\":\"getApiLevel\"}'}).then(r => r.text()).then(t => process.exit(t.includes('\"status\"') ? 0 : 1), () => process.exit(1))" "$1"
}

start_mariadb

sql() { mariadb --no-defaults --socket="$socket" --user="$user" "$@"; }
sql -e "CREATE DATABASE ttrss CHARACTER SET utf8mb4; CREATE USER 'ttrss'@'localhost' IDENTIFIED BY 'ttrss'; GRANT ALL ON ttrss.* TO 'ttrss'@'localhost';"
sql ttrss </usr/share/tt-rss/schema/ttrss_schema_mysql.sql
sha1() { printf '%s' "$1" | sha1sum | cut -d' ' -f1; }
sql ttrss -e "
INSERT INTO ttrss_users (login, pwd_hash, access_level) VALUES ('ada', 'SHA1:$(sha1 ada-password)', 0), ('bob', 'SHA1:$(sha1 bob-password)', 0);
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, value) SELECT id, 'ENABLE_API_ACCESS', 'true' FROM ttrss_users WHERE login = 'ada';
-- This version's API cannot make a category: ada has one to file feeds in (id in ttrss.json).
INSERT INTO ttrss_feed_categories (owner_uid, title) SELECT id, 'Tech' FROM ttrss_users WHERE login = 'ada';
"

# The feed server: a namespace with its own address, reached from here over a veth pair.
net=$((RANDOM % 200 + 20))
ns="blogterm-ttrss-$net-$$"
host_if="btt$net$$"
host_if=${host_if:0:15}
ip netns add "$ns"
echo "$ns netns" >>"$state/pids"
ip link add "$host_if" type veth peer name eth0 netns "$ns"
echo "$host_if veth" >>"$state/pids"
ip addr add "10.231.$net.1/24" dev "$host_if"
ip link set "$host_if" up
ip netns exec "$ns" ip addr add "10.231.$net.2/24" dev eth0
ip netns exec "$ns" ip link set eth0 up
ip netns exec "$ns" ip link set lo up
feeds_url="http://10.231.$net.2"
mkdir -p "$state/feeds"
echo '<?xml version="1.0"?><rss version="2.0"><channel><title>probe</title></channel></rss>' >"$state/feeds/probe.xml"
setsid ip netns exec "$ns" php -S 0.0.0.0:80 -t "$state/feeds" </dev/null >"$state/feeds.log" 2>&1 &
echo "$! php-feeds" >>"$state/pids"
wait_for 100 "the feed server" node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$feeds_url/probe.xml"

# TT-RSS: a copy of Debian's web folder (its config.php is a link to /etc; ours stays here).
port=$(free_port)
url="http://127.0.0.1:$port"
cp -rL /usr/share/tt-rss/www "$state/www" 2>/dev/null || true
rm -f "$state/www/config.php"
mkdir -p "$state/lock" "$state/cache/"{images,upload,export,feeds} "$state/icons"
sed -e "s|@URL@|$url/|" "$here/config.php" >"$state/www/config.php"
sed -i -e "s|@STATE@|$state|g" "$state/www/config.php"
chown -R www-data:www-data "$state/lock" "$state/cache" "$state/icons"
# TT-RSS reads a feed from its own 30-second copy when it has one: a test that changes a feed and asks
# for an update at once would get the old one. A folder it cannot write keeps no copy.
chown root:root "$state/cache/feeds"
log "serving TT-RSS at $url/"
setsid setpriv --reuid=www-data --regid=www-data --clear-groups \
	env PHP_CLI_SERVER_WORKERS=4 php -d pdo_mysql.default_socket="$socket" -d display_errors=0 -S "127.0.0.1:$port" -t "$state/www" \
	</dev/null >"$state/php-ttrss.log" 2>&1 &
echo "$! php-ttrss" >>"$state/pids"
wait_for 150 "TT-RSS" api_answers "$url/api/"

node -e "
const fs = require('node:fs');
const [state, url, feedsUrl, category] = process.argv.slice(1);
fs.writeFileSync(state + '/ttrss.json', JSON.stringify({
	url: url + '/', api: url + '/api/', feedsUrl, feedsDir: state + '/feeds',
	user: {login: 'ada', password: 'ada-password'}, categoryId: Number(category), apiDisabledUser: {login: 'bob', password: 'bob-password'},
}, null, '\t') + '\n');
" "$state" "$url" "$feeds_url" "$(sql ttrss -N -e "SELECT id FROM ttrss_feed_categories WHERE title = 'Tech'")"
log "ready: $state/ttrss.json"
