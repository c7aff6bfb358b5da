#!/usr/bin/env python3
"""The table of bench/server/run.sh, from the raw outputs it left in OUTDIR.

    report.py OUTDIR SUMMARY.md SECTION...

Prints a Markdown table and writes it, with the run's metadata, to SUMMARY.md. Python 3 standard
library only.
"""

import json
import os
import re
import statistics
import sys
from datetime import datetime

# wrk's text and Benchdeck's result JSON are read by the suite's own parsers, one of each in bench/
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from results import parse_benchdeck, parse_wrk  # noqa: E402
from report_auth import rows_auth, rows_signin  # noqa: E402

OUT, SUMMARY, SECTIONS = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = []  # section, measure, value, goal, result


def row(section, measure, value, goal="", result=""):
    rows.append((section, measure, value, goal, result))


def path(name):
    return os.path.join(OUT, name)


def exists(name):
    return os.path.exists(path(name))


def num(x, digits=1):
    if x is None:
        return "n/a"
    if isinstance(x, float) and abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}" if isinstance(x, float) else f"{x:,}"


def verdict(ok):
    return "n/a" if ok is None else ("OK" if ok else "MISSED")


def pct(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    k = max(1, -(-len(s) * p // 100))  # ceil(n p / 100)
    return s[int(k) - 1]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def windows():
    spans = {}
    if exists("windows.tsv"):
        for line in open(path("windows.tsv")).read().splitlines():
            name, edge, t = line.split("\t")
            spans.setdefault(name, {})[edge] = float(t)
    return spans


def foreign_samples():
    out = []
    if exists("foreign-cpu.txt"):
        for line in open(path("foreign-cpu.txt")).read().splitlines():
            parts = line.split()
            if len(parts) >= 2:
                out.append((float(parts[0]), float(parts[1]), parts[2] if len(parts) > 2 else ""))
    return out


def foreign_row(section, prefix):
    """Other processes' CPU during each measurement of a section (samples end within its span)."""
    spans, samples = windows(), foreign_samples()
    parts, worst = [], 0.0
    for name, span in spans.items():
        if not name.startswith(prefix) or "start" not in span or "end" not in span:
            continue
        xs = [(v, top) for t, v, top in samples if span["start"] < t <= span["end"] + 0.5]
        if not xs:
            continue
        mean = sum(v for v, _ in xs) / len(xs)
        peak = max(xs, key=lambda x: x[0])
        worst = max(worst, mean)
        parts.append(f"{name.replace(prefix, '').strip('-') or name} {mean:.0f}/{peak[0]:.0f}"
                     + (f" ({peak[1]})" if peak[0] >= 10 else ""))
    if parts:
        row(section, "other processes' CPU during each measurement, mean/max % of a CPU", ", ".join(parts),
            "<= 10", verdict(worst <= 10))


# ---------------------------------------------------------------------------------------------
# 1. startup

LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d))")


def log_ms(line):
    m = LOG_TIME.match(line)
    if not m:
        return None
    text = m.group(1).replace("Z", "+00:00")
    return datetime.fromisoformat(text).timestamp() * 1000


def startup_phases(logfile, t0):
    """ms from the fork to: first log line, PostgreSQL listening, Spring 'Started', the ready banner."""
    marks = {"first_log": None, "postgres": None, "flyway": None, "started": None, "banner": None}
    spring = None
    with open(logfile, encoding="utf-8", errors="replace") as f:
        for line in f:
            t = log_ms(line)
            if t is None:
                continue
            rel = t - t0
            if marks["first_log"] is None:
                marks["first_log"] = rel
            if marks["postgres"] is None and "Embedded PostgreSQL" in line and "listening" in line:
                marks["postgres"] = rel
            if "Successfully applied" in line or "is up to date" in line or "Successfully validated" in line:
                marks["flyway"] = rel
            if marks["started"] is None and re.search(r"Started \w+ in", line):
                marks["started"] = rel
                m = re.search(r"in ([\d.]+) seconds \(process running for ([\d.]+)\)", line)
                if m:
                    spring = (float(m.group(1)), float(m.group(2)))
            if marks["banner"] is None and "Benchdeck is ready at" in line:
                marks["banner"] = rel
    return marks, spring


def section_startup():
    if not exists("startup-times.tsv"):
        row("startup", "no data", "startup-times.tsv missing")
        return
    lines = open(path("startup-times.tsv")).read().split("\n")[1:]
    runs = [dict(zip(("run", "t0", "ready", "stop"), l.split("\t"))) for l in lines if l.strip()]
    for kind, label, goal in (("plain", "`java -jar`", None), ("aot", "from the AOT cache (./benchdeck serve on JDK 25+)", 5)):
        timed = [r for r in runs if r["run"] != "0" and r["run"].startswith("aot") == (kind == "aot")]
        if not timed:
            continue
        ready = [int(r["ready"]) / 1000 for r in timed]
        med = median(ready)
        row("startup", f"process start -> readiness UP, s, {label} (PostgreSQL initialised; {len(ready)} starts)",
            " / ".join(f"{x:.2f}" for x in ready) + f"; median **{med:.2f}**",
            f"<= {goal} s" if goal else "< 10 s", verdict(med <= goal if goal else med < 10))
        phases = [startup_phases(path(f"startup-{r['run']}.log"), int(r["t0"])) for r in timed if exists(f"startup-{r['run']}.log")]
        if phases:
            def m(key):
                vals = [p[0][key] for p in phases if p[0][key] is not None]
                return "n/a" if not vals else f"{median(vals) / 1000:.2f}"
            row("startup", f"{label}: where the time goes (median, s from fork): first log line / PostgreSQL listening / "
                "Spring 'Started' / ready banner",
                f"{m('first_log')} / {m('postgres')} / {m('started')} / {m('banner')}")
            sp = [p[1] for p in phases if p[1]]
            if sp:
                row("startup", f"{label}: Spring's own 'Started … in X s (process running for Y s)', median",
                    f"{median([s[0] for s in sp]):.2f} / {median([s[1] for s in sp]):.2f}")
    if exists("startup-aot.tsv"):
        parts = open(path("startup-aot.tsv")).read().split("\t")
        row("startup", "AOT cache: training run (once per build), s / cache size, MB",
            f"{int(parts[2]) / 1000:.2f} / {parts[4].strip()}")
    init = [r for r in runs if r["run"] == "0"]
    if init:
        row("startup", "first start (extract binaries, initdb, migrations), s; not timed for the goal",
            f"{int(init[0]['ready']) / 1000:.2f}")
    stops = [int(r["stop"]) / 1000 for r in runs if r["stop"]]
    if stops:
        row("startup", "SIGTERM -> process exited (graceful, PostgreSQL stopped), s", " / ".join(f"{x:.2f}" for x in stops))
    foreign_row("startup", "startup-")


# ---------------------------------------------------------------------------------------------
# 2. runs list


def cpu(name):
    if not exists(name + ".cpu"):
        return ""
    wall, jvm, pg = open(path(name + ".cpu")).read().split()
    return f"server JVM {jvm}% + PostgreSQL {pg}% of a CPU"


def explain_times(name):
    if not exists(f"list-{name}-explain.txt"):
        return None
    return [float(x) for x in re.findall(r"Execution Time: ([\d.]+) ms", open(path(f"list-{name}-explain.txt")).read())]


def section_list():
    if not exists("list-queries.tsv"):
        row("list", "no data", "list-queries.tsv missing")
        return
    seed = open(path("list-seed.txt")).read() if exists("list-seed.txt") else ""
    total = re.search(r"runs_total (\d+)", seed)
    ins = re.search(r"insert_ms (\d+)", seed)
    size = re.search(r"overall_text_bytes (\d+)", seed)
    row("list", "runs stored / seed insert (10,000 rows, one transaction + ANALYZE) / overall JSON per run",
        f"{total.group(1) if total else '?'} / {int(ins.group(1)) / 1000:.1f} s / {size.group(1) if size else '?'} B"
        if ins else f"{total.group(1) if total else '?'} (seeded earlier)")
    for line in open(path("list-queries.tsv")).read().splitlines():
        name, url = line.split("\t")
        label = {"first": "first page", "filtered": "status+scenario filter", "deep": "page 400 (offset 8,000)",
                 "last": "last page by number", "cursor": "8,000 rows deep by cursor (`after`)"}.get(name, name)
        try:
            resp = json.load(open(path(f"list-{name}-response.json")))
            info = f"total {resp.get('total')}, {len(resp.get('items', []))} items"
        except (OSError, ValueError):
            info = "response not JSON"
        curl = open(path(f"list-{name}-curl.txt")).read().split() if exists(f"list-{name}-curl.txt") else []
        if curl:
            info += f", HTTP {curl[0]}, {int(curl[1]):,} B"
        bd_file, wrk_file = path(f"list-{name}-benchdeck.json"), path(f"list-{name}-wrk.txt")
        bd = parse_benchdeck(bd_file) if os.path.exists(bd_file) else None
        wrk = parse_wrk(wrk_file) if os.path.exists(wrk_file) else None
        if bd and "latency" in bd:
            p50, p99 = bd["latency"].get("p50"), bd["latency"].get("p99")
            ok = p99 is not None and p99 < 50 and not bd.get("errors")
            row("list", f"{label}: `{url}` — Benchdeck 4 users 15 s: p50 / p99 ms, req/s, errors",
                f"{num(p50, 2)} / **{num(p99, 2)}**, {num(bd.get('throughput'))}, {bd.get('errors')}",
                "p99 < 50 ms", verdict(ok))
        else:
            row("list", f"{label}: Benchdeck", "no result (see the .log)", "p99 < 50 ms", "n/a")
        if wrk and wrk["ok"]:
            ok = wrk.get("p99") is not None and wrk["p99"] < 50 and not wrk["errors"]
            row("list", f"{label}: wrk -t1 -c4 -d10s: p50 / p99 ms, req/s, errors",
                f"{num(wrk.get('p50'), 2)} / **{num(wrk.get('p99'), 2)}**, {num(wrk['throughput'])}, {wrk['errors']}",
                "p99 < 50 ms", verdict(ok))
        else:
            row("list", f"{label}: wrk", "no result", "p99 < 50 ms", "n/a")
        w1_file = path(f"list-{name}-wrk1.txt")
        w1 = parse_wrk(w1_file) if os.path.exists(w1_file) else None
        if w1 and w1["ok"]:
            row("list", f"{label}: wrk -t1 -c1 -d5s (one at a time: no queueing): p50 / p99 ms, req/s",
                f"{num(w1.get('p50'), 2)} / {num(w1.get('p99'), 2)}, {num(w1['throughput'])}")
        ex = explain_times(name)
        extra = f"{info}"
        if ex and len(ex) >= 2:
            extra += f"; SQL (EXPLAIN ANALYZE) count {ex[0]:.2f} ms + page {ex[1]:.2f} ms"
        c1, c2 = cpu(f"list-{name}-benchdeck"), cpu(f"list-{name}-wrk")
        if c1 or c2:
            extra += f"; CPU under Benchdeck: {c1 or 'n/a'}; under wrk: {c2 or 'n/a'}"
        row("list", f"{label}: response and cost", extra)
    foreign_row("list", "list-")


# ---------------------------------------------------------------------------------------------
# 3. run detail


def section_detail():
    if not exists("detail.json"):
        row("detail", "no data", "detail.json missing")
        return
    d = json.load(open(path("detail.json")))
    m = d["median"]
    samples = d["samples"]
    render_ok = m["render_ms"] is not None and m["render_ms"] < 300
    row("detail", f"1-hour run (3,600 intervals): navigation start -> 4 live charts drawn, ms ({d['iterations']} loads)",
        " / ".join(num(s["total_ms"], 0) for s in samples) + f"; median **{num(m['total_ms'], 0)}**")
    row("detail", "render: snapshot (intervals) arrived -> 4 charts drawn, ms",
        " / ".join(num(s["render_ms"], 0) for s in samples) + f"; median **{num(m['render_ms'], 0)}**",
        "< 300 ms", verdict(render_ok))
    row("detail", "timeline, median ms from navigation start: DOMContentLoaded / WS open / REST run detail done / "
        "snapshot arrived / charts drawn / step table / percentile chart",
        " / ".join(num(m[k], 0) for k in ("dom_content_loaded_ms", "ws_open_ms", "run_detail_response_end_ms",
                                           "snapshot_ms", "total_ms", "step_table_ms", "percentile_chart_ms")))
    row("detail", "snapshot message size; long tasks before drawn (median ms); REST fallback used",
        f"{d.get('snapshot_bytes', 0) / 1e6:.2f} MB; {num(m['long_task_ms_before_drawn'], 0)}; "
        f"{any(s.get('rest_intervals_fallback_used') for s in samples)}")
    probe = d.get("probe") or {}
    b = probe.get("browser") or {}
    if b.get("ws"):
        ext = b["ws"][0].get("extensions") or "none"
        row("detail", "probe, page without the app: subscribe -> snapshot message, ms (3 times); JSON.parse ms; "
            "WebSocket extensions",
            " / ".join(num(x["subscribe_to_snapshot_ms"], 0) for x in b["ws"]) + "; parse "
            + " / ".join(num(x["parse_ms"], 0) for x in b["ws"]) + f"; {ext}")
        row("detail", "probe, same page: GET /runs/{id}/intervals fetched / parsed, ms; Content-Encoding",
            f"{num(b.get('rest_fetch_ms'), 0)} / {num(b.get('rest_parse_ms'), 0)}; {b.get('rest_content_encoding') or 'none'}")
    if probe.get("node"):
        row("detail", "probe, Node client: subscribe -> snapshot message, ms (3 times); extensions",
            " / ".join(num(x["subscribe_to_snapshot_ms"], 0) for x in probe["node"])
            + f"; {probe['node'][0].get('extensions') or 'none'}")
    first = samples[0] if samples else {}
    if first.get("series_pixels"):
        row("detail", "check: series-coloured pixels per chart canvas after load 1",
            ", ".join(f"{k.replace('live-', '').replace('-chart', '')} {v:,}" for k, v in first["series_pixels"].items()))
    if exists("detail-rest.txt"):
        text = open(path("detail-rest.txt")).read()
        rest = re.findall(r"intervals_rest \d+ (\d+) (\d+) ([\d.]+)", text)
        if rest:
            row("detail", "for comparison: GET /runs/{id}/intervals (curl, 3 times): s each, size",
                " / ".join(f"{float(t):.3f}" for _, _, t in rest) + f"; {int(rest[0][1]) / 1e6:.2f} MB")
        plain = re.findall(r"ws_plain \d+ ([\d.]+) (\d+)", text)
        if plain:
            row("detail", "probe, bare client without permessage-deflate (lib/ws_probe.py): subscribe -> snapshot, ms (3 times)",
                " / ".join(f"{float(t):.0f}" for t, _ in plain))
    foreign_row("detail", "detail")


# ---------------------------------------------------------------------------------------------
# 4. live


def interval_inserts(file):
    """(run_id, seq) -> epoch ms at which PostgreSQL logged the INSERT into run_intervals (when it finished)."""
    lines = open(file, encoding="utf-8", errors="replace").read().splitlines()
    out = {}
    for i, line in enumerate(lines):
        if "insert into run_intervals" not in line or "duration:" not in line:
            continue
        m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) (\w+)", line)
        p = re.search(r"\$1 = '(\d+)', \$2 = '(\d+)'", lines[i + 1] if i + 1 < len(lines) else "")
        if m and p and m.group(2) in ("UTC", "GMT"):
            t = datetime.fromisoformat(m.group(1) + "+00:00").timestamp() * 1000
            out[(int(p.group(1)), int(p.group(2)))] = t
    return out


def section_live():
    if not exists("live.json"):
        row("live", "no data", "live.json missing")
        return
    d = json.load(open(path("live.json")))
    runs = d["runs"]

    def stats(key):
        xs = [x for r in runs for x in r.get(key, [])]
        if not xs:
            return None, "n/a"
        return pct(xs, 95), f"{num(pct(xs, 50), 0)} / **{num(pct(xs, 95), 0)}** / {num(max(xs), 0)} (n={len(xs)})"

    p95, text = stats("browser_own_after_raf_ms")
    per_run = "; ".join(f"run {r['run_id']}: p95 {num(pct(r['browser_own_after_raf_ms'], 95), 0)}"
                        for r in runs if r["browser_own_after_raf_ms"])
    row("live", "browser page, own WebSocket: Date.now() after next rAF − (started_at + elapsed), p50 / p95 / max ms",
        text, "p95 < 250 ms", verdict(None if p95 is None else p95 < 250))
    row("live", "  per run", per_run)
    for key, label in (("browser_own_on_message_ms", "browser page, own WebSocket, on message (before rAF)"),
                       ("browser_dashboard_after_raf_ms", "browser page, the dashboard's own socket, after next rAF"),
                       ("node_on_message_ms", "Node client (--experimental-websocket, worker thread), on message")):
        _, text = stats(key)
        row("live", label + ", p50 / p95 / max ms", text)
    firsts = [r["browser_own_after_raf_ms"][0] for r in runs if r["browser_own_after_raf_ms"]]
    rest = [x for r in runs for x in r["browser_own_after_raf_ms"][1:]]
    if firsts and rest:
        row("live", "  first interval of each run / all the others (p50 / p95 / max), browser own socket after rAF, ms",
            " / ".join(num(x, 0) for x in firsts) + f"; others {num(pct(rest, 50), 0)} / {num(pct(rest, 95), 0)} / {num(max(rest), 0)}")
    row("live", "the runs' own load: demo target served by this same server, req/s and p99 ms",
        "; ".join(f"run {r['run_id']}: {num(r.get('throughput'))} req/s, p99 {num(r.get('p99_ms'), 2)}" for r in runs))
    # started_at is set when the run is claimed; the engine's clock (elapsed_seconds) starts later, after
    # the plan is read and assembled. The server logs "Run N (…) started" just before the engine starts.
    log_name = open(path("live-server-log.txt")).read().strip() if exists("live-server-log.txt") else "server.log"
    logs = open(path(log_name), encoding="utf-8", errors="replace").read() if exists(log_name) else ""
    offs = []
    for r in runs:
        m = re.search(r"^(\S+)\s+INFO .*Run %d \(.*\) started" % r["run_id"], logs, re.M)
        if m and r.get("started_at_ms"):
            offs.append(f"run {r['run_id']} {log_ms(m.group(1)) - r['started_at_ms']:.0f}")
    if offs:
        row("live", "server log 'Run N started' − runs.started_at, ms: a constant part of each run's figures (the engine "
            "starts after it)", "; ".join(offs))
    mins = [f"run {r['run_id']} {min(r['node_on_message_ms'] or r['browser_own_on_message_ms']):.0f}" for r in runs
            if r['node_on_message_ms'] or r['browser_own_on_message_ms']]
    if exists("live-postgres.log"):
        inserts = interval_inserts(path("live-postgres.log"))
        parts = []
        for r in runs:
            done = []
            for seq, elapsed in enumerate(r.get("elapsed_seconds_all") or []):
                t = inserts.get((r["run_id"], seq))
                if t is not None:
                    done.append(t - (r["started_at_ms"] + elapsed * 1000))
            if done:
                parts.append(f"run {r['run_id']}: min {min(done):.0f}, median {statistics.median(done):.0f}, max {max(done):.0f}")
        row("live", "BENCH_PG_LOG: INSERT of the interval logged − (started_at + elapsed), ms (the rest is push + client)",
            "; ".join(parts) or "no interval INSERT found in the log")
    row("live", "smallest latency of each run (Node, else browser on message), ms: the floor every interval pays", "; ".join(mins))
    row("live", "intervals per run: stored / received by the page socket",
        "; ".join(f"run {r['run_id']} {r['status']}: {r['intervals_stored']} / {len(r['browser_own_after_raf_ms'])}" for r in runs))
    foreign_row("live", "live")


# ---------------------------------------------------------------------------------------------

def section_auth():
    for r in rows_auth(OUT):
        row("auth", *r)
    foreign_row("auth", "auth-")


def section_signin():
    for r in rows_signin(OUT):
        row("signin", *r)
    foreign_row("signin", "signin-")


for s in ("startup", "list", "detail", "live", "auth", "signin"):
    if s in SECTIONS:
        try:
            globals()["section_" + s]()
        except Exception as e:  # a broken section must not hide the others
            row(s, "report error", f"{type(e).__name__}: {e}")

table = ["| section | measure | value | goal | result |", "|---|---|---|---|---|"]
for r in rows:
    table.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")

meta = open(path("meta.txt")).read().strip().splitlines() if exists("meta.txt") else []
doc = ["# Benchdeck server performance (bench/server/run.sh)", ""] + [f"- {l}" for l in meta] + [""] + table + [""]
with open(SUMMARY, "w") as f:
    f.write("\n".join(doc))
print("\n".join(table))
print(f"\n(written to {SUMMARY}; raw outputs in {OUT})")
