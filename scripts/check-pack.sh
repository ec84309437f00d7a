#!/usr/bin/env bash
# `npm run test:pack`: the package as npm would publish it installs on its own (every dependency is
# bundled into dist/) and runs: --help, then the demo blog's list as JSON, from a folder with no
# node_modules of blogterm's around it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"
if [ -n "$(ls node_modules | grep -vx blogterm)" ]; then
	echo "test:pack: the package installed dependencies: $(ls node_modules | grep -vx blogterm | tr '\n' ' ')" >&2
	exit 1
fi
npx --no-install blogterm --help | grep -q 'Read and answer blogs from the terminal'
BLOGTERM_HOME="$work/home" npx --no-install blogterm --list --format json \
	| node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const list=JSON.parse(s);if(!(list.posts.length>0))process.exit(1);console.log(`test:pack: the package installs alone and lists ${list.total} demo posts`)})' 
