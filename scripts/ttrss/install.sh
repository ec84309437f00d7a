#!/usr/bin/env bash
# Installs what the TT-RSS end-to-end suite needs, only what is missing:
# Debian's tt-rss (21~git20210204) without its recommends, PHP's CGI and curl,
# MariaDB. Needs root (or sudo) the first time, on Debian or Ubuntu. The
# packages' scripts would set up a database and start services: dbconfig is
# told "no thanks" and invoke-rc.d is told not to start anything.
set -euo pipefail

packages=(tt-rss dbconfig-no-thanks php-cgi php-curl php-cli php-mysql php-mbstring php-intl php-xml mariadb-server mariadb-client)

missing=()
for package in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$package")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null; then
	sudo=(sudo)
else
	echo "tt-rss e2e: need root (or sudo) to install: ${missing[*]}" >&2
	exit 1
fi

echo "tt-rss e2e: installing ${missing[*]} (once)…" >&2
started=$SECONDS
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
	"${sudo[@]}" chmod 755 "$policy"
	made_policy=1
fi
cleanup() {
	if [ "$made_policy" -eq 1 ]; then "${sudo[@]}" rm -f "$policy"; fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
# dbconfig-no-thanks first: tt-rss's own install script then leaves the database to us.
"${sudo[@]}" apt-get install -y -qq --no-install-recommends dbconfig-no-thanks >/dev/null 2>&1 || {
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends dbconfig-no-thanks >/dev/null
}
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "tt-rss e2e: installed in $((SECONDS - started)) s" >&2
