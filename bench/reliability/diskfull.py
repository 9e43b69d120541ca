#!/usr/bin/env python3
"""The disk under the database fills up, then gets room again (RELIABILITY.md, "disk full").

Needs root (it mounts a 1 MiB tmpfs for the database). 1,000 tcp entities checked every second write
until the filesystem is full; the script then checks that the board says so (/health/ready 503,
/api/summary store.writable false), that checks go on (last check times move), grows the filesystem,
and checks that writes resume with nothing lost (integrity_check, counters on disk catch up).

    sudo python3 bench/reliability/diskfull.py          # from the repository root
"""
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import board_jar

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listen_forever(port):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(4096)

    def accept():
        while True:
            conn, _ = server.accept()
            conn.close()
    threading.Thread(target=accept, daemon=True).start()


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
    except OSError:
        return None, None


def wait(condition, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    return None


def main():
    work = tempfile.mkdtemp(prefix="topowatch-diskfull-")
    disk = os.path.join(work, "disk")
    os.makedirs(disk)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk], check=True)
    problems = []
    board = None
    try:
        target, board_port = free_port(), free_port()
        listen_forever(target)
        lines = ["board: {listen: 127.0.0.1:%d}" % board_port,
                 "defaults: {interval: 1s, timeout: 1s}", "entities:"]
        lines += ["  e%d: {type: tcp, host: 127.0.0.1, port: %d}" % (i, target) for i in range(1000)]
        topology, db = os.path.join(work, "topology.yaml"), os.path.join(disk, "board.db")
        with open(topology, "w") as f:
            f.write("\n".join(lines) + "\n")
        topowatch = board_jar.command(work)
        log = open(os.path.join(work, "serve.log"), "w")
        board = subprocess.Popen(topowatch + ["serve", topology, "--database", db], stdout=log, stderr=log)
        started = time.time()
        full = wait(lambda: (lambda s: s[1] if s[0] == 503 else None)(get(board_port, "/health/ready")), 180)
        if not full:
            problems.append("the board never said its disk was full")
        else:
            print(f"full after {time.time() - started:.0f} s: /health/ready 503 {json.dumps(full)[:200]}")
        status, summary = get(board_port, "/api/summary")
        print("summary.store:", summary and summary.get("store"))
        _, before = get(board_port, "/api/entities/e1")
        time.sleep(3)
        _, after = get(board_port, "/api/entities/e1")
        moved = before and after and after["lastcheck"] != before["lastcheck"]
        print(f"checks go on while full: e1 last check {before and before['lastcheck']} -> {after and after['lastcheck']}")
        if not moved:
            problems.append("checks stopped while the disk was full")
        in_memory = after["success_count"] if after else 0

        subprocess.run(["mount", "-o", "remount,size=64m", disk], check=True)
        grown = time.time()
        ready = wait(lambda: get(board_port, "/health/ready")[0] == 200, 120)
        print(f"writable again {time.time() - grown:.1f} s after the disk grew" if ready else "never writable again")
        if not ready:
            problems.append("writes did not resume")
        time.sleep(3)
        board.terminate()
        board.wait(30)
        log.close()
        with sqlite3.connect(db) as conn:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            stored = json.loads(conn.execute("SELECT state FROM entity_state WHERE name = 'e1'").fetchone()[0])["success_count"]
        print(f"integrity_check {integrity}; e1 success_count on disk {stored}, in memory while full {in_memory}")
        if integrity != "ok":
            problems.append(f"integrity_check says {integrity}")
        if stored < in_memory:
            problems.append("counts made while the disk was full were lost")
        restarts = open(os.path.join(work, "serve.log")).read().count("board started")
        print(f"board starts in the log: {restarts} (no crash loop)")
    finally:
        if board is not None and board.poll() is None:
            board.kill()
        subprocess.run(["umount", "-l", disk])
    for problem in problems:
        print("PROBLEM:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
