#!/usr/bin/env bash
# Benchdeck server performance (issue 4): start-up, runs list, 1-hour run detail, live-feed latency.
#
#   bench/server/run.sh                     # every section, about 4–5 minutes
#   bench/server/run.sh list detail         # only some: startup | list | detail | live
#
# One throw-away data directory under /tmp (its own embedded PostgreSQL, deleted at the end), free
# ports on 127.0.0.1 only. The table is printed and written to bench/out/server-summary.md; raw
# outputs (server logs, Benchdeck result JSON, wrk text, EXPLAIN plans, browser timings) go to
# bench/out/server/. See bench/server/README.md for what each figure means.
#
#   startup  start once to initialise the embedded PostgreSQL (not timed), stop, then 3 timed starts:
#            process start -> GET /actuator/health/readiness says UP            goal < 10 s
#   list     10,000 completed runs inserted with psql in one transaction, then GET /api/v1/runs
#            (first page, status+scenario filter, page 400), Benchdeck 4 users 15 s and
#            wrk -t1 -c4 -d10s --latency (plus wrk -c1 -d5s: no queueing)         goal p99 < 50 ms
#   detail   a 1-hour run (3,600 intervals) opened 5 times in Chromium: navigation start -> the four
#            live charts have drawn their series                                  goal render < 300 ms
#   live     2 demo runs ("hello, 10 users, 10 s"); per interval message, Date.now() after the next
#            requestAnimationFrame − (run.started_at + elapsed_seconds)            goal p95 < 250 ms
#   auth     the server from before security (commit $BEFORE_SECURITY, built once into the cache) and
#            this one, both up with 10,000 runs each; GET /api/v1/runs alternately without auth (before),
#            with a Bearer token and with a session cookie (now): wrk -c4 and -c1    goal Δp99 ≤ 1 ms
#   signin   the sign-in's cost (Argon2id parameters read from the stored hash) and 1,000 wrong passwords
#            in a minute against 1 account and 100 accounts: answered vs 429, the server's CPU
#
# Environment:
#   BENCH_JAVA_HOME   JDK for the server and the Benchdeck CLI (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   BENCHDECK         command running the Benchdeck CLI (default: java -jar cli/target/benchdeck.jar with
#                     the flags ./benchdeck uses; ./benchdeck itself may start a Maven build, this doesn't)
#   CHROMIUM          default /usr/bin/chromium
#   BENCH_WAIT_OTHER  wait up to this many seconds for a running bench/run-all.sh to end (default 900)
#   BENCH_QUIET_WAIT  before each measurement, wait up to this many seconds (default 600) until other
#                     processes use < 10 % of a CPU; the table shows what they used during each one
#   KEEP_DATA=1       keep the /tmp data directory (its path is printed)
#   BENCH_CACHE       where auth keeps the server jar from before security (default ~/.cache/benchdeck-bench)
#   AUTH_ROUNDS       auth: rounds of before / token / cookie (default 3)
#   BENCH_PG_LOG=1    live: have PostgreSQL log every statement with a ms timestamp during the runs, so
#                     the table splits each interval's latency at its INSERT (logging costs a little)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="$REPO/bench/out/server"
SUMMARY="$REPO/bench/out/server-summary.md"
JAR="$REPO/server/target/benchdeck-server.jar"
ALL_SECTIONS=(startup list detail live auth signin)

# Temurin 25 unless BENCH_JAVA_HOME names another JDK 21+ (the java on PATH may be older).
JAVA_HOME="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
read -r -a BENCHDECK_CMD <<< "${BENCHDECK:-$JAVA -XX:+UseParallelGC -XX:-OmitStackTraceInFastThrow -jar $REPO/cli/target/benchdeck.jar}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export REPO

log() { printf '[bench-server %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

SECTIONS=()
for arg in "$@"; do
    case "$arg" in
        startup|list|detail|live|auth|signin) SECTIONS+=("$arg") ;;
        all) SECTIONS+=("${ALL_SECTIONS[@]}") ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) die "unknown section '$arg' (startup|list|detail|live|auth|signin)" ;;
    esac
done
[[ ${#SECTIONS[@]} -gt 0 ]] || SECTIONS=("${ALL_SECTIONS[@]}")
want() { local s; for s in "${SECTIONS[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

# ---------------------------------------------------------------------------------------------
# prerequisites

[[ -f "$JAR" ]] || die "$JAR is missing (build the server first)"
[[ -x "$JAVA" ]] || die "no java at $JAVA (set BENCH_JAVA_HOME)"
for tool in curl psql python3 node wrk; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
if want list; then
    [[ -n "${BENCHDECK:-}" || -f "$REPO/cli/target/benchdeck.jar" ]] || die "cli/target/benchdeck.jar is missing (build the CLI first)"
fi
if want detail || want live; then
    [[ -x "$CHROMIUM" ]] || die "Chromium not found at $CHROMIUM"
    [[ -d "$REPO/e2e/node_modules/playwright-core" ]] || die "e2e/node_modules/playwright-core is missing (cd e2e && npm ci)"
fi

# A running bench/run-all.sh (the peer-tool suite) would skew everything, and we would skew it.
other_suite_running() {
    local pid arg
    # bench/run-all.sh startup calls this script itself: then there is nothing to wait for
    [[ "${BENCH_INSIDE_RUN_ALL:-0}" == 1 ]] && return 1
    for pid in $(pgrep -f 'run-all\.sh' || true); do
        [[ "$pid" == "$$" ]] && continue
        [[ -r "/proc/$pid/cmdline" ]] || continue
        while IFS= read -r -d '' arg; do
            if [[ "$arg" == *bench/run-all.sh || "$arg" == run-all.sh ]]; then return 0; fi
        done < "/proc/$pid/cmdline"
    done
    return 1
}
wait_for_other_suite() {
    local waited=0 limit="${BENCH_WAIT_OTHER:-900}"
    while other_suite_running; do
        [[ $waited -eq 0 ]] && log "bench/run-all.sh is running; waiting for it to end (up to ${limit} s)"
        (( waited >= limit )) && die "bench/run-all.sh still running after ${limit} s; not measuring"
        sleep 5
        waited=$((waited + 5))
    done
}
wait_for_other_suite

# Before a measurement: the machine is shared (builds, tests); wait until others are nearly idle.
wait_quiet() {
    wait_for_other_suite
    local waited pct top
    read -r waited pct top < <(python3 "$HERE/../lib/foreign_cpu.py" quiet $$ "$ROOT" "${BENCH_QUIET_WAIT:-600}")
    if (( pct >= 10 )); then
        log "other processes still use ${pct}% of a CPU ($top) after ${waited} s; measuring anyway (see the table)"
    elif (( waited > 2 )); then
        log "waited ${waited} s for other processes to calm down"
    fi
}
# The span of one measurement, so the report can show the foreign CPU during it.
mark() { printf '%s\t%s\t%s\n' "$1" "$2" "$(date +%s.%N)" >> "$OUT/windows.tsv"; }
# Mean CPU % (of one CPU) other processes used during the last span of a measurement.
foreign_during() {
    python3 - "$OUT/windows.tsv" "$OUT/foreign-cpu.txt" "$1" <<'PY'
import sys
windows, samples, name = sys.argv[1:]
span = {}
for line in open(windows):
    n, edge, t = line.rstrip("\n").split("\t")
    if n == name:
        span[edge] = float(t)
xs = []
for line in open(samples):
    parts = line.split()
    if len(parts) > 1 and span.get("start", 0) < float(parts[0]) <= span.get("end", 0) + 0.5:
        xs.append(float(parts[1]))
print(round(sum(xs) / len(xs)) if xs else 0)
PY
}
# measured NAME COMMAND...: waits for a quiet machine, runs the command as one measurement, and runs
# it again (up to 3 times in all) when other processes used more than 10 % of a CPU meanwhile.
measured() {
    local name="$1" attempt pct
    shift
    for attempt in 1 2 3; do
        wait_quiet
        mark "$name" start
        "$@"
        mark "$name" end
        sleep 1.2   # the monitor's sample covering the end
        pct="$(foreign_during "$name")"
        (( pct <= 10 )) && return 0
        if (( attempt < 3 )); then
            log "$name: other processes used ${pct}% of a CPU meanwhile; measuring again"
        else
            log "$name: other processes used ${pct}% of a CPU meanwhile; keeping it (flagged in the table)"
        fi
    done
}

mkdir -p "$OUT"
exec 9> "$OUT/.lock"   # one run at a time: they would share bench/out/server and the CPUs
flock -n 9 || die "another bench/server/run.sh is running"
for s in "${SECTIONS[@]}"; do rm -f "$OUT/$s"-*; done
rm -f "$OUT/meta.txt" "$OUT/windows.tsv" "$OUT/foreign-cpu.txt"
touch "$OUT/windows.tsv" "$OUT/foreign-cpu.txt"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT="$(free_port)"
DBPORT="$(free_port)"
while [[ "$DBPORT" == "$PORT" ]]; do DBPORT="$(free_port)"; done
BASE="http://127.0.0.1:$PORT"
# every server's data directory lives under ROOT, so foreign_cpu.py counts their PostgreSQLs as ours
ROOT="$(mktemp -d /tmp/benchdeck-bench-server.XXXXXX)"
DATA="$ROOT/current"
SERVER_PID=""
# several servers side by side, credentials, and the sections auth and signin
. "$HERE/lib/auth.sh"
CLK_TCK="$(getconf CLK_TCK)"
NODE_FLAGS=()   # Node 20 has a WebSocket client behind a flag: the Node-side figures need it
if node --experimental-websocket -e 'if (typeof WebSocket !== "function") process.exit(1)' 2>/dev/null; then
    NODE_FLAGS=(--experimental-websocket --no-warnings)
fi

# ---------------------------------------------------------------------------------------------
# the server under test

postmaster_pid() {
    [[ -r "$DATA/pgdata/postmaster.pid" ]] && head -1 "$DATA/pgdata/postmaster.pid" 2>/dev/null || true
}

# Starts the server in the background; SERVER_T0 is the epoch ms just before the fork.
start_server() {
    local logfile="$1"
    SERVER_T0="$(now_ms)"
    # the API's per-token rate limit stays in the path but must not refuse the benchmark's requests
    "$JAVA" ${START_FLAGS:-} -jar "${START_JAR:-$JAR}" --server.port="$PORT" --benchdeck.data-dir="$DATA" \
        --benchdeck.embedded-db.port="$DBPORT" --benchdeck.security.api.requests-per-second=1000000 \
        --benchdeck.security.api.burst=1000000 > "$logfile" 2>&1 &
    SERVER_PID=$!
    SERVER_LOG="$logfile"
}

# Polls readiness every 50 ms; READY_MS = ms from SERVER_T0 to the first UP.
wait_ready() {
    local limit_ms=$(( $1 * 1000 )) t
    while :; do
        if curl -s -m 1 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
            t="$(now_ms)"; READY_MS=$(( t - SERVER_T0 )); return 0
        fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -30 "$SERVER_LOG" >&2; die "the server exited before it was ready (log: $SERVER_LOG)"
        fi
        t="$(now_ms)"
        (( t - SERVER_T0 > limit_ms )) && die "the server was not ready after $1 s (log: $SERVER_LOG)"
        sleep 0.05
    done
}

# SIGTERM, wait (60 s, then SIGKILL); STOP_MS = the ms it took to exit.
stop_server() {
    STOP_MS=""
    [[ -n "$SERVER_PID" ]] || return 0
    local t0 pid="$SERVER_PID"
    t0="$(now_ms)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        log "server (pid $pid) still running 60 s after SIGTERM; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    SERVER_PID=""
    STOP_MS=$(( $(now_ms) - t0 ))
}

ensure_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then ensure_token; return 0; fi  # kept up by startup
    start_server "$OUT/server.log"
    wait_ready 300
    log "server ready on $BASE in $READY_MS ms (data in $DATA)"
    ensure_token
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "${BROWSER_PID:-}" ]] && kill -0 "$BROWSER_PID" 2>/dev/null; then kill -TERM "$BROWSER_PID" 2>/dev/null || true; fi
    if [[ -n "${LOAD_PID:-}" ]] && kill -0 "$LOAD_PID" 2>/dev/null; then kill -TERM "$LOAD_PID" 2>/dev/null || true; fi
    if [[ -n "${MONITOR_PID:-}" ]] && kill -0 "$MONITOR_PID" 2>/dev/null; then kill -TERM "$MONITOR_PID" 2>/dev/null || true; fi
    local name
    for name in current "${!INSTANCE_DATA[@]}"; do
        use_instance "$name"
        [[ -n "$SERVER_PID" ]] && stop_server
        # a PostgreSQL left behind by a server that did not stop cleanly (ours: it lives in our data dir)
        local pm; pm="$(postmaster_pid)"
        if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null && grep -qs "$DATA/pgdata" "/proc/$pm/cmdline"; then
            log "stopping the embedded PostgreSQL left running (pid $pm)"
            kill -INT "$pm" 2>/dev/null || true
            for _ in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
        fi
    done
    if [[ "${KEEP_DATA:-0}" == 1 ]]; then log "data kept in $ROOT"; else rm -rf "$ROOT"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
python3 "$HERE/../lib/foreign_cpu.py" monitor $$ "$ROOT" "$OUT/foreign-cpu.txt" &
MONITOR_PID=$!

psql_db() {
    PGPASSWORD="$(cat "$DATA/pgdata.password")" PGCONNECT_TIMEOUT=10 \
        psql -h 127.0.0.1 -p "$DBPORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 "$@"
}

api() { curl -sf -m 30 "${AUTH_HEADER[@]}" "$BASE/api/v1$1" "${@:2}"; }
json_get() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }

hello_scenario() {
    api /scenarios | json_get 'next(s["id"] for s in d if s["name"].startswith("hello"))'
}

# Runs the scenario and waits for the run to finish; prints its id.
run_scenario() {
    local scenario="$1" id status=""
    id="$(api "/scenarios/$scenario/runs" -X POST | json_get 'd["id"]')"
    for _ in $(seq 1 240); do
        status="$(api "/runs/$id" | json_get 'd["status"]')"
        [[ "$status" == queued || "$status" == running ]] || break
        sleep 0.5
    done
    [[ "$status" == completed ]] || die "run $id ended $status"
    echo "$id"
}

# A completed run made by the server itself, to copy realistic JSON from (starts one if none).
template_run() {
    local id
    id="$(psql_db -At -c "select max(id) from runs where status = 'completed' and coalesce(created_by, '') not like 'bench-%'")"
    if [[ -z "$id" ]]; then
        log "running the demo scenario once, to copy a real run's JSON from"
        id="$(run_scenario "$(hello_scenario)")"
    fi
    echo "$id"
}

# CPU ticks (user + system) of the server JVM and of the embedded PostgreSQL's processes.
proc_ticks() { python3 "$HERE/../lib/foreign_cpu.py" ticks "$@"; }
cpu_sample() {  # prints "epoch_ms jvm_ticks pg_ticks"
    local pm pg
    pm="$(postmaster_pid)"
    pg="$pm"
    [[ -n "$pm" ]] && pg="$pm $(ps -o pid= --ppid "$pm" 2>/dev/null | tr '\n' ' ' || true)"
    # shellcheck disable=SC2086
    echo "$(now_ms) $(proc_ticks "$SERVER_PID") $(proc_ticks $pg)"
}
cpu_report() {  # before after -> "wall_s jvm_pct pg_pct" (percent of one CPU)
    local t0 j0 p0 t1 j1 p1
    read -r t0 j0 p0 <<< "$1"; read -r t1 j1 p1 <<< "$2"
    python3 -c 'import sys; t0,j0,p0,t1,j1,p1,hz=map(float,sys.argv[1:]); w=(t1-t0)/1000; print("%.1f %.0f %.0f" % (w, 100*(j1-j0)/hz/w, 100*(p1-p0)/hz/w))' \
        "$t0" "$j0" "$p0" "$t1" "$j1" "$p1" "$CLK_TCK"
}

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "sections: ${SECTIONS[*]}"
    echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet HEAD -- server ui engine drivers 2>/dev/null || echo ' (+ local changes)')"
    echo "server jar: $(sha256sum "$JAR" | cut -c1-16) $(stat -c %y "$JAR" | cut -d. -f1)"
    echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
    echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "chromium: $("$CHROMIUM" --version 2>/dev/null | head -1)"
    echo "wrk: $(wrk -v 2>&1 | head -1)"
    echo "psql: $(psql --version)"
    echo "node: $(node --version)"
    echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "ports: server $PORT, embedded PostgreSQL $DBPORT; data dir $DATA"
} > "$OUT/meta.txt"
log "output in $OUT; data dir $DATA; server port $PORT, PostgreSQL port $DBPORT"

# ---------------------------------------------------------------------------------------------
# 1. start to ready

timed_start() {
    [[ -n "$SERVER_PID" ]] && stop_server   # a start measured again: the previous one is still up
    start_server "$OUT/startup-$1.log"
    wait_ready 120
}

section_startup() {
    log "startup: first start initialises the embedded PostgreSQL (not timed)"
    start_server "$OUT/startup-0-init.log"
    wait_ready 300
    stop_server
    log "startup: initialising start ready in $READY_MS ms, stopped in $STOP_MS ms"
    printf 'run\tt0_epoch_ms\tready_ms\tstop_ms\n' > "$OUT/startup-times.tsv"
    printf '0\t%s\t%s\t%s\n' "$SERVER_T0" "$READY_MS" "$STOP_MS" >> "$OUT/startup-times.tsv"
    # what ./benchdeck serve does on a JDK 25+: the jar extracted, an AOT cache from a training run that stops once
    # the context is up; then starts from the cache, alternating with plain `java -jar` starts
    local aot="$ROOT/aot" t0 aot_ok=0
    if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
        "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$aot" > /dev/null
        t0="$(now_ms)"
        if "$JAVA" -XX:AOTCacheOutput="$aot/app.aot" -Dspring.context.exit=onRefresh -jar "$aot/benchdeck-server.jar" \
                --benchdeck.data-dir="$DATA" --benchdeck.embedded-db.port="$DBPORT" > "$OUT/startup-aot-training.log" 2>&1; then
            printf 'training\t%s\t%s\t\t%s\n' "$t0" "$(( $(now_ms) - t0 ))" "$(du -m "$aot/app.aot" | cut -f1)" > "$OUT/startup-aot.tsv"
            aot_ok=1
        else
            log "startup: the AOT training run failed (see startup-aot-training.log); plain starts only"
        fi
    else
        log "startup: this JDK has no AOT cache (JDK 25+); plain starts only"
    fi
    local i keep=0
    [[ ${#SECTIONS[@]} -gt 1 ]] && keep=1   # the last (plain) start stays up for the next sections
    for i in 1 2 3; do
        if [[ $aot_ok -eq 1 ]]; then
            sleep 1
            START_FLAGS="-XX:AOTCache=$aot/app.aot" START_JAR="$aot/benchdeck-server.jar" measured "startup-aot$i" timed_start "aot$i"
            stop_server
            printf '%s\t%s\t%s\t%s\n' "aot$i" "$SERVER_T0" "$READY_MS" "$STOP_MS" >> "$OUT/startup-times.tsv"
            log "startup: AOT start $i ready in $READY_MS ms"
        fi
        sleep 1
        measured "startup-$i" timed_start "$i"
        if [[ $i -lt 3 || $keep -eq 0 ]]; then stop_server; else STOP_MS=""; fi
        printf '%s\t%s\t%s\t%s\n' "$i" "$SERVER_T0" "$READY_MS" "$STOP_MS" >> "$OUT/startup-times.tsv"
        log "startup: start $i ready in $READY_MS ms${STOP_MS:+, stopped in $STOP_MS ms}"
    done
}

# ---------------------------------------------------------------------------------------------
# 2. runs list with 10,000 runs stored

# The SQL RunRepository.list runs for a query (count, then the page), with EXPLAIN ANALYZE.
explain_list() {
    local where="$1" offset="$2"
    psql_db -c "explain (analyze, buffers) select count(*) from runs $where" \
            -c "explain (analyze, buffers) select id, scenario_id, scenario_name, target_id, target_name, status, created_by,
                queued_at, started_at, ended_at, requests, throughput, error_rate, p50_ms, p95_ms, p99_ms, thresholds_passed
                from runs $where order by queued_at desc, id desc limit 20 offset $offset"
}

load_benchdeck() {
    local name="$1" path="$2" before after rc=0
    cat > "$OUT/$name.yaml" <<EOF
# bench/server/run.sh list: Benchdeck's side of wrk -t1 -c4 against the runs list
name: server $name
target:
  url: $BASE
workload:
  driver: http
  method: GET
  path: "$path"
  headers:
    Authorization: "Bearer $TOKEN"
load:
  model: closed
  users: 4
  warmup: 3s
  duration: 15s
timeout: 10s
EOF
    before="$(cpu_sample)"
    timeout 120 "${BENCHDECK_CMD[@]}" run "$OUT/$name.yaml" --quiet --out "$OUT/$name.json" > "$OUT/$name.log" 2>&1 &
    LOAD_PID=$!
    wait "$LOAD_PID" || rc=$?
    LOAD_PID=""
    after="$(cpu_sample)"
    echo "$rc" > "$OUT/$name.rc"
    cpu_report "$before" "$after" > "$OUT/$name.cpu"
    # 3 s of warm-up are inside the CPU window; the figure is an average over the whole run
}

load_wrk() {  # name path connections seconds
    local name="$1" path="$2" before after rc=0
    before="$(cpu_sample)"
    timeout 60 wrk -t1 -c"$3" -d"$4"s --latency "${AUTH_HEADER[@]}" "${@:5}" "$BASE$path" > "$OUT/$name.txt" 2>&1 &
    LOAD_PID=$!
    wait "$LOAD_PID" || rc=$?
    LOAD_PID=""
    after="$(cpu_sample)"
    echo "$rc" > "$OUT/$name.rc"
    cpu_report "$before" "$after" > "$OUT/$name.cpu"
}

# seed_runs FILE: 10,000 completed runs (those missing), copied from a real one; what was done goes to FILE.
seed_runs() {
    local tmpl seeded t0
    tmpl="$(template_run)"
    seeded="$(psql_db -At -c "select count(*) from runs where created_by = 'bench-seed'")"
    if [[ "$seeded" -lt 10000 ]]; then
        log "inserting $((10000 - seeded)) runs copied from run $tmpl (one transaction)"
        t0="$(now_ms)"
        psql_db -v n=$((10000 - seeded)) -v template="$tmpl" -f "$HERE/lib/seed-runs.sql" > "$1"
        echo "insert_ms $(( $(now_ms) - t0 ))" >> "$1"
    fi
    psql_db -At -c "select 'runs_total ' || count(*) from runs" \
        -c "select 'overall_bytes_avg ' || round(avg(pg_column_size(overall))) from runs where created_by = 'bench-seed'" \
        -c "select 'overall_text_bytes ' || length(overall::text) from runs where id = $tmpl" >> "$1"
}

section_list() {
    ensure_server
    local scenario
    seed_runs "$OUT/list-seed.txt"
    scenario="$(psql_db -At -c "select id from scenarios order by id limit 1")"
    # the last page by number, and the page 8,000 rows deep by cursor (the keyset: `after` = the 8,000th run's sort key)
    local total last cursor
    total="$(psql_db -At -c "select count(*) from runs")"
    last=$(( (total - 1) / 20 ))
    cursor="$(psql_db -At -c "select (extract(epoch from queued_at) * 1000000)::bigint || '_' || id from runs order by queued_at desc, id desc offset 7999 limit 1")"
    local names=(first filtered deep last cursor)
    local paths=("/api/v1/runs?page=0&size=20" "/api/v1/runs?status=completed&scenario_id=$scenario&page=0&size=20" "/api/v1/runs?page=400&size=20"
        "/api/v1/runs?page=$last&size=20" "/api/v1/runs?after=$cursor&size=20")
    local wheres=("where true" "where true and status = 'completed' and scenario_id = $scenario" "where true" "where true" "where true")
    local offsets=(0 0 8000 $(( last * 20 )) 0)
    local i
    for i in 0 1 2 3 4; do
        local name="${names[$i]}" path="${paths[$i]}"
        curl -s -m 10 "${AUTH_HEADER[@]}" -o "$OUT/list-$name-response.json" -w '%{http_code} %{size_download} %{time_total}\n' "$BASE$path" \
            > "$OUT/list-$name-curl.txt"
        explain_list "${wheres[$i]}" "${offsets[$i]}" > "$OUT/list-$name-explain.txt" 2>&1 || true
        # the JIT compiles this URL's code path first (a long-running server is warm); not reported
        timeout 30 wrk -t1 -c4 -d5s "${AUTH_HEADER[@]}" "$BASE$path" > "$OUT/list-$name-warmup.txt" 2>&1 || true
        log "list: $name ($path): Benchdeck, 4 users, 3 s warm-up + 15 s"
        measured "list-$name-benchdeck" load_benchdeck "list-$name-benchdeck" "$path"
        log "list: $name: wrk -t1 -c4 -d10s, then -c1 -d5s"
        measured "list-$name-wrk" load_wrk "list-$name-wrk" "$path" 4 10
        measured "list-$name-wrk1" load_wrk "list-$name-wrk1" "$path" 1 5
        printf '%s\t%s\n' "$name" "$path" >> "$OUT/list-queries.tsv"
    done
}

# ---------------------------------------------------------------------------------------------
# 3. run detail of a 1-hour run

# browser MODE ID COUNT: lib/browser.mjs, writing $OUT/MODE.json (see its header)
browser() {
    SCREENSHOT="$OUT/detail-page.png" node "${NODE_FLAGS[@]}" "$HERE/lib/browser.mjs" "$1" "$BASE" "$2" "$3" "$OUT/$1.json" \
        > "$OUT/$1-browser.log" 2>&1 &
    BROWSER_PID=$!
    wait "$BROWSER_PID" || { BROWSER_PID=""; cat "$OUT/$1-browser.log" >&2; die "the $1 browser script failed"; }
    BROWSER_PID=""
}

section_detail() {
    ensure_server
    local tmpl long
    tmpl="$(template_run)"
    long="$(psql_db -At -c "select max(id) from runs where created_by = 'bench-long-run'")"
    if [[ -z "$long" ]]; then
        psql_db -At -c "select snapshot::text from run_intervals where run_id = $tmpl order by seq" > "$OUT/detail-template-intervals.jsonl"
        log "detail: inserting a 1-hour run (3,600 intervals) copied from run $tmpl"
        long="$(psql_db -At -v template="$tmpl" -f "$HERE/lib/seed-long-run.sql" | tail -1)"
    fi
    echo "$long" > "$OUT/detail-run-id.txt"
    # what the server answers for the series over REST (the page gets it over the WebSocket instead)
    for i in 1 2 3; do
        curl -s -m 30 "${AUTH_HEADER[@]}" -o "$OUT/detail-intervals.json" -w "intervals_rest $i %{http_code} %{size_download} %{time_total}\n" \
            "$BASE/api/v1/runs/$long/intervals" >> "$OUT/detail-rest.txt"
    done
    curl -s -m 30 "${AUTH_HEADER[@]}" -o /dev/null -w "run_detail_rest %{http_code} %{size_download} %{time_total}\n" "$BASE/api/v1/runs/$long" >> "$OUT/detail-rest.txt"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("intervals_count", len(d)); print("first", json.dumps(d[0])); print("last", json.dumps(d[-1]))' \
        "$OUT/detail-intervals.json" >> "$OUT/detail-rest.txt"
    log "detail: opening /runs/$long 5 times in Chromium"
    measured detail browser detail "$long" 5
    # the same snapshot through a client without permessage-deflate (browsers and Node negotiate it)
    python3 "$HERE/lib/ws_probe.py" "$PORT" "$long" 3 >> "$OUT/detail-rest.txt" || log "the WebSocket probe failed"
}

# ---------------------------------------------------------------------------------------------
# 4. live latency

section_live() {
    ensure_server
    local scenario
    scenario="$(hello_scenario)"
    local pglog_offset=""
    if [[ "${BENCH_PG_LOG:-0}" == 1 ]]; then
        psql_db -c "alter system set log_min_duration_statement = 0" -c "alter system set log_line_prefix = '%m [%p] '" \
            -c "select pg_reload_conf()" > /dev/null
        pglog_offset="$(stat -c %s "$DATA/pgdata/postgres.log")"
    fi
    basename "$SERVER_LOG" > "$OUT/live-server-log.txt"
    log "live: 2 runs of scenario $scenario, watched from Chromium${NODE_FLAGS:+ and a Node client}"
    measured live browser live "$scenario" 2
    if [[ -n "$pglog_offset" ]]; then
        tail -c +"$((pglog_offset + 1))" "$DATA/pgdata/postgres.log" > "$OUT/live-postgres.log"
        psql_db -c "alter system reset log_min_duration_statement" -c "alter system reset log_line_prefix" \
            -c "select pg_reload_conf()" > /dev/null
    fi
}

# ---------------------------------------------------------------------------------------------

SUITE_T0="$(now_ms)"
for s in "${ALL_SECTIONS[@]}"; do
    if want "$s"; then
        t0="$(now_ms)"
        "section_$s"
        log "$s: done in $(( ($(now_ms) - t0) / 1000 )) s"
    fi
done
stop_server
echo "final_stop_ms ${STOP_MS:-}" >> "$OUT/meta.txt"
echo "suite_seconds $(( ($(now_ms) - SUITE_T0) / 1000 ))" >> "$OUT/meta.txt"
python3 "$HERE/lib/report.py" "$OUT" "$SUMMARY" "${SECTIONS[@]}"
