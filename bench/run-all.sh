#!/usr/bin/env bash
# Benchdeck vs peer tools (wrk, ab), side by side in one run on 127.0.0.1.
#
#   bench/run-all.sh                       # every section: throughput connections open accuracy co memory cli
#                                          #   db llm startup
#   bench/run-all.sh throughput accuracy   # only some
#
# db, llm and startup run the suites beside this one (bench/db/run.sh select load connect,
# bench/llm/run.sh scale scale-jdk scale-3k gatling-scale, bench/server/run.sh startup) and append their tables to the
# summary: with the sections above they are issue 16's five benchmarks.
#
# Servers under test are pinned to CPU 0 and load generators (wrk, ab, Benchdeck) to CPU 1 with
# taskset (SERVER_CPU / LOAD_CPU override). Raw outputs go to bench/out/ (gitignored), the table
# is printed and written to bench/out/summary.md. See bench/README.md.
#
# Environment:
#   BENCHDECK        command that runs Benchdeck (default: "$REPO/benchdeck"); may contain flags,
#                    e.g. BENCHDECK="java -jar cli/target/benchdeck.jar"
#   JAVA_HOME        JDK for the Java servers (default: temurin-25, else the java on PATH)
#   MEMORY_JAVA_OPTS JAVA_OPTS for Benchdeck in the memory section only (default: unset, i.e. the
#                    launcher's defaults); JAVA_OPTS itself applies to every Benchdeck run
#   BENCH_SYSCTL=0   do not raise net.core.somaxconn (raised to 16384 for the run, then restored)
#   ROUNDS           alternating rounds of wrk and Benchdeck in throughput and connections (default 3;
#                    the table compares the medians, and the best runs beside them)
#   BENCH_QUIET_WAIT before each measured run, wait up to this many seconds (default 20) for other
#                    processes to be nearly idle (they skew results; 0 = don't wait)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out"
WORK="$BENCH/.work"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
NGINX_PORT=8081   # throughput: nginx, 100-byte file
ACC_PORT=8082     # accuracy: DelayServer --delay-ms 20
CO_PORT=8083      # co: DelayServer stalling 1 s every 5 s
MEM_PORT=8084     # memory: DelayServer --delay-ms 1000
ALL_SECTIONS=(throughput connections open accuracy co memory cli db llm startup)
ROUNDS="${ROUNDS:-3}"

if [[ -z "${JAVA_HOME:-}" ]]; then
    if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    elif command -v java >/dev/null 2>&1; then
        JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    fi
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
read -r -a BENCHDECK_CMD <<< "${BENCHDECK:-$REPO/benchdeck}"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# arguments

SECTIONS=()
for arg in "$@"; do
    case "$arg" in
        throughput|connections|open|accuracy|co|memory|cli|db|llm|startup) SECTIONS+=("$arg") ;;
        all) SECTIONS+=("${ALL_SECTIONS[@]}") ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) die "unknown section '$arg' (throughput|connections|open|accuracy|co|memory|cli|db|llm|startup)" ;;
    esac
done
[[ ${#SECTIONS[@]} -gt 0 ]] || SECTIONS=("${ALL_SECTIONS[@]}")
want() { local s; for s in "${SECTIONS[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

# ---------------------------------------------------------------------------------------------
# prerequisites

ensure_packages() {
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v ab >/dev/null 2>&1 || missing+=(apache2-utils)
    [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ $(id -u) -ne 0 ]]; then
        die "missing: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    fi
    log "installing ${missing[*]} (apt-get)"
    # keep Debian's nginx service from starting on :80 while installing (only if no policy exists)
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && own_policy=1
    fi
    local rc=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
        > "$WORK/apt.log" 2>&1 || rc=$?
    [[ $own_policy -eq 1 ]] && rm -f "$policy"
    [[ $rc -eq 0 ]] || die "apt-get failed, see $WORK/apt.log"
}

mkdir -p "$OUT" "$WORK"
# one run at a time: two suites would share ports, CPUs and bench/out/
exec 9> "$WORK/run-all.lock"
if ! flock -n 9; then
    die "another bench/run-all.sh is running (lock $WORK/run-all.lock); wait for it to finish"
fi
ensure_packages
[[ -x "$JAVA" ]] || die "no JDK found (set JAVA_HOME)"
[[ $(nproc) -ge 2 ]] || log "warning: fewer than 2 CPUs; pinning server and load generator apart is impossible"

if [[ ! -x "${BENCHDECK_CMD[0]}" ]] && ! command -v "${BENCHDECK_CMD[0]}" >/dev/null 2>&1; then
    die "Benchdeck command not found: ${BENCHDECK_CMD[0]} (set BENCHDECK)"
fi

# ---------------------------------------------------------------------------------------------
# process bookkeeping: everything started here is stopped on exit, by PID

PIDS=()
SOMAXCONN_ORIG=""
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ -n "$SOMAXCONN_ORIG" ]]; then
        sysctl -q -w net.core.somaxconn="$SOMAXCONN_ORIG" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {
    local keep=() p
    for p in "${PIDS[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
    PIDS=("${keep[@]+"${keep[@]}"}")
}

stop_pid() { # stop_pid PID [SIGNAL]
    local pid="$1" sig="${2:-TERM}"
    kill -"$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    forget_pid "$pid"
}

wait_port() { # wait_port PORT PID
    local port="$1" pid="$2"
    for _ in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || die "server (pid $pid) for port $port exited; see $OUT"
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    die "nothing listens on 127.0.0.1:$port after 30 s"
}

port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        die "127.0.0.1:$1 is already in use; stop whatever listens there"
    fi
}

SERVER_PID=""
start_delay_server() { # start_delay_server NAME PORT ARGS...
    local name="$1" port="$2"; shift 2
    port_free "$port"
    # the server's JVM sees one CPU (taskset), so it runs one virtual-thread carrier; a large young
    # generation keeps (single-threaded) collections out of the measured seconds
    taskset -c "$SERVER_CPU" "$JAVA" -Xms1g -Xmn800m -XX:+UseSerialGC -Xlog:gc:file="$OUT/$name-server-gc.log" \
        "$BENCH/servers/DelayServer.java" --port "$port" "$@" > "$OUT/$name-server.log" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_port "$port" "$SERVER_PID"
}

start_nginx() {
    port_free "$NGINX_PORT"
    NGINX_PREFIX="$WORK/nginx-$NGINX_PORT" taskset -c "$SERVER_CPU" \
        "$BENCH/nginx/start-nginx.sh" "$NGINX_PORT" > "$OUT/throughput-nginx.log" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_port "$NGINX_PORT" "$SERVER_PID"
}

stop_nginx() { # the wrapper's PID is nginx's master (start-nginx.sh execs it); the pid file double-checks
    local pidfile="$WORK/nginx-$NGINX_PORT/nginx.pid" master=""
    [[ -f "$pidfile" ]] && master=$(cat "$pidfile" 2>/dev/null || true)
    stop_pid "$SERVER_PID" QUIT
    if [[ -n "$master" && "$master" != "$SERVER_PID" ]] && kill -0 "$master" 2>/dev/null \
        && grep -q "nginx-$NGINX_PORT" "/proc/$master/cmdline" 2>/dev/null; then
        kill -QUIT "$master" 2>/dev/null || true
    fi
}

on_load_cpu() { taskset -c "$LOAD_CPU" "$@"; }

wait_quiet() { # before a measurement: wait (up to BENCH_QUIET_WAIT s) until other processes are nearly idle
    local max="${BENCH_QUIET_WAIT:-20}" waited pct top
    [[ "$max" -gt 0 ]] || return 0
    read -r waited pct top < <(python3 "$BENCH/lib/foreign_cpu.py" quiet $$ - "$max")
    if (( pct >= 10 )); then
        log "other processes still use ${pct}% of a CPU ($top) after ${waited} s: measuring anyway"
    elif (( waited > 2 )); then
        log "waited ${waited} s for other processes to calm down"
    fi
}

cpu_ticks() { # cpu_ticks N: "busy total" jiffies of CPU N
    awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

timed() { # timed NAME CMD...: runs CMD, appends "NAME start end server% load%" to out/timeline.txt
    # (busy % of the server's and the load generator's CPU over the run), returns CMD's status
    local name="$1" t0 rc=0 s0 l0 s1 l1; shift
    s0=($(cpu_ticks "$SERVER_CPU")); l0=($(cpu_ticks "$LOAD_CPU"))
    t0=$(date +%s.%N)
    "$@" || rc=$?
    s1=($(cpu_ticks "$SERVER_CPU")); l1=($(cpu_ticks "$LOAD_CPU"))
    echo "$name $t0 $(date +%s.%N) $(( 100 * (s1[0] - s0[0]) / (s1[1] - s0[1] > 0 ? s1[1] - s0[1] : 1) ))" \
        "$(( 100 * (l1[0] - l0[0]) / (l1[1] - l0[1] > 0 ? l1[1] - l0[1] : 1) ))" >> "$OUT/timeline.txt"
    return "$rc"
}

run_wrk() { # run_wrk OUTFILE ARGS... (a bounded run: wrk stops itself after -d)
    local outfile="$1" rc=0; shift
    log "wrk $*"
    wait_quiet
    timed "$(basename "${outfile%.*}")" on_load_cpu timeout 120 wrk "$@" > "$outfile" 2>&1 || rc=$?
    [[ $rc -eq 0 ]] || log "wrk exited with $rc (see $outfile)"
}

run_benchdeck() { # run_benchdeck NAME PLAN [wrapper...]: writes NAME.json, NAME.log, NAME.rc
    local name="$1" plan="$2"; shift 2
    local rc=0
    log "benchdeck run $(basename "$plan") -> out/$name.json"
    rm -f "$OUT/$name.json"
    wait_quiet
    timed "$name" on_load_cpu timeout 300 "$@" "${BENCHDECK_CMD[@]}" run "$plan" --out "$OUT/$name.json" \
        > "$OUT/$name.log" 2>&1 || rc=$?
    echo "$rc" > "$OUT/$name.rc"
    case "$rc" in
        0|1) ;;
        *) log "benchdeck exited with $rc (2 invalid plan, 3 run failed); see out/$name.log" ;;
    esac
}

raise_limits() {
    local want=65536 hard
    hard=$(ulimit -Hn)
    if ! ulimit -n "$want" 2>/dev/null; then
        [[ "$hard" != unlimited && "$hard" -lt "$want" ]] && want="$hard"
        ulimit -n "$want" 2>/dev/null || true
    fi
    if [[ "${BENCH_SYSCTL:-1}" != 0 && $(id -u) -eq 0 ]]; then
        local cur
        cur=$(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo 0)
        if [[ "$cur" -lt 16384 ]] && sysctl -q -w net.core.somaxconn=16384 >/dev/null 2>&1; then
            SOMAXCONN_ORIG="$cur"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------
# sections

alternate_rounds() { # alternate_rounds NAME CONNECTIONS PLAN PAUSE: wrk and Benchdeck in turn, ROUNDS times each
    local name="$1" conns="$2" plan="$3" pause="$4" url="http://127.0.0.1:$NGINX_PORT/100b.txt" i
    for i in $(seq 1 "$ROUNDS"); do
        run_wrk "$OUT/$name-wrk-$i.txt" -t1 -c"$conns" -d10s --latency "$url"
        sleep "$pause" # closed connections drain before the next tool connects
        run_benchdeck "$name-benchdeck-$i" "$BENCH/plans/$plan"
        sleep "$pause"
    done
}

section_throughput() {
    log "== throughput: nginx 100-byte file, wrk -t1 -c50 -d10s vs benchdeck closed 50 users 10 s (+2 s warm-up), $ROUNDS rounds"
    rm -f "$OUT"/throughput-*
    start_nginx
    local url="http://127.0.0.1:$NGINX_PORT/100b.txt"
    alternate_rounds throughput 50 throughput.yaml 0
    log "ab -k -c50 -t10 -n 100000000"
    wait_quiet
    timed throughput-ab on_load_cpu timeout 60 ab -q -k -c50 -t10 -n 100000000 "$url" \
        > "$OUT/throughput-ab.txt" 2>&1 || log "ab exited with $? (see out/throughput-ab.txt)"
    stop_nginx
    python3 "$BENCH/lib/results.py" section throughput "$OUT"
}

section_connections() {
    log "== connections: nginx 100-byte file, wrk -t1 -c1000 -d10s vs benchdeck closed 1,000 users 10 s (+2 s warm-up), $ROUNDS rounds"
    rm -f "$OUT"/connections-*
    start_nginx
    alternate_rounds connections 1000 connections.yaml 1
    stop_nginx
    python3 "$BENCH/lib/results.py" section connections "$OUT"
}

section_open() {
    log "== open: nginx 100-byte file, benchdeck open model at 20,000/s and 50,000/s, 10 s (+2 s warm-up) each"
    rm -f "$OUT"/open-*
    start_nginx
    # JIT-warm nginx's page cache and sockets (discarded)
    on_load_cpu timeout 30 wrk -t1 -c50 -d2s "http://127.0.0.1:$NGINX_PORT/100b.txt" > /dev/null 2>&1 || true
    run_benchdeck open-benchdeck-20k "$BENCH/plans/open-20k.yaml"
    run_benchdeck open-benchdeck-50k "$BENCH/plans/open-50k.yaml"
    stop_nginx
    python3 "$BENCH/lib/results.py" section open "$OUT"
}

section_cli() {
    log "== cli: a whole one-request run (benchdeck run plans/one-request.yaml), wall time of 3 runs"
    rm -f "$OUT"/cli-*
    start_nginx
    local i
    for i in 1 2 3; do
        wait_quiet
        on_load_cpu /usr/bin/time -f "%e %M" -o "$OUT/cli-$i.time" "${BENCHDECK_CMD[@]}" run "$BENCH/plans/one-request.yaml" \
            --out "$OUT/cli-$i.json" > "$OUT/cli-$i.log" 2>&1 || log "benchdeck exited with $? (see out/cli-$i.log)"
    done
    stop_nginx
    python3 "$BENCH/lib/results.py" section cli "$OUT"
}

section_accuracy() {
    log "== accuracy: DelayServer 20 ms, wrk -t1 -c10 -d10s --latency vs benchdeck closed 10 users 10 s"
    rm -f "$OUT"/accuracy-*
    start_delay_server accuracy "$ACC_PORT" --delay-ms 20
    # JIT-warm the server (discarded) so neither tool measures a cold server
    on_load_cpu timeout 30 wrk -t1 -c10 -d3s "http://127.0.0.1:$ACC_PORT/" > /dev/null 2>&1 || true
    run_wrk "$OUT/accuracy-wrk.txt" -t1 -c10 -d10s --latency "http://127.0.0.1:$ACC_PORT/"
    run_benchdeck accuracy-benchdeck "$BENCH/plans/accuracy.yaml"
    stop_pid "$SERVER_PID"
    python3 "$BENCH/lib/results.py" section accuracy "$OUT"
}

section_co() {
    log "== coordinated omission: DelayServer stalling 1 s every 5 s, benchdeck open 200/s 20 s vs wrk -t1 -c10 -d20s"
    rm -f "$OUT"/co-*
    start_delay_server co "$CO_PORT" --stall-every-ms 5000 --stall-ms 1000
    run_benchdeck co-benchdeck "$BENCH/plans/co.yaml"
    run_wrk "$OUT/co-wrk.txt" -t1 -c10 -d20s --latency "http://127.0.0.1:$CO_PORT/"
    stop_pid "$SERVER_PID"
    python3 "$BENCH/lib/results.py" section co "$OUT"
}

section_memory() {
    log "== memory: DelayServer 1 s, benchdeck closed 10,000 users 15 s (+3 s warm-up) under /usr/bin/time -v"
    rm -f "$OUT"/memory-*
    start_delay_server memory "$MEM_PORT" --delay-ms 1000 --stats
    on_load_cpu timeout 30 wrk -t1 -c200 -d2s "http://127.0.0.1:$MEM_PORT/" > /dev/null 2>&1 || true
    echo "${MEMORY_JAVA_OPTS:-${JAVA_OPTS:-}}" > "$OUT/memory-java-opts.txt"
    if [[ -n "${MEMORY_JAVA_OPTS:-}" ]]; then
        JAVA_OPTS="$MEMORY_JAVA_OPTS" run_benchdeck memory-benchdeck "$BENCH/plans/memory.yaml" \
            /usr/bin/time -v -o "$OUT/memory-benchdeck.time"
    else
        run_benchdeck memory-benchdeck "$BENCH/plans/memory.yaml" /usr/bin/time -v -o "$OUT/memory-benchdeck.time"
    fi
    # reference: what wrk gets from the same server with 10,000 connections (its total includes the
    # first, response-less second, so its ceiling is about 10,000 x 14/15)
    sleep 2 # let the 10,000 closed connections drain
    log "wrk -t1 -c10000 -d15s (reference, under /usr/bin/time -v)"
    wait_quiet
    timed memory-wrk on_load_cpu timeout 120 /usr/bin/time -v -o "$OUT/memory-wrk.time" \
        wrk -t1 -c10000 -d15s --latency --timeout 10s "http://127.0.0.1:$MEM_PORT/" > "$OUT/memory-wrk.txt" 2>&1 \
        || log "wrk exited with $?"
    stop_pid "$SERVER_PID"
    python3 "$BENCH/lib/results.py" section memory "$OUT"
}

# the suites beside this one: each writes its own summary, appended to ours at the end
DELEGATED=()
section_db() {
    log "== db: bench/db/run.sh select load connect (PostgreSQL 15 vs pgbench)"
    "$BENCH/db/run.sh" select load connect || log "bench/db/run.sh exited with $?"
    DELEGATED+=("$OUT/db/summary.md")
}

section_llm() {
    log "== llm: bench/llm/run.sh scale scale-jdk scale-3k gatling-scale (10,000 streams: Benchdeck's loop, the JDK client, Gatling)"
    "$BENCH/llm/run.sh" scale scale-jdk scale-3k gatling-scale || log "bench/llm/run.sh exited with $?"
    DELEGATED+=("$OUT/llm/summary.md")
}

section_startup() {
    log "== startup: bench/server/run.sh startup (start to ready, with and without the AOT cache)"
    BENCH_INSIDE_RUN_ALL=1 "$BENCH/server/run.sh" startup || log "bench/server/run.sh exited with $?"
    DELEGATED+=("$OUT/server-summary.md")
}

# ---------------------------------------------------------------------------------------------

raise_limits
started=$(date +%s)
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), host: $(nproc) CPUs, $(uname -sr)"
    echo "pinning: servers under test (nginx, DelayServer) on CPU $SERVER_CPU; load generators (wrk, ab, Benchdeck) on CPU $LOAD_CPU (taskset)"
    echo "benchdeck: ${BENCHDECK_CMD[*]}$( [[ -n "${JAVA_OPTS:-}" ]] && echo " (JAVA_OPTS=$JAVA_OPTS)")"
    echo "peers: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), ab $(ab -V 2>&1 | sed -n 's/.*Version \([^ ]*\).*/\1/p' | head -1), $(/usr/sbin/nginx -v 2>&1 | sed 's/.*: //'), server JDK $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2)"
    echo "limits: ulimit -n $(ulimit -n), net.core.somaxconn $(cat /proc/sys/net/core/somaxconn 2>/dev/null); load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other busy processes skew results)"
    echo "sections: ${SECTIONS[*]}"
} > "$OUT/meta.txt"
rm -f "$OUT"/*.section.json "$OUT/timeline.txt" "$OUT/foreign-cpu.txt"
# how busy the rest of the machine is while we measure (shown beside every run)
python3 "$BENCH/lib/foreign_cpu.py" monitor $$ - "$OUT/foreign-cpu.txt" &
PIDS+=("$!")

want throughput && section_throughput
want connections && section_connections
want open && section_open
want accuracy && section_accuracy
want cli && section_cli
want co && section_co
want memory && section_memory
want db && section_db
want llm && section_llm
want startup && section_startup

echo "total: $(( $(date +%s) - started )) s" >> "$OUT/meta.txt"
python3 "$BENCH/lib/results.py" report "$OUT"
for summary in "${DELEGATED[@]}"; do
    [[ -f "$summary" ]] && { echo; cat "$summary"; } | tee -a "$OUT/summary.md"
done
log "summary written to $OUT/summary.md"
