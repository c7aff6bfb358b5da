#!/usr/bin/env python3
"""Reads one tool's output and prints its figures as key=value pairs on one line.

  parse.py pgbench FILE          pgbench -S output: tps, avg_ms
  parse.py pgbench-init FILE     pgbench -i output: the phases pgbench reports (seconds)
  parse.py pgbench-connect FILE  pgbench output: its initial connection time (seconds)
  parse.py benchdeck FILE        Benchdeck result JSON, first step: tps, avg_ms, p50/p95/p99, errors
  parse.py benchdeck-steps FILE  the same for every step, as users:tps:avg:p95:p99 items
  parse.py setup FILE            Benchdeck result JSON: seconds per setup phase
"""
import json
import re
import sys


def pgbench(path):
    text = open(path).read()
    tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", text)
    avg = re.search(r"latency average = ([0-9.]+) ms", text)
    if not tps or not avg:
        sys.exit("no tps/latency in " + path)
    return "tps=%s avg_ms=%s" % (tps.group(1), avg.group(1))


def pgbench_init(path):
    text = open(path).read()
    done = re.search(r"done in ([0-9.]+) s \(([^)]*)\)", text)
    return "pgbench_total_s=%s phases=%s" % (done.group(1), done.group(2).replace(" ", "_")) if done else "phases=?"


def pgbench_connect(path):
    text = open(path).read()
    found = re.search(r"initial connection time = ([0-9.]+) ms", text)
    if not found:
        sys.exit("no initial connection time in " + path)
    return "phases=connect:%.3f" % (float(found.group(1)) / 1000)


def step_figures(step):
    s = step["latencies"]["latency"]["summary"]
    return step, s


def benchdeck(path):
    result = json.load(open(path))
    if result["status"] != "completed":
        sys.exit("run %s: %s" % (result["status"], result.get("failure")))
    step, s = step_figures(result["steps"][0])
    return "tps=%.1f avg_ms=%.3f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f errors=%d" % (
        step["throughput"], s["mean"], s["p50"], s["p95"], s["p99"], step["errors"])


def benchdeck_steps(path):
    result = json.load(open(path))
    items = []
    for step in result["steps"]:
        s = step["latencies"]["latency"]["summary"]
        items.append("%s:%.1f:%.3f:%.3f:%.3f:%d" % (step["label"].split("=")[-1], step["throughput"], s["mean"],
                                                  s["p95"], s["p99"], step["errors"]))
    return "steps=" + ",".join(items)


def setup(path):
    result = json.load(open(path))
    phases = result.get("setup") or []
    return "phases=" + ",".join("%s:%.2f" % (p["phase"], p["elapsed_seconds"]) for p in phases)


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print({"pgbench": pgbench, "pgbench-init": pgbench_init, "pgbench-connect": pgbench_connect, "benchdeck": benchdeck,
           "benchdeck-steps": benchdeck_steps, "setup": setup}[kind](path))
