#!/usr/bin/env python3
"""Exactly once under faults: COUNT messages (default 1,000,000) published while two worker processes are killed
with kill -9 and restarted; the sink must hold exactly COUNT rows, every id sent once.

  bench/ingest/exactly_once.py                  # each queue (postgres, redis, kafka)
  QUEUES=redis COUNT=200000 bench/ingest/exactly_once.py
  SMALL=1 bench/ingest/exactly_once.py          # 100,000 messages, a smoke run

For each queue: one `benchdeck ingestor` takes the HTTP publishes and runs no workers (`--workers 0`; it starts the
embedded PostgreSQL); two more `benchdeck ingestor` processes on the same database and queue do all the writing
(`--workers 2` each). Four publisher threads POST NDJSON batches of 500 with ids `eo-<n>` (a batch answered
other than 202 is sent again with the same ids, as a client would). When the sink holds 20 % of the messages,
worker process 1 gets SIGKILL and is started again 2 s later; at 50 %, worker process 2. At the end the script
counts rows, distinct ids and ids outside those sent. Redis runs with `appendfsync always` (an acknowledged
message survives); Kafka is a single-node KRaft broker started from Kafka's own jars (the ingestor module's test
class path, resolved by Maven), its topic with 4 partitions. Outputs in bench/out/ingest-eo/ (gitignored).
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out", "ingest-eo")
SMALL = os.environ.get("SMALL") == "1"
COUNT = int(os.environ.get("COUNT", "100000" if SMALL else "1000000"))
QUEUES = os.environ.get("QUEUES", "postgres redis kafka").split()
BATCH = 500
PUBLISHERS = 4
PROCS = []
sys.path.insert(0, os.path.join(BENCH, "lib"))
from local import cli_jar, free_port, java  # noqa: E402


def log(msg):
    print(f"[bench-eo {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def healthy(port, proc, name, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{name} ended; see its log in {OUT}")
        time.sleep(0.1)
    raise RuntimeError(f"{name} not healthy in {timeout} s")


def psql(pg, sql):
    env = dict(os.environ, PGPASSWORD=pg["password"])
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg["port"]), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                           "-qAtc", sql], env=env, check=True, capture_output=True, text=True).stdout.strip()


class Workers:
    """A worker-only ingestor process (its own HTTP port, unused), started again after a kill."""

    def __init__(self, name, jar, pg, queue_args, home):
        self.name, self.jar, self.pg, self.queue_args, self.home = name, jar, pg, queue_args, home
        self.proc = None

    def start(self):
        port = free_port()
        args = [java(), "-XX:+UseParallelGC", "-Duser.home=" + self.home, "-jar", self.jar, "ingestor", "--port", str(port),
                "--workers", "2", "--database-url", f"postgresql://postgres@127.0.0.1:{self.pg['port']}/postgres"] + self.queue_args
        env = dict(os.environ, HOME=self.home, BENCHDECK_INGESTOR_DATABASE_PASSWORD=self.pg["password"])
        self.proc = subprocess.Popen(args, env=env, stdout=open(os.path.join(OUT, f"{self.name}.log"), "a"), stderr=subprocess.STDOUT)
        PROCS.append(self.proc)
        healthy(port, self.proc, self.name)

    def kill(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


def publish(port, first, last, stats):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    n = first
    while n < last:
        end = min(n + BATCH, last)
        body = "".join('{"id":"eo-%d","user_id":%d,"channel_id":%d,"content":"exactly once %d"}\n' % (i, i % 10000, i % 100, i)
                       for i in range(n, end))
        try:
            c.request("POST", "/messages", body=body, headers={"Content-Type": "application/x-ndjson"})
            r = c.getresponse()
            r.read()
            ok = r.status == 202
        except OSError:
            ok = False
            c.close()
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        if ok:
            n = end
        else:
            stats["retried"] += 1
            time.sleep(0.2)
    c.close()


def kafka_broker():
    """A single-node KRaft broker on free ports (as engine-testkit's KafkaProcess starts one for the tests)."""
    cp_file = os.path.join(OUT, "kafka.classpath")
    # in the reactor (-am), so that Benchdeck's own modules need not be installed; the ingestor's file is written last
    subprocess.run(["./mvnw", "-q", "-B", "-pl", "services/ingestor", "-am", "test-compile", "dependency:build-classpath",
                    "-Dmdep.includeScope=test", f"-Dmdep.outputFile={cp_file}"], cwd=REPO, check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, JAVA_HOME=os.path.dirname(os.path.dirname(java()))))
    classpath = open(cp_file).read().strip()
    port, controller = free_port(), free_port()
    kdir = os.path.join(OUT, "kafka")
    os.makedirs(kdir, exist_ok=True)
    props = os.path.join(kdir, "server.properties")
    with open(props, "w") as f:
        f.write("\n".join([
            "process.roles=broker,controller", "node.id=1", f"controller.quorum.voters=1@127.0.0.1:{controller}",
            f"listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}",
            f"advertised.listeners=PLAINTEXT://127.0.0.1:{port}", "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT", "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            f"log.dirs={kdir}/logs", "num.partitions=1", "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=1", "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0"]) + "\n")
    cmd = [java(), "-Xmx1g", "-cp", classpath]
    cluster = "eoBenchCluster0000000A"
    subprocess.run(cmd + ["kafka.tools.StorageTool", "format", "-t", cluster, "-c", props], check=True,
                   stdout=open(os.path.join(kdir, "format.log"), "w"), stderr=subprocess.STDOUT)
    broker = subprocess.Popen(cmd + ["kafka.Kafka", props], stdout=open(os.path.join(kdir, "broker.log"), "w"), stderr=subprocess.STDOUT)
    PROCS.append(broker)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            time.sleep(5)  # the port opens before the controller has elected itself and the broker registered
            return broker, f"127.0.0.1:{port}"
        except OSError:
            pass
        if broker.poll() is not None:
            raise RuntimeError(f"the Kafka broker ended; see {kdir}/broker.log")
        time.sleep(0.5)
    raise RuntimeError("the Kafka broker did not start in 60 s")


def run_queue(queue, jar, summary):
    home = os.path.join(OUT, "home-" + queue)
    api_port = free_port()
    queue_args = []
    redis = None
    if queue == "redis":
        rport = free_port()
        rdir = os.path.join(OUT, "redis")
        os.makedirs(rdir, exist_ok=True)
        redis = subprocess.Popen(["redis-server", "--port", str(rport), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
                                  "--appendfsync", "always", "--dir", rdir], stdout=open(os.path.join(OUT, "redis.log"), "w"),
                                 stderr=subprocess.STDOUT)
        PROCS.append(redis)
        time.sleep(0.5)
        queue_args = ["--redis", f"redis://127.0.0.1:{rport}"]
    broker = None
    if queue == "kafka":
        broker, bootstrap = kafka_broker()
        queue_args = ["--kafka-bootstrap", bootstrap, "--kafka-topic", "eo-bench", "--kafka-partitions", "4"]
    api = subprocess.Popen([java(), "-XX:+UseParallelGC", "-Duser.home=" + home, "-jar", jar, "ingestor", "--port", str(api_port),
                            "--workers", "0"] + queue_args, env=dict(os.environ, HOME=home),
                           stdout=open(os.path.join(OUT, f"api-{queue}.log"), "w"), stderr=subprocess.STDOUT)
    PROCS.append(api)
    healthy(api_port, api, "the API ingestor")
    pgdir = os.path.join(home, ".benchdeck", "ingestor-postgres")
    pg = {"port": int(next(l.split("=", 1)[1] for l in open(os.path.join(pgdir, "pgdata.port")) if l.startswith("port="))),
          "password": open(os.path.join(pgdir, "pgdata.password")).read().strip()}
    psql(pg, "TRUNCATE messages")
    workers = [Workers(f"workers-{queue}-{i}", jar, pg, queue_args, home) for i in (1, 2)]
    for w in workers:
        w.start()

    stats = {"retried": 0}
    t0 = time.time()
    share = (COUNT + PUBLISHERS - 1) // PUBLISHERS
    threads = [threading.Thread(target=publish, args=(api_port, i * share, min(COUNT, (i + 1) * share), stats)) for i in range(PUBLISHERS)]
    for t in threads:
        t.start()
    kills, restarts = [], []
    plan = [(0.2, workers[0]), (0.5, workers[1])]
    rows, last_rows, last_move = 0, -1, time.time()
    while True:
        rows = int(psql(pg, "SELECT count(*) FROM messages"))
        if plan and plan[0][0] * COUNT <= rows < COUNT:
            _, w = plan.pop(0)
            w.kill()
            kills.append(f"{w.name} killed at {rows} rows ({time.time() - t0:.1f} s)")
            log(kills[-1])
            # started again in the background: the other process goes on writing meanwhile
            restart = threading.Thread(target=lambda w=w: (time.sleep(2), w.start()))
            restart.start()
            restarts.append(restart)
        if rows != last_rows:
            last_rows, last_move = rows, time.time()
        if rows >= COUNT and not any(t.is_alive() for t in threads):
            break
        if time.time() - last_move > 120:
            log("no new rows for 120 s: stopping")
            break
        time.sleep(0.5)
    elapsed = time.time() - t0
    for t in threads + restarts:
        t.join(300)
    time.sleep(3)  # whatever was still in flight lands (it must not add a row)
    total, distinct, foreign = psql(pg, "SELECT count(*), count(DISTINCT id), count(*) FILTER (WHERE id NOT LIKE 'eo-%') FROM messages").split("|")
    missing = psql(pg, f"SELECT count(*) FROM generate_series(0, {COUNT - 1}) g LEFT JOIN messages m ON m.id = 'eo-' || g WHERE m.id IS NULL")
    total, distinct, foreign, missing = int(total), int(distinct), int(foreign), int(missing)
    ok = total == COUNT and distinct == COUNT and foreign == 0 and missing == 0 and len(kills) == 2
    lines = [
        f"queue {queue}" + {"redis": " (Redis appendfsync always)", "kafka": " (Kafka, one KRaft broker, 4 partitions, acks=all)"}.get(
            queue, " (PostgreSQL table, same database)"),
        f"  {COUNT} messages sent, {total} rows, {distinct} distinct ids, {missing} missing, {total - distinct} duplicated, "
        f"{foreign} unknown: {'EXACTLY ONCE' if ok else 'FAILED'}",
        f"  {elapsed:.1f} s to store all ({COUNT / elapsed:.0f} msg/s), {stats['retried']} batches sent again after a non-202",
        "  " + "; ".join(kills),
    ]
    summary.extend(lines)
    for l in lines:
        log(l)
    for w in workers:
        w.proc.send_signal(signal.SIGTERM)
        w.proc.wait(60)
    api.send_signal(signal.SIGTERM)
    api.wait(60)
    for other in (redis, broker):
        if other:
            other.terminate()
            other.wait(30)
    return ok


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    jar = cli_jar(log)
    summary = [f"bench/ingest/exactly_once.py on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}"]
    ok = True
    try:
        for q in QUEUES:
            ok = run_queue(q, jar, summary) and ok
    finally:
        for p in PROCS:
            if p.poll() is None:
                p.terminate()
    with open(os.path.join(OUT, "summary.txt"), "w") as f:
        f.write("\n".join(summary) + "\n")
    print("\n".join(summary))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
