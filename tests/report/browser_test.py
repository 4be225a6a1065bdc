#!/usr/bin/env python3
"""The report page in a real browser: headless Chromium (Debian `chromium`) opens the report of
topologies/igmp-querier-failover.json at instants before and after the failover and reads the
querier the page shows from the DOM, and the report of topologies/pim-shared-tree.json for the
tree of its group; a page that hit a script error says so in the DOM (<body data-state="error">,
#errors). Keeps a screenshot under WORK.

    browser_test.py MCASTLAB SOURCE_DIR WORK [COPY_SCREENSHOT_TO]

Exit 0 passed, 1 failed, 77 skipped (no chromium on this machine; CI installs it with
tools/setup.sh). With COPY_SCREENSHOT_TO (docs/img/report.png) it also refreshes that image.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Instant (s) -> the querier the page must show on the LAN: R1 until it powers off at 200 s,
# nobody while R2's Other Querier Present timer runs, R2 from 411.25 s on.
CASES = [("100", "R1"), ("300", ""), ("411.25", ""), ("411.252", "R2"), ("500", "R2")]
SCREENSHOT_AT = "411.252&group=239.1.1.1&node=R2"
# pim-shared-tree at 100 s: the stream crosses every link from src to rx (the RP R2 joined the
# source's tree), R3 holds IGMP state for the group, rx is joined; R1 and R2 hold PIM Join state
# toward the receiver on r1-r2 and r2-r3.
TREE_AT = "100&group=239.1.1.1"
TREE = {"links": "r1-r2,r2-r3,rx-lan,src-lan", "members": "R3,rx"}
TREE_JOINED = "Links with PIM Join state for 239.1.1.1: r1-r2, r2-r3."


def chromium_command(chromium, profile, *extra):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000",
            "--enable-logging=stderr", "--v=0", *extra]


def open_page(chromium, url, *extra):
    with tempfile.TemporaryDirectory(prefix="mcastlab-chromium-") as profile:
        r = subprocess.run(chromium_command(chromium, profile, *extra, url),
                           capture_output=True, text=True, timeout=180)
    # Console messages of the page (errors it did not catch itself) go to the log.
    console = [l for l in r.stderr.splitlines() if ":CONSOLE" in l]
    return r.returncode, r.stdout, console


def run_with_report(mcastlab, source, work, name):
    """Runs topologies/NAME.json into WORK/NAME with its report; the report's file URL."""
    out = os.path.join(work, name)
    page = os.path.join(out, "report.html")
    scenario = os.path.join(source, "topologies", name + ".json")
    run = subprocess.run([mcastlab, "run", scenario, "--out", out, "--report", page],
                         capture_output=True, text=True, cwd=work)
    if run.returncode != 0:
        raise SystemExit("mcastlab run %s failed: %s %s" % (name, run.stdout, run.stderr))
    return "file://" + os.path.abspath(page)


def page_problems(label, rc, dom, console):
    """Why the page did not load cleanly: no ready marker, a caught error, console output."""
    state = re.search(r'<body[^>]*data-state="([^"]*)"', dom)
    errors = re.search(r'<pre id="errors"[^>]*>([^<]*)</pre>', dom)
    problems = []
    if rc != 0 or not state or state.group(1) != "ready":
        problems.append("%s: the page did not get ready (exit %d): %s" %
                        (label, rc, errors.group(1) if errors else dom[-400:]))
    if console:
        problems.append("%s: console messages: %s" % (label, console))
    return problems


def main():
    mcastlab, source, work = (os.path.abspath(a) for a in sys.argv[1:4])
    copy_to = sys.argv[4] if len(sys.argv) > 4 else None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("SKIPPED: chromium is not installed here (tools/setup.sh installs it)")
        return 77
    os.makedirs(work, exist_ok=True)
    url = run_with_report(mcastlab, source, work, "igmp-querier-failover")
    failures = []
    for t, querier in CASES:
        rc, dom, console = open_page(chromium, url + "#t=" + t, "--dump-dom")
        shown = re.search(r'<tr data-link="lan" data-querier="([^"]*)"', dom)
        got = shown.group(1) if shown else None
        print("t=%s s: querier %r (expected %r), console lines %d" % (t, got, querier, len(console)))
        failures += page_problems("t=" + t, rc, dom, console)
        if got != querier:
            failures.append("t=%s: the page shows querier %r, expected %r" % (t, got, querier))

    tree_url = run_with_report(mcastlab, source, work, "pim-shared-tree")
    rc, dom, console = open_page(chromium, tree_url + "#t=" + TREE_AT, "--dump-dom")
    tree = re.search(r'<div id="tree" data-links="([^"]*)" data-members="([^"]*)"', dom)
    got = {"links": tree.group(1), "members": tree.group(2)} if tree else None
    print("pim-shared-tree at %s: tree %r" % (TREE_AT, got))
    failures += page_problems("pim-shared-tree", rc, dom, console)
    if got != TREE:
        failures.append("pim-shared-tree: the tree shown is %r, expected %r" % (got, TREE))
    if TREE_JOINED not in dom:
        failures.append("pim-shared-tree: no line %r" % TREE_JOINED)
    shot = os.path.join(work, "report.png")
    if os.path.exists(shot):
        os.remove(shot)
    rc, _, console = open_page(chromium, url + "#t=" + SCREENSHOT_AT, "--screenshot=" + shot,
                               "--window-size=1500,1250", "--hide-scrollbars")
    if rc != 0 or not os.path.exists(shot):
        failures.append("no screenshot (exit %d)" % rc)
    else:
        print("screenshot:", shot)
        if copy_to:
            shutil.copyfile(shot, copy_to)
            print("copied to", copy_to)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
