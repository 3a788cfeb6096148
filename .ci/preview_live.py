#!/usr/bin/env python3
"""The live preview in a real browser: headless Chromium shows
`zhauap preview` of a copy of a letter; the letter is broken, then fixed, and
each time the page in the browser must change by itself (the server pushes a
reload) within 2 seconds. The page's title tells which page is shown: the
letter's own title, or "<file>: refused" (in the user's language) for the
error page. Then: printing
the live page gives exactly the PDF's pages (no toolbar), and the browser's
find (window.find) finds a phrase of several words of the letter.

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

        check_print_and_find(chromium, url, page, work)

        field = re.search(r"^salutation:", text, re.M)
        if not field:
            fail(f"{letter} has no salutation field to break")
        broken = text[:field.start()] + "salutaton:" + text[field.end():]
        for what, content, wanted in [
            # The error page's title names the file, in the user's language.
            ("the error page", broken, lambda t: t != shown and t.startswith("letter.yaml: ")),
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


def run_headless(chromium, work, *args):
    profile = tempfile.mkdtemp(dir=work)
    return subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update",
         "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120)


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def check_print_and_find(chromium, url, page, work):
    ours = os.path.join(work, "ours.pdf")
    with urllib.request.urlopen(url + "letter.pdf", timeout=10) as r, open(ours, "wb") as f:
        f.write(r.read())
    printed = os.path.join(work, "printed.pdf")
    run_headless(chromium, work, "--no-pdf-header-footer", f"--print-to-pdf={printed}", url)
    if not os.path.exists(printed):
        fail("Chromium printed nothing of the live preview")
    if pdf_pages(printed) != pdf_pages(ours):
        fail(f"printing the live preview gives {pdf_pages(printed)} pages, the PDF has {pdf_pages(ours)}")
    # The toolbar names the letter's file (letter.yaml), which the letter
    # itself never prints.
    if "letter.yaml" in pdf_text(printed):
        fail("the toolbar is printed with the live preview")
    print(f"live: printing gives the PDF's {pdf_pages(ours)} pages, no toolbar")

    # A phrase: the first three words of a line of four or more in the PDF.
    phrase = next((" ".join(l.split()[:3]) for l in pdf_text(ours).splitlines()
                   if len(l.split()) >= 4 and all(w.isalpha() for w in l.split()[:3])), None)
    if not phrase:
        fail("the PDF has no line of four words to search for")
    probe = ("<script>window.addEventListener('load', function () {"
             f"var found = window.find({json.dumps(phrase)}, true);"
             "document.body.setAttribute('data-found', found ? 'yes' : 'no');"
             "});</script>")
    copy = os.path.join(work, "find.html")
    with open(copy, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", probe + "</body>"))
    dom = run_headless(chromium, work, "--virtual-time-budget=5000", "--dump-dom",
                       f"file://{copy}").stdout
    if 'data-found="yes"' not in dom:
        fail(f"the browser's find does not find the phrase {phrase!r} of the letter")
    print(f"live: find finds {phrase!r}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
