#!/usr/bin/env python3
"""Runs one program in a pseudo-terminal and times what a user would see.

node-pty cannot be installed here (install scripts are blocked), so bench/run.ts drives the reader
through this script instead. It reads one JSON document from argv[1]:

  {"command": ["node", "dist/cli.js", URL], "env": {...}, "cwd": "...", "columns": 100, "rows": 24,
   "steps": [{"label": "start", "waitFor": "Page 1 of", "timeoutMs": 10000},
             {"label": "open", "send": "\\r", "waitFor": "lines 1\u2013", "pauseMs": 40}, ...],
   "idleMs": 0, "waitForExit": false}

and prints one JSON document: {"steps": [{"label", "ms", "cpuMs"}...], "vmHWMKiB", "vmRSSKiB", "error"},
where cpuMs is the CPU time the program's main thread had used when the step ended.

A step's time runs from the moment its keys are written (for the first step without keys: from the
moment the program is started) to the moment the text it waits for has been read from the terminal.
Escape sequences are removed before looking for the text, so styling cannot split it. `pauseMs`
waits before writing the keys, so that keys arrive at a steady rate (key repeat) rather than as fast
as the previous frame can be read.
"""
import json
import os
import re
import select
import signal
import struct
import sys
import time
import fcntl
import termios

ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")


def read_status(pid):
    """Peak and current resident memory (KiB) from /proc, while the process still runs."""
    found = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    key, value = line.split(":", 1)
                    found[key] = int(value.strip().split()[0])
    except OSError:
        pass
    return found


def cpu_ms(pid):
    """CPU time the program's main thread has run so far (ns in /proc/PID/schedstat): steadier than wall time on a busy machine."""
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0]) / 1e6
    except (OSError, ValueError, IndexError):
        return None


def main():
    spec = json.loads(sys.argv[1])
    columns = spec.get("columns", 100)
    rows = spec.get("rows", 24)
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    env.setdefault("TERM", "xterm-256color")
    env["COLUMNS"] = str(columns)
    env["LINES"] = str(rows)

    started = time.perf_counter()
    pid, fd = os.forkpty()
    if pid == 0:
        try:
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            if spec.get("cwd"):
                os.chdir(spec["cwd"])
            os.execvpe(spec["command"][0], spec["command"], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    results = []
    error = None
    buffer = b""
    exited = False
    exit_status = None

    def read_some(deadline):
        """Reads what the terminal has (up to the deadline); False once the program has gone."""
        nonlocal buffer, exited
        remaining = max(0.0, deadline - time.perf_counter())
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            exited = True
            return False
        if not chunk:
            exited = True
            return False
        buffer += chunk
        return True

    for step in spec["steps"]:
        pause = step.get("pauseMs", 0) / 1000
        if pause > 0:
            # Keep reading while pausing, so the program never blocks on a full terminal.
            until = time.perf_counter() + pause
            while time.perf_counter() < until and not exited:
                read_some(until)
        buffer = b""
        sent_at = started if "send" not in step else time.perf_counter()
        if "send" in step:
            os.write(fd, step["send"].encode("utf-8"))
        wanted = step.get("waitFor")
        deadline = time.perf_counter() + step.get("timeoutMs", 15000) / 1000
        if wanted is None:
            results.append({"label": step.get("label", ""), "ms": 0})
            continue
        wanted_bytes = wanted.encode("utf-8")
        seen = False
        scanned_from = 0
        while time.perf_counter() < deadline:
            if not read_some(deadline) and not exited:
                break
            # Only the new part (and a little before it, for text split between reads) is searched.
            plain = ANSI.sub(b"", buffer[max(0, scanned_from - 256):])
            if wanted_bytes in plain:
                seen = True
                break
            scanned_from = len(buffer)
            if exited:
                break
        now = time.perf_counter()
        if not seen:
            tail = ANSI.sub(b"", buffer[-600:]).decode("utf-8", "replace")
            error = f"step {step.get('label', '')!r}: {wanted!r} did not appear within {step.get('timeoutMs', 15000)} ms; last output: {tail!r}"
            break
        results.append({"label": step.get("label", ""), "ms": (now - sent_at) * 1000, "cpuMs": cpu_ms(pid)})

    idle = spec.get("idleMs", 0) / 1000
    if idle > 0 and error is None:
        until = time.perf_counter() + idle
        while time.perf_counter() < until and not exited:
            read_some(until)

    memory = read_status(pid) if not exited else {}
    if spec.get("waitForExit") and error is None:
        deadline = time.perf_counter() + 15
        while not exited and time.perf_counter() < deadline:
            read_some(deadline)
        results.append({"label": "exit", "ms": (time.perf_counter() - started) * 1000})

    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    for _ in range(100):
        finished, exit_status = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
        try:
            read_some(time.perf_counter() + 0.02)
        except OSError:
            time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    print(json.dumps({"steps": results, "vmHWMKiB": memory.get("VmHWM"), "vmRSSKiB": memory.get("VmRSS"), "error": error}))


if __name__ == "__main__":
    main()
