#!/usr/bin/env bash
# `npm run test:wordpress`: blogterm's end-to-end suite against a real
# WordPress. Installs what is missing (install.sh), builds blogterm, starts a
# throwaway MariaDB and two seeded WordPress sites (start.sh), runs
# tests/wordpress/*.e2e.ts and *.test.ts, and stops everything it started whatever happens
# (stop.sh), exiting with the suite's status.
#
#   bash scripts/wordpress/run.sh                        the whole suite
#   bash scripts/wordpress/run.sh tests/wordpress/x.e2e.ts   some files only
#   BLOGTERM_E2E_KEEP=1 bash scripts/wordpress/run.sh     keep the logs and data (path printed)
#   BLOGTERM_E2E_CLI=/path/cli.js bash scripts/wordpress/run.sh   test that build of blogterm
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

bash "$here/install.sh"

# On tmpfs when there is one: MariaDB sets itself up in under a second there, several on a disk.
base=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; fi
state=$(mktemp -d "$base/blogterm-wp.XXXXXX")
cleanup() {
	local status=$?
	bash "$here/stop.sh" "$state"
	if [ "$status" -ne 0 ] || [ -n "${BLOGTERM_E2E_KEEP:-}" ]; then
		echo "wordpress e2e: logs and data kept in $state" >&2
	else
		rm -rf "$state"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
bash "$here/start.sh" "$state"
echo "wordpress e2e: WordPress ready in $((SECONDS - started)) s" >&2

# The suite runs the build BLOGTERM_E2E_CLI names, or builds one and runs a copy of it (so that a
# `npm run build` elsewhere in this working tree, which empties dist/, cannot pull it away mid-run).
if [ -z "${BLOGTERM_E2E_CLI:-}" ]; then
	node scripts/build.mjs
	cp -R dist "$state/dist"
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
