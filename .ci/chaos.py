#!/usr/bin/env python3
"""Chaos test: tickets confirmed to customers survive the server being killed.

Starts the real `tuki` binary on a fresh data directory, sends guided forms from several
clients as browsers without JavaScript do (start, answer, contact details, confirmation page),
kills the server with SIGKILL while they are sending, starts it again, and checks that every
reference a customer was shown is in the database with its confirmation mail queued, and that
the mail goes out after the restart. Repeated for a few rounds on the same data directory.

Usage: chaos.py PATH_TO_TUKI [ROUNDS]
"""

import email
import email.header
import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

CLIENTS = 6
SEND_SECONDS = 3.0
REFERENCE = re.compile(r"TK-\d{4}-\d{6}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tuki, data_dir, port):
        self.tuki, self.data_dir, self.port = tuki, data_dir, port
        self.process = None

    def start(self):
        env = dict(os.environ)
        env.update(
            TUKI_DATA_DIR=self.data_dir,
            TUKI_LISTEN=f"127.0.0.1:{self.port}",
            TUKI_SUBMITS_PER_MINUTE="1000000",
            TUKI_SEARCHES_PER_MINUTE="1000000",
            TUKI_LOG="warn",
        )
        log = open(os.path.join(self.data_dir, "server.log"), "a")
        self.process = subprocess.Popen([self.tuki, "serve"], env=env, stdout=log, stderr=log)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if request("GET", self.port, "/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("the server did not become ready")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


def request(method, port, path, fields=None):
    """One request on a new connection, redirects not followed: (status, location, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        body = urllib.parse.urlencode(fields or {}) if method == "POST" else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if method == "POST" else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("Location") or "", response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def customer(port, number, confirmed, problems, lock, stop):
    """Sends forms until stopped or the server is gone; records every reference shown, and
    every answer a working server should not give."""
    n = 0
    while not stop.is_set():
        n += 1
        try:
            status, step, _ = request("POST", port, "/fi/help/e-invoice")
            assert status == 303, status
            status, check, _ = request("POST", port, step, {"topic": "start", "biller": "Sähkö Oy"})
            assert status == 303 and check.endswith("/check"), (status, check)
            contact = check[: -len("/check")] + "/contact"
            details = {
                "name": "Maija Meikäläinen",
                "email": f"maija.{number}.{n}.{time.time_ns()}@example.fi",
                "phone": "",
                "reply-language": "fi",
                "description": "En pääse kirjautumaan.",
            }
            status, done, _ = request("POST", port, contact, details)
            if status == 503:
                continue
            assert status == 303 and done.endswith("/done"), (status, done)
            status, _, page = request("GET", port, done)
            assert status == 200, status
            match = REFERENCE.search(page)
            assert match, "the confirmation page shows no reference"
            with lock:
                confirmed.append(match.group(0))
        except (OSError, http.client.HTTPException):
            return  # the server was killed under us
        except AssertionError as problem:
            with lock:
                problems.append(repr(problem))
            return


def subjects_of_sent_mail(outbox_dir):
    subjects = []
    if not os.path.isdir(outbox_dir):
        return subjects
    for name in os.listdir(outbox_dir):
        # A mail being written is a hidden `.tmp` file, renamed when complete: only complete
        # mails count (and one renamed away meanwhile is read under its new name, if listed).
        if not name.endswith(".eml") or name.startswith("."):
            continue
        try:
            with open(os.path.join(outbox_dir, name), "rb") as f:
                message = email.message_from_bytes(f.read())
        except FileNotFoundError:
            continue
        parts = email.header.decode_header(message["Subject"])
        subjects.append("".join(p.decode(c or "utf-8") if isinstance(p, bytes) else p for p, c in parts))
    return subjects


def main():
    tuki = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    data_dir = tempfile.mkdtemp(prefix="tuki-chaos.")
    server = Server(tuki, data_dir, free_port())
    confirmed, problems = [], []
    try:
        for round_number in range(1, rounds + 1):
            server.start()
            lock, stop = threading.Lock(), threading.Event()
            before = len(confirmed)
            clients = [
                threading.Thread(target=customer, args=(server.port, i, confirmed, problems, lock, stop))
                for i in range(CLIENTS)
            ]
            for c in clients:
                c.start()
            time.sleep(SEND_SECONDS)
            server.kill()
            stop.set()
            for c in clients:
                c.join(timeout=60)
            print(f"round {round_number}: {len(confirmed) - before} tickets confirmed, then SIGKILL")
        server.start()
        db = sqlite3.connect(os.path.join(data_dir, "tuki.db"))
        tickets = {row[0] for row in db.execute("SELECT reference FROM tickets")}
        queued = " ".join(row[0] for row in db.execute("SELECT subject FROM outbox"))
        lost = [r for r in confirmed if r not in tickets]
        unmailed = [r for r in confirmed if r not in queued]
        deadline = time.time() + 30
        while True:
            sent = " ".join(subjects_of_sent_mail(os.path.join(data_dir, "outbox")))
            undelivered = [r for r in confirmed if r not in sent]
            if not undelivered or time.time() > deadline:
                break
            time.sleep(0.5)
        print(
            f"{len(confirmed)} confirmed references: {len(lost)} missing from the database, "
            f"{len(unmailed)} without a queued mail, {len(undelivered)} not delivered after the restart"
        )
        if problems:
            print("unexpected answers:", problems[:10])
        if not confirmed or lost or unmailed or undelivered or problems:
            print("lost:", lost[:10], "unmailed:", unmailed[:10], "undelivered:", undelivered[:10])
            with open(os.path.join(data_dir, "server.log")) as log:
                print(log.read()[-3000:])
            sys.exit(1)
    finally:
        server.stop()
    subprocess.run(["rm", "-rf", data_dir], check=False)


if __name__ == "__main__":
    main()
