#!/usr/bin/env bash
# Starts a throwaway MariaDB and two seeded WordPress sites on 127.0.0.1, all
# of it under STATE_DIR, and leaves them running:
#   plain   permalinks off (?p=ID, index.php?rest_route=/…)
#   pretty  /%year%/%monthnum%/%day%/%postname%/ (and /wp-json/…)
# Writes STATE_DIR/sites.json (URLs, environment for wp-tool.php, what was
# seeded) and STATE_DIR/pids (process groups, for stop.sh). Needs install.sh
# to have run. A STATE_DIR on tmpfs (/dev/shm) makes MariaDB several times
# quicker to set up. Usage: start.sh STATE_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${1:?usage: start.sh STATE_DIR}
mkdir -p "$state"
state=$(cd "$state" && pwd)
: >>"$state/pids"

user=$(id -un)
socket="$state/mysqld.sock"
sites=(plain pretty)

log() { echo "wordpress e2e: $*" >&2; }
# shellcheck source=../lib/e2e.sh
. "$here/../lib/e2e.sh"

http_answers() {
	node -e "fetch(process.argv[1], {redirect: 'manual'}).then(r => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))" "$1"
}

start_mariadb

sql() { mariadb --no-defaults --socket="$socket" --user="$user" -e "$1"; }
sql "CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';"

declare -A urls
for site in "${sites[@]}"; do
	sql "CREATE DATABASE wp_$site; GRANT ALL ON wp_$site.* TO 'wordpress'@'localhost';"
	urls[$site]="http://127.0.0.1:$(free_port)"
done

# Runs a command with what every PHP process of a site needs (see config-blogterm-e2e.php).
with_site() {
	local site=$1
	shift
	BLOGTERM_WP_DB_NAME="wp_$site" BLOGTERM_WP_DB_SOCKET="$socket" BLOGTERM_WP_URL="${urls[$site]}" "$@"
}

log "seeding ${sites[*]}"
seeds=()
for site in "${sites[@]}"; do
	with_site "$site" php "$here/seed.php" "$site" >"$state/seed-$site.json" 2>"$state/seed-$site.log" &
	seeds+=($!)
done
for index in "${!sites[@]}"; do
	if ! wait "${seeds[$index]}"; then
		log "seeding the ${sites[$index]} site failed:"
		cat "$state/seed-${sites[$index]}.log" >&2
		exit 1
	fi
done

for site in "${sites[@]}"; do
	log "serving the $site site at ${urls[$site]}/"
	# Not through with_site: $! must be PHP itself (env and setsid exec it), the leader of its own group.
	env BLOGTERM_WP_DB_NAME="wp_$site" BLOGTERM_WP_DB_SOCKET="$socket" BLOGTERM_WP_URL="${urls[$site]}" PHP_CLI_SERVER_WORKERS=4 \
		setsid php -S "${urls[$site]#http://}" -t /usr/share/wordpress "$here/router.php" </dev/null >"$state/php-$site.log" 2>&1 &
	echo "$! php-$site" >>"$state/pids"
done
for site in "${sites[@]}"; do
	wait_for 100 "PHP for the $site site" http_answers "${urls[$site]}/"
done

node -e "
const fs = require('node:fs');
const [state, tool, socket, ...sites] = process.argv.slice(1);
const entries = sites.map(site => {
	const seeded = JSON.parse(fs.readFileSync(state + '/seed-' + site + '.json', 'utf8'));
	const env = {BLOGTERM_WP_DB_NAME: 'wp_' + site, BLOGTERM_WP_DB_SOCKET: socket, BLOGTERM_WP_URL: seeded.url.replace(/\/$/, '')};
	return {name: site, env, seeded};
});
fs.writeFileSync(state + '/sites.json', JSON.stringify({tool, sites: entries}, null, '\t') + '\n');
" "$state" "$here/wp-tool.php" "$socket" "${sites[@]}"
log "ready: $state/sites.json"
