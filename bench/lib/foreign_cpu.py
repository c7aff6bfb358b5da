#!/usr/bin/env python3
"""CPU used by processes that are not part of a benchmark script (builds, tests, other benchmarks).

  foreign_cpu.py monitor ROOT_PID DATA_DIR OUTFILE   # every second: "epoch foreign_% top_process:%"
  foreign_cpu.py quiet ROOT_PID DATA_DIR MAX_WAIT    # wait until 2 s in a row stay under 10 %
  foreign_cpu.py ticks PID...                        # CPU ticks (user + system) the PIDs used so far

The one CPU monitor of bench/: run-all.sh, server/run.sh and db/run.sh use it (server/run.sh also
for the server's own CPU, with `ticks`). Ours: ROOT_PID (the
script) and its descendants, plus, when DATA_DIR is not "-", a PostgreSQL that pg_ctl detached (found
as the processes whose command line names DATA_DIR, and their descendants). Percent of one CPU;
kernel threads are left out; a process born during a sample counts with all its ticks. `monitor`
stops when ROOT_PID exits or on SIGTERM; `quiet` prints how many seconds it waited and the last figure.
"""

import os
import signal
import sys
import time

PF_KTHREAD = 0x00200000


def processes():
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
        except OSError:
            continue
        close = stat.rfind(")")
        comm = stat[stat.find("(") + 1:close]
        fields = stat[close + 2:].split()
        try:
            procs[int(name)] = {"ppid": int(fields[1]), "flags": int(fields[6]),
                                "ticks": int(fields[11]) + int(fields[12]), "comm": comm}
        except (IndexError, ValueError):
            continue
    return procs


def ours(root, data_dir, procs):
    seeds = {root}
    for pid in procs if data_dir != "-" else ():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if data_dir.encode() in f.read():
                    seeds.add(pid)
        except OSError:
            pass
    children = {}
    for pid, p in procs.items():
        children.setdefault(p["ppid"], []).append(pid)
    seen, todo = set(), list(seeds)
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo.extend(children.get(pid, []))
    return seen


def foreign(root, data_dir, interval):
    hz = os.sysconf("SC_CLK_TCK")
    before = processes()
    t0 = time.monotonic()
    time.sleep(interval)
    after = processes()
    elapsed = time.monotonic() - t0
    mine = ours(root, data_dir, after) | ours(root, data_dir, before)
    usage = {}
    for pid, p in after.items():
        if pid in mine or p["flags"] & PF_KTHREAD or pid == os.getpid():
            continue
        # a process born during the interval spent all its ticks in it
        delta = p["ticks"] - before[pid]["ticks"] if pid in before else p["ticks"]
        if delta > 0:
            usage[p["comm"]] = usage.get(p["comm"], 0) + delta
    total = 100.0 * sum(usage.values()) / hz / elapsed
    top = max(usage.items(), key=lambda kv: kv[1]) if usage else ("-", 0)
    return total, f"{top[0]}:{100.0 * top[1] / hz / elapsed:.0f}"


def main():
    mode = sys.argv[1]
    if mode == "ticks":
        procs = processes()
        print(sum(procs[pid]["ticks"] for pid in map(int, sys.argv[2:]) if pid in procs))
        return
    root, data_dir = int(sys.argv[2]), sys.argv[3]
    if mode == "monitor":
        out = open(sys.argv[4], "a", buffering=1)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while os.path.exists(f"/proc/{root}"):
            total, top = foreign(root, data_dir, 1.0)
            out.write(f"{time.time():.1f} {total:.0f} {top}\n")
    elif mode == "quiet":
        limit, waited, calm = float(sys.argv[4]), 0.0, 0
        while True:
            total, top = foreign(root, data_dir, 1.0)
            waited += 1
            calm = calm + 1 if total < 10 else 0
            if calm >= 2 or waited >= limit:
                print(f"{waited:.0f} {total:.0f} {top}")
                return
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
