#!/usr/bin/env bash
# Installs what the WordPress end-to-end suite needs, only what is missing:
# Debian's packages, and our site config in /etc/wordpress (Debian's
# wp-config.php only reads config files from there). Needs root (or sudo)
# the first time, on Debian or Ubuntu.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
config_source="$here/config-blogterm-e2e.php"
config_target=/etc/wordpress/config-blogterm-e2e.php

packages=(wordpress wordpress-theme-twentytwentythree mariadb-server mariadb-client php-cli php-mysql)

missing=()
for package in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$package")
	fi
done
config_current() { cmp -s "$config_source" "$config_target"; }

if [ ${#missing[@]} -eq 0 ] && config_current; then
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null; then
	sudo=(sudo)
else
	echo "wordpress e2e: need root (or sudo) to install: ${missing[*]} $config_target" >&2
	exit 1
fi

install_config() {
	if ! config_current; then
		"${sudo[@]}" install -D -m 644 "$config_source" "$config_target"
	fi
}
if [ ${#missing[@]} -eq 0 ]; then
	install_config
	exit 0
fi

echo "wordpress e2e: installing ${missing[*]} (once)…" >&2
started=$SECONDS

# The packages' install scripts would start system-wide Apache and MariaDB;
# we run our own, so tell invoke-rc.d not to start services (the Docker way).
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
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "wordpress e2e: installed in $((SECONDS - started)) s" >&2
install_config
