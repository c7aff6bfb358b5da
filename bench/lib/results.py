#!/usr/bin/env python3
"""Parses the raw outputs of the benchmark suite and prints the comparison table.

Python 3 standard library only. Used by bench/run-all.sh:

  results.py wrk FILE               -> JSON of one wrk run (req/s, percentiles in ms, errors)
  results.py ab FILE                -> JSON of one ab run
  results.py benchdeck FILE         -> JSON digest of one Benchdeck result
  results.py section NAME OUTDIR    -> builds OUTDIR/NAME.section.json from that section's raw files
  results.py report OUTDIR          -> prints the table of every section run, writes OUTDIR/summary.md
"""

import json
import math
import os
import re
import sys

# ---------------------------------------------------------------------------------------------
# parsers


def _ms(value, unit):
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}[unit]
    return float(value) * factor


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    out = {"tool": "wrk", "file": os.path.basename(path), "ok": False}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not m:
        out["error"] = "no Requests/sec line"
        return out
    out["ok"] = True
    out["throughput"] = float(m.group(1))
    m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", text)
    if m:
        out["requests"] = int(m.group(1))
        out["seconds"] = _ms(m.group(2), m.group(3)) / 1000.0
    m = re.search(r"Latency\s+([\d.]+)(us|ms|s|m)\s+([\d.]+)(us|ms|s|m)\s+([\d.]+)(us|ms|s|m)", text)
    if m:
        out["mean"] = _ms(m.group(1), m.group(2))
        out["max"] = _ms(m.group(5), m.group(6))
    for pct, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
        out["p" + pct] = _ms(value, unit)
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        out["socket_errors"] = {k: int(v) for k, v in zip(("connect", "read", "write", "timeout"), m.groups())}
        errors += sum(out["socket_errors"].values())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        out["non_2xx"] = int(m.group(1))
        errors += int(m.group(1))
    out["errors"] = errors
    return out


def parse_ab(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    out = {"tool": "ab", "file": os.path.basename(path), "ok": False}
    m = re.search(r"Requests per second:\s+([\d.]+)", text)
    if not m:
        out["error"] = "no 'Requests per second' line"
        return out
    out["ok"] = True
    out["throughput"] = float(m.group(1))
    for key, label in (("requests", "Complete requests"), ("failed", "Failed requests"),
                       ("non_2xx", "Non-2xx responses"), ("keep_alive", "Keep-Alive requests")):
        m = re.search(label + r":\s+(\d+)", text)
        if m:
            out[key] = int(m.group(1))
    m = re.search(r"Time taken for tests:\s+([\d.]+) seconds", text)
    if m:
        out["seconds"] = float(m.group(1))
    for pct, value in re.findall(r"^\s+(\d+)%\s+(\d+)", text, re.M):
        out["p" + pct] = float(value)  # ab prints whole milliseconds
    out["errors"] = out.get("failed", 0) + out.get("non_2xx", 0)
    return out


def parse_benchdeck(path):
    out = {"tool": "benchdeck", "file": os.path.basename(path), "ok": False}
    rc_path = re.sub(r"\.json$", ".rc", path)
    if os.path.exists(rc_path):
        out["exit_code"] = int(open(rc_path).read().strip() or "-1")
    log_path = re.sub(r"\.json$", ".log", path)
    first_error = None
    if os.path.exists(log_path):
        for line in open(log_path, encoding="utf-8", errors="replace"):
            if line.strip().lower().startswith(("error", "exception")):
                first_error = line.strip()[:120]
                break
    if first_error:
        out["log_error"] = first_error
    if not os.path.exists(path):
        out["error"] = "FAILED (exit %s)" % out.get("exit_code", "?")
        return out
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except ValueError as e:
        out["error"] = "unreadable result: %s" % e
        return out
    overall = doc.get("overall") or {}
    out["status"] = doc.get("status")
    out["ok"] = doc.get("status") == "completed" and "throughput" in overall
    for key in ("requests", "ok", "errors", "dropped", "throughput", "error_rate", "measured_seconds"):
        if key in overall:
            out[key if key != "ok" else "ok_requests"] = overall[key]
    out["errors_by_class"] = overall.get("errors_by_class") or {}
    intervals = doc.get("intervals") or []
    if intervals:
        out["requests_incl_warmup"] = sum(i.get("completed", 0) for i in intervals)
    if doc.get("started_at_millis") and doc.get("ended_at_millis"):
        out["run_seconds"] = (doc["ended_at_millis"] - doc["started_at_millis"]) / 1000.0
    lat = overall.get("latencies") or {}
    out["saturated"] = overall.get("generator_saturated")
    for kind in ("latency", "service_time", "schedule_lag"):
        summary = (lat.get(kind) or {}).get("summary")
        if summary:
            out[kind] = {k: v for k, v in summary.items() if isinstance(v, (int, float))}
    if not out["ok"] and "error" not in out:
        out["error"] = "status %s" % doc.get("status")
    return out


def parse_time_v(path):
    """/usr/bin/time -v output: peak RSS and elapsed time."""
    out = {}
    if not os.path.exists(path):
        return out
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["max_rss_mib"] = int(m.group(1)) / 1024.0
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):
            secs = secs * 60 + float(part)
        out["elapsed_s"] = secs
    m = re.search(r"Percent of CPU this job got: (\d+)%", text)
    if m:
        out["cpu_percent"] = int(m.group(1))
    m = re.search(r"Exit status: (\d+)", text)
    if m:
        out["exit_status"] = int(m.group(1))
    return out


def foreign_cpu(outdir, name):
    """Mean and max CPU % (of one CPU) used by processes outside the benchmark during run NAME."""
    spans = {}
    tl = os.path.join(outdir, "timeline.txt")
    mon = os.path.join(outdir, "foreign-cpu.txt")
    if not (os.path.exists(tl) and os.path.exists(mon)):
        return None
    for line in open(tl):
        parts = line.split()
        if len(parts) >= 3:
            spans[parts[0]] = (float(parts[1]), float(parts[2]))
    if name not in spans:
        return None
    start, end = spans[name]
    samples, tops = [], {}
    for line in open(mon):
        parts = line.split()
        if len(parts) < 2:
            continue
        t, pct = float(parts[0]), float(parts[1])
        if start + 1.0 <= t <= end + 0.5:  # each sample covers the second before it
            samples.append(pct)
            if len(parts) > 2 and ":" in parts[2]:
                comm, val = parts[2].rsplit(":", 1)
                tops[comm] = tops.get(comm, 0.0) + float(val)
    if not samples:
        return None
    top = max(tops.items(), key=lambda kv: kv[1])[0] if tops else "-"
    return {"mean": sum(samples) / len(samples), "max": max(samples), "top": top}


def server_stats(outdir, log_name, run_name):
    """Mean responses/s and response lateness the DelayServer (--stats) logged during run RUN_NAME."""
    tl = os.path.join(outdir, "timeline.txt")
    log = os.path.join(outdir, log_name)
    if not (os.path.exists(tl) and os.path.exists(log)):
        return None
    span = None
    for line in open(tl):
        parts = line.split()
        if len(parts) >= 3 and parts[0] == run_name:
            span = (float(parts[1]), float(parts[2]))
    if span is None:
        return None
    rates, late, late_max = [], [], 0.0
    pat = re.compile(r"stats: t=([\d.]+) (\d+) responses/s, \d+ connections, response lateness mean ([\d.]+) ms "
                     r"max ([\d.]+) ms")
    for line in open(log, errors="replace"):
        m = pat.search(line)
        if not m:
            continue
        t, n, mean, mx = float(m.group(1)), int(m.group(2)), float(m.group(3)), float(m.group(4))
        # skip the warm-up and the last partial second: the 3 s warm-up plus JVM start
        if span[0] + 4.5 <= t <= span[1] - 1.0 and n > 0:
            rates.append(n)
            late.append(mean * n)
            late_max = max(late_max, mx)
    if not rates:
        return None
    return {"responses_per_s": sum(rates) / len(rates), "lateness_mean_ms": sum(late) / sum(rates),
            "lateness_max_ms": late_max}


def core_busy(outdir, name):
    """Busy % of the server's and the load generator's CPU over run NAME (from timeline.txt)."""
    tl = os.path.join(outdir, "timeline.txt")
    if not os.path.exists(tl):
        return None
    found = None
    for line in open(tl):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == name:
            found = {"server": int(parts[3]), "load": int(parts[4]),
                     "window_s": float(parts[2]) - float(parts[1])}
    return found


def _with_cpu(outdir, runs):
    for r in runs:
        if r and r.get("file"):
            stem = os.path.splitext(r["file"])[0]
            r["foreign_cpu"] = foreign_cpu(outdir, stem)
            r["core_busy"] = core_busy(outdir, stem)
    return runs


# ---------------------------------------------------------------------------------------------
# sections


def _files(outdir, prefix, suffix):
    names = sorted(n for n in os.listdir(outdir) if n.startswith(prefix) and n.endswith(suffix))
    return [os.path.join(outdir, n) for n in names]


def _bd_runs(outdir, prefix):
    """Benchdeck runs are found by their .rc file: a failed run may have written no JSON."""
    return _with_cpu(outdir, [parse_benchdeck(f[:-3] + ".json") for f in _files(outdir, prefix, ".rc")])


def _best(runs):
    good = [r for r in runs if r.get("ok")]
    if good:
        return max(good, key=lambda r: r["throughput"])
    return runs[0] if runs else None  # a failed run, kept so the report can say why


def section_throughput(outdir):
    wrk = _with_cpu(outdir, [parse_wrk(f) for f in _files(outdir, "throughput-wrk-", ".txt")])
    bd = _bd_runs(outdir, "throughput-benchdeck-")
    ab = _with_cpu(outdir, [parse_ab(f) for f in _files(outdir, "throughput-ab", ".txt")])
    return {"wrk_runs": wrk, "benchdeck_runs": bd, "ab_runs": ab,
            "wrk": _best(wrk), "benchdeck": _best(bd), "ab": _best(ab),
            "wrk_median": _median(wrk), "benchdeck_median": _median(bd)}


def _median(runs):
    """The run with the median throughput of the good ones (the lower middle of an even count)."""
    good = sorted((r for r in runs if r.get("ok")), key=lambda r: r["throughput"])
    if good:
        return good[(len(good) - 1) // 2]
    return runs[0] if runs else None


def section_connections(outdir):
    wrk = _with_cpu(outdir, [parse_wrk(f) for f in _files(outdir, "connections-wrk-", ".txt")])
    bd = _bd_runs(outdir, "connections-benchdeck-")
    return {"wrk_runs": wrk, "benchdeck_runs": bd, "wrk": _median(wrk), "benchdeck": _median(bd),
            "wrk_best": _best(wrk), "benchdeck_best": _best(bd)}


def section_open(outdir):
    return {"benchdeck_20k": (_bd_runs(outdir, "open-benchdeck-20k") or [None])[0],
            "benchdeck_50k": (_bd_runs(outdir, "open-benchdeck-50k") or [None])[0]}


def section_cli(outdir):
    runs = []
    for f in _files(outdir, "cli-", ".time"):
        parts = open(f).read().split()
        doc = f[:-5] + ".json"
        ok = os.path.exists(doc) and json.load(open(doc)).get("status") == "completed"
        runs.append({"file": os.path.basename(f), "wall_s": float(parts[-2]) if len(parts) >= 2 else None,
                     "rss_kb": int(parts[-1]) if parts else None, "ok": ok})
    return {"runs": runs}


def section_accuracy(outdir):
    wrk = _with_cpu(outdir, [parse_wrk(f) for f in _files(outdir, "accuracy-wrk", ".txt")])
    bd = _bd_runs(outdir, "accuracy-benchdeck")
    return {"wrk": wrk[0] if wrk else None, "benchdeck": bd[0] if bd else None}


def section_co(outdir):
    wrk = _with_cpu(outdir, [parse_wrk(f) for f in _files(outdir, "co-wrk", ".txt")])
    bd = _bd_runs(outdir, "co-benchdeck")
    return {"wrk": wrk[0] if wrk else None, "benchdeck": bd[0] if bd else None}


def section_memory(outdir):
    bd = _bd_runs(outdir, "memory-benchdeck")
    wrk = _with_cpu(outdir, [parse_wrk(f) for f in _files(outdir, "memory-wrk", ".txt")])
    res = {"benchdeck": bd[0] if bd else None, "wrk": wrk[0] if wrk else None}
    res["benchdeck_time"] = parse_time_v(os.path.join(outdir, "memory-benchdeck.time"))
    res["server_during_benchdeck"] = server_stats(outdir, "memory-server.log", "memory-benchdeck")
    res["wrk_time"] = parse_time_v(os.path.join(outdir, "memory-wrk.time"))
    opts = os.path.join(outdir, "memory-java-opts.txt")
    res["java_opts"] = open(opts).read().strip() if os.path.exists(opts) else ""
    return res


SECTIONS = {"throughput": section_throughput, "connections": section_connections, "open": section_open,
            "accuracy": section_accuracy, "co": section_co, "memory": section_memory, "cli": section_cli}
ORDER = ["throughput", "connections", "open", "accuracy", "co", "memory", "cli"]

# ---------------------------------------------------------------------------------------------
# report


def fmt(v, digits=1, unit=""):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if isinstance(v, str):
        return v
    if abs(v) >= 1000 and digits <= 1:
        return "{:,.0f}{}".format(v, unit)
    return "{:.{d}f}{}".format(v, unit, d=digits)


def g(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def verdict(cond):
    if cond is None:
        return "n/a"
    return "OK" if cond else "MISS"


def why_failed(run):
    if run is None:
        return "not run"
    return run.get("error") or "failed"


def good(run):
    return run is not None and run.get("ok")


def rows_throughput(s):
    rows = []
    wrk, bd, ab = s.get("wrk"), s.get("benchdeck"), s.get("ab")
    wrk_all = ", ".join(fmt(r.get("throughput")) for r in s.get("wrk_runs", []))
    bd_all = ", ".join(fmt(r.get("throughput")) if r.get("ok") else "failed" for r in s.get("benchdeck_runs", []))
    ratio = bd["throughput"] / wrk["throughput"] if good(bd) and good(wrk) else None
    rows.append(("throughput", "req/s, best of runs (nginx 100 B, 50 conns)",
                 fmt(g(bd, "throughput")) if good(bd) else why_failed(bd),
                 "wrk " + fmt(g(wrk, "throughput")), "bd/wrk " + fmt(ratio, 2), ">= 0.80",
                 verdict(ratio >= 0.8 if ratio is not None else None)))
    bm, wm = s.get("benchdeck_median"), s.get("wrk_median")
    mratio = bm["throughput"] / wm["throughput"] if good(bm) and good(wm) else None
    rows.append(("throughput", "req/s, median of alternating rounds", fmt(g(bm, "throughput")) if good(bm) else why_failed(bm),
                 "wrk " + fmt(g(wm, "throughput")), "bd/wrk " + fmt(mratio, 2), ">= 1.00",
                 verdict(mratio >= 1.0 if mratio is not None else None)))
    rows.append(("throughput", "all runs req/s (in order)", bd_all or "n/a", "wrk " + (wrk_all or "n/a"),
                 "", "", ""))
    if good(ab):
        r2 = bd["throughput"] / ab["throughput"] if good(bd) else None
        rows.append(("throughput", "req/s vs ab -k -c50 -t10", fmt(g(bd, "throughput")),
                     "ab " + fmt(ab["throughput"]), "bd/ab " + fmt(r2, 2), "", ""))
    elif s.get("ab_runs"):
        rows.append(("throughput", "ab -k -c50 -t10", "", "ab " + why_failed(s["ab_runs"][0]), "", "", ""))
    rows.append(("throughput", "p50 / p99 ms (best runs)",
                 "%s / %s" % (fmt(g(bd, "latency", "p50"), 3), fmt(g(bd, "latency", "p99"), 3)),
                 "wrk %s / %s" % (fmt(g(wrk, "p50"), 3), fmt(g(wrk, "p99"), 3)), "", "", ""))
    def us_per_req(r):
        """CPU time of the generator's core per request: every request it sent (warm-up included)
        against all the CPU its core used while it ran (JVM start-up and JIT included)."""
        cb = r.get("core_busy") if r else None
        if not good(r) or not cb:
            return None
        total = r.get("requests_incl_warmup") or r.get("requests")
        return cb["load"] / 100.0 * cb["window_s"] * 1e6 / total if total else None

    def server_busy(r):
        """Busy % of the server's core while load was applied (Benchdeck's JVM start-up excluded)."""
        cb = r.get("core_busy") if r else None
        if not good(r) or not cb:
            return None
        run_s = r.get("run_seconds")
        return min(100.0, cb["server"] * cb["window_s"] / run_s) if run_s else float(cb["server"])

    rows.append(("throughput", "server core (CPU0) busy % under load", fmt(server_busy(bd), 0),
                 "wrk " + fmt(server_busy(wrk), 0) + (", ab " + fmt(server_busy(ab), 0) if good(ab) else ""),
                 "", "", ""))
    ub, uw = us_per_req(bd), us_per_req(wrk)
    rows.append(("throughput", "generator CPU us/request (incl. JVM start)", fmt(ub, 1), "wrk " + fmt(uw, 1),
                 "bd/wrk " + fmt(ub / uw if ub and uw else None, 2), "", ""))
    if good(bd):
        rows.append(("throughput", "benchdeck errors / dropped",
                     "%s / %s" % (bd.get("errors"), bd.get("dropped")),
                     "wrk %s" % g(wrk, "errors"), "", "0", verdict((bd.get("errors") or 0) == 0)))
    return rows


def rows_connections(s):
    rows = []
    wrk, bd = s.get("wrk"), s.get("benchdeck")
    ratio = bd["throughput"] / wrk["throughput"] if good(bd) and good(wrk) else None
    rows.append(("connections", "req/s, median of alternating rounds (1,000 conns)",
                 fmt(g(bd, "throughput")) if good(bd) else why_failed(bd),
                 "wrk " + fmt(g(wrk, "throughput")), "bd/wrk " + fmt(ratio, 2), ">= 1.00",
                 verdict(ratio >= 1.0 if ratio is not None else None)))
    wrk_all = ", ".join(fmt(r.get("throughput")) for r in s.get("wrk_runs", []))
    bd_all = ", ".join(fmt(r.get("throughput")) if r.get("ok") else "failed" for r in s.get("benchdeck_runs", []))
    rows.append(("connections", "all runs req/s (in order)", bd_all or "n/a", "wrk " + (wrk_all or "n/a"), "", "", ""))
    rows.append(("connections", "p50 / p99 ms (median runs)",
                 "%s / %s" % (fmt(g(bd, "latency", "p50"), 3), fmt(g(bd, "latency", "p99"), 3)),
                 "wrk %s / %s" % (fmt(g(wrk, "p50"), 3), fmt(g(wrk, "p99"), 3)), "", "", ""))
    if good(bd):
        rows.append(("connections", "benchdeck errors", str(bd.get("errors")), "wrk %s" % g(wrk, "errors"), "", "0",
                     verdict((bd.get("errors") or 0) == 0)))
    return rows


def rows_open(s):
    rows = []
    for key, rate, lag_goal in (("benchdeck_20k", 20000, 0.2), ("benchdeck_50k", 50000, None)):
        bd = s.get(key)
        label = "%d/s" % rate
        if not good(bd):
            rows.append(("open", label, why_failed(bd), "", "", "", verdict(False)))
            continue
        achieved = 100.0 * bd["throughput"] / rate
        rows.append(("open", label + ": achieved % of the rate", fmt(achieved, 2),
                     "%s req/s, %s dropped" % (fmt(bd["throughput"]), bd.get("dropped")), "", ">= 99.5",
                     verdict(achieved >= 99.5)))
        lag99 = g(bd, "schedule_lag", "p99")
        rows.append(("open", label + ": schedule lag p50 / p99 / max ms",
                     "%s / %s / %s" % (fmt(g(bd, "schedule_lag", "p50"), 3), fmt(lag99, 3), fmt(g(bd, "schedule_lag", "max"), 3)),
                     "saturated: %s" % bd.get("saturated"), "",
                     "p99 <= %.3f" % lag_goal if lag_goal else "",
                     verdict(lag99 <= lag_goal if lag99 is not None else None) if lag_goal else ""))
        rows.append(("open", label + ": latency p50 / p99 ms (from intended start)",
                     "%s / %s" % (fmt(g(bd, "latency", "p50"), 3), fmt(g(bd, "latency", "p99"), 3)),
                     "service time p99 %s" % fmt(g(bd, "service_time", "p99"), 3), "", "", ""))
        if bd.get("errors"):
            rows.append(("open", label + ": errors", str(bd.get("errors")), json.dumps(bd.get("errors_by_class")), "", "0",
                         verdict(False)))
    return rows


def rows_cli(s):
    runs = s.get("runs") or []
    walls = sorted(r["wall_s"] for r in runs if r.get("ok") and r.get("wall_s") is not None)
    med = walls[(len(walls) - 1) // 2] if walls else None
    return [("cli", "one-request run, wall s (3 runs, median)", ", ".join(fmt(r.get("wall_s"), 2) for r in runs) +
             ("; median " + fmt(med, 2) if med is not None else ""),
             "peak RSS %s MiB" % fmt(max((r.get("rss_kb") or 0) for r in runs) / 1024 if runs else None, 0), "", "",
             verdict(len(walls) == len(runs) and runs != []))]


def rows_accuracy(s):
    wrk, bd = s.get("wrk"), s.get("benchdeck")
    bd_ok = bd is not None and bd.get("ok")
    p50_bd, p50_wrk = g(bd, "latency", "p50"), g(wrk, "p50")
    diff = p50_bd - p50_wrk if p50_bd is not None and p50_wrk is not None else None
    rows = [("accuracy", "p50 ms (20 ms server, 10 conns)", fmt(p50_bd, 3) if bd_ok else why_failed(bd),
             "wrk " + fmt(p50_wrk, 3), "diff " + (("%+.3f ms" % diff) if diff is not None else "n/a"),
             "|diff| <= 1 ms", verdict(abs(diff) <= 1.0 if diff is not None else None))]
    if bd_ok:
        rows.append(("accuracy", "p90 / p99 / max ms",
                     "%s / %s / %s" % (fmt(g(bd, "latency", "p90"), 3), fmt(g(bd, "latency", "p99"), 3),
                                       fmt(g(bd, "latency", "max"), 3)),
                     "wrk %s / %s / %s" % (fmt(g(wrk, "p90"), 3), fmt(g(wrk, "p99"), 3), fmt(g(wrk, "max"), 3)),
                     "", "", ""))
        rows.append(("accuracy", "service_time p50 ms", fmt(g(bd, "service_time", "p50"), 3), "", "", "", ""))
        rows.append(("accuracy", "req/s (ideal 10/0.020 = 500)", fmt(g(bd, "throughput")),
                     "wrk " + fmt(g(wrk, "throughput")), "", "", ""))
    return rows


CO_ANALYTIC = {"p50": 0.0, "p95": 750.0, "p99": 950.0, "max": 1000.0}


def rows_co(s):
    wrk, bd = s.get("wrk"), s.get("benchdeck")
    bd_ok = bd is not None and bd.get("ok")
    rows = []

    def quad(d, keys=("p50", "p95", "p99", "max")):
        return " / ".join(fmt(g(d, k), 1) for k in keys)

    lat = g(bd, "latency") or {}
    svc = g(bd, "service_time") or {}
    p95, p99 = lat.get("p95"), lat.get("p99")
    ok = None
    if bd_ok and p95 is not None and p99 is not None:
        ok = abs(p95 - 750) <= 75 and abs(p99 - 950) <= 50
    rows.append(("co", "latency p50/p95/p99/max ms (open 200/s)",
                 quad(lat) if bd_ok else why_failed(bd),
                 "analytic ~0 / 750 / 950 / 1000", "",
                 "p95 750+-75, p99 950+-50", verdict(ok)))
    if bd_ok:
        rows.append(("co", "service_time p50/p95/p99/max ms", quad(svc), "", "", "", ""))
        rows.append(("co", "requests / dropped / errors (ideal 4000)",
                     "%s / %s / %s" % (bd.get("requests"), bd.get("dropped"), bd.get("errors")), "", "",
                     "0 dropped", verdict((bd.get("dropped") or 0) == 0 and (bd.get("errors") or 0) == 0)))
    rows.append(("co", "wrk -c10 closed p50/p90/p99/max ms", "",
                 "wrk " + quad(wrk, ("p50", "p90", "p99", "max")) if wrk else "wrk not run",
                 "", "", ""))
    if wrk:
        rows.append(("co", "wrk req/s, requests (closed loop)", "", "wrk %s, %s" % (fmt(wrk.get("throughput")),
                                                                                     wrk.get("requests")),
                     "", "", ""))
    return rows


def rows_memory(s):
    bd, wrk = s.get("benchdeck"), s.get("wrk")
    bt, wt = s.get("benchdeck_time") or {}, s.get("wrk_time") or {}
    bd_ok = bd is not None and bd.get("ok")
    rss = bt.get("max_rss_mib") if bd_ok else None
    rows = [("memory", "peak RSS MiB (10,000 users, 1 s server)", fmt(rss, 0) if rss else why_failed(bd),
             "wrk " + fmt(wt.get("max_rss_mib"), 0), "", "<= 512 MiB",
             verdict(rss <= 512 if rss else None))]
    tput = g(bd, "throughput")
    rows.append(("memory", "req/s (ideal 10,000)", fmt(tput) if bd_ok else why_failed(bd),
                 "wrk " + fmt(g(wrk, "throughput")), "bd/ideal " + fmt(tput / 10000.0 if tput else None, 2),
                 ">= 0.90", verdict(tput >= 9000 if bd_ok and tput else None)))
    if bd_ok:
        errs = bd.get("errors")
        classes = ", ".join("%s=%s" % kv for kv in sorted((bd.get("errors_by_class") or {}).items()))
        rows.append(("memory", "errors / dropped", "%s / %s%s" % (errs, bd.get("dropped"),
                                                                  (" (" + classes + ")") if classes else ""),
                     "wrk %s" % g(wrk, "errors"), "", "0", verdict(errs == 0 if errs is not None else None)))
    if bd_ok:
        rows.append(("memory", "latency p50 / p99 / max ms", "%s / %s / %s" % (
            fmt(g(bd, "latency", "p50"), 1), fmt(g(bd, "latency", "p99"), 1), fmt(g(bd, "latency", "max"), 1)),
            "wrk %s / %s / %s" % (fmt(g(wrk, "p50"), 1), fmt(g(wrk, "p99"), 1), fmt(g(wrk, "max"), 1)),
            "", "", ""))
    cb, cw = (bd or {}).get("core_busy"), (wrk or {}).get("core_busy")
    if cb or cw:
        rows.append(("memory", "busy CPU0 (server) / CPU1 (generator)",
                     "%d%% / %d%%" % (cb["server"], cb["load"]) if cb else "n/a",
                     "wrk %d%% / %d%%" % (cw["server"], cw["load"]) if cw else "", "", "", ""))
    srv = s.get("server_during_benchdeck")
    if srv:
        rows.append(("memory", "DelayServer's own lateness mean / max ms",
                     "%.1f / %.1f (server side)" % (srv["lateness_mean_ms"], srv["lateness_max_ms"]), "", "",
                     "", ""))
    rows.append(("memory", "JVM flags (JAVA_OPTS)", s.get("java_opts") or "(launcher default)", "", "", "", ""))
    return rows


ROWS = {"throughput": rows_throughput, "connections": rows_connections, "open": rows_open,
        "accuracy": rows_accuracy, "co": rows_co, "memory": rows_memory, "cli": rows_cli}
HEADER = ("section", "metric", "benchdeck", "peer / reference", "ratio / diff", "goal", "result")


def report(outdir):
    sections = []
    for name in ORDER:
        path = os.path.join(outdir, name + ".section.json")
        if os.path.exists(path):
            sections.append((name, json.load(open(path))))
    rows = []
    for name, data in sections:
        rows.extend(ROWS[name](data))
    meta_path = os.path.join(outdir, "meta.txt")
    meta = open(meta_path).read().rstrip("\n").splitlines() if os.path.exists(meta_path) else []

    notes = []
    noisy = []
    for name, data in sections:
        cpu_bits = []
        for key, val in data.items():
            runs = val if isinstance(val, list) else [val]
            for r in runs:
                fc = r.get("foreign_cpu") if isinstance(r, dict) else None
                if fc and r.get("file"):
                    label = os.path.splitext(r["file"])[0].replace(name + "-", "")
                    bit = "%s %.0f" % (label, fc["mean"])
                    if bit not in cpu_bits:
                        cpu_bits.append(bit)
                    if fc["mean"] > 10:
                        noisy.append("%s: %s ran while other processes used %.0f%% of a CPU on average "
                                     "(max %.0f%%, mostly %s): its figures are skewed"
                                     % (name, r["file"], fc["mean"], fc["max"], fc["top"]))
        if cpu_bits:
            idx = max(i for i, r in enumerate(rows) if r[0] == name) + 1 if any(r[0] == name for r in rows) else len(rows)
            rows.insert(idx, (name, "foreign CPU % during runs (others)", ", ".join(cpu_bits), "", "", "<= 10",
                              verdict(all(float(b.rsplit(" ", 1)[1]) <= 10 for b in cpu_bits))))
    for n in noisy:
        if n not in notes:
            notes.append(n)
    for name, data in sections:
        for key, val in data.items():
            runs = val if isinstance(val, list) else [val]
            for r in runs:
                if isinstance(r, dict) and r.get("tool") and not r.get("ok"):
                    note = "%s: %s %s" % (name, r.get("file"), r.get("error", "failed"))
                    if r.get("log_error"):
                        note += " -- " + r["log_error"]
                    if note not in notes:
                        notes.append(note)
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
    line = "  ".join("-" * w for w in widths)
    text = [line, "  ".join(str(h).ljust(w) for h, w in zip(HEADER, widths)), line]
    last = None
    for r in rows:
        if last is not None and r[0] != last:
            text.append("")
        last = r[0]
        text.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    text.append(line)
    text.extend("note: " + n for n in notes)
    print("\n".join(meta))
    print()
    print("\n".join(text))

    md = ["# Benchdeck vs peer tools", ""]
    md.extend("- " + m for m in meta)
    md += ["", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for r in rows:
        md.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
    if notes:
        md += [""] + ["- note: " + n for n in notes]
    md += ["", "Raw outputs (wrk/ab text, Benchdeck JSON and logs, /usr/bin/time -v) are beside this file.", ""]
    with open(os.path.join(outdir, "summary.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md))


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[1]
    if cmd == "wrk":
        print(json.dumps(parse_wrk(argv[2]), indent=1))
    elif cmd == "ab":
        print(json.dumps(parse_ab(argv[2]), indent=1))
    elif cmd == "benchdeck":
        print(json.dumps(parse_benchdeck(argv[2]), indent=1))
    elif cmd == "section":
        name, outdir = argv[2], argv[3]
        data = SECTIONS[name](outdir)
        with open(os.path.join(outdir, name + ".section.json"), "w") as f:
            json.dump(data, f, indent=1)
    elif cmd == "report":
        report(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
