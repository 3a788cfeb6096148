#!/usr/bin/env python3
"""The live preview in a real browser: headless Chromium shows
`zhauap preview` of a copy of a letter; the letter is broken, then fixed, and
each time the page in the browser must change by itself (the server pushes a
reload) within 2 seconds. The page's title tells which page is shown: the
letter's own title, or "<file>: refused" for the error page.

  preview_live.py ZHAUAP CHROMIUM LETTER.yaml

The page is watched through Chromium's DevTools HTTP endpoint (/json/list),
so the standard library is enough. Exits 1 saying what went wrong; both
processes are stopped in every case.
"""

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

FOLLOWS_WITHIN = 2.0


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def wait_for(what, check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.02)
    fail(f"{what} not within {timeout} s")


def main(zhauap, chromium, letter):
    work = tempfile.mkdtemp()
    processes = []
    try:
        copy = os.path.join(work, "letter.yaml")
        shutil.copy(letter, copy)
        text = open(copy, encoding="utf-8").read()
        server = subprocess.Popen([zhauap, "preview", "-q", copy, "--port", "0"],
                                  stdout=subprocess.PIPE, text=True)
        processes.append(server)
        line = server.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not m:
            fail(f"no address from zhauap preview: {line!r}")
        url = m.group(0)

        profile = os.path.join(work, "profile")
        browser = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--no-first-run", f"--user-data-dir={profile}", "--remote-debugging-port=0", url],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(browser)
        port_file = os.path.join(profile, "DevToolsActivePort")
        port = wait_for("Chromium's DevTools port",
                        lambda: os.path.exists(port_file) and open(port_file).readline().strip(), 60)

        def title():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                    pages = [p for p in json.load(r) if p.get("type") == "page"]
            except OSError:
                return None
            return pages[0].get("title") if pages and pages[0].get("url") == url else None

        with urllib.request.urlopen(url, timeout=10) as r:
            page = r.read().decode("utf-8")
        shown = html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
        wait_for("the preview in the browser", lambda: title() == shown, 60)
        print(f"live: the browser shows {shown!r}")

        field = re.search(r"^salutation:", text, re.M)
        if not field:
            fail(f"{letter} has no salutation field to break")
        broken = text[:field.start()] + "salutaton:" + text[field.end():]
        for what, content, wanted in [
            ("the error page", broken, lambda t: t.endswith(": refused")),
            ("the fixed letter", text, lambda t: t == shown),
        ]:
            saved = time.monotonic()
            with open(copy, "w", encoding="utf-8") as f:
                f.write(content)
            wait_for(f"the browser reloading to {what}", lambda: (t := title()) and wanted(t),
                     FOLLOWS_WITHIN)
            print(f"live: the browser shows {what} {time.monotonic() - saved:.2f} s after the save")

        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            fail("Ctrl-C did not stop zhauap preview within 5 s (a browser was connected)")
        if code != 0:
            fail(f"zhauap preview exited with {code} on Ctrl-C")
        print("live: Ctrl-C stopped the server with the browser connected")
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
