#!/usr/bin/env python3
"""A storm on a large board: the real `serve` program (server/target/topowatch.jar through ./topowatch,
the launcher's JVM flags) on ENTITIES api entities checked every INTERVAL against nginx on 127.0.0.1,
run as this benchmark's own instance (a temporary config on a free port). Measures, in order:

  known      seconds from the board's start until no entity is unknown
  steady     lag p99 (from nginx's log of each entity's request times), CPU ms per check, over WINDOW s
  failure    nginx stopped: seconds until every entity is down or blocked (no entity up, unknown or stale)
  recovery   nginx started again: seconds until every entity is up
  steady     the same after the storm
  RSS max    sampled every 0.2 s through the whole run, and the kernel's VmHWM at the end

The topology: servers of eight (a server checked by tcp, then api, web, worker, cron, cache, queue and
db, all api entities with their own URL path), each server's services depending on its own db and
cache, and every third server's api also on the db of the server before it.
With --hang, every target is instead a socket that never accepts (connections wait in its backlog, or
time out when that is full): no storm, only "known" (every entity down or blocked) and RSS max over
WINDOW seconds after it, the memory bound while every target hangs.
Run as root (nginx), after `./mvnw -q -DskipTests package`:
  bench/board/storm.py [ENTITIES] [INTERVAL_S] [WINDOW_S] [--jfr FILE] [--hang]   (defaults 10000 20 60)
Prints one line of JSON with the figures.
"""
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ROLES = ["api", "web", "worker", "cron", "cache", "queue", "db"]
# The launcher's flags (packaging/jvm.options), for --jfr, which adds a recording to them.
with open(os.path.join(ROOT, "packaging", "jvm.options")) as options:
    LAUNCHER_OPTS = " ".join(line.split("#")[0].strip() for line in options if line.split("#")[0].strip())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def topology(entities, target, board, interval):
    servers = max(2, round(entities / 8))
    lines = [f'board: {{title: storm {entities}, listen: "127.0.0.1:{board}"}}',
             f"defaults: {{interval: {interval}s, timeout: 5s}}", "entities:"]

    def name(server, role):
        return f"app-{server:04d}-{role}"

    for server in range(servers):
        lines.append(f"  srv-{server:04d}: {{type: server, host: 127.0.0.1, check: 'tcp:{target}'}}")
        for role in ROLES:
            needs = {"api": [name(server, "db"), name(server, "cache")] + ([name(server - 1, "db")] if server % 3 == 0 and server else []),
                     "web": [name(server, "api")], "worker": [name(server, "db"), name(server, "queue")],
                     "cron": [name(server, "db")]}.get(role, [])
            entry = (f"  {name(server, role)}: {{type: api, server: srv-{server:04d}, "
                     f"url: 'http://127.0.0.1:{target}/{name(server, role)}'")
            if needs:
                entry += ", depends_on: [" + ", ".join(needs) + "]"
            lines.append(entry + "}")
    return "\n".join(lines) + "\n", servers * 8


class Nginx:
    def __init__(self, folder, port):
        self.conf = os.path.join(folder, "nginx.conf")
        self.log = os.path.join(folder, "access.log")
        with open(self.conf, "w") as out:
            out.write(f"""worker_processes 1;
worker_rlimit_nofile 65000;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 16000; }}
http {{
  log_format t '$msec $uri';
  access_log {self.log} t buffer=256k flush=1s;
  keepalive_requests 100000;
  server {{ listen 127.0.0.1:{port} backlog=4096; return 200; }}
}}
""")

    def start(self):
        subprocess.run(["nginx", "-c", self.conf], check=True)

    def stop(self):
        subprocess.run(["nginx", "-c", self.conf, "-s", "stop"], check=False)
        time.sleep(0.5)


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers, response.read()


def count(board, statuses):
    headers, _ = get(f"http://127.0.0.1:{board}/api/entities?status={statuses}&limit=1&fields=name")
    return int(headers["X-Total-Count"])


class Process:
    def __init__(self, pid):
        self.pid = pid
        self.rss_max = 0

    def sample(self):
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        self.rss_max = max(self.rss_max, int(line.split()[1]) // 1024)
        except FileNotFoundError:
            pass

    def hwm(self):
        with open(f"/proc/{self.pid}/status") as status:
            return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:"))

    def cpu_ms(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def wait_until(process, condition, limit):
    """Seconds until condition() holds, sampling RSS meanwhile; None past limit."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        process.sample()
        try:
            if condition():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    return None


def log_times(log, since, until):
    per_uri = {}
    with open(log) as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 2:
                at = float(parts[0])
                if since <= at <= until:
                    per_uri.setdefault(parts[1], []).append(at)
    return per_uri


def steady(process, nginx, interval, window):
    """Lag p99 (ms) and CPU per check (ms) over window seconds."""
    cpu_before, wall_before = process.cpu_ms(), time.time()
    end = time.monotonic() + window
    while time.monotonic() < end:
        process.sample()
        time.sleep(0.2)
    cpu = process.cpu_ms() - cpu_before
    time.sleep(1.5)  # nginx flushes its log every second
    per_uri = log_times(nginx.log, wall_before, wall_before + window)
    checks = sum(len(times) for times in per_uri.values())
    lags = sorted(max(0.0, (b - a) - interval) * 1000
                  for times in per_uri.values() for a, b in zip(times, times[1:]))
    p99 = lags[int(len(lags) * 0.99)] if lags else None
    return {"checks": checks, "lag_p99_ms": round(p99, 1) if p99 is not None else None,
            "cpu_ms_per_check": round(cpu / checks, 3) if checks else None}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    jfr = sys.argv[sys.argv.index("--jfr") + 1] if "--jfr" in sys.argv else None
    if jfr:
        args = [a for a in args if a != jfr]
    entities = int(args[0]) if args else 10000
    interval = int(args[1]) if len(args) > 1 else 20
    window = int(args[2]) if len(args) > 2 else 60
    folder = tempfile.mkdtemp(prefix="storm-")
    hang = "--hang" in sys.argv
    target, board = free_port(), free_port()
    if hang:
        never_accepts = socket.socket()
        never_accepts.bind(("127.0.0.1", target))
        never_accepts.listen(4096)
    text, total = topology(entities, target, board, interval)
    with open(os.path.join(folder, "topology.yaml"), "w") as out:
        out.write(text)
    nginx = Nginx(folder, free_port() if hang else target)
    if not hang:
        nginx.start()
    env = dict(os.environ)
    if jfr:
        env["TOPOWATCH_JAVA_OPTS"] = LAUNCHER_OPTS + f" -XX:StartFlightRecording=duration=180s,filename={jfr}"
    started = time.monotonic()
    log = open(os.path.join(folder, "board.log"), "w")
    board_process = subprocess.Popen([os.path.join(ROOT, "topowatch"), "serve", os.path.join(folder, "topology.yaml")],
                                     stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    process = Process(board_process.pid)
    result = {"entities": total, "interval_s": interval}
    try:
        wait_until(process, lambda: count(board, "up") >= 0, 120)
        known = wait_until(process, lambda: count(board, "unknown") == 0, 600)
        result["known_s"] = round(time.monotonic() - started, 1) if known is not None else None
        if hang:
            settled = wait_until(process, lambda: count(board, "up,degraded,unknown") == 0, 600)
            result["all_down_s"] = round(time.monotonic() - started, 1) if settled is not None else None
            wait_until(process, lambda: False, window)
            result["rss_max_mb"] = max(process.rss_max, process.hwm())
            return
        time.sleep(interval)  # one whole interval after the first checks
        result["before"] = steady(process, nginx, interval, window)
        nginx.stop()
        failed = wait_until(process, lambda: count(board, "up,degraded,unknown") == 0, 300)
        result["failure_settled_s"] = round(failed, 1) if failed is not None else None
        time.sleep(interval)
        nginx.start()
        recovered = wait_until(process, lambda: count(board, "down,blocked,unknown,degraded") == 0, 300)
        result["recovery_settled_s"] = round(recovered, 1) if recovered is not None else None
        time.sleep(interval)
        result["after"] = steady(process, nginx, interval, window)
        result["rss_max_mb"] = max(process.rss_max, process.hwm())
    finally:
        os.killpg(board_process.pid, signal.SIGTERM)
        board_process.wait(30)
        nginx.stop()
        if os.environ.get("KEEP"):
            print("kept", folder, file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
