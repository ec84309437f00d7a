#!/usr/bin/env bash
# `npm run test:wordpress`: blogterm's end-to-end suite against a real
# WordPress. Installs what is missing (install.sh), builds blogterm, starts a
# throwaway MariaDB and two seeded WordPress sites (start.sh), runs
# tests/wordpress/*.e2e.ts and *.test.ts, and stops everything it started whatever happens
# (stop.sh), exiting with the suite's status.
#
#   bash scripts/wordpress/run.sh                        the whole suite
#   bash scripts/wordpress/run.sh tests/wordpress/x.e2e.ts   some files only
#   bash scripts/wordpress/run.sh --record               first record WordPress's answers into
#                                                        tests/fixtures/wordpress/ (what npm test replays)
#   BLOGTERM_E2E_KEEP=1 bash scripts/wordpress/run.sh     keep the logs and data (path printed)
#   BLOGTERM_E2E_CLI=/path/cli.js bash scripts/wordpress/run.sh   test that build of blogterm
set -euo pipefail

record=
if [ "${1:-}" = "--record" ]; then record=1; shift; fi

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

bash "$here/install.sh"

# On tmpfs when there is one: MariaDB sets itself up in under a second there, several on a disk.
base=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; fi
state=$(mktemp -d "$base/blogterm-wp.XXXXXX")
# --record: WordPress is seeded once for the recordings (which send comments) and once for the suite.
recording=
cleanup() {
	local status=$?
	if [ -n "$recording" ]; then bash "$here/stop.sh" "$recording"; fi
	bash "$here/stop.sh" "$state"
	if [ "$status" -ne 0 ] || [ -n "${BLOGTERM_E2E_KEEP:-}" ]; then
		echo "wordpress e2e: logs and data kept in $state $recording" >&2
	else
		rm -rf "$state" ${recording:+"$recording"}
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "$record" ]; then
	recording=$(mktemp -d "$base/blogterm-wp-record.XXXXXX")
	bash "$here/start.sh" "$recording"
	BLOGTERM_WP_SITES="$recording/sites.json" HOME="$recording/home" XDG_CONFIG_HOME="$recording/home/config" \
		XDG_DATA_HOME="$recording/home/data" XDG_CACHE_HOME="$recording/home/cache" node --import tsx tests/wordpress/recording/record.ts
	bash "$here/stop.sh" "$recording"
	rm -rf "$recording"
	recording=
fi

started=$SECONDS
bash "$here/start.sh" "$state"
echo "wordpress e2e: WordPress ready in $((SECONDS - started)) s" >&2

# The suite runs the build BLOGTERM_E2E_CLI names, or builds one and runs a copy of it (so that a
# `npm run build` elsewhere in this working tree, which empties dist/, cannot pull it away mid-run).
if [ -z "${BLOGTERM_E2E_CLI:-}" ]; then
	node scripts/build.mjs
	cp -R dist "$state/dist"
	# better-sqlite3 is not bundled (a native addon): the copy finds it where an installed blogterm would.
	ln -s "$root/node_modules" "$state/node_modules"
	export BLOGTERM_E2E_CLI="$state/dist/cli.js"
fi

if [ $# -gt 0 ]; then
	files=("$@")
else
	files=(tests/wordpress/*.e2e.ts tests/wordpress/*.test.ts)
fi
set +e
BLOGTERM_WP_SITES="$state/sites.json" node --import tsx --test --test-concurrency=3 "${files[@]}"
status=$?
set -e
exit "$status"
