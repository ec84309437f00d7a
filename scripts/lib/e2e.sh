# Shared by the end-to-end suites' start.sh and stop.sh (scripts/wordpress/, scripts/ttrss/): sourced,
# never run. The caller defines `log` (its suite's prefix) and, for start_mariadb, `state`, `socket`, `user`.

# Polls until a command succeeds, up to a number of tenths of a second.
wait_for() {
	local tenths=$1 what=$2
	shift 2
	for _ in $(seq "$tenths"); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	log "$what did not come up"
	return 1
}

# A TCP port free on 127.0.0.1 just now.
free_port() {
	node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# A throwaway MariaDB in $state/db on the socket $socket, run as $user, its pid kept in $state/pids.
start_mariadb() {
	log "starting MariaDB in $state"
	mariadb-install-db --no-defaults --datadir="$state/db" --user="$user" \
		--auth-root-authentication-method=socket --skip-test-db >"$state/mariadb-install.log" 2>&1
	setsid /usr/sbin/mariadbd --no-defaults --datadir="$state/db" --socket="$socket" \
		--skip-networking --user="$user" --pid-file="$state/mysqld.pid" --log-error="$state/mariadb.log" \
		--innodb-buffer-pool-size=64M --skip-log-bin \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		</dev/null >/dev/null 2>&1 &
	echo "$! mariadb" >>"$state/pids"
	wait_for 300 MariaDB mariadb-admin --no-defaults --socket="$socket" --user="$user" ping
}

# Waits up to 15 s for the processes asked to stop, then kills each one (and its group) still there.
await_stopped() {
	local left pid
	for _ in $(seq 150); do
		left=0
		for pid in "$@"; do kill -0 "$pid" 2>/dev/null && left=1; done
		[ "$left" -eq 0 ] && break
		sleep 0.1
	done
	for pid in "$@"; do
		if kill -0 "$pid" 2>/dev/null; then
			log "process $pid did not stop; killing it"
			kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
		fi
	done
}
