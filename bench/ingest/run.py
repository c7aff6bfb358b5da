#!/usr/bin/env python3
"""The ingestor's benchmarks, in one run, against one PostgreSQL (the embedded one `benchdeck ingestor` starts):

  bench/ingest/run.py                 # both queues (postgres, redis)
  QUEUES=postgres bench/ingest/run.py
  SMALL=1 bench/ingest/run.py         # a smoke test: small sizes, short runs

For each queue:
  ceiling   raw COPY of ROWS rows into a table shaped like `messages` (same primary key and index), then the
            ingestor end to end with NDJSON batches of 500 (wrk): rows/s stored; the ratio of the two
  single    single-message HTTP publishes (one JSON object per POST, wrk, 64 connections): 202/s sustained,
            and whether the workers kept up (backlog drained within 2 s of the end)
  burst     POST /simulate {count: 500}: time from the request until all 500 rows are committed (stats polled
            every 2 ms), median of 5
Before each measurement the script waits (up to BENCH_QUIET_WAIT s) for other processes to use under 10 % of a CPU;
foreign CPU is recorded each second (bench/lib/foreign_cpu.py) and a measurement it exceeded 10 % in is marked
NOT VALID. Outputs in bench/out/ingest/ (gitignored); the summary is printed and kept in summary.txt.
"""

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(BENCH, "out", "ingest")
sys.path.insert(0, os.path.join(BENCH, "lib"))
from local import cli_jar, free_port, java  # noqa: E402
from results import foreign_cpu, parse_wrk  # noqa: E402

SMALL = os.environ.get("SMALL") == "1"
ROWS = 50_000 if SMALL else 500_000
DURATION = "4s" if SMALL else "15s"
QUEUES = os.environ.get("QUEUES", "postgres redis").split()
QUIET_WAIT = os.environ.get("BENCH_QUIET_WAIT", "30")
PROCS = []


def log(msg):
    print(f"[bench-ingest {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, json.loads(body) if body else None


def quiet():
    subprocess.run([sys.executable, os.path.join(BENCH, "lib", "foreign_cpu.py"), "quiet", str(os.getpid()), PGDATA, QUIET_WAIT],
                   stdout=subprocess.DEVNULL)


def span(label, start, end):
    with open(os.path.join(OUT, "timeline.txt"), "a") as f:
        f.write(f"{label} {start} {end}\n")


def validity(label):
    f = foreign_cpu(OUT, label)
    if f is None:
        return ""
    return "" if f["max"] < 10 else " (NOT VALID: foreign CPU up to %.0f%%, %s)" % (f["max"], f["top"])


def psql(port, password, sql, stdin=None):
    env = dict(os.environ, PGPASSWORD=password)
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                           "-qAtc", sql], env=env, check=True, capture_output=True, text=True, stdin=stdin).stdout.strip()


def drained(port, expect_total, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        _, s = get(port, "/stats")
        q = s["queue"]
        if s["total_messages"] >= expect_total and q.get("waiting") == 0 and q.get("unacknowledged") == 0:
            return time.time(), s
        time.sleep(0.002)
    return None, get(port, "/stats")[1]


def wrk(port, batch, connections, label):
    quiet()
    start = time.time()
    out = subprocess.run(["wrk", "-t1", "--latency", f"-c{connections}", f"-d{DURATION}", "-s", os.path.join(BENCH, "ingest", "publish.lua"),
                          f"http://127.0.0.1:{port}"], env=dict(os.environ, BATCH=str(batch), TAG=label), capture_output=True, text=True, check=True).stdout
    end = time.time()
    path = os.path.join(OUT, f"wrk-{label}.txt")
    with open(path, "w") as f:
        f.write(out)
    # the one wrk parser of bench/ (lib/results.py)
    parsed = parse_wrk(path)
    if not parsed["ok"]:
        sys.exit(f"wrk {label}: {parsed['error']} in {path}")
    p99 = f"{parsed['p99']:.2f} ms" if "p99" in parsed else "?"
    return start, end, parsed["throughput"], parsed["requests"], parsed.get("non_2xx", 0), p99


def run_queue(queue, jar, summary):
    port = free_port()
    args = [java(), "-XX:+UseParallelGC", "-Duser.home=" + HOME, "-jar", jar, "ingestor", "--port", str(port)]
    redis = None
    if queue == "redis":
        rport = free_port()
        rdir = os.path.join(OUT, "redis")
        os.makedirs(rdir, exist_ok=True)
        redis = subprocess.Popen(["redis-server", "--port", str(rport), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
                                  "--appendfsync", "everysec", "--dir", rdir], stdout=open(os.path.join(OUT, "redis.log"), "w"), stderr=subprocess.STDOUT)
        PROCS.append(redis)
        time.sleep(0.5)
        args += ["--redis", f"redis://127.0.0.1:{rport}"]
    env = dict(os.environ, HOME=HOME)
    ing = subprocess.Popen(args, env=env, stdout=open(os.path.join(OUT, f"ingestor-{queue}.log"), "w"), stderr=subprocess.STDOUT)
    PROCS.append(ing)
    for _ in range(600):
        try:
            if get(port, "/health")[0] == 200:
                break
        except OSError:
            pass
        if ing.poll() is not None:
            sys.exit(f"the ingestor ended; see {OUT}/ingestor-{queue}.log")
        time.sleep(0.1)
    pg = os.path.join(HOME, ".benchdeck", "ingestor-postgres")
    pgport = int(next(l.split("=", 1)[1] for l in open(os.path.join(pg, "pgdata.port")) if l.startswith("port=")))
    password = open(os.path.join(pg, "pgdata.password")).read().strip()
    psql(pgport, password, "TRUNCATE messages; DROP TABLE IF EXISTS raw_copy; CREATE TABLE raw_copy (LIKE messages INCLUDING ALL)")

    # ceiling: raw COPY of the same rows
    rows = os.path.join(OUT, "rows.tsv")
    quiet()
    t0 = time.time()
    with open(rows) as f:
        psql(pgport, password, "COPY raw_copy (id, user_id, channel_id, content, created_at, inserted_at) FROM STDIN", stdin=f)
    t1 = time.time()
    span(f"{queue}-copy", t0, t1)
    copy_rate = ROWS / (t1 - t0)
    psql(pgport, password, "DROP TABLE raw_copy")

    # the ingestor end to end, NDJSON batches of 500
    _, before = get(port, "/stats")
    s0, s1, rps, reqs, non2xx, _ = wrk(port, 500, 8, f"{queue}-batched")
    done_at, after = drained(port, before["total_messages"] + (reqs - non2xx) * 500, 120)
    span(f"{queue}-batched", s0, done_at or time.time())
    stored = after["total_messages"] - before["total_messages"]
    e2e_rate = stored / ((done_at or time.time()) - s0)

    # single-message publishes
    before = after
    s0, s1, rps1, reqs1, non2xx1, p99 = wrk(port, 1, 64, f"{queue}-single")
    done1, after1 = drained(port, before["total_messages"] + reqs1 - non2xx1, 60)
    span(f"{queue}-single", s0, s1)
    kept_up = done1 is not None and done1 - s1 <= 2.0
    lag = (done1 - s1) if done1 else float("nan")

    # 500-message bursts
    drains = []
    quiet()
    b0 = time.time()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(5):
        time.sleep(0.5)
        _, s = get(port, "/stats")
        target = s["total_messages"] + 500
        t = time.time()
        c.request("POST", "/simulate", body='{"count":500}', headers={"Content-Type": "application/json"})
        c.getresponse().read()
        while True:
            c.request("GET", "/stats")
            st = json.loads(c.getresponse().read())
            if st["total_messages"] >= target:
                break
            time.sleep(0.002)
        drains.append((time.time() - t) * 1000)
    c.close()
    span(f"{queue}-burst", b0, time.time())
    drains.sort()
    _, final = get(port, "/stats")

    lines = [
        f"queue {queue}" + (" (Redis appendfsync everysec)" if queue == "redis" else " (PostgreSQL table, same database)"),
        f"  raw COPY of {ROWS} rows:            {copy_rate:10.0f} rows/s{validity(queue + '-copy')}",
        f"  end to end, NDJSON batches of 500: {e2e_rate:10.0f} rows/s stored ({stored} rows, publish {rps * 500:.0f} msg/s, {non2xx} non-202)"
        f"{validity(queue + '-batched')}",
        f"  ratio end to end / raw COPY:       {e2e_rate / copy_rate:10.2f}",
        f"  single-message POSTs, 64 conns:    {rps1:10.0f} msg/s (202/s), p99 {p99}, {non2xx1} non-202, "
        f"backlog drained {lag:.2f} s after the end{'' if kept_up else ' (workers did NOT keep up)'}{validity(queue + '-single')}",
        f"  500-message burst drain:           {drains[len(drains) // 2]:10.1f} ms median (of {', '.join('%.0f' % d for d in drains)} ms)"
        f"{validity(queue + '-burst')}",
        f"  batch write p50/p99 {final['batch_write_ms']['p50']}/{final['batch_write_ms']['p99']} ms, mean batch {final['mean_batch_size']},"
        f" e2e latency p50/p95/p99 {final['e2e_latency_ms']['p50']}/{final['e2e_latency_ms']['p95']}/{final['e2e_latency_ms']['p99']} ms",
    ]
    summary.extend(lines)
    for l in lines:
        log(l)
    ing.send_signal(signal.SIGTERM)
    ing.wait(60)
    if redis:
        redis.terminate()
        redis.wait(10)


def main():
    global HOME, PGDATA
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    open(os.path.join(OUT, "timeline.txt"), "w").close()
    HOME = os.path.join(OUT, "home")
    PGDATA = os.path.join(HOME, ".benchdeck", "ingestor-postgres", "pgdata")
    jar = cli_jar(log)
    now = time.time()
    with open(os.path.join(OUT, "rows.tsv"), "w") as f:
        for i in range(ROWS):
            f.write(f"raw-{i}\t{i % 10000}\t{i % 100}\tbenchmark message {i}\t2026-01-01T00:00:00Z\t2026-01-01T00:00:01Z\n")
    monitor = subprocess.Popen([sys.executable, os.path.join(BENCH, "lib", "foreign_cpu.py"), "monitor", str(os.getpid()), PGDATA,
                                os.path.join(OUT, "foreign-cpu.txt")])
    PROCS.append(monitor)
    summary = [f"bench/ingest/run.py on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}"]
    try:
        for q in QUEUES:
            run_queue(q, jar, summary)
    finally:
        for p in PROCS:
            if p.poll() is None:
                p.terminate()
    with open(os.path.join(OUT, "summary.txt"), "w") as f:
        f.write("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
