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
        if row[0] == "gatling-scale":
            lines += gatling_scale(line)
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
        elif row[0] in ("scale", "scale-jdk", "scale-3k"):
            peak_users = max((i["users"] for i in result["intervals"]), default=0)
            peak_flight = max((i["in_flight"] for i in result["intervals"]), default=0)
            reader = "streams read by the JDK HTTP client (-Dbenchdeck.llm.client=jdk)" if row[0] == "scale-jdk" else "streams read on Benchdeck's event loop"
            figures = overall.get("stream") or {}
            coalesced = ("%d of %d content events" % (figures["coalesced_events"], figures["content_events"])
                         if "coalesced_events" in figures else None)
            lines += ["## %s: %s concurrent streams, %s (one Benchdeck process, the mock in another)" % (
                          row[0], "{:,}".format(peak_users), reader), "",
                      "| figure | value |", "|---|---:|",
                      "| status | %s |" % result["status"],
                      "| requests / errors | %d / %d |" % (overall["requests"], overall["errors"]),
                      "| peak users / in flight | %d / %d |" % (peak_users, peak_flight),
                      "| TTFT p50 / p99 | %.1f / %.1f ms |" % (ttft["p50"], ttft["p99"]) if ttft else "| TTFT | none |",
                      "| ITL p50 / p99 | %.1f / %.1f ms |" % (itl["p50"], itl["p99"]) if itl else "| ITL | none |",
                      "| coalesced events | %s |" % (coalesced if coalesced is not None else "?"),
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


def gatling_scale(line):
    head, first, done = line.split("|")
    _, _report, mock_rss_kb, mock_cpu_s, rss_kb, cpu_s = head.split()
    g1, g2 = kv(first), kv(done)
    return ["## Gatling 3.15.1 on the scale scenario: 10,000 concurrent SSE streams, mock TTFT 200 ms / ITL 100 ms / 30 tokens", "",
            "Gatling's checks \"first content\" and \"done\", timed from the request's send (whole milliseconds); "
            "Gatling reports no inter-token latency. Compare with the scale section above (same mock settings).", "",
            "| figure | Gatling |", "|---|---:|",
            "| first content p50 / p95 / p99 (ms) | %s / %s / %s |" % (g1["p50"], g1["p95"], g1["p99"]),
            "| whole answer p50 / p95 / p99 (ms) | %s / %s / %s |" % (g2["p50"], g2["p95"], g2["p99"]),
            "| streams completed / failed | %s / %s |" % (g2["ok"], g2["ko"]),
            "| streams per second | %s |" % g2["per_s"],
            "| peak RSS (largest process: Maven or Gatling's JVM) | %.0f MiB |" % (int(rss_kb) / 1024),
            "| CPU seconds: Gatling (with Maven) / mock | %s / %s |" % (cpu_s, mock_cpu_s),
            "| mock peak RSS | %.0f MiB |" % (int(mock_rss_kb) / 1024),
            ""]


if __name__ == "__main__":
    main(sys.argv[1])
