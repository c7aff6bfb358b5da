#!/usr/bin/env python3
"""Prints bench/llm/run.sh's table from its results.tsv (one line per section: result JSON, RSS figures)."""
import json
import sys


def summary(result, name):
    d = result["overall"]["latencies"].get(name)
    return d["summary"] if d else None


def main(path):
    lines = []
    for line in (line for line in open(path) if line.strip()):
        row = line.split()
        if row[0] == "gatling":
            lines += gatling(line)
            continue
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


def kv(text):
    return dict(part.split("=", 1) for part in text.split() if "=" in part)


def gatling(line):
    head, first, done = line.split("|")
    result = json.load(open(head.split()[1]))
    overall = result["overall"]
    ttft, e2e = summary(result, "ttft"), summary(result, "e2e")
    g1, g2 = kv(first), kv(done)
    return ["## Against Gatling 3.15.1: 100 streams, mock TTFT 200 ms / ITL 20 ms / 50 tokens, no jitter", "",
            "Gatling: checks \"first content\" and \"done\" on an SSE POST, timed from the request's send "
            "(whole milliseconds). Benchdeck: ttft and e2e.", "",
            "| figure | Benchdeck | Gatling |", "|---|---:|---:|",
            "| first content p50 / p95 / p99 (ms) | %.1f / %.1f / %.1f | %s / %s / %s |" % (
                ttft["p50"], ttft["p95"], ttft["p99"], g1["p50"], g1["p95"], g1["p99"]),
            "| whole answer p50 / p95 / p99 (ms) | %.1f / %.1f / %.1f | %s / %s / %s |" % (
                e2e["p50"], e2e["p95"], e2e["p99"], g2["p50"], g2["p95"], g2["p99"]),
            "| streams completed / failed | %d / %d | %s / %s |" % (overall["requests"] - overall["errors"],
                                                                   overall["errors"], g2["ok"], g2["ko"]),
            "| streams per second | %.1f | %s |" % (overall["throughput"], g2["per_s"]),
            ""]


if __name__ == "__main__":
    main(sys.argv[1])
