#!/usr/bin/env python3
"""kill -9 during heavy writes, then restart, 20 times (RELIABILITY.md, "Killed with kill -9").

1,000 tcp entities checked every second, 50 of them against a port that this script opens and
closes every round (so transitions, outbox rows and webhook alerts keep coming), a webhook receiver
that records every delivery. Each round starts `topowatch serve`, lets it write for a few seconds,
kills it with SIGKILL, and then checks the SQLite file: PRAGMA integrity_check, counters that never
go back, outbox rows never lost. At the end one last board drains the outbox and the deliveries are
counted: every alert delivered, repeats at most one per kill.

    python3 bench/reliability/kill9.py [ROUNDS]        # from the repository root; default 20
"""
import http.server
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import board_jar

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
STEADY, FLIPPING = 950, 50
deliveries = []
lock = threading.Lock()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with lock:
            deliveries.append((self.headers["X-Topowatch-Delivery"], body["event"], body["entity"]))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a board killed mid-request resets its connection: expected here


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Flipper:
    """A port that listens in even rounds and refuses in odd ones."""

    def __init__(self, port):
        self.port, self.sock = port, None

    def set(self, listening):
        if listening and self.sock is None:
            self.sock = socket.socket()
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.sock.bind(("127.0.0.1", self.port))
            self.sock.listen(4096)
            threading.Thread(target=self.accept, args=(self.sock,), daemon=True).start()
        elif not listening and self.sock is not None:
            self.sock.close()
            self.sock = None

    @staticmethod
    def accept(sock):
        try:
            while True:
                conn, _ = sock.accept()
                conn.close()
        except OSError:
            pass


def state(db):
    """Counters summed over entities, integrity, outbox rows (all, delivered)."""
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        total = 0
        for (text,) in conn.execute("SELECT state FROM entity_state"):
            s = json.loads(text)
            total += int(s.get("success_count", 0)) + int(s.get("fail_count", 0)) + int(s.get("blocked_count", 0))
        rows = conn.execute("SELECT count(*), count(delivered_at) FROM outbox").fetchone()
        ids = {row[0] for row in conn.execute("SELECT id FROM outbox")}
    return integrity, total, rows, ids


def wait_ready(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def main():
    work = tempfile.mkdtemp(prefix="topowatch-kill9-")
    receiver = QuietServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    # The 950 steady entities connect to a plain listener of their own; the receiver only takes alerts.
    hook_port, steady, flip, board_port = receiver.server_address[1], Flipper(free_port()), Flipper(free_port()), free_port()
    steady.set(True)
    steady_port = steady.port
    lines = [
        "board: {listen: 127.0.0.1:%d}" % board_port,
        "defaults: {interval: 1s, timeout: 1s, failure_threshold: 1}",
        "alerts:",
        "  group_window: 1s",
        "  webhooks: [{url: 'http://127.0.0.1:%d/hook', on: [down, recovered]}]" % hook_port,
        "entities:",
    ]
    lines += ["  ok-%d: {type: tcp, host: 127.0.0.1, port: %d}" % (i, steady_port) for i in range(STEADY)]
    lines += ["  flip-%d: {type: tcp, host: 127.0.0.1, port: %d}" % (i, flip.port) for i in range(FLIPPING)]
    topology, db = os.path.join(work, "topology.yaml"), os.path.join(work, "board.db")
    with open(topology, "w") as f:
        f.write("\n".join(lines) + "\n")
    topowatch = board_jar.command(work)

    previous_total, previous_ids, problems = -1, set(), []
    print("round  ready_s  ran_s  integrity  counters  outbox_rows  delivered_rows  webhook_calls")
    for round_number in range(1, ROUNDS + 1):
        flip.set(round_number % 2 == 0)
        log = open(os.path.join(work, "serve-%02d.log" % round_number), "w")
        started = time.time()
        board = subprocess.Popen(topowatch + ["serve", topology, "--database", db], stdout=log, stderr=log)
        if not wait_ready(board_port):
            problems.append(f"round {round_number}: not ready within 60 s")
        ready = time.time() - started
        ran = random.uniform(3, 6)
        time.sleep(ran / 2)
        flip.set(round_number % 2 == 1)
        time.sleep(ran / 2)
        board.send_signal(signal.SIGKILL)
        board.wait()
        log.close()
        integrity, total, rows, ids = state(db)
        with lock:
            calls = len(deliveries)
        print(flush=True, end="")
        print(f"{round_number:5d}  {ready:7.1f}  {ran:5.1f}  {integrity:9s}  {total:8d}  {rows[0]:11d}  {rows[1]:14d}  {calls:13d}")
        if integrity != "ok":
            problems.append(f"round {round_number}: integrity_check says {integrity}")
        if total < previous_total:
            problems.append(f"round {round_number}: counters went back from {previous_total} to {total}")
        if not previous_ids <= ids:
            problems.append(f"round {round_number}: outbox rows lost: {sorted(previous_ids - ids)[:5]}")
        previous_total, previous_ids = total, ids

    # One last board, no kill: it delivers what is left.
    log = open(os.path.join(work, "serve-final.log"), "w")
    board = subprocess.Popen(topowatch + ["serve", topology, "--database", db], stdout=log, stderr=log)
    wait_ready(board_port)
    deadline = time.time() + 300
    while time.time() < deadline:
        with sqlite3.connect(db) as conn:
            if conn.execute("SELECT count(*) FROM outbox WHERE delivered_at IS NULL").fetchone()[0] == 0:
                break
        time.sleep(0.5)
    time.sleep(2)
    board.send_signal(signal.SIGTERM)
    board.wait()
    log.close()

    with sqlite3.connect(db) as conn:
        sent = {str(row[0]) for row in conn.execute("SELECT id FROM outbox WHERE last_error IS NULL OR last_error NOT LIKE 'superseded%'")}
        undelivered = conn.execute("SELECT count(*) FROM outbox WHERE delivered_at IS NULL").fetchone()[0]
    with lock:
        received = [delivery[0] for delivery in deliveries]
    missing = sent - set(received)
    repeats = len(received) - len(set(received))
    print(f"\nalerts in the outbox {len(sent)}, webhook calls {len(received)}, distinct {len(set(received))}, "
          f"missing {len(missing)}, repeats {repeats} (at most one per kill: {ROUNDS}), undelivered {undelivered}")
    if missing:
        problems.append(f"{len(missing)} alerts never delivered, e.g. {sorted(missing)[:5]}")
    if repeats > ROUNDS:
        problems.append(f"{repeats} repeats for {ROUNDS} kills")
    if undelivered:
        problems.append(f"{undelivered} alerts still undelivered")
    print("files in", work)
    for problem in problems:
        print("PROBLEM:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
