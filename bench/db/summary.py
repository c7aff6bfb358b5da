#!/usr/bin/env python3
"""Prints the Markdown table of bench/db/run.sh from its results.tsv (medians over rounds, ratios)."""
import statistics
import sys


def kv(fields):
    out = {}
    for f in fields:
        if "=" in f:
            k, v = f.split("=", 1)
            out[k] = v
    return out


def tps_and_avg(rounds):
    """Median TPS and median average latency (ms) over a tool's rounds."""
    return (statistics.median(float(x["tps"]) for x in rounds),
            statistics.median(float(x["avg_ms"]) for x in rounds))


def main(path):
    rows = [line.split() for line in open(path) if line.strip()]
    lines = []
    load = {"pgbench": [], "benchdeck": []}
    for r in rows:
        if r[0] == "load":
            fields = kv(r[3:])
            if r[1] == "pgbench":
                own = float(fields["pgbench_total_s"])
                detail = fields.get("phases", "").replace("_s,_", " s, ").replace("_", " ")
            else:
                phases = [p.split(":") for p in fields.get("phases", "").split(",") if ":" in p]
                own = sum(float(sec) for _, sec in phases)
                detail = ", ".join("%s %s s" % (name, sec) for name, sec in phases)
            load[r[1]].append((float(r[2]), own, detail))
    if load["pgbench"] and load["benchdeck"]:
        pw = statistics.median(x[0] for x in load["pgbench"])
        po = statistics.median(x[1] for x in load["pgbench"])
        bw = statistics.median(x[0] for x in load["benchdeck"])
        bo = statistics.median(x[1] for x in load["benchdeck"])
        lines += ["## Loading 1,000,000 rows (median of %d rounds)" % len(load["benchdeck"]), "",
                  "Own time: what the tool reports for its setup (pgbench's 'done in', Benchdeck's setup phases). "
                  "Wall: the whole command, process start (for Benchdeck the JVM) included.", "",
                  "| tool | own s | wall s | phases (first round) |", "|---|---:|---:|---|",
                  "| pgbench -i -s 10 | %.2f | %.2f | %s |" % (po, pw, load["pgbench"][0][2]),
                  "| Benchdeck setup (recreate) | %.2f | %.2f | %s |" % (bo, bw, load["benchdeck"][0][2]),
                  "", "Ratio own time %.2f, wall %.2f (goal <= 1.5: %s)" % (
                      bo / po, bw / pw, "met" if bo / po <= 1.5 else "NOT met"), ""]
    sel = {"pgbench": [], "benchdeck": []}
    for r in rows:
        if r[0] == "select":
            sel[r[1]].append(kv(r[2:]))
    if sel["pgbench"] and sel["benchdeck"]:
        pt, pa = tps_and_avg(sel["pgbench"])
        bt, ba = tps_and_avg(sel["benchdeck"])
        def cpu_us(x):
            # client CPU per operation: the process's CPU over the operations of its whole run (warm-up included for Benchdeck)
            if "cpu_s" not in x:
                return "?"
            ops = float(x["tps"]) * float(x["seconds"])
            return "%.1f" % (float(x["cpu_s"]) / ops * 1e6)
        lines += ["## Select-only, 8 clients, prepared, 15 s (median of %d rounds)" % len(sel["benchdeck"]), "",
                  "| tool | TPS | avg ms | Little's law avg ms (8 / TPS) | client CPU µs/op (rounds) | rounds (TPS) |",
                  "|---|---:|---:|---:|---|---|",
                  "| pgbench -S -c 8 -j 2 -M prepared | %.0f | %.3f | %.3f | %s | %s |" % (pt, pa, 8000 / pt,
                      ", ".join(cpu_us(x) for x in sel["pgbench"]), ", ".join(x["tps"] for x in sel["pgbench"])),
                  "| Benchdeck point_select, 8 users | %.0f | %.3f | %.3f | %s | %s |" % (bt, ba, 8000 / bt,
                      ", ".join(cpu_us(x) for x in sel["benchdeck"]), ", ".join(x["tps"] for x in sel["benchdeck"])),
                  "", "TPS ratio %.2f (goal >= 0.90: %s); average latency %+.1f %% (goal within 10 %%: %s)" % (
                      bt / pt, "met" if bt / pt >= 0.9 else "NOT met", (ba - pa) / pa * 100,
                      "met" if abs(ba - pa) / pa <= 0.10 else "NOT met"), ""]
    rate = {"pgbench": [], "benchdeck": []}
    for r in rows:
        if r[0] == "rate":
            rate[r[1]].append(kv(r[2:]))
    if rate["pgbench"] and rate["benchdeck"]:
        pt, pa = tps_and_avg(rate["pgbench"])
        bt, ba = tps_and_avg(rate["benchdeck"])
        lines += ["## Select-only at a fixed 5,000/s (Poisson), 8 connections, 15 s (median of %d rounds)" % len(rate["benchdeck"]),
                  "", "Latency from each operation's scheduled start in both tools.", "",
                  "| tool | TPS | avg ms | rounds (avg ms) |", "|---|---:|---:|---|",
                  "| pgbench -S -c 8 -j 2 -M prepared -R 5000 | %.0f | %.3f | %s |" % (pt, pa, ", ".join(x["avg_ms"] for x in rate["pgbench"])),
                  "| Benchdeck open model, rate 5000, pool of 8 connections | %.0f | %.3f | %s |" % (bt, ba, ", ".join(x["avg_ms"] for x in rate["benchdeck"])),
                  "", "Average latency %+.1f %% at the same load (goal within 10 %%: %s)" % (
                      (ba - pa) / pa * 100, "met" if abs(ba - pa) / pa <= 0.10 else "NOT met"), ""]
    sweep_pg = {}
    sweep_bd = {}
    for r in rows:
        if r[0] == "sweep" and r[1].startswith("pgbench-"):
            sweep_pg[r[1].split("-")[1]] = kv(r[2:])
        elif r[0] == "sweep" and r[1] == "benchdeck":
            for item in kv(r[2:])["steps"].split(","):
                users, tps, avg, p95, p99, errors = item.split(":")
                sweep_bd[users] = dict(tps=tps, avg=avg, p95=p95, p99=p99, errors=errors)
    if sweep_pg and sweep_bd:
        lines += ["## Select-only sweep, 10 s per client count", "",
                  "| clients | pgbench TPS | pgbench avg ms | Benchdeck TPS | Benchdeck avg ms | Benchdeck p95 / p99 ms | TPS ratio |",
                  "|---:|---:|---:|---:|---:|---|---:|"]
        for c in sorted(sweep_pg, key=int):
            p, b = sweep_pg[c], sweep_bd.get(c)
            if b:
                lines.append("| %s | %.0f | %.3f | %.0f | %.3f | %s / %s | %.2f |" % (
                    c, float(p["tps"]), float(p["avg_ms"]), float(b["tps"]), float(b["avg"]), b["p95"], b["p99"],
                    float(b["tps"]) / float(p["tps"])))
        lines.append("")
    connect = {"pgbench": [], "benchdeck": []}
    for r in rows:
        if r[0] == "connect":
            phases = dict(p.split(":") for p in kv(r[2:]).get("phases", "").split(",") if ":" in p)
            if "connect" in phases:
                connect[r[1]].append(float(phases["connect"]))
    if connect["pgbench"] and connect["benchdeck"]:
        pc = statistics.median(connect["pgbench"])
        bc = statistics.median(connect["benchdeck"])
        lines += ["## Opening 500 connections, SCRAM-SHA-256 logins (median of %d rounds)" % len(connect["benchdeck"]), "",
                  "| tool | seconds | rounds |", "|---|---:|---|",
                  "| pgbench -S -c 500 -j 2 (initial connection time) | %.2f | %s |" % (pc, ", ".join("%.2f" % x for x in connect["pgbench"])),
                  "| Benchdeck pool of 500 (setup phase connect) | %.2f | %s |" % (bc, ", ".join("%.2f" % x for x in connect["benchdeck"])),
                  "", "Ratio %.2f; Benchdeck %.2f s (goal < 3 s: %s)" % (bc / pc, bc, "met" if bc < 3 else "NOT met"), ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1])
