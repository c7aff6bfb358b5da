#!/usr/bin/env python3
"""Reads `jfr print --events jdk.ExecutionSample` on stdin; prints where the samples were: the top frames
(the method running), then the innermost frame of each stack inside a named package group, by share."""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w.$<>]+)\(.*line:")
GROUPS = [("dev.benchdeck.", "Benchdeck"), ("jdk.internal.net.http.", "JDK HTTP client"),
          ("sun.net.httpserver.", "JDK HTTP server"), ("sun.nio.", "NIO"), ("java.util.concurrent.", "j.u.concurrent"),
          ("com.fasterxml.jackson.", "Jackson"), ("org.HdrHistogram.", "HdrHistogram"), ("java.", "java.*"),
          ("jdk.", "jdk.*"), ("sun.", "sun.*")]


def main():
    top, groups, samples = collections.Counter(), collections.Counter(), 0
    stack = []
    for line in sys.stdin:
        if line.startswith("jdk.ExecutionSample"):
            if stack:
                samples += 1
                top[stack[0]] += 1
                for frame in stack:
                    group = next((name for prefix, name in GROUPS if frame.startswith(prefix)), None)
                    if group:
                        groups[group] += 1
                        break
            stack = []
            continue
        m = FRAME.match(line)
        if m:
            stack.append(m.group(1))
    if stack:
        samples += 1
        top[stack[0]] += 1
    if not samples:
        print("no execution samples")
        return
    print(f"{samples} samples; top frames:")
    for frame, n in top.most_common(15):
        print(f"  {100 * n / samples:5.1f} %  {frame}")
    print("by the first named package from the top of each stack:")
    for group, n in groups.most_common():
        print(f"  {100 * n / samples:5.1f} %  {group}")


if __name__ == "__main__":
    main()
