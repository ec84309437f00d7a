#!/usr/bin/env bash
# `npm run test:ttrss`: blogterm's end-to-end suite against a real Tiny Tiny RSS (Debian's tt-rss).
# Installs what is missing (install.sh), starts a throwaway TT-RSS, its MariaDB and a feed server in a
# network namespace (start.sh), runs tests/ttrss/*.e2e.ts, and stops everything it started whatever
# happens (stop.sh, from a trap), exiting with the suite's status.
#
#   bash scripts/ttrss/run.sh                      the whole suite
#   bash scripts/ttrss/run.sh --record             first record TT-RSS's answers into tests/fixtures/ttrss/
#                                                  (what npm test replays), on a server of their own
#   BLOGTERM_E2E_KEEP=1 bash scripts/ttrss/run.sh  keep the logs and data (path printed)
#   BLOGTERM_E2E_CLI=/path/cli.js bash scripts/ttrss/run.sh   test that build of blogterm
set -euo pipefail

record=
if [ "${1:-}" = "--record" ]; then record=1; shift; fi

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

bash "$here/install.sh"

base=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; fi
state=$(mktemp -d "$base/blogterm-ttrss.XXXXXX")
recording=
cleanup() {
	local status=$?
	if [ -n "$recording" ]; then bash "$here/stop.sh" "$recording"; fi
	bash "$here/stop.sh" "$state"
	if [ "$status" -ne 0 ] || [ -n "${BLOGTERM_E2E_KEEP:-}" ]; then
		echo "tt-rss e2e: logs and data kept in $state $recording" >&2
	else
		rm -rf "$state" ${recording:+"$recording"}
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "$record" ]; then
	recording=$(mktemp -d "$base/blogterm-ttrss-record.XXXXXX")
	bash "$here/start.sh" "$recording"
	BLOGTERM_TTRSS_SERVER="$recording/ttrss.json" node --import tsx tests/ttrss/recording/record.ts
	bash "$here/stop.sh" "$recording"
	rm -rf "$recording"
	recording=
fi

bash "$here/start.sh" "$state"

if [ -z "${BLOGTERM_E2E_CLI:-}" ]; then
	node scripts/build.mjs
	cp -R dist "$state/dist"
	ln -s "$root/node_modules" "$state/node_modules"
	export BLOGTERM_E2E_CLI="$state/dist/cli.js"
fi

if [ $# -gt 0 ]; then
	files=("$@")
else
	files=(tests/ttrss/*.e2e.ts)
fi
set +e
BLOGTERM_TTRSS_SERVER="$state/ttrss.json" node --import tsx --test --test-concurrency=1 "${files[@]}"
status=$?
set -e
exit "$status"
