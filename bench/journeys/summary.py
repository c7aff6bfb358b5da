#!/usr/bin/env python3
"""bench/journeys/run.sh's table: rows.tsv (name, tool, result, time file) → Markdown with ratios."""
import json
import re
import statistics
import sys
import time


def cpu_seconds(time_file):
    text = open(time_file).read()
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return user + system


def benchdeck(result_file):
    r = json.load(open(result_file))
    overall = r["overall"]
    journey = overall.get("journey")
    seconds = overall["measured_seconds"]
    if journey:
        steps = journey["steps"]
        requests = sum(s["requests"] for s in steps.values())
        errors = sum(s["requests"] - s["ok"] for s in steps.values())
        middle = steps["s3"]["latency"]["summary"]
    else:
        requests, errors = overall["requests"], overall["errors"]
        middle = overall["latencies"]["latency"]["summary"]
    return {"requests": requests, "per_s": requests / seconds, "errors": errors, "p50": middle["p50"], "p99": middle["p99"]}


def gatling(index_html):
    html = open(index_html).read()

    def row(name):
        at = html.find('class="ellipsed-name">%s</span>' % name)
        cells = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)</td>', html[at:html.find("</tr>", at)]))
        return cells
    total = row("All Requests")
    s3 = row("s3")
    num = lambda v: float(v.replace(",", "")) if v not in (None, "", "-") else float("nan")
    return {"requests": num(total.get("2")), "per_s": num(total.get("6")), "errors": num(total.get("4")),
            "p50": num(s3.get("8")), "p99": num(s3.get("11"))}


def main(rows_file, commit):
    rows = [line.rstrip("\n").split("\t") for line in open(rows_file) if line.strip()]
    figures = {}
    for name, tool, result, time_file in rows:
        kind = name.rsplit("-", 1)[0]
        f = benchdeck(result) if tool == "benchdeck" else gatling(result)
        f["cpu_s"] = cpu_seconds(time_file)
        f["cpu_us_per_request"] = f["cpu_s"] / f["requests"] * 1e6 if f["requests"] else float("nan")
        figures.setdefault(kind, []).append(f)
    med = lambda kind, key: statistics.median(f[key] for f in figures[kind])
    out = [f"bench/journeys/run.sh — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}, "
           f"{len(figures.get('journey', []))} rounds, medians; nginx on CPU 0, the load generator on CPU 1", "",
           "| run | requests/s | errors | s3 (or the request) p50 / p99 ms | CPU per request |", "|---|---|---|---|---|"]
    labels = {"journey": "Benchdeck, five-step journey", "single": "Benchdeck, single request", "gatling": "Gatling 3.15, same journey"}
    for kind in ("journey", "single", "gatling"):
        if kind in figures:
            cpu = f"{med(kind, 'cpu_us_per_request'):.1f} µs" if kind != "gatling" else "(Maven and Gatling: not comparable)"
            out.append(f"| {labels[kind]} | {med(kind, 'per_s'):,.0f} | {med(kind, 'errors'):.0f} | "
                       f"{med(kind, 'p50'):.2f} / {med(kind, 'p99'):.2f} | {cpu} |")
    out.append("")
    if "journey" in figures and "single" in figures:
        ratio = med("journey", "cpu_us_per_request") / med("single", "cpu_us_per_request")
        out.append(f"- journey CPU per request ÷ single path's: **{ratio:.2f} ×** (goal ≤ 1.2 ×: {'met' if ratio <= 1.2 else 'missed'})")
    if "journey" in figures and "gatling" in figures:
        ratio = med("journey", "per_s") / med("gatling", "per_s")
        out.append(f"- journey requests/s ÷ Gatling's: **{ratio:.2f} ×** (goal ≥ 1.0 ×: {'met' if ratio >= 1.0 else 'missed'})")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
