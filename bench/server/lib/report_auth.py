"""Rows of bench/server/run.sh's sections auth and signin (issue 11), for report.py.

Each function takes OUTDIR and returns (measure, value, goal, result) tuples. Standard library only.
"""

import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from results import parse_wrk  # noqa: E402

VARIANTS = (("before", "before security, no credentials"), ("token", "now, Bearer API token"),
            ("cookie", "now, session cookie"))


def _f(x, digits=2):
    return "n/a" if x is None else f"{x:,.{digits}f}"


def _rounds(out, variant, conns):
    runs = []
    for name in sorted(os.listdir(out)):
        m = re.fullmatch(rf"auth-{variant}-c{conns}-(\d+)\.txt", name)
        if m:
            w = parse_wrk(os.path.join(out, name))
            if w["ok"]:
                runs.append(w)
    return runs


def _median(runs, key):
    xs = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(xs) if xs else None


def _cpu(out, name):
    p = os.path.join(out, name + ".cpu")
    if not os.path.exists(p):
        return None
    wall, jvm, pg = open(p).read().split()
    return f"JVM {jvm}% + PostgreSQL {pg}%"


def rows_auth(out):
    rows = []
    meta = open(os.path.join(out, "auth-meta.txt")).read() if os.path.exists(os.path.join(out, "auth-meta.txt")) else ""
    totals = open(os.path.join(out, "auth-totals.txt")).read().split() if os.path.exists(os.path.join(out, "auth-totals.txt")) else []
    rows.append(("servers and URL", " ".join(meta.split()) + (f"; runs listed: {' '.join(totals)}" if totals else ""), "", ""))
    for conns, label in ((4, "wrk -t1 -c4 -d10s"), (1, "wrk -t1 -c1 -d5s (one at a time)")):
        stats = {}
        for variant, text in VARIANTS:
            runs = _rounds(out, variant, conns)
            stats[variant] = {k: _median(runs, k) for k in ("p50", "p99", "throughput")}
            stats[variant]["n"] = len(runs)
            stats[variant]["errors"] = sum(r["errors"] for r in runs)
            cpus = [_cpu(out, f"auth-{variant}-c{conns}-{i}") for i in range(1, len(runs) + 1)]
            s = stats[variant]
            rows.append((f"{label}, {text}: p50 / p99 ms, req/s (median of {s['n']} rounds), errors",
                         f"{_f(s['p50'])} / **{_f(s['p99'])}**, {_f(s['throughput'], 0)}, {s['errors']}; "
                         f"CPU {', '.join(c for c in cpus if c) or 'n/a'}", "", ""))
        base = stats["before"]
        for variant, text in VARIANTS[1:]:
            s = stats[variant]
            if base["p99"] is None or s["p99"] is None:
                rows.append((f"{label}: {text} vs before", "n/a", "Δp99 ≤ 1 ms", "n/a"))
                continue
            d99, d50 = s["p99"] - base["p99"], s["p50"] - base["p50"]
            ratio = s["throughput"] / base["throughput"] if base["throughput"] else None
            goal = conns == 4
            rows.append((f"{label}: {text} − before: Δp50 / **Δp99** ms (ratio p99), req/s ratio",
                         f"{d50:+.2f} / **{d99:+.2f}** ({s['p99'] / base['p99']:.2f}×), {_f(ratio)}×",
                         "Δp99 ≤ 1 ms" if goal else "",
                         ("OK" if d99 <= 1 and not s["errors"] else "MISSED") if goal else ""))
    return rows


def _storm(out, name):
    p = os.path.join(out, f"signin-{name}.tsv")
    if not os.path.exists(p):
        return None
    lines = open(p).read().splitlines()[1:]
    attempts = [line.split("\t") for line in lines]
    statuses = [a[2] for a in attempts]
    first = next((i for i, s in enumerate(statuses) if s == "429"), None)
    answered = [a for a in attempts if a[2] == "401"]
    others = sorted({s for s in statuses if s not in ("401", "429")})
    return {"n": len(attempts), "answered": len(answered), "limited": statuses.count("429"),
            "other": ", ".join(f"{statuses.count(s)}× {s}" for s in others) or "0",
            "before_limit": statuses[:first if first is not None else len(statuses)].count("401"),
            "first_limit_s": float(attempts[first][1]) if first is not None else None,
            "answered_p50": statistics.median([float(a[3]) for a in answered]) if answered else None,
            "limited_p50": statistics.median([float(a[3]) for a in attempts if a[2] == "429"]) if first is not None else None,
            "last_answered_s": float(answered[-1][1]) if answered else None}


def rows_signin(out):
    rows = []
    hashinfo = os.path.join(out, "signin-hash.txt")
    if os.path.exists(hashinfo):
        rows.append(("password hash, as stored (encoder id, algorithm, version, m = memory KiB, t = iterations, p = lanes)",
                     open(hashinfo).read().replace("encoder ", "").strip(), "", ""))
    cost = os.path.join(out, "signin-cost.json")
    if os.path.exists(cost):
        c = json.load(open(cost))
        hash_ms = c["right_p50"] - c["state_get_p50"] if c["right_p50"] and c["state_get_p50"] else None
        unknown = [s for s, _ in c["unknown"]]
        rows.append(("one sign-in, right password / unknown name (p50 of 20 each, sequential) / a GET without hash: ms",
                     f"{_f(c['right_p50'], 1)} / {_f(c['unknown_p50'], 1)} / {_f(c['state_get_p50'], 1)}; "
                     f"the hash's share ≈ **{_f(hash_ms, 1)} ms**; unknown names answered {unknown.count(401)}× 401, "
                     f"{unknown.count(429)}× 429",
                     "unknown ≈ right (no enumeration)", ""))
    for name, text in (("one-account", "1 account, 1 address"), ("one-account-100-addresses", "1 account, 100 addresses"),
                       ("100-accounts", "100 accounts, 1 address"), ("100-accounts-100-addresses", "100 accounts, 100 addresses")):
        s = _storm(out, name)
        if not s:
            continue
        meta = dict(line.split(" ", 1) for line in open(os.path.join(out, f"signin-{name}.meta")).read().splitlines())
        rows.append((f"{meta['attempts']} wrong passwords in {meta['seconds']} s, {text}: answered (401) before the first "
                     "429 / answered in all / 429 / other answers; first 429 at; p50 ms of a 401 / a 429; server CPU",
                     f"**{s['before_limit']}** / {s['answered']} / {s['limited']} / {s['other']}; "
                     f"{_f(s['first_limit_s'], 1)} s; {_f(s['answered_p50'], 1)} / {_f(s['limited_p50'], 1)}; "
                     f"{_cpu(out, 'signin-' + name) or 'n/a'} of a CPU", "", ""))
    return rows
