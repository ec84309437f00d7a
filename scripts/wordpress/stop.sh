#!/usr/bin/env bash
# Stops what start.sh started under STATE_DIR: each process group it recorded
# in STATE_DIR/pids, MariaDB through a clean shutdown. Safe to run twice.
# Usage: stop.sh STATE_DIR
set -uo pipefail

state=${1:?usage: stop.sh STATE_DIR}
[ -s "$state/pids" ] || exit 0
state=$(cd "$state" && pwd)

alive() { kill -0 "$1" 2>/dev/null; }
log() { echo "wordpress e2e: $*" >&2; }
# shellcheck source=../lib/e2e.sh
. "$(cd "$(dirname "$0")" && pwd)/../lib/e2e.sh"
# Only what start.sh started: a recycled process ID belongs to someone else.
ours() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -Eq "(mariadbd|php) .*$2"; }

pids=()
while read -r pid name; do
	[ -n "${pid:-}" ] || continue
	alive "$pid" || continue
	if [ "$name" = mariadb ]; then ours "$pid" "$state" || continue; else ours "$pid" router.php || continue; fi
	pids+=("$pid")
	if [ "$name" = mariadb ]; then
		mariadb-admin --no-defaults --socket="$state/mysqld.sock" --user="$(id -un)" shutdown >/dev/null 2>&1 &
	else
		# start.sh ran each server as the leader of its own group (setsid): PHP's workers go with it.
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
	fi
done <"$state/pids"

await_stopped "${pids[@]}"
wait
: >"$state/pids"
