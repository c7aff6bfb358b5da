#!/usr/bin/env python3
"""Samples, once a second, how much CPU processes *outside* the benchmark use.

  cpumon.py ROOT_PID OUTFILE

Every second it appends "epoch_seconds foreign_percent top_process:percent" to OUTFILE, where
foreign_percent is the CPU time (in % of one CPU) used since the previous sample by user
processes that are not ROOT_PID or its descendants (kernel threads are left out). The machine
is shared: a build or test run elsewhere competes with the server and the load generator, and
results.py prints this figure beside each run. Stops when ROOT_PID exits or on SIGTERM.
"""

import os
import signal
import sys
import time


def snapshot():
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                data = f.read().decode("ascii", "replace")
        except OSError:
            continue
        # comm may contain spaces and parentheses: split at the last ')'
        end = data.rfind(")")
        comm = data[data.find("(") + 1:end]
        fields = data[end + 2:].split()
        try:
            ppid = int(fields[1])
            ticks = int(fields[11]) + int(fields[12])  # utime + stime
            flags = int(fields[6])
        except (IndexError, ValueError):
            continue
        procs[int(name)] = (ppid, ticks, comm, flags)
    return procs


def descendants(root, procs):
    children = {}
    for pid, (ppid, _, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    seen, todo = set(), [root]
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(children.get(p, ()))
    return seen


PF_KTHREAD = 0x00200000


def main():
    root, outfile = int(sys.argv[1]), sys.argv[2]
    me = os.getpid()
    hz = os.sysconf("SC_CLK_TCK")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    prev, prev_t = snapshot(), time.monotonic()
    with open(outfile, "a", buffering=1) as out:
        while True:
            time.sleep(1.0)
            if not os.path.exists("/proc/%d" % root):
                return
            cur, now = snapshot(), time.monotonic()
            ours = descendants(root, cur) | {me}
            per = {}
            for pid, (ppid, ticks, comm, flags) in cur.items():
                if pid in ours or flags & PF_KTHREAD or pid not in prev:
                    continue
                delta = ticks - prev[pid][1]
                if delta > 0:
                    per[comm] = per.get(comm, 0) + delta
            elapsed = max(now - prev_t, 1e-3)
            total = 100.0 * sum(per.values()) / hz / elapsed
            top = max(per.items(), key=lambda kv: kv[1]) if per else ("-", 0)
            out.write("%.1f %.1f %s:%.0f\n" % (time.time(), total, top[0].replace(" ", "_"),
                                               100.0 * top[1] / hz / elapsed))
            prev, prev_t = cur, now


if __name__ == "__main__":
    main()
