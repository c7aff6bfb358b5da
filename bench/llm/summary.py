#!/usr/bin/env python3
"""Prints bench/llm/run.sh's table from its results.tsv (one line per section: result JSON, RSS figures)."""
import json
import sys


def summary(result, name):
    d = result["overall"]["latencies"].get(name)
    return d["summary"] if d else None


def main(path):
    lines = []
    for row in (line.split() for line in open(path) if line.strip()):
        result = json.load(open(row[1]))
        overall = result["overall"]
        ttft, itl = summary(result, "ttft"), summary(result, "itl")
        if row[0] == "accuracy":
            lines += ["## Accuracy: 100 streams, mock TTFT 200 ms and ITL 20 ms without jitter", "",
                      "| metric | configured | reported p50 | difference | p99 | goal |", "|---|---:|---:|---:|---:|---|",
                      "| TTFT | 200 ms | %.3f ms | %+.3f ms | %.3f ms | within 2 ms: %s |" % (
                          ttft["p50"], ttft["p50"] - 200, ttft["p99"], "met" if abs(ttft["p50"] - 200) <= 2 else "NOT met"),
                      "| ITL | 20 ms | %.3f ms | %+.3f ms | %.3f ms | within 1 ms: %s |" % (
                          itl["p50"], itl["p50"] - 20, itl["p99"], "met" if abs(itl["p50"] - 20) <= 1 else "NOT met"),
                      "", "requests %d, errors %d, mock peak RSS %.0f MiB" % (
                          overall["requests"], overall["errors"], int(row[2]) / 1024), ""]
        elif row[0] == "scale":
            peak_users = max((i["users"] for i in result["intervals"]), default=0)
            peak_flight = max((i["in_flight"] for i in result["intervals"]), default=0)
            lines += ["## Scale: 10,000 concurrent streams (one Benchdeck process, the mock in another)", "",
                      "| figure | value |", "|---|---:|",
                      "| status | %s |" % result["status"],
                      "| requests / errors | %d / %d |" % (overall["requests"], overall["errors"]),
                      "| peak users / in flight | %d / %d |" % (peak_users, peak_flight),
                      "| TTFT p50 / p99 | %.1f / %.1f ms |" % (ttft["p50"], ttft["p99"]) if ttft else "| TTFT | none |",
                      "| Benchdeck peak RSS | %.0f MiB |" % (int(row[3]) / 1024),
                      "| mock peak RSS | %.0f MiB |" % (int(row[2]) / 1024),
                      "| CPU seconds: Benchdeck / mock (wall %s) | %s / %s |" % (row[6], row[5], row[4]), ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1])
