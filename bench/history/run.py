#!/usr/bin/env python3
"""Benchdeck history, comparison and report figures (issue 14), on a throw-away server.

    bench/history/run.py                  # every section, about 3-4 minutes
    bench/history/run.py history          # only some: history | report | compare
    bench/history/run.py --runs 200       # a smaller history

history  N completed runs (default 1,000) of one scenario stored through POST /runs/import, each a copy of a
         real run's result with its figures varied; the regression check of every stored run is timed by the
         server (timer benchdeck.regression.check on /actuator/prometheus): mean and p99 of the last 100
         (history of 900-1,000 runs). Then GET /scenarios/{id}/history (all N points) 20 times, and the
         History view opened 5 times in Chromium showing the newest 1,000 runs (?runs=1000) and 5 times as
         it opens by default (the newest 200): data arrived -> the trend chart drawn.
                                                    goals: check < 100 ms; trend view draws < 300 ms
report   a one-hour run (3,600 intervals, seeded by bench/server/lib/seed-long-run.sql) and its HTML report
         (GET /runs/{id}/report): size, and opened 5 times from a file:// URL: navigation -> load and drawn
                                                    goals: < 2 MB; draws < 1 s
compare  five one-hour runs: GET /comparisons?runs=... 5 times (the server's figures), and /compare?runs=...
         opened 5 times in Chromium: data arrived -> every chart drawn          goal: draws < 500 ms

Nothing leaves 127.0.0.1. Everything the script starts is stopped by its PID at the end (Ctrl-C included).
The table is printed and written to bench/out/history-summary.md; raw figures go to bench/out/history/.
Environment: BENCH_JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), CHROMIUM (default /usr/bin/chromium).
"""
import argparse
import copy
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from local import await_ready  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(REPO, "bench", "out", "history")
SUMMARY = os.path.join(REPO, "bench", "out", "history-summary.md")
JAR = os.path.join(REPO, "server", "target", "benchdeck-server.jar")
JAVA = os.path.join(os.environ.get("BENCH_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
USER = "bench"
PASSWORD = "a bench password that is long enough 5e1f"
SECTIONS = ["history", "report", "compare"]


def log(message):
    print(f"[bench-history {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The server jar on free ports with a data directory of its own, and an admin's token."""

    def __init__(self, root):
        self.data = os.path.join(root, "data")
        self.port, self.db_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.token = None

    def args(self):
        return [f"--benchdeck.data-dir={self.data}", f"--benchdeck.embedded-db.port={self.db_port}"]

    def start(self):
        self.log_file = open(os.path.join(OUT, "server.log"), "w")
        # the API's per-token rate limit stays in the path but must not refuse the benchmark's requests
        self.proc = subprocess.Popen([JAVA, "-jar", JAR, f"--server.port={self.port}", *self.args(),
                                      "--benchdeck.security.api.requests-per-second=1000000",
                                      "--benchdeck.security.api.burst=1000000"],
                                     stdout=self.log_file, stderr=subprocess.STDOUT)
        await_ready(self.proc, self.base, self.log_file.name)
        headless = [JAVA, "-jar", JAR]
        subprocess.run(headless + ["users", "add", USER, "--role", "admin"] + self.args(), input=PASSWORD + "\n",
                       text=True, check=True, capture_output=True)
        self.token = subprocess.run(headless + ["tokens", "create", "--user", USER, "--scopes", "read,run,admin", "--name", "bench"]
                                    + self.args(), text=True, check=True, capture_output=True).stdout.strip()
        log(f"server ready on {self.base}")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def call(self, method, path, body=None, raw=False):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as r:
                payload = r.read()
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{method} {path}: {e.code} {e.read().decode(errors='replace')[:2000]}") from None
        return payload if raw else json.loads(payload or b"null")

    def timed(self, method, path, body=None):
        t0 = time.perf_counter()
        payload = self.call(method, path, body, raw=True)
        return (time.perf_counter() - t0) * 1000, payload

    def psql(self, *args):
        env = dict(os.environ, PGPASSWORD=open(os.path.join(self.data, "pgdata.password")).read().strip())
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.db_port), "-U", "postgres", "-d", "postgres", "-X", "-q",
                               "-v", "ON_ERROR_STOP=1", *args], env=env, text=True, check=True, capture_output=True).stdout

    def check_timer(self):
        """(count, sum seconds, p99 seconds) of benchdeck.regression.check."""
        text = self.call("GET", "/actuator/prometheus", raw=True).decode()
        values = {}
        for line in text.splitlines():
            if line.startswith("benchdeck_regression_check_seconds"):
                name, value = line.rsplit(" ", 1)
                values[name] = float(value)
        return (values.get("benchdeck_regression_check_seconds_count", 0.0), values.get("benchdeck_regression_check_seconds_sum", 0.0),
                values.get('benchdeck_regression_check_seconds{quantile="0.99"}'))


def template_run(server):
    targets = server.call("GET", "/api/v1/targets")
    demo = next(t for t in targets if t["name"] == "Benchdeck demo endpoints")
    scenario = server.call("POST", "/api/v1/scenarios", {"name": "bench history", "target_id": demo["id"], "plan_yaml":
                           "workload: {driver: http, path: /hello}\nload: {users: 2, warmup: 1s, duration: 3s}\n"})
    run = server.call("POST", f"/api/v1/scenarios/{scenario['id']}/runs")
    for _ in range(600):
        state = server.call("GET", f"/api/v1/runs/{run['id']}")
        if state["status"] not in ("queued", "running"):
            break
        time.sleep(0.1)
    if state["status"] != "completed":
        raise SystemExit(f"the template run ended {state['status']}")
    return scenario["id"], run["id"], server.call("GET", f"/api/v1/runs/{run['id']}/result")


def varied(result, i, base_millis):
    """The template with run i's times and figures: a slow wave on throughput and p99, so the trend has a shape."""
    doc = copy.deepcopy(result)
    wave = 1 + 0.05 * ((i * 7919) % 13 - 6) / 6
    doc["started_at_millis"] = base_millis + i * 600_000
    doc["ended_at_millis"] = doc["started_at_millis"] + 4000
    for step in doc["steps"] + [doc["overall"]]:
        step["throughput"] = step["throughput"] * wave
        for dist in step.get("latencies", {}).values():
            summary = dist.get("summary") or {}
            for key in ("p50", "p90", "p95", "p99"):
                if isinstance(summary.get(key), (int, float)):
                    summary[key] = summary[key] / wave
    doc["labels"] = {"branch": "main", "commit": f"{i:07x}"}
    doc["intervals"] = []  # a history point needs the steps only
    return doc


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def browser(*args):
    out = subprocess.run(["node", os.path.join(HERE, "browser.mjs"), *args], text=True, capture_output=True,
                         env=dict(os.environ, REPO=REPO))
    if out.returncode != 0:
        raise SystemExit(f"browser.mjs {args[0]} failed: {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sections", nargs="*", choices=SECTIONS + [[]], default=[])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--iterations", type=int, default=5)
    opts = parser.parse_args()
    sections = opts.sections or SECTIONS
    for tool in ("psql", "node"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing")
    if not os.path.exists(JAR):
        raise SystemExit(f"{JAR} is missing (build the server first: ./mvnw -pl server -am package -DskipTests)")
    os.makedirs(OUT, exist_ok=True)
    root = tempfile.mkdtemp(prefix="benchdeck-bench-history.")
    server = Server(root)
    rows = []

    def stop(*_):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    try:
        server.start()
        scenario, template_id, result = template_run(server)
        if "history" in sections:
            n = opts.runs
            log(f"storing {n} runs through /runs/import")
            base_millis = int(time.time() * 1000) - (n + 1) * 600_000
            client_ms, before = [], None
            for i in range(n):
                if i == n - 100:
                    before = server.check_timer()
                ms, _ = server.timed("POST", "/api/v1/runs/import", {"result": varied(result, i, base_millis), "scenario_id": scenario})
                client_ms.append(ms)
            after = server.check_timer()
            checks = after[0] - before[0]
            mean_check = (after[1] - before[1]) / checks * 1000 if checks else float("nan")
            p99_check = after[2] * 1000 if after[2] is not None else None
            rows.append((f"regression check of a stored run, history of {n - 100}-{n} runs: mean / p99 (server timer)",
                         f"{mean_check:.1f} / {p99_check:.1f} ms" if p99_check is not None else f"{mean_check:.1f} ms", "< 100 ms"))
            rows.append(("  same, the whole upload (HTTP, storage and check), last 100: p50 / p99",
                         f"{pct(client_ms[-100:], 0.5):.1f} / {pct(client_ms[-100:], 0.99):.1f} ms", ""))
            history_ms = []
            for _ in range(20):
                ms, payload = server.timed("GET", f"/api/v1/scenarios/{scenario}/history?limit=1000")
                history_ms.append(ms)
            points = max(len(step["points"]) for step in json.loads(payload)["steps"])
            open(os.path.join(OUT, "history.json"), "wb").write(payload)
            rows.append((f"GET /scenarios/{{id}}/history, {points} points per step ({len(payload) // 1024} KB): p50 / max of 20",
                         f"{pct(history_ms, 0.5):.1f} / {max(history_ms):.1f} ms", ""))
            for shown, query in ((min(n + 1, 1000), "?runs=1000"), (min(n + 1, 200), "")):
                view = browser("page", server.base, f"/scenarios/{scenario}/history{query}", f"/api/v1/scenarios/{scenario}/history",
                               "1", str(opts.iterations), USER, PASSWORD, os.path.join(OUT, f"history-view-{shown}.json"))
                rows.append((f"History view, {shown} of {n + 1} runs drawn{' (the default)' if not query else ''}:"
                             f" data arrived -> trend drawn, median of {opts.iterations}", f"{view['median_draw_ms']:.0f} ms",
                             "< 300 ms" if query else ""))
                rows.append(("  same, navigation start -> trend drawn", f"{view['median_charts_drawn_ms']:.0f} ms", ""))
        long_runs = []
        if "report" in sections or "compare" in sections:
            count = 5 if "compare" in sections else 1
            sql = os.path.join(REPO, "bench", "server", "lib", "seed-long-run.sql")
            for _ in range(count):
                long_runs.append(int(server.psql("-At", "-v", f"template={template_id}", "-f", sql).strip().splitlines()[-1]))
            log(f"seeded one-hour runs {long_runs}")
        if "report" in sections:
            ms, html = server.timed("GET", f"/api/v1/runs/{long_runs[0]}/report")
            path = os.path.join(OUT, "one-hour-report.html")
            open(path, "wb").write(html)
            shown = browser("file", path, str(opts.iterations), os.path.join(OUT, "report-view.json"))
            rows.append(("HTML report of a one-hour run: size", f"{len(html) / 1e6:.2f} MB", "< 2 MB"))
            rows.append((f"  opened from a file: navigation -> drawn (load event), median of {opts.iterations}",
                         f"{shown['median_drawn_ms']:.0f} ms ({shown['median_load_ms']:.0f} ms)", "< 1 s"))
            rows.append(("  the server's time to write it", f"{ms:.0f} ms", ""))
        if "compare" in sections:
            ids = ",".join(map(str, long_runs))
            compare_ms = [server.timed("GET", f"/api/v1/comparisons?runs={ids}")[0] for _ in range(5)]
            rows.append(("GET /comparisons of five one-hour runs: median of 5", f"{statistics.median(compare_ms):.0f} ms", ""))
            view = browser("page", server.base, f"/compare?runs={ids}", "/api/v1/comparisons", "1", str(opts.iterations),
                           USER, PASSWORD, os.path.join(OUT, "compare-view.json"))
            rows.append((f"comparison page, five one-hour runs: data arrived -> charts drawn, median of {opts.iterations}",
                         f"{view['median_draw_ms']:.0f} ms", "< 500 ms"))
            rows.append(("  same, navigation start -> charts drawn", f"{view['median_charts_drawn_ms']:.0f} ms", ""))
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    table = ["| measure | value | goal |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], text=True, capture_output=True).stdout.strip()
    text = f"bench/history/run.py {' '.join(sys.argv[1:])} — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}\n\n" \
        + "\n".join(table) + "\n"
    open(SUMMARY, "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
