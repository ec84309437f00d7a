#!/usr/bin/env bash
# Stops what start.sh started under STATE_DIR: the PHP servers (each the leader of its own process
# group), MariaDB through a clean shutdown, the feed server's network namespace and its veth pair.
# Safe to run twice. Usage: stop.sh STATE_DIR
set -uo pipefail

state=${1:?usage: stop.sh STATE_DIR}
[ -s "$state/pids" ] || exit 0
state=$(cd "$state" && pwd)

alive() { kill -0 "$1" 2>/dev/null; }
log() { echo "tt-rss e2e: $*" >&2; }
# shellcheck source=../lib/e2e.sh
. "$(cd "$(dirname "$0")" && pwd)/../lib/e2e.sh"
# Only what start.sh started: a recycled process ID belongs to someone else.
ours() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -Eq "(mariadbd|php|ip) .*$2"; }

pids=()
links=()
namespaces=()
while read -r pid name; do
	[ -n "${pid:-}" ] || continue
	case "$name" in
	netns) namespaces+=("$pid"); continue ;;
	veth) links+=("$pid"); continue ;;
	esac
	alive "$pid" || continue
	ours "$pid" "$state" || continue
	pids+=("$pid")
	if [ "$name" = mariadb ]; then
		mariadb-admin --no-defaults --socket="$state/mysqld.sock" --user="$(id -un)" shutdown >/dev/null 2>&1 &
	else
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
	fi
done <"$state/pids"

await_stopped "${pids[@]}"
for link in "${links[@]}"; do ip link del "$link" 2>/dev/null; done
for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null; done
wait
: >"$state/pids"
