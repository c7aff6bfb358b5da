#!/usr/bin/env python3
"""Prints bench/gateway/run.sh's tables from its output directory (results.tsv, result JSONs, stats)."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from results import foreign_cpu  # noqa: E402  (bench/lib is not a package)

STAGES = ["validation", "cache", "rate_limit", "provider_selection", "streaming", "cleanup"]


def load(out, name):
    path = os.path.join(out, name)
    return json.load(open(path)) if os.path.exists(path) else None


def lat(section, name):
    d = (section or {}).get("latencies", {}).get(name)
    return d["summary"] if d else None


def skew(out, label):
    """'' when the run was on a quiet machine, else a note: its figures must not be published."""
    f = foreign_cpu(out, label)
    if f is None:
        return " (no CPU record)"
    return "" if f["max"] < 10 else " (NOT VALID: foreign CPU up to %.0f%%, %s)" % (f["max"], f["top"])


def fmt(v, digits=2):
    return "-" if v is None else ("%." + str(digits) + "f") % v


def stages_line(stats):
    if not stats:
        return "gateway stages: none recorded"
    parts = []
    for s in STAGES:
        st = stats["stages"][s]
        parts.append("%s %s/%s" % (s, fmt(st["p50_ms"], 3), fmt(st["p99_ms"], 3)))
    return "gateway stage p50/p99 (ms): " + ", ".join(parts)


def overhead(out):
    lines = ["## Overhead: the mock directly vs through the gateway (cache off)", "",
             "| load | path | requests / errors | TTFT p50 | TTFT p99 | ITL p50 | ITL p99 | E2E p99 |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    verdicts = []
    for load in ("closed", "open"):
        figures = {}
        for path in ("direct", "gateway"):
            label = "overhead-%s-%s" % (load, path)
            r = load_result(out, label)
            o = r["overall"] if r else None
            ttft, itl, e2e = lat(o, "ttft"), lat(o, "itl"), lat(o, "e2e")
            figures[path] = (ttft, itl)
            lines.append("| %s | %s%s | %s / %s | %s | %s | %s | %s | %s |" % (
                load, path, skew(out, label), o and o["requests"], o and o["errors"], fmt(ttft and ttft["p50"]),
                fmt(ttft and ttft["p99"]), fmt(itl and itl["p50"]), fmt(itl and itl["p99"]), fmt(e2e and e2e["p99"])))
        d, g = figures["direct"], figures["gateway"]
        if d[0] and g[0] and d[1] and g[1]:
            add50, add99 = g[0]["p50"] - d[0]["p50"], g[0]["p99"] - d[0]["p99"]
            itl50 = g[1]["p50"] - d[1]["p50"]
            verdicts.append("%s: TTFT p50 added %+.3f ms (goal ≤ 0.5: %s), p99 added %+.3f ms (goal ≤ 2: %s), ITL p50 %+.3f ms "
                            "(goal within 0.5: %s)" % (load, add50, met(add50 <= 0.5), add99, met(add99 <= 2), itl50,
                                                       met(abs(itl50) <= 0.5)))
        lines.append("")
    lines += verdicts + [""]
    for load in ("closed", "open"):
        lines.append("%s: %s" % (load, stages_line(load_stats(out, "overhead-%s-gateway.stats.json" % load))))
    return lines + [""]


def load_result(out, label):
    return load(out, label + ".json")


def load_stats(out, name):
    return load(out, name)


def met(ok):
    return "met" if ok else "NOT met"


def sweep(out):
    d, g = load_result(out, "sweep-direct"), load_result(out, "sweep-gateway")
    lines = ["## Rate sweep: added TTFT p99 per open rate" + skew(out, "sweep-direct") + skew(out, "sweep-gateway"), "",
             "| rate (req/s) | direct TTFT p50 / p99 | gateway TTFT p50 / p99 | added p99 | errors direct / gateway |",
             "|---:|---:|---:|---:|---:|"]
    best = None
    for sd, sg in zip((d or {}).get("steps", []), (g or {}).get("steps", [])):
        td, tg = lat(sd, "ttft"), lat(sg, "ttft")
        rate = sd.get("label")
        added = tg["p99"] - td["p99"] if td and tg else None
        if added is not None and added <= 5 and sg.get("errors", 0) == 0:
            best = rate
        lines.append("| %s | %s / %s | %s / %s | %s | %s / %s |" % (rate, fmt(td and td["p50"]), fmt(td and td["p99"]),
                                                                    fmt(tg and tg["p50"]), fmt(tg and tg["p99"]), fmt(added),
                                                                    sd.get("errors"), sg.get("errors")))
    lines += ["", "highest rate with added TTFT p99 ≤ 5 ms and no errors: %s req/s" % best, ""]
    return lines


def scale(out, row):
    r = load_result(out, "scale")
    o = r["overall"] if r else {}
    stats = load_stats(out, "scale.stats.json") or {}
    streams = (stats.get("requests") or {}).get("completed", 0)
    cpu = float(row[4]) - float(row[3]) if len(row) > 4 else None
    ttft = lat(o, "ttft")
    return ["## Scale: concurrent streams through one gateway" + skew(out, "scale"), "",
            "| figure | value |", "|---|---:|",
            "| requests / errors (Benchdeck) | %s / %s |" % (o.get("requests"), o.get("errors")),
            "| streams completed / failed (gateway) | %s / %s |" % (streams, (stats.get("requests") or {}).get("failed")),
            "| peak concurrent (users) | %s |" % max((i.get("users", 0) for i in r.get("intervals", [])), default=0) if r else "| - | - |",
            "| TTFT p50 / p99 | %s / %s ms |" % (fmt(ttft and ttft["p50"]), fmt(ttft and ttft["p99"])),
            "| gateway peak RSS | %.0f MiB |" % (int(row[2]) / 1024),
            "| gateway CPU per stream | %s ms |" % (fmt(1000 * cpu / streams, 3) if cpu is not None and streams else "-"),
            "", stages_line(stats), ""]


def cache(out, row):
    r = load_result(out, "cache")
    o = r["overall"] if r else {}
    e2e = lat(o, "e2e") or lat(o, "latency")
    stats = load_stats(out, "cache.stats.json") or {}
    c = stats.get("cache", {})
    return ["## Cache hits replayed at once" + skew(out, "cache"), "",
            "| figure | value |", "|---|---:|",
            "| requests/s | %s |" % fmt(o.get("throughput"), 0),
            "| E2E p50 / p99 | %s / %s ms |" % (fmt(e2e and e2e["p50"], 3), fmt(e2e and e2e["p99"], 3)),
            "| hit ratio (gateway) | %s |" % c.get("hit_ratio"),
            "| errors | %s |" % o.get("errors"),
            "| CPU: Benchdeck cores / gateway seconds | %s / %s |" % ((o.get("cpu") or {}).get("process_cores"),
                                                                      row[2] if len(row) > 2 else "-"), ""]


def failover(out):
    r = load_result(out, "failover")
    stats = load_stats(out, "failover.stats.json") or {}
    fault = float(open(os.path.join(out, "failover.fault-at")).read()) if os.path.exists(os.path.join(out, "failover.fault-at")) else None
    opened = float(open(os.path.join(out, "failover.open-at")).read()) if os.path.exists(os.path.join(out, "failover.open-at")) else None
    lines = ["## Failover: the primary fails every stream mid-way from 8 s on" + skew(out, "failover"), ""]
    if fault and opened:
        lines.append("time from the first failing stream to an open circuit: %.0f ms" % ((opened - fault) * 1000))
    lines.append("failed streams (gateway): %s; primary failures: %s; failovers: %s" % (
        (stats.get("requests") or {}).get("failed"), (stats.get("providers") or {}).get("primary", {}).get("failures"),
        stats.get("failovers")))
    if r:
        rows = []
        for i in r.get("intervals", []):
            rows.append("%.0f:%s" % (i["elapsed_seconds"], i["errors"]))
        lines.append("errors per second (elapsed s:errors): " + " ".join(rows))
    return lines + [""]


def main(out):
    lines = ["# Gateway benchmarks", ""]
    for row in (line.split() for line in open(os.path.join(out, "results.tsv")) if line.strip()):
        lines += {"overhead": lambda: overhead(out), "sweep": lambda: sweep(out), "scale": lambda: scale(out, row),
                  "cache": lambda: cache(out, row), "failover": lambda: failover(out)}[row[0]]()
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1])
