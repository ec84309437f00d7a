#!/usr/bin/env bash
# `npm run test:pack`: the package as npm would publish it installs on its own (every dependency is
# bundled into dist/ but better-sqlite3, a native addon built on install) and runs: --help, then the demo blog's list as JSON, from a folder with no
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
if [ ! -d node_modules/better-sqlite3 ] || [ -z "$(find node_modules/better-sqlite3 -name '*.node' -path '*Release*' | head -n 1)" ]; then
	echo "test:pack: better-sqlite3 was not installed and built with the package" >&2
	exit 1
fi
# Only better-sqlite3 and what it needs to load or build (bindings, prebuild-install) may come along.
extra=$(node -e '
const lock = require("./node_modules/.package-lock.json").packages;
const reach = new Set(["blogterm", "better-sqlite3"]);
const walk = name => { for (const dep of Object.keys(lock["node_modules/" + name]?.dependencies ?? {})) if (!reach.has(dep)) { reach.add(dep); walk(dep); } };
walk("better-sqlite3");
const extra = Object.keys(lock).filter(path => path.split("node_modules/").length === 2).map(path => path.slice("node_modules/".length)).filter(name => !reach.has(name));
console.log(extra.join(" "));
')
if [ -n "$extra" ]; then
	echo "test:pack: the package installed dependencies besides better-sqlite3: $extra" >&2
	exit 1
fi
npx --no-install blogterm --help | grep -q 'Read and answer blogs from the terminal'
BLOGTERM_HOME="$work/home" npx --no-install blogterm --list --format json \
	| node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const list=JSON.parse(s);if(!(list.posts.length>0))process.exit(1);console.log(`test:pack: the package installs alone and lists ${list.total} demo posts`)})' 
