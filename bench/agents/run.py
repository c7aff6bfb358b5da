#!/usr/bin/env python3
"""Load agents (issue 17), on a throw-away server, 127.0.0.1 only.

    bench/agents/run.py                  # both sections, about 15 minutes with ROUNDS=2
    bench/agents/run.py split            # only some: split | fanin
    ROUNDS=1 SPLIT_SECONDS=20 bench/agents/run.py split

split  nginx (one worker, a 100-byte file) on CPU 0 with the server; the load generators on CPU 1. The same
       open-model plan at a combined 3,000 req/s (5 s warm-up, SPLIT_SECONDS measured, default 30) run
       (a) with `agents: 3` over three `benchdeck agent` processes, (b) as one `benchdeck run` process (the CLI:
       the same engine in a JVM of its own with the same flags; the fairest single process), and (c) with
       `agents: 1` on one of the agents (through the server, not split). Arrivals: `constant` (the default a
       user gets) and `poisson` (whose merge over 3 agents is again a Poisson stream of the same rate), in
       turn, ROUNDS times (default 2). Ratios of (a) to (b), medians over rounds.
                                                  goals: p50 and p99 within 5 %, achieved rate within 1 %
fanin  bench/agents/SimulatedAgents.java: 50 agents in one JVM speaking the real protocol with the CLI's
       AgentClient, each streaming one interval a second (200 req/s of synthetic outcomes in the engine's
       StepRecorder: compressed latency and lag histograms, as the real agent sends) for FANIN_SECONDS
       (default 60); the server's JVM CPU and its PostgreSQL's from /proc, and a WebSocket subscribed to the
       run: last agent began sending interval n -> merged interval n on the socket.   goal: p95 < 250 ms

Everything started here is stopped by its PID at the end (Ctrl-C included). The table is printed and written to
bench/out/agents-summary.md; raw figures go to bench/out/agents/. The machines are noisy 2-core boxes: compare
within one run only. Environment: BENCH_JAVA_HOME (default: bin/find-java.sh's JDK), ROUNDS, SPLIT_SECONDS,
SPLIT_RATE (3000), FANIN_AGENTS (50), FANIN_SECONDS (60), FANIN_RATE_PER_AGENT (200), SERVER_CPU (0), LOAD_CPU (1),
API_LIMIT_DEFAULT=1 (keep the server's default per-token API limit, 50 requests/s: 50 agents on one token exceed it).
"""
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "bench", "lib"))
import foreign_cpu  # noqa: E402
from local import await_ready, free_port  # noqa: E402

OUT = os.path.join(REPO, "bench", "out", "agents")
SUMMARY = os.path.join(REPO, "bench", "out", "agents-summary.md")
SERVER_JAR = os.path.join(REPO, "server", "target", "benchdeck-server.jar")
CLI_JAR = os.path.join(REPO, "cli", "target", "benchdeck.jar")
SECTIONS = ["split", "fanin"]
SERVER_CPU = os.environ.get("SERVER_CPU", "0")
LOAD_CPU = os.environ.get("LOAD_CPU", "1")
ROUNDS = int(os.environ.get("ROUNDS", "2"))
SPLIT_SECONDS = int(os.environ.get("SPLIT_SECONDS", "30"))
SPLIT_RATE = int(os.environ.get("SPLIT_RATE", "3000"))
HZ = os.sysconf("SC_CLK_TCK")


def java_home():
    if os.environ.get("BENCH_JAVA_HOME"):
        return os.environ["BENCH_JAVA_HOME"]
    return subprocess.check_output(["bash", "-c", f". {REPO}/bin/find-java.sh >/dev/null; echo $BENCHDECK_JAVA_HOME"], text=True).strip()


JAVA = os.path.join(java_home(), "bin", "java")
# what ./benchdeck gives the CLI (and so every agent): the launcher's defaults
CLI_FLAGS = ["-XX:+UseParallelGC", "-XX:-OmitStackTraceInFastThrow"]
STARTED = []  # every process we start, stopped by PID at the end


def log(message):
    print(f"[bench-agents {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def start(args, logfile, cpu=None, env=None):
    if cpu is not None:
        args = ["taskset", "-c", cpu] + args
    proc = subprocess.Popen(args, stdout=open(logfile, "w"), stderr=subprocess.STDOUT, env=env)
    STARTED.append(proc)
    return proc


def stop(proc, sig=signal.SIGTERM, wait=60):
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def ticks(pids):
    procs = foreign_cpu.processes()
    return sum(procs[p]["ticks"] for p in pids if p in procs)


class Server:
    """The server jar on free ports with its own data directory (embedded PostgreSQL) and a user with a run token."""

    def __init__(self, root):
        self.data = os.path.join(root, "data")
        self.port, self.db_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = None

    def args(self):
        return [f"--benchdeck.data-dir={self.data}", f"--benchdeck.embedded-db.port={self.db_port}"]

    def start(self):
        # as bench/server and bench/history: the per-token API limit stays in the path but must not refuse the
        # benchmark (50 agents on one token send 100 requests a second; the default allows 50, see docs/benchmarks.md)
        # (API_LIMIT_DEFAULT=1 keeps the default, to see what agents sharing one token meet)
        limits = [] if os.environ.get("API_LIMIT_DEFAULT") == "1" else [
            "--benchdeck.security.api.requests-per-second=1000000", "--benchdeck.security.api.burst=1000000"]
        self.proc = start([JAVA, "-jar", SERVER_JAR, f"--server.port={self.port}", *self.args(), *limits],
                          os.path.join(OUT, "server.log"), cpu=SERVER_CPU)
        await_ready(self.proc, self.base, os.path.join(OUT, "server.log"))
        headless = [JAVA, "-jar", SERVER_JAR]
        subprocess.run(headless + ["users", "add", "bench-agents", "--role", "editor"] + self.args(),
                       input="a bench password for the agents 7c2d\n", text=True, check=True, capture_output=True)
        # the token a user makes for agents: scope run (docs/agents.md)
        self.token = subprocess.run(headless + ["tokens", "create", "--user", "bench-agents", "--scopes", "read,run", "--name", "agents"]
                                    + self.args(), text=True, check=True, capture_output=True).stdout.strip()
        log(f"server ready on {self.base} (pid {self.proc.pid})")

    def postgres_pids(self):
        procs = foreign_cpu.processes()
        # the server's own command line names the data directory too
        return foreign_cpu.ours(-1, self.data, procs) - {-1, self.proc.pid}

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as r:
                return json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{method} {path}: {e.code} {e.read().decode(errors='replace')[:2000]}") from None

    def run_scenario(self, scenario_id, timeout):
        run = self.call("POST", f"/api/v1/scenarios/{scenario_id}/runs")
        deadline = time.time() + timeout
        while time.time() < deadline:
            time.sleep(1)
            run = self.call("GET", f"/api/v1/runs/{run['id']}")
            if run["status"] in ("completed", "failed", "cancelled"):
                break
        return run


def figures(result):
    """p50, p99 (ms), achieved rate, requests, dropped and schedule-lag p99 (ms) of a RunResult's overall figures."""
    overall = result.get("overall") or {}
    latency = overall.get("latencies", {}).get("latency", {}).get("summary", {})
    lag = overall.get("latencies", {}).get("schedule_lag", {}).get("summary", {})
    p99s = [i["p99"] for i in result.get("intervals", []) if i.get("phase") == "measure" and i.get("p99") is not None]
    return {"status": result.get("status"), "p50": latency.get("p50"), "p99": latency.get("p99"), "p999": latency.get("p999"),
            "rate": overall.get("throughput"), "requests": overall.get("requests"), "errors": overall.get("errors"),
            "dropped": overall.get("dropped"), "lag_p99": lag.get("p99"), "seconds": overall.get("measured_seconds"),
            # one stalled second (another process on the core) is 3,000 samples, more than the run's 1 %: the median
            # over the measured seconds of each second's p99 (merged histograms for agents) says what a typical second had
            "p99_typical": statistics.median(p99s) if p99s else None}


def foreign_during(t0, t1):
    xs = []
    try:
        for line in open(os.path.join(OUT, "foreign-cpu.txt")):
            parts = line.split()
            if len(parts) > 1 and t0 < float(parts[0]) <= t1 + 0.5:
                xs.append(float(parts[1]))
    except OSError:
        pass
    return round(sum(xs) / len(xs)) if xs else None


def wait_quiet(root):
    waited, pct, top = subprocess.check_output([sys.executable, os.path.join(REPO, "bench", "lib", "foreign_cpu.py"), "quiet",
                                                str(os.getpid()), root, os.environ.get("BENCH_QUIET_WAIT", "20")], text=True).split()
    if int(pct) >= 10:
        log(f"other processes still use {pct}% of a CPU ({top}) after {waited} s: measuring anyway")


# ---------------------------------------------------------------------------------------------------------------
# split: three agents vs one process

def plan_yaml(arrival, agents=None, url=None):
    lines = []
    if url:
        lines += [f"name: split {arrival} one process", "target:", f"  url: {url}"]
    lines += ["workload: {driver: http, path: /100b.txt}",
              f"load: {{model: open, arrival: {arrival}, rate: {SPLIT_RATE}, warmup: 5s, duration: {SPLIT_SECONDS}s}}"]
    if agents:
        lines.append(f"agents: {{count: {agents}, labels: {{pool: split}}}}")
    return "\n".join(lines) + "\n"


def section_split(server, root):
    nginx_port = free_port()
    prefix = os.path.join(root, "nginx")
    nginx = start([os.path.join(REPO, "bench", "nginx", "start-nginx.sh"), str(nginx_port)], os.path.join(OUT, "nginx.log"),
                  cpu=SERVER_CPU, env=dict(os.environ, NGINX_PREFIX=prefix))
    url = f"http://127.0.0.1:{nginx_port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/100b.txt", timeout=1).read()
            break
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    target = server.call("POST", "/api/v1/targets", {"name": "nginx 100b", "kind": "http", "url": url})
    agents = []
    for i in range(3):
        agents.append(start([JAVA, *CLI_FLAGS, "-jar", CLI_JAR, "agent", "--server", server.base, "--name", f"split-{i}",
                             "--label", "pool=split"], os.path.join(OUT, f"agent-{i}.log"), cpu=LOAD_CPU,
                            env=dict(os.environ, BENCHDECK_AGENT_TOKEN=server.token)))
    deadline = time.time() + 60
    while sum(1 for a in server.call("GET", "/api/v1/agents") if a["name"].startswith("split-") and a["online"]) < 3:
        if time.time() > deadline:
            raise SystemExit(f"the 3 agents did not come online (logs: {OUT}/agent-*.log)")
        time.sleep(0.5)
    log(f"nginx on {url} (CPU {SERVER_CPU}), 3 agents online (CPU {LOAD_CPU})")

    scenarios = {}
    for arrival in ("constant", "poisson"):
        for n in (3, 1):
            scenarios[(arrival, n)] = server.call("POST", "/api/v1/scenarios", {"name": f"split {arrival} agents {n}", "target_id": target["id"],
                                                                                 "plan_yaml": plan_yaml(arrival, agents=n)})["id"]
        with open(os.path.join(OUT, f"split-{arrival}-cli.yaml"), "w") as f:
            f.write(plan_yaml(arrival, url=url))
    # the agents are long-lived: a first, discarded run JIT-compiles them (a CLI run warms up in its warm-up)
    log("split: discarded warm-up run over the 3 agents")
    warm = server.call("POST", "/api/v1/scenarios", {"name": "split warm-up", "target_id": target["id"], "plan_yaml":
                       plan_yaml("constant", agents=3).replace(f"duration: {SPLIT_SECONDS}s", "duration: 10s")})["id"]
    server.run_scenario(warm, 120)

    rows = []
    for rnd in range(1, ROUNDS + 1):
        for arrival in ("constant", "poisson"):
            for variant in ("agents3", "cli", "agents1"):
                name = f"split-{arrival}-{variant}-{rnd}"
                wait_quiet(root)
                log(f"{name}: {SPLIT_RATE}/s {arrival}, {SPLIT_SECONDS} s")
                t0 = time.time()
                if variant == "cli":
                    out = os.path.join(OUT, name + ".json")
                    with open(os.path.join(OUT, name + ".log"), "w") as console:
                        subprocess.run(["taskset", "-c", LOAD_CPU, JAVA, *CLI_FLAGS, "-jar", CLI_JAR, "run",
                                        os.path.join(OUT, f"split-{arrival}-cli.yaml"), "--out", out],
                                       stdout=console, stderr=subprocess.STDOUT, timeout=SPLIT_SECONDS + 120)
                    result = json.load(open(out))
                else:
                    run = server.run_scenario(scenarios[(arrival, 3 if variant == "agents3" else 1)], SPLIT_SECONDS + 120)
                    result = server.call("GET", f"/api/v1/runs/{run['id']}/result")
                    with open(os.path.join(OUT, name + ".json"), "w") as f:
                        json.dump(result, f)
                    shards = server.call("GET", f"/api/v1/runs/{run['id']}/shards")
                    with open(os.path.join(OUT, name + ".shards.json"), "w") as f:
                        json.dump(shards, f)
                t1 = time.time()
                time.sleep(1.2)
                row = dict(figures(result), name=name, arrival=arrival, variant=variant, round=rnd, foreign=foreign_during(t0, t1))
                rows.append(row)
                log(f"{name}: p50 {row['p50']} ms, p99 {row['p99']} ms, {row['rate']} req/s, dropped {row['dropped']}, "
                    f"foreign CPU {row['foreign']} %")
    for a in agents:
        stop(a)
    stop(nginx, signal.SIGQUIT)
    with open(os.path.join(OUT, "split.json"), "w") as f:
        json.dump(rows, f, indent=1)
    return rows


def split_table(rows):
    lines = [f"### split: {SPLIT_RATE:,} req/s open model, 5 s warm-up + {SPLIT_SECONDS} s, {ROUNDS} round(s), medians",
             "", "| arrival | run | p50 ms | p99 ms | p99 of a typical second ms | achieved req/s | of the rate | dropped | lag p99 ms | foreign CPU % (max) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    names = {"agents3": "agents: 3 (three agent processes)", "cli": "one process (benchdeck run)", "agents1": "agents: 1 (one agent process)"}
    med = {}
    for arrival in ("constant", "poisson"):
        for variant in ("agents3", "cli", "agents1"):
            rs = [r for r in rows if r["arrival"] == arrival and r["variant"] == variant and r["p50"] is not None]
            if not rs:
                continue
            m = {k: statistics.median(r[k] for r in rs) for k in ("p50", "p99", "p99_typical", "rate", "dropped", "lag_p99")}
            m["foreign"] = max((r["foreign"] or 0) for r in rs)
            med[(arrival, variant)] = m
            lines.append(f"| {arrival} | {names[variant]} | {m['p50']:.3f} | {m['p99']:.3f} | {m['p99_typical']:.3f} | {m['rate']:,.1f} | "
                         f"{100 * m['rate'] / SPLIT_RATE:.2f} % | {m['dropped']:.0f} | {m['lag_p99']:.3f} | {m['foreign']} |")
    lines += ["", "| arrival | ratio | p50 | p99 | p99 of a typical second | achieved rate | goals (p50, p99 within 5 %; rate within 1 %) |",
              "|---|---|---|---|---|---|---|"]
    for arrival in ("constant", "poisson"):
        for other, label in (("cli", "agents: 3 / one process"), ("agents1", "agents: 3 / agents: 1")):
            a, b = med.get((arrival, "agents3")), med.get((arrival, other))
            if not a or not b:
                continue
            r = {k: a[k] / b[k] for k in ("p50", "p99", "p99_typical", "rate")}
            met = lambda x, tol: "met" if abs(x - 1) <= tol else "missed"
            lines.append(f"| {arrival} | {label} | {r['p50']:.3f} | {r['p99']:.3f} | {r['p99_typical']:.3f} | {r['rate']:.4f} | "
                         f"{met(r['p50'], .05)}, {met(r['p99'], .05)}, {met(r['rate'], .01)} |")
    lines += ["", "Per round:", "", "| run | p50 ms | p99 ms | p99 typical second ms | p99.9 ms | req/s | dropped | lag p99 ms | foreign CPU % |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['name']} | {r['p50']} | {r['p99']} | {r['p99_typical']} | {r['p999']} | {r['rate']:.1f} | {r['dropped']} | {r['lag_p99']} | {r['foreign']} |")
    return lines


# ---------------------------------------------------------------------------------------------------------------
# fanin: 50 simulated agents

def section_fanin(server, root):
    count = int(os.environ.get("FANIN_AGENTS", "50"))
    seconds = int(os.environ.get("FANIN_SECONDS", "60"))
    rate = int(os.environ.get("FANIN_RATE_PER_AGENT", "200"))
    out = os.path.join(OUT, "fanin.json")
    wait_quiet(root)
    log(f"fanin: {count} simulated agents x {rate} req/s, {seconds} s")
    # the simulator on the load CPU, the server (and its PostgreSQL) on theirs
    sim = start(["taskset", "-c", LOAD_CPU, JAVA, "-cp", CLI_JAR, os.path.join(HERE, "SimulatedAgents.java"), "--server", server.base,
                 "--agents", str(count), "--seconds", str(seconds), "--rate-per-agent", str(rate), "--out", out],
                os.path.join(OUT, "fanin.log"), env=dict(os.environ, BENCHDECK_AGENT_TOKEN=server.token))
    samples = []  # (epoch s, server JVM ticks, PostgreSQL ticks)
    pg = server.postgres_pids()
    while sim.poll() is None:
        procs = foreign_cpu.processes()
        pg |= foreign_cpu.ours(-1, server.data, procs) - {-1, server.proc.pid}
        samples.append((time.time(), procs.get(server.proc.pid, {}).get("ticks", 0), sum(procs[p]["ticks"] for p in pg if p in procs)))
        time.sleep(1)
        if time.time() - samples[0][0] > seconds + 240:
            stop(sim)
            raise SystemExit(f"fanin: the simulator did not finish (log: {OUT}/fanin.log)")
    if sim.returncode != 0 or not os.path.exists(out):
        raise SystemExit(f"fanin: the simulator failed ({sim.returncode}; log: {OUT}/fanin.log)")
    result = json.load(open(out))
    t0, t1 = result["started_us"] / 1e6, result["ended_us"] / 1e6
    window = [s for s in samples if t0 <= s[0] <= t1]
    per_second = [((b[1] - a[1]) / HZ / (b[0] - a[0]), (b[2] - a[2]) / HZ / (b[0] - a[0])) for a, b in zip(window, window[1:])]
    span = window[-1][0] - window[0][0] if len(window) > 1 else 1
    result["server_cores_mean"] = (window[-1][1] - window[0][1]) / HZ / span if len(window) > 1 else None
    result["postgres_cores_mean"] = (window[-1][2] - window[0][2]) / HZ / span if len(window) > 1 else None
    result["server_cores_p95"] = sorted(x[0] for x in per_second)[int(0.95 * (len(per_second) - 1))] if per_second else None
    result["foreign"] = foreign_during(t0, t1)
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    return result


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs) + 0.5) - 1))] if xs else None


def fanin_table(r):
    rows = r["intervals"]
    from_last = [(x["arrived_us"] - x["last_send_start_us"]) / 1000 for x in rows]
    from_first = [(x["arrived_us"] - x["first_send_start_us"]) / 1000 for x in rows]
    after_done = [(x["arrived_us"] - x["last_send_done_us"]) / 1000 for x in rows]
    complete = sum(1 for x in rows if x["completed"] == r["expected_per_interval"])
    p95 = pct(from_last, 95)
    return [f"### fanin: {r['agents']} simulated agents x {r['rate_per_agent']} req/s, {r['seconds']} s (run {r['run_id']}: {r['status']})",
            "", "| measure | value |", "|---|---|",
            f"| merged intervals on the socket | {len(rows)} of {r['seconds']} ({complete} with all {r['agents']} agents' requests) |",
            f"| one agent's interval message (JSON, histograms compressed) | {r['interval_bytes_mean']:,.0f} bytes |",
            f"| failed sends (intervals, heartbeats, steps) | {r['send_failures']} |",
            f"| live latency, last agent began sending interval n -> merged interval n on the socket: p50 / p95 / max | "
            f"{pct(from_last, 50):.0f} / {p95:.0f} / {max(from_last):.0f} ms (goal p95 < 250 ms: {'met' if p95 < 250 else 'missed'}) |",
            f"| the same from the last agent's send answered (204) | p50 {pct(after_done, 50):.0f} / p95 {pct(after_done, 95):.0f} ms |",
            f"| the same from the first agent's send (includes the agents' {r['jitter_ms']} ms spread) | "
            f"p50 {pct(from_first, 50):.0f} / p95 {pct(from_first, 95):.0f} ms |",
            f"| server JVM CPU over the run: mean / p95 of seconds | {r['server_cores_mean']:.3f} / {r['server_cores_p95']:.3f} cores |",
            f"| its PostgreSQL's CPU, mean | {r['postgres_cores_mean']:.3f} cores |",
            f"| foreign CPU (other processes) | {r['foreign']} % |",
            f"| the server's per-token API limit | {'default (50/s, burst 200)' if os.environ.get('API_LIMIT_DEFAULT') == '1' else 'raised (as bench/server)'} |"]


def main():
    sections = [a for a in sys.argv[1:] if a in SECTIONS] or SECTIONS
    unknown = [a for a in sys.argv[1:] if a not in SECTIONS]
    if unknown:
        raise SystemExit(f"unknown section {unknown} ({' | '.join(SECTIONS)})")
    for jar in (SERVER_JAR, CLI_JAR):
        if not os.path.exists(jar):
            raise SystemExit(f"{jar} is missing: ./mvnw -o -B -pl cli,server -am package -DskipTests")
    if not os.path.exists("/usr/sbin/nginx"):
        raise SystemExit("no /usr/sbin/nginx (apt-get install nginx-light)")
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))
    root = tempfile.mkdtemp(prefix="benchdeck-bench-agents.")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    monitor = start([sys.executable, os.path.join(REPO, "bench", "lib", "foreign_cpu.py"), "monitor", str(os.getpid()), root,
                     os.path.join(OUT, "foreign-cpu.txt")], os.devnull)
    server = Server(root)
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = [f"## Agents (issue 17): {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}, {os.cpu_count()} CPUs; "
             f"server and nginx on CPU {SERVER_CPU}, load generators on CPU {LOAD_CPU}", ""]
    try:
        server.start()
        # a section that fails leaves its line in the table, and the other sections' figures stand
        for section, run, table in (("split", section_split, split_table), ("fanin", section_fanin, fanin_table)):
            if section in sections:
                try:
                    lines += table(run(server, root)) + [""]
                except SystemExit as e:
                    log(f"{section} failed: {e}")
                    lines += [f"### {section}: failed: {e}", ""]
    finally:
        for proc in reversed(STARTED):
            if proc is not monitor:
                stop(proc)
        stop(monitor)
        shutil.rmtree(root, ignore_errors=True)
    text = "\n".join(lines)
    print(text)
    with open(SUMMARY, "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
