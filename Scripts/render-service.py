#!/usr/bin/env python3
"""The service's web pages in headless Chromium, as people use them: each page (home, a chronology, the monthly
pack, findings by team, caseload by worker, the case-file audit sample) loads with a 200 and no console message, the
login form and the find-a-child form work, and a viewer (aggregates only) is refused a child's page.

    python3 Scripts/render-service.py [--serve .build/debug/journey-serve] [--journey .build/debug/journey]

It makes a log of the sample and a users file with an analyst and a viewer (journey users add --password-stdin),
starts the real journey-serve with --users on a free loopback port, and drives Chromium through its DevTools
protocol (websocket-client from PyPI; .ci/run installs it). Without Chromium it is skipped, except under CI
(CI=true). Exit 1 names the page and what was wrong.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:
    websocket = None

SAMPLE = "event-logs/sample.jsonl"
PASSWORDS = {"ana": "correct horse battery staple", "vic": "another long pass phrase"}


def fail(message):
    print(f"render-service: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """One Chromium tab, driven over the DevTools protocol."""

    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.events = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def call(self, method, **params):
        self.next_id += 1
        wanted = self.next_id
        self.ws.send(json.dumps({"id": wanted, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == wanted:
                if "error" in message:
                    fail(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, name, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, event in enumerate(self.events):
                if event.get("method") == name:
                    del self.events[i]
                    return event
            self.events.append(json.loads(self.ws.recv()))
        fail(f"no {name} within {timeout} s")

    def console(self):
        """Console messages, exceptions and browser log entries since the last call."""
        found = [
            e for e in self.events
            if e.get("method") in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded")
        ]
        return [json.dumps(e.get("params"))[:300] for e in found]

    def document_status(self):
        statuses = [
            e["params"]["response"]["status"] for e in self.events
            if e.get("method") == "Network.responseReceived" and e["params"].get("type") == "Document"
        ]
        return statuses[-1] if statuses else None

    def load(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        return self.settle()

    def submit(self, script):
        """Runs `script` (which fills a form and submits it) and waits for the page it leads to."""
        self.events.clear()
        result = self.call("Runtime.evaluate", expression=script)
        if "exceptionDetails" in result:
            fail(f"the form could not be filled: {json.dumps(result['exceptionDetails'])[:300]}")
        self.wait_for("Page.loadEventFired")
        return self.settle()

    def settle(self):
        time.sleep(0.2)  # late console messages
        self.ws.settimeout(0.2)
        try:
            while True:
                self.events.append(json.loads(self.ws.recv()))
        except websocket.WebSocketTimeoutException:
            pass
        finally:
            self.ws.settimeout(60)
        status = self.document_status()
        text = self.call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''")
        title = self.call("Runtime.evaluate", expression="document.title")
        return status, text["result"].get("value", ""), title["result"].get("value", "")


def fill(form_action, values):
    sets = "".join(
        f"f.querySelector('[name=\"{name}\"]').value = {json.dumps(value)};" for name, value in values.items())
    return (f"(() => {{ const f = document.querySelector('form[action=\"{form_action}\"]'); {sets} "
            "f.requestSubmit ? f.requestSubmit() : f.submit(); })()")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", default=".build/debug/journey-serve")
    parser.add_argument("--journey", default=".build/debug/journey")
    args = parser.parse_args()
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None or websocket is None:
        missing = "Chromium" if browser is None else "websocket-client"
        if os.environ.get("CI") == "true":
            fail(f"no {missing} (CI needs it)")
        print(f"render-service: skipped, no {missing}", file=sys.stderr)
        return
    work = tempfile.mkdtemp(prefix="journey-pages-")
    os.chmod(work, 0o700)
    server = chrome = None
    try:
        log, users = os.path.join(work, "log"), os.path.join(work, "users.json")
        subprocess.run([args.journey, "append", SAMPLE, "--log", log], check=True, stdout=subprocess.DEVNULL)
        for name, role in (("ana", "analyst"), ("vic", "viewer")):
            subprocess.run(
                [args.journey, "users", "add", name, "--role", role, "--users", users, "--password-stdin"],
                input=PASSWORDS[name] + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [args.serve, "--log", log, "--listen", f"127.0.0.1:{port}", "--users", users,
             "--audit-log", os.path.join(work, "audit.jsonl")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 180
        while True:
            try:
                urllib.request.urlopen(f"{base}/login", timeout=2)
                break
            except Exception:
                if server.poll() is not None or time.time() > deadline:
                    fail("the server did not start")
                time.sleep(0.2)
        chrome = subprocess.Popen(
            [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-port=0", f"--user-data-dir={os.path.join(work, 'chrome')}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        devtools = None
        while devtools is None:
            line = chrome.stderr.readline()
            if not line:
                fail("Chromium exited at start")
            match = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if match:
                devtools = int(match.group(1))
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list"))
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        checked = []

        def expect_page(label, result, status=200, contains=None):
            got, text, title = result
            if got != status:
                fail(f"{label}: status {got}, expected {status}")
            if not title:
                fail(f"{label}: the page has no title")
            messages = page.console()
            if messages:
                fail(f"{label}: console: {messages}")
            if contains and contains not in text:
                fail(f"{label}: the page does not say {contains!r}")
            checked.append(label)

        # Signed out, a page leads to the login form; the login form signs in.
        expect_page("login page", page.load(f"{base}/login"), contains="Password")
        expect_page(
            "analyst signs in", page.submit(fill("/login", {"name": "ana", "password": PASSWORDS["ana"]})),
            contains="ana")
        expect_page("home", page.load(f"{base}/"), contains="Child id")
        child = "C000526"  # in the sample: 102 of its lines name this child
        expect_page(
            "find a child (the home page's form) and read the chronology",
            page.submit(fill("/children", {"id": child})), contains=child)
        expect_page("monthly pack", page.load(f"{base}/pack?year=2024-25&month=2025-03"))
        expect_page("findings by team", page.load(f"{base}/findings"))
        expect_page("caseload by worker", page.load(f"{base}/caseload"))
        expect_page("case-file audit sample", page.load(f"{base}/audit-sample"))
        page.load(f"{base}/")
        page.submit("document.querySelector('form[action=\"/logout\"]').submit()")
        page.console()
        # A viewer sees aggregates, and is refused a child's page.
        page.load(f"{base}/login")
        expect_page(
            "viewer signs in", page.submit(fill("/login", {"name": "vic", "password": PASSWORDS["vic"]})),
            contains="vic")
        status, text, _ = page.load(f"{base}/children/{child}/chronology")
        if status != 403 or child in text.replace(f"/children/{child}", ""):
            fail(f"a viewer's child page: status {status}, expected 403 with no child data")
        page.console()
        checked.append("viewer refused a child's page")
        print(f"render-service: ok: {', '.join(checked)}")
    finally:
        for process in (chrome, server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
