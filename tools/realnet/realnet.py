#!/usr/bin/env python3
"""The differential check: plays a scenario on the real Linux stack in network namespaces,
captures every link, runs mcastlab on the same file under the linux profile, and prints a table
of the frames that match and those that differ. Needs root, iproute2 and dumpcap. Stdlib only.
See docs/realnet.md."""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import frames
import topology

HERE = os.path.dirname(os.path.abspath(__file__))


def seconds(text):
    for suffix, factor in (("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9), ("s", 1.0)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    raise ValueError("not a time: %r" % text)


def host_plans(topo, run_for):
    """One helper plan per host that has events, in seconds from t0."""
    plans = {}
    for e in topo.s.get("events", []):
        node = topo.nodes.get(e.get("node", ""))
        if node is None or node["type"] != "host":
            continue
        a = dict(e)
        a["at"] = seconds(e["at"])
        if a["at"] > run_for:
            topo.not_built("%s %s at %s" % (e["node"], e["action"], e["at"]), "after the capped run")
            continue
        if "until" in a:
            a["until"] = min(seconds(a["until"]), run_for)
        if "rate" in a:
            a["rate"] = float(a["rate"][:-3])
        if "interface" in a:
            for i in node["interfaces"]:
                if i["name"] == a["interface"]:
                    a["interface_address"] = i["address"].split("/")[0]
        plans.setdefault(e["node"], []).append(a)
    return plans


def play(topo, out, run_for):
    os.makedirs(out, exist_ok=True)
    caps = []
    for k, link in enumerate(topo.s["links"]):
        path = os.path.join(out, link["name"] + ".pcap")
        caps.append(subprocess.Popen(["ip", "netns", "exec", topology.WIRE, "dumpcap", "-q", "-P", "-i",
                                      topo.links[k], "-w", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    time.sleep(2.0)  # dumpcap needs a moment before it captures
    t0 = time.time() + 1.0
    helpers = {}
    for name, actions in host_plans(topo, run_for).items():
        # Helpers end after the run: their sockets' closing (leaves) must fall outside it.
        plan = {"t0": t0, "end": run_for + 0.5, "default_address": topo.default_address(name), "actions": actions}
        p = subprocess.Popen(["ip", "netns", "exec", topo.ns[name], sys.executable, os.path.join(HERE, "host_helper.py")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        p.stdin.write(json.dumps(plan))
        p.stdin.close()
        helpers[name] = p
    topo.prepare_bridges()
    time.sleep(max(0.0, t0 - time.time()))
    topo.start_bridges()  # their queriers start at t0, like mcastlab's at 0 s
    time.sleep(max(0.0, t0 + run_for + 0.6 - time.time()))
    logs = {}
    for name, p in helpers.items():
        logs[name] = p.stdout.read().splitlines()
        p.wait()
    for c in caps:
        c.send_signal(signal.SIGINT)
        c.wait()
    with open(os.path.join(out, "helpers.jsonl"), "w") as f:
        for name, lines in logs.items():
            for line in lines:
                f.write(json.dumps({"node": name, **json.loads(line)}) + "\n")
    return t0


def run_mcastlab(mcastlab, scenario, out, run_for):
    s = dict(scenario)
    s.setdefault("profile", "linux")
    s["duration"] = "%gs" % run_for
    s.pop("expect", None)  # the capped run would fail checks written for the full one
    s["events"] = [e for e in s.get("events", []) if seconds(e["at"]) <= run_for]
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "scenario-linux.json")
    with open(path, "w") as f:
        json.dump(s, f, indent=1)
    run_out = os.path.join(out, "mcastlab")
    shutil.rmtree(run_out, ignore_errors=True)
    subprocess.run([mcastlab, "run", path, "--out", run_out], check=True, stdout=subprocess.DEVNULL)
    return run_out


def frames_of(path, t0, run_for):
    out = []
    for at, data in frames.read_pcap(path):
        d = frames.describe(data)
        if d is None:
            continue
        t = at - t0
        if -0.5 <= t <= run_for + 0.001:
            out.append((t, d))
    return out


def compare_link(sim, real, tolerance):
    """Rows (t_sim, t_real, d, verdict), in time order."""
    by_key = {}
    for t, d in sim:
        by_key.setdefault(frames.key(d), ([], []))[0].append((t, d))
    for t, d in real:
        by_key.setdefault(frames.key(d), ([], []))[1].append((t, d))
    rows = []
    for k, (a, b) in by_key.items():
        for i in range(max(len(a), len(b))):
            ts = a[i][0] if i < len(a) else None
            tr = b[i][0] if i < len(b) else None
            d = (a[i] if i < len(a) else b[i])[1]
            if ts is None:
                verdict = "only linux"
            elif tr is None:
                verdict = "only mcastlab"
            elif abs(ts - tr) <= tolerance:
                verdict = "match"
            elif d["kind"].endswith("report"):
                verdict = "match, later"  # a random delay drawn by each stack, or the helper's lag
            else:
                verdict = "time differs"
            rows.append((ts, tr, d, verdict))
    rows.sort(key=lambda r: r[0] if r[0] is not None else r[1])
    return rows


def fmt_t(t):
    return "-" if t is None else "%.6f" % t


def print_table(name, rows):
    print("\n### link %s\n" % name)
    print("| mcastlab t | linux t | dt ms | frame | verdict |")
    print("|---|---|---|---|---|")
    streams = {}
    for ts, tr, d, verdict in rows:
        what = "%s %s > %s ttl %s%s%s %s" % (d["kind"], d["src"], d["dst"], d["ttl"],
                                            " opt " + d["options"] if d["options"] else "",
                                            " " + d.get("df", "") if d.get("df") else "", d["detail"])
        if d["kind"] in ("udp", "ip-fragment"):
            # A stream is summed up in one row per kind of datagram and verdict.
            agg = streams.setdefault((what.strip(), verdict), {"n": 0, "worst": 0.0, "first": None, "last": None})
            agg["n"] += 1
            t = ts if ts is not None else tr
            agg["first"] = t if agg["first"] is None else agg["first"]
            agg["last"] = t
            if ts is not None and tr is not None:
                agg["worst"] = max(agg["worst"], abs(ts - tr))
            continue
        dt = "" if ts is None or tr is None else "%+.1f" % ((tr - ts) * 1000)
        print("| %s | %s | %s | %s | %s |" % (fmt_t(ts), fmt_t(tr), dt, what.strip(), verdict))
    for (what, verdict), a in streams.items():
        side = "%s to %s" % (fmt_t(a["first"]), fmt_t(a["last"])) if a["n"] > 1 else fmt_t(a["first"])
        worst = "max %.1f" % (a["worst"] * 1000) if verdict.startswith("match") else ""
        print("| %s | | %s | %d x %s | %s |" % (side, worst, a["n"], what, verdict))


def helper_lags(scenario, path, run_for):
    """How late each helper action ran against its `at` (streams: their start)."""
    wanted = {}
    for e in scenario.get("events", []):
        if e["action"] in ("listen", "join", "leave", "connect", "close", "recv") and seconds(e["at"]) <= run_for:
            wanted.setdefault((e["node"], e["action"]), []).append(seconds(e["at"]))
    lags = []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            times = wanted.get((r["node"], r["action"]))
            if times:
                lags.append(r["t"] - times.pop(0))
    return lags


def join_delays(topo, sim_all, real_all, helpers_path, run_for):
    """(host, group, mcastlab delay, linux delay) from each join to the first report of it on
    any link; the linux delay counts from the instant the helper really joined."""
    actual = {}
    with open(helpers_path) as f:
        for line in f:
            r = json.loads(line)
            if r["action"] == "join" and "error" not in r:
                actual.setdefault((r["node"], r["group"]), []).append(r["t"])
    rows = []
    for e in topo.s.get("events", []):
        if e["action"] != "join" or seconds(e["at"]) > run_for or not actual.get((e["node"], e["group"])):
            continue
        at, real_at = seconds(e["at"]), actual[(e["node"], e["group"])].pop(0)
        src = topo.default_address(e["node"])
        for i in topo.nodes[e["node"]].get("interfaces", []):
            if i["name"] == e.get("interface"):
                src = i["address"].split("/")[0]

        def first(frames_all, since):
            times = [t for t, d in frames_all if d["kind"].endswith("report") and d["src"] == src
                     and d["detail"] == "group " + e["group"] and t >= since - 1e-6]
            return min(times) - since if times else None
        rows.append((e["node"], e["group"], first(sim_all, at), first(real_all, real_at)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("scenario")
    ap.add_argument("--mcastlab", default=os.path.join(HERE, "..", "..", "build", "tools", "mcastlab"))
    ap.add_argument("--cap", type=float, default=30.0, help="seconds of the timeline to play (wall clock)")
    ap.add_argument("--tolerance", type=float, default=100.0, help="ms within which instants match")
    ap.add_argument("--out", default="out/realnet")
    args = ap.parse_args()
    # mcastlab's own loader judges the file first: a bad one is reported with its JSON paths
    # (exit 2) before any namespace is made.
    check = subprocess.run([args.mcastlab, "validate", args.scenario], capture_output=True, text=True)
    if check.returncode != 0:
        sys.stderr.write(check.stdout + check.stderr)
        sys.exit(2)
    if os.geteuid() != 0:
        sys.exit("realnet: needs root (network namespaces)")
    with open(args.scenario) as f:
        scenario = json.load(f)
    run_for = min(seconds(scenario["duration"]), args.cap)
    out = os.path.join(args.out, scenario["name"])
    shutil.rmtree(out, ignore_errors=True)
    topo = topology.Topology(scenario)
    try:
        topo.build()
        t0 = play(topo, os.path.join(out, "linux"), run_for)
    finally:
        topo.teardown()
    sim_out = run_mcastlab(args.mcastlab, scenario, out, run_for)
    print("# realnet: %s, %g s of %s (%s)" % (scenario["name"], run_for, scenario["duration"],
                                              "capped" if run_for < seconds(scenario["duration"]) else "whole run"))
    if topo.skipped:
        print("\nNot built (compared frames from these parts are listed as only mcastlab):")
        for what, why in topo.skipped:
            print("- %s: %s" % (what, why))
    lags = helper_lags(scenario, os.path.join(out, "linux", "helpers.jsonl"), run_for)
    if lags:
        print("\nThe socket helpers ran late by up to %.1f ms (median %.1f ms) against the timeline: real\n"
              "frames a host sends at an event carry that lag too." % (max(lags) * 1000, sorted(lags)[len(lags) // 2] * 1000))
    totals = {}
    sim_all, real_all = [], []
    for link in scenario["links"]:
        sim = frames_of(os.path.join(sim_out, link["name"] + ".pcap"), 0.0, run_for)
        real = frames_of(os.path.join(out, "linux", link["name"] + ".pcap"), t0, run_for)
        sim_all += sim
        real_all += real
        rows = compare_link(sim, real, args.tolerance / 1000)
        for *_, verdict in rows:
            totals[verdict] = totals.get(verdict, 0) + 1
        print_table(link["name"], rows)
    print("\nTotals: " + ", ".join("%s %d" % kv for kv in sorted(totals.items())))
    delays = join_delays(topo, sim_all, real_all, os.path.join(out, "linux", "helpers.jsonl"), run_for)
    if delays:
        print("\n### from each join to its first report\n")
        print("| host | group | mcastlab | linux (from the helper's real join) |")
        print("|---|---|---|---|")
        for node, group, a, b in delays:
            ms = lambda v: "-" if v is None else "%.1f ms" % (v * 1000)
            print("| %s | %s | %s | %s |" % (node, group, ms(a), ms(b)))


if __name__ == "__main__":
    main()
