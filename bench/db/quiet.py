#!/usr/bin/env python3
"""Waits up to MAX seconds until processes other than PostgreSQL use under 10 % of one CPU.

  quiet.py MAX POSTGRES_PID

Exit 0 when quiet, 1 when it gave up. Other work on a 2-core box skews both tools' figures.
"""
import os
import sys
import time


def busy_ticks(exclude_root):
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                data = f.read()
        except OSError:
            continue
        fields = data[data.rfind(")") + 2:].split()
        ppid, utime, stime = int(fields[1]), int(fields[11]), int(fields[12])
        if int(name) == exclude_root or ppid == exclude_root:
            continue
        total += utime + stime
    return total


def main():
    limit, pg = float(sys.argv[1]), int(sys.argv[2])
    hz = os.sysconf("SC_CLK_TCK")
    deadline = time.time() + limit
    while time.time() < deadline:
        before = busy_ticks(pg)
        time.sleep(1)
        used = (busy_ticks(pg) - before) / hz * 100
        if used < 10:
            return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
