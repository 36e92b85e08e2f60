#!/usr/bin/env python3
"""kill -9 of journey-serve while appends arrive over HTTP: every append answered 2xx is in the log afterwards, and
no batch is half there.

    python3 Scripts/service-crash.py [--serve .build/debug/journey-serve] [--journey .build/debug/journey] [--runs 10]
                                     [--postgres postgres://USER@HOST:PORT/DB]

Each run starts the real server on a fresh log (one event appended first with journey append), posts batches of
events (each batch all new ids) one after another from two clients, kills the server with SIGKILL at a random
moment, starts it again (it must come up and answer /v1/health), stops it, and then reads the log with journey
verify and journey export: every batch the server acknowledged must be there whole, and every batch must be there
whole or not at all. Exit 1 names the run and the batch. The seed of the random moments is printed, and --seed
repeats a run.

With --postgres the log is kept in that PostgreSQL database instead of a folder, a schema of its own per run
(?schema=crash_SEED_RUN), and journey-serve runs the append, verify and export commands on it: a kill then drops the
server's connection in the middle of a transaction, which PostgreSQL must roll back whole.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

BATCH = 40


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def event_line(run, client, batch, n):
    # A referral for a child of its own per batch: ids unique across runs, clients and batches.
    return json.dumps(
        {
            "id": f"crash-{run}-{client}-{batch}-{n}",
            "type": "referral.received",
            "child": f"K{client}X{batch}",
            "occurred": "2024-04-02",
            "recorded": "2024-04-02T12:00:00Z",
            "data": {"referral": f"R{run}-{client}-{batch}-{n}", "source": "6"},
        },
        separators=(",", ":"),
    )


def start(serve, log, port):
    server = subprocess.Popen(
        [serve, "--log", log, "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"service-crash: the server exited with {server.returncode} at start")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.1)
    server.kill()
    raise SystemExit("service-crash: the server did not answer /v1/health within 120 s")


def client(run, number, port, acknowledged, attempted, stop):
    batch = 0
    while not stop.is_set():
        batch += 1
        body = ("\n".join(event_line(run, number, batch, n) for n in range(BATCH)) + "\n").encode()
        attempted.append((number, batch))
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/v1/events", data=body, method="POST",
            headers={"Content-Type": "application/x-ndjson"})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                if 200 <= r.status < 300:
                    acknowledged.append((number, batch))
        except urllib.error.HTTPError as e:
            raise SystemExit(f"service-crash: run {run}: batch {batch} refused with {e.code}")
        except (urllib.error.URLError, ConnectionError, socket.timeout, OSError):
            return  # the server is gone


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", default=".build/debug/journey-serve")
    parser.add_argument("--journey", default=".build/debug/journey")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--postgres", help="a PostgreSQL address: keep each run's log there, not in a folder")
    args = parser.parse_args()
    # The program that runs the journey commands on the log: journey-serve for a log in PostgreSQL.
    commands = args.serve if args.postgres else args.journey
    rng = random.Random(args.seed)
    where = "a PostgreSQL log" if args.postgres else "a log folder"
    print(f"service-crash: {args.runs} runs on {where}, seed {args.seed}")
    totals = [0, 0]
    for run in range(1, args.runs + 1):
        work = tempfile.mkdtemp(prefix="journey-crash-")
        os.chmod(work, 0o700)
        try:
            if args.postgres:
                joiner = "&" if "?" in args.postgres else "?"
                log = f"{args.postgres}{joiner}schema=crash_{args.seed}_{run}"
            else:
                log = os.path.join(work, "log")
            first = os.path.join(work, "first.jsonl")
            with open(first, "w") as f:
                f.write(event_line(run, 0, 0, 0) + "\n")
            subprocess.run([commands, "append", first, "--log", log], check=True, stdout=subprocess.DEVNULL)
            port = free_port()
            server = start(args.serve, log, port)
            acknowledged, attempted, stop = [], [], threading.Event()
            clients = [
                threading.Thread(target=client, args=(run, c, port, acknowledged, attempted, stop)) for c in (1, 2)
            ]
            for t in clients:
                t.start()
            time.sleep(rng.uniform(0.3, 2.5))
            server.send_signal(signal.SIGKILL)
            server.wait()
            stop.set()
            for t in clients:
                t.join()
            # The server comes up again on the log the kill left (its writer repairs a torn tail), then stops.
            again = start(args.serve, log, port)
            again.terminate()
            again.wait()
            verify = subprocess.run([commands, "verify", "--log", log], capture_output=True, text=True)
            if verify.returncode != 0:
                raise SystemExit(f"service-crash: run {run}: verify failed: {verify.stdout.strip()}")
            exported = subprocess.run(
                [commands, "export", "--log", log], capture_output=True, text=True, check=True).stdout
            ids = {json.loads(line)["id"] for line in exported.splitlines() if line}
            for (number, batch) in attempted:
                present = sum(f"crash-{run}-{number}-{batch}-{n}" in ids for n in range(BATCH))
                if present not in (0, BATCH):
                    raise SystemExit(f"service-crash: run {run}: batch {number}/{batch} is half there ({present})")
                if (number, batch) in acknowledged and present != BATCH:
                    raise SystemExit(f"service-crash: run {run}: acknowledged batch {number}/{batch} is missing")
            print(f"  run {run}: {len(acknowledged)} batches acknowledged, {len(attempted)} sent, "
                  f"{(len(ids) - 1) // BATCH} in the log after the kill; verify ok")
            totals[0] += len(acknowledged)
            totals[1] += (len(ids) - 1) // BATCH
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"service-crash: ok: {args.runs} kills; {totals[0]} acknowledged batches all whole in the log "
          f"({totals[1]} in all, none half there)")


if __name__ == "__main__":
    main()
