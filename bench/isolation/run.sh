#!/usr/bin/env bash
# Runs isolated from the server (issue 17): a run's p99 with and without a busy server, same run.
#
#   bench/isolation/run.sh                  # both modes, 2 quiet + 2 loaded runs each, about 9 minutes
#   ROUNDS=3 bench/isolation/run.sh local   # only some: local | in-process; more rounds
#   PIN=1 bench/isolation/run.sh            # extra, not the default: server on CPU 0, agent and nginx on CPU 1
#
# nginx (Debian's, its own prefix under /tmp) serves a 100-byte file: the run's target, outside the server's JVM.
# For each mode the server jar starts on free ports with a throw-away data directory (embedded PostgreSQL):
#
#   local       the default: plans without `agents` run in the local agent process the server supervises
#   in-process  --benchdeck.agents.local=false: plans run inside the server's JVM, as before
#
# An admin and an API token (the jar's headless `users add` / `tokens create`), a target at nginx and a
# scenario: the open model at a constant 1,000 requests/s for 30 s after a 2 s warm-up, every other setting
# the default. One discarded loaded 10 s run warms the server up, then quiet and loaded runs alternate
# (quiet, loaded, quiet, loaded…). "Loaded": while the run executes, 200 WebSocket clients subscribed to its
# live feed (lib/ws_clients.py) and 50 API clients (wrk -t2 -c50, lib/api-load.lua) on GET /api/v1/runs?size=20
# and GET /api/v1/runs/{id}. Per run: p50 / p99 / throughput from GET /api/v1/runs/{id}, and the CPU of the
# server, the agent, PostgreSQL, nginx and the load clients from /proc. Goal: loaded p99 within 5 % of quiet.
#
# The table is printed and written to bench/out/isolation-summary.md (PIN=1: isolation-pinned-summary.md);
# raw outputs (server and agent logs, each run's JSON, wrk text, the clients' counts) go to bench/out/isolation/.
# Compare figures within one run of this script only: the machine is shared and noisy.
#
# Environment:
#   BENCH_JAVA_HOME   JDK for the server (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   ROUNDS            quiet/loaded pairs per mode (default 2)
#   RATE, DURATION    the plan's rate (default 1000) and measured duration (default 30s)
#   WS_CLIENTS        WebSocket clients in a loaded run (default 200)
#   API_CLIENTS       wrk connections in a loaded run (default 50)
#   PIN=1             server, PostgreSQL and the load clients on CPU 0; nginx and the local agent on CPU 1
#   BENCH_QUIET_WAIT  before each run, wait up to this many seconds (default 30) until other processes use
#                     < 10 % of a CPU; a run during which they used more is measured again, up to 3 times,
#                     and the quietest attempt is kept (the table shows all, and what they used in each)
#   KEEP_DATA=1       keep the /tmp directory (data directories, nginx prefix; its path is printed)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JAR="$REPO/server/target/benchdeck-server.jar"
JAVA_HOME="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
NGINX="${NGINX:-/usr/sbin/nginx}"
ROUNDS="${ROUNDS:-2}"
RATE="${RATE:-1000}"
DURATION="${DURATION:-30s}"
WS_CLIENTS="${WS_CLIENTS:-200}"
API_CLIENTS="${API_CLIENTS:-50}"
PIN="${PIN:-0}"
ALL_MODES=(local in-process)
if [[ "$PIN" == 1 ]]; then
    OUT="$REPO/bench/out/isolation-pinned"; SUMMARY="$REPO/bench/out/isolation-pinned-summary.md"
else
    OUT="$REPO/bench/out/isolation"; SUMMARY="$REPO/bench/out/isolation-summary.md"
fi

log() { printf '[bench-isolation %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

MODES=()
for arg in "$@"; do
    case "$arg" in
        local|in-process) MODES+=("$arg") ;;
        -h|--help) sed -n '2,36p' "$0"; exit 0 ;;
        *) die "unknown mode '$arg' (local | in-process)" ;;
    esac
done
[[ ${#MODES[@]} -gt 0 ]] || MODES=("${ALL_MODES[@]}")

[[ -f "$JAR" ]] || die "$JAR is missing (build the server first; this script never builds)"
[[ -x "$JAVA" ]] || die "no java at $JAVA (set BENCH_JAVA_HOME)"
[[ -x "$NGINX" ]] || die "$NGINX not found (apt-get install nginx-light)"
for tool in curl python3 wrk taskset; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
[[ "$(nproc)" -ge 2 || "$PIN" != 1 ]] || die "PIN=1 needs 2 CPUs"

mkdir -p "$OUT"
exec 9> "$OUT/.lock"   # one run at a time: they would share bench/out/isolation and the CPUs
flock -n 9 || die "another bench/isolation/run.sh is running"
rm -f "$OUT"/*.json "$OUT"/*.txt "$OUT"/*.log "$OUT"/*.tsv "$OUT"/*.yaml "$OUT"/*.ready "$OUT"/*-run-id
touch "$OUT/foreign-cpu.txt"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
# every data directory and the nginx prefix live under ROOT, so foreign_cpu.py counts their processes as ours
ROOT="$(mktemp -d /tmp/benchdeck-bench-isolation.XXXXXX)"
chmod 755 "$ROOT"   # nginx's worker runs as another user and must reach the file
CLK_TCK="$(getconf CLK_TCK)"
SERVER_PID="" NGINX_PID="" MONITOR_PID="" WS_PID="" WRK_PID="" DATA=""
# command prefixes pinning to CPU 0 / CPU 1 when PIN=1 (taskset execs: $! stays the process's own PID)
ON_CPU0=() ON_CPU1=()
if [[ "$PIN" == 1 ]]; then ON_CPU0=(taskset -c 0) ON_CPU1=(taskset -c 1); fi

postmaster_pid() {
    [[ -n "$DATA" && -r "$DATA/pgdata/postmaster.pid" ]] && head -1 "$DATA/pgdata/postmaster.pid" 2>/dev/null || true
}

stop_pid() {  # stop_pid PID SIGNAL SECONDS: signal, wait, then SIGKILL
    local pid="$1" i
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "-$2" "$pid" 2>/dev/null || true
    for ((i = 0; i < $3 * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid still running $3 s after SIG$2; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    stop_pid "$SERVER_PID" TERM 60
    SERVER_PID=""
    # a PostgreSQL left behind by a server that did not stop cleanly (ours: it lives in our data dir)
    local pm; pm="$(postmaster_pid)"
    if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null && grep -qs "$DATA/pgdata" "/proc/$pm/cmdline"; then
        log "stopping the embedded PostgreSQL left running (pid $pm)"
        kill -INT "$pm" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$WRK_PID" TERM 5
    stop_pid "$WS_PID" TERM 5
    stop_server
    stop_pid "$NGINX_PID" TERM 10
    stop_pid "$MONITOR_PID" TERM 5
    if [[ "${KEEP_DATA:-0}" == 1 ]]; then log "data kept in $ROOT"; else rm -rf "$ROOT"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
python3 "$HERE/../lib/foreign_cpu.py" monitor $$ "$ROOT" "$OUT/foreign-cpu.txt" &
MONITOR_PID=$!

# ---------------------------------------------------------------------------------------------
# the target: nginx, one worker, a 100-byte file (bench/nginx's configuration, its own prefix)

start_nginx() {
    local prefix="$ROOT/nginx" i
    NGINX_PORT="$(free_port)"
    mkdir -p "$prefix"/{html,tmp,logs}
    printf '%099d\n' 0 | tr 0 x > "$prefix/html/100b.txt"
    sed -e "s#@PREFIX@#$prefix#g" -e "s#@PORT@#$NGINX_PORT#g" "$REPO/bench/nginx/nginx.conf.template" > "$prefix/nginx.conf"
    "$NGINX" -t -q -p "$prefix" -e "$prefix/error.log" -c "$prefix/nginx.conf"
    "${ON_CPU1[@]}" "$NGINX" -p "$prefix" -e "$prefix/error.log" -c "$prefix/nginx.conf" > "$OUT/nginx.log" 2>&1 &
    NGINX_PID=$!
    for ((i = 0; i < 100; i++)); do
        curl -sf -m 1 -o /dev/null "http://127.0.0.1:$NGINX_PORT/100b.txt" && return 0
        kill -0 "$NGINX_PID" 2>/dev/null || die "nginx exited (see $prefix/error.log)"
        sleep 0.1
    done
    die "nginx did not answer on port $NGINX_PORT"
}

nginx_pids() { echo "$NGINX_PID $(ps -o pid= --ppid "$NGINX_PID" 2>/dev/null | tr '\n' ' ')"; }

# ---------------------------------------------------------------------------------------------
# the server under test, one per mode

start_server() {  # start_server MODE
    local flags=() t0 i
    [[ "$1" == in-process ]] && flags=(--benchdeck.agents.local=false)
    DATA="$ROOT/$1"
    PORT="$(free_port)"; DBPORT="$(free_port)"
    while [[ "$DBPORT" == "$PORT" ]]; do DBPORT="$(free_port)"; done
    BASE="http://127.0.0.1:$PORT"
    mkdir -p "$DATA"
    t0="$(now_ms)"
    # the API's per-token rate limit stays in the path but must not refuse the 50 API clients
    "${ON_CPU0[@]}" "$JAVA" -jar "$JAR" --server.port="$PORT" --benchdeck.data-dir="$DATA" \
        --benchdeck.embedded-db.port="$DBPORT" --benchdeck.security.api.requests-per-second=1000000 \
        --benchdeck.security.api.burst=1000000 "${flags[@]}" > "$OUT/$1-server.log" 2>&1 &
    SERVER_PID=$!
    for ((i = 0; ; i++)); do
        curl -s -m 1 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"' && break
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$OUT/$1-server.log" >&2; die "the $1 server exited before it was ready"; }
        (( i < 3000 )) || die "the $1 server was not ready after 300 s (log: $OUT/$1-server.log)"
        sleep 0.1
    done
    log "$1: server ready on $BASE in $(( $(now_ms) - t0 )) ms (data in $DATA)"
}

headless() {  # the server jar's users/tokens commands against this mode's database
    "$JAVA" -jar "$JAR" "$@" --benchdeck.data-dir="$DATA" --benchdeck.embedded-db.port="$DBPORT"
}

make_token() {
    local password
    password="bench passphrase $(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    echo "$password" | headless users add bench-admin --role admin >> "$OUT/headless.log" 2>&1 \
        || die "benchdeck users add failed (see $OUT/headless.log)"
    TOKEN="$(headless tokens create --user bench-admin --scopes read,run,admin --name bench 2>> "$OUT/headless.log")" \
        || die "benchdeck tokens create failed (see $OUT/headless.log)"
    AUTH=(-H "Authorization: Bearer $TOKEN")
}

api() { curl -sf -m 30 "${AUTH[@]}" "$BASE/api/v1$1" "${@:2}"; }
post_json() { api "$1" -X POST -H 'Content-Type: application/json' -d "$2"; }
json_get() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }

plan_yaml() {  # plan_yaml WARMUP DURATION: the run's plan, every other setting the default
    printf 'workload:\n  driver: http\n  method: GET\n  path: /100b.txt\nload:\n  model: open\n  arrival: constant\n  rate: %s\n  warmup: %s\n  duration: %s\n' \
        "$RATE" "$1" "$2"
}

make_scenario() {  # make_scenario NAME WARMUP DURATION: prints its id
    local body
    body="$(python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "target_id": int(sys.argv[2]), "plan_yaml": sys.argv[3]}))' \
        "$1" "$TARGET_ID" "$(plan_yaml "$2" "$3")")"
    post_json /scenarios "$body" | json_get 'd["id"]'
}

setup_mode() {
    make_token
    TARGET_ID="$(post_json /targets "{\"name\": \"nginx 100 B\", \"kind\": \"http\", \"url\": \"http://127.0.0.1:$NGINX_PORT\"}" | json_get 'd["id"]')"
    SCENARIO_ID="$(make_scenario "isolation: open $RATE/s, $DURATION" 2s "$DURATION")"
    WARMUP_SCENARIO_ID="$(make_scenario "isolation: warm-up, open $RATE/s, 10s" 0s 10s)"
    plan_yaml 2s "$DURATION" > "$OUT/plan.yaml"
}

agent_pid() {  # the local agent: the server's child running `… agent --server …`
    local pid
    for pid in $(ps -o pid= --ppid "$SERVER_PID" 2>/dev/null); do
        grep -qa -- '--label' "/proc/$pid/cmdline" 2>/dev/null && { echo "$pid"; return 0; }
    done
    return 0
}

pg_pids() {
    local pm; pm="$(postmaster_pid)"
    [[ -n "$pm" ]] && echo "$pm $(ps -o pid= --ppid "$pm" 2>/dev/null | tr '\n' ' ')"
}

ticks() { python3 "$HERE/../lib/foreign_cpu.py" ticks "$@"; }
# "epoch_ms server agent postgres nginx wrk" in CPU ticks so far (0 for what is not running); the WebSocket
# clients may exit before the run's end is seen, so they report their own CPU time
cpu_sample() {
    local agent
    agent="$(agent_pid)"
    # shellcheck disable=SC2046
    echo "$(now_ms) $(ticks "$SERVER_PID") $(ticks ${agent:-0}) $(ticks $(pg_pids)) $(ticks $(nginx_pids)) $(ticks ${WRK_PID:-0})"
}

wait_quiet() {
    local waited pct top
    read -r waited pct top < <(python3 "$HERE/../lib/foreign_cpu.py" quiet $$ "$ROOT" "${BENCH_QUIET_WAIT:-30}")
    (( pct < 10 )) || log "other processes use ${pct}% of a CPU ($top); measuring anyway (see the table)"
}

# Mean CPU % (of one CPU) other processes used between two epoch-ms instants.
foreign_between() {
    python3 - "$OUT/foreign-cpu.txt" "$1" "$2" <<'PY'
import sys
samples, t0, t1 = sys.argv[1], float(sys.argv[2]) / 1000, float(sys.argv[3]) / 1000
xs = [float(p[1]) for p in (l.split() for l in open(samples)) if len(p) > 1 and t0 < float(p[0]) <= t1 + 0.5]
print(round(sum(xs) / len(xs)) if xs else 0)
PY
}

# ---------------------------------------------------------------------------------------------
# one run, quiet or loaded

# start_clients NAME: the WebSocket clients, connected (their handshakes answered) before the run starts
start_clients() {
    local i
    rm -f "$OUT/$1-run-id"
    "${ON_CPU0[@]}" python3 "$HERE/lib/ws_clients.py" "$PORT" "$TOKEN" "$OUT/$1-run-id" "$WS_CLIENTS" \
        "$(( ${DURATION%s} + 90 ))" "$OUT/$1-ws.txt" 2> "$OUT/$1-ws.log" &
    WS_PID=$!
    for ((i = 0; i < 600; i++)); do
        [[ -e "$OUT/$1-ws.txt.ready" ]] && return 0
        kill -0 "$WS_PID" 2>/dev/null || { cat "$OUT/$1-ws.log" >&2; die "$1: the WebSocket clients exited"; }
        sleep 0.05
    done
    die "$1: $WS_CLIENTS WebSocket handshakes not answered within 30 s"
}

# start_load NAME RUN_ID: the clients subscribe to the run; wrk starts, bounded by its -d
start_load() {
    echo "$2" > "$OUT/$1-run-id.part" && mv "$OUT/$1-run-id.part" "$OUT/$1-run-id"
    "${ON_CPU0[@]}" wrk -t2 -c"$API_CLIENTS" -d"$(( ${DURATION%s} + 60 ))s" --latency "${AUTH[@]}" \
        -s "$HERE/lib/api-load.lua" "$BASE" -- "/api/v1/runs?size=20" "/api/v1/runs/$2" > "$OUT/$1-wrk.txt" 2>&1 &
    WRK_PID=$!
}

stop_load() {
    # wrk prints its figures on SIGINT; the WebSocket clients stop by themselves at the run's final status
    stop_pid "$WRK_PID" INT 10
    stop_pid "$WS_PID" TERM 10
    WRK_PID="" WS_PID=""
}

# measure_run MODE KIND ROUND SCENARIO: one run, measured again (up to 3 attempts) while other processes used
# more than 10 % of a CPU meanwhile; every attempt goes to runs.tsv, report.py keeps the quietest
measure_run() {
    local attempt
    for attempt in 1 2 3; do
        run_once "$@" "$attempt" && return 0
    done
}

# run_once MODE KIND ROUND SCENARIO ATTEMPT: appends a row to runs.tsv; false when it should be measured again
run_once() {
    local mode="$1" kind="$2" round="$3" scenario="$4" attempt="$5" name id status="" before after t0 t1 i limit foreign
    name="$mode-$kind-$round"
    [[ "$attempt" == 1 ]] || name="$name-try$attempt"
    if [[ "$PIN" == 1 ]]; then
        local a; a="$(agent_pid)"
        [[ -z "$a" ]] || taskset -a -p -c 1 "$a" > /dev/null
    fi
    wait_quiet
    [[ "$kind" == quiet ]] || start_clients "$name"
    before="$(cpu_sample)"
    t0="$(now_ms)"
    id="$(api "/scenarios/$scenario/runs" -X POST | json_get 'd["id"]')" || die "$name: starting the run failed"
    [[ "$kind" == quiet ]] || start_load "$name" "$id"
    limit=$(( (${DURATION%s} + 2 + 90) * 2 ))   # half-second polls: the plan's length plus 90 s
    for ((i = 0; i < limit; i++)); do
        status="$(api "/runs/$id" | json_get 'd["status"]' 2>/dev/null || echo "?")"
        [[ "$status" == queued || "$status" == running || "$status" == "?" ]] || break
        sleep 0.5
    done
    t1="$(now_ms)"
    after="$(cpu_sample)"   # wrk's ticks before it stops
    [[ "$kind" == quiet ]] || stop_load
    if [[ "$status" == queued || "$status" == running || "$status" == "?" ]]; then
        log "$name: run $id still $status after $(( limit / 2 )) s; cancelling it"
        api "/runs/$id/cancel" -X POST > /dev/null || true
        status="timed-out"
    fi
    api "/runs/$id" > "$OUT/$name-run.json" || echo '{}' > "$OUT/$name-run.json"
    sleep 1   # the monitor's sample covering the end
    foreign="$(foreign_between "$t0" "$t1")"
    log "$name: run $id $status in $(( (t1 - t0) / 1000 )) s, other processes ${foreign} % of a CPU: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("p50 %s ms, p99 %s ms, %s req/s" % (d.get("p50_ms"), d.get("p99_ms"), d.get("throughput")))' "$OUT/$name-run.json")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$kind" "$round" "$name" "$id" "$status" "$before" "$after" \
        "$foreign" "$(agent_pid)" >> "$OUT/runs.tsv"
    if [[ "$attempt" -lt 3 && "$kind" != warmup && "$status" == completed ]] && (( foreign > 10 )); then
        log "$name: measuring again (other processes used ${foreign} % of a CPU)"
        return 1
    fi
}

run_mode() {
    local mode="$1" round
    start_server "$mode"
    setup_mode
    if [[ "$mode" == local ]]; then
        for _ in $(seq 1 100); do [[ -n "$(agent_pid)" ]] && break; sleep 0.2; done
        [[ -n "$(agent_pid)" ]] || die "local: no local agent process under the server (pid $SERVER_PID)"
        log "local: agent pid $(agent_pid)"
    fi
    # the JIT compiles the API's, the live feed's and the run's paths first (a long-running server is warm)
    measure_run "$mode" warmup 0 "$WARMUP_SCENARIO_ID"
    for round in $(seq 1 "$ROUNDS"); do
        measure_run "$mode" quiet "$round" "$SCENARIO_ID"
        measure_run "$mode" loaded "$round" "$SCENARIO_ID"
    done
    cp "$DATA/logs/local-1.log" "$OUT/$mode-agent.log" 2>/dev/null || true
    stop_server
}

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet HEAD -- server engine drivers 2>/dev/null || echo ' (+ local changes)')"
    echo "server jar: $(sha256sum "$JAR" | cut -c1-16)"
    echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "nginx: $("$NGINX" -v 2>&1)"
    echo "wrk: $(wrk -v 2>&1 | head -1)"
    echo "rounds: $ROUNDS; rate: $RATE/s; duration: $DURATION; ws clients: $WS_CLIENTS; api clients: $API_CLIENTS; pin: $PIN"
    echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/meta.txt"
printf 'mode\tkind\tround\tname\trun\tstatus\tbefore\tafter\tforeign\tagent\n' > "$OUT/runs.tsv"

SUITE_T0="$(now_ms)"
start_nginx
log "nginx on 127.0.0.1:$NGINX_PORT (pid $NGINX_PID); output in $OUT"
for mode in "${MODES[@]}"; do run_mode "$mode"; done
echo "suite_seconds $(( ($(now_ms) - SUITE_T0) / 1000 ))" >> "$OUT/meta.txt"
python3 "$HERE/lib/report.py" "$OUT" "$SUMMARY" "$CLK_TCK"
