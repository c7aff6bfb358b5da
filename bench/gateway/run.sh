#!/usr/bin/env bash
# The streaming gateway's benchmarks: Benchdeck's llm driver as the load generator, the mock LLM as the
# upstream, the gateway in between (benchdeck gateway, another JVM), all on 127.0.0.1.
#
#   bench/gateway/run.sh                       # every section: overhead sweep scale cache failover
#   bench/gateway/run.sh overhead cache        # only some
#   SMALL=1 bench/gateway/run.sh               # a smoke test of the scripts: small sizes, short runs
#
# overhead  the mock directly vs through the gateway (cache off), one after the other: 1,000 concurrent
#           streams, then an open 1,000 requests/s; TTFT/ITL p50 and p99 of both, the gateway's stage times
# sweep     open rates (SWEEP_RATES) direct and through the gateway: the highest rate whose added TTFT p99 ≤ 5 ms
# scale     10,000 concurrent streams through one gateway: errors, the gateway's peak RSS and CPU per stream
# cache     cached answers replayed at once: requests/s and p99
# failover  two upstreams; the primary fails every stream (mid-stream errors) from 8 s on: requests failed
#           before its circuit opened, time to open, failures after it
#
# The gateway runs on CPU 0 (GATEWAY_CPU), the mock and Benchdeck on CPU 1 (MOCK_CPU, LOAD_CPU) in every
# run, direct ones included, so the difference between a direct run and one through the gateway is the
# gateway's hop. Before each run the script waits (up to BENCH_QUIET_WAIT s) for other processes to use
# under 10 % of a CPU, records their CPU once a second (bench/lib/foreign_cpu.py), and the summary marks
# any run they skewed as not valid for publishing. Outputs in bench/out/gateway/ (gitignored).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out/gateway"
GATEWAY_CPU="${GATEWAY_CPU:-0}"
MOCK_CPU="${MOCK_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-1}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-30}"
ALL_SECTIONS=(overhead sweep scale cache failover)
TOKEN="bench-gateway-admin-token-$$-0123456789"

if [[ "${SMALL:-0}" == 1 ]]; then
    USERS=50 RATE=50 SWEEP_RATES="${SWEEP_RATES:-25 50}" SCALE_USERS=200 DURATION=4s WARMUP=1s FAILOVER_RATE=20 FAILOVER_S=12
else
    USERS=1000 RATE=1000 SWEEP_RATES="${SWEEP_RATES:-500 1000 1500 2000 3000}" SCALE_USERS=10000 DURATION=20s WARMUP=3s FAILOVER_RATE=200 FAILOVER_S=20
fi

log() { printf '[bench-gateway %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

SECTIONS=()
for arg in "$@"; do
    case "$arg" in
        overhead|sweep|scale|cache|failover) SECTIONS+=("$arg") ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) die "unknown section '$arg' (overhead|sweep|scale|cache|failover)" ;;
    esac
done
[[ ${#SECTIONS[@]} -gt 0 ]] || SECTIONS=("${ALL_SECTIONS[@]}")

if [[ -z "${JAVA_HOME:-}" ]]; then
    . "$REPO/bin/find-java.sh" && export JAVA_HOME="$BENCHDECK_JAVA_HOME"
fi
JAVA="$JAVA_HOME/bin/java"
JAR="$REPO/cli/target/benchdeck.jar"
if [[ ! -f "$JAR" || -n "$(find "$REPO/services" "$REPO/drivers" "$REPO/cli/src" -newer "$JAR" -name '*.java' -print -quit)" ]]; then
    log "building the CLI (./mvnw -q package -DskipTests -pl cli -am)"
    (cd "$REPO" && ./mvnw -q -B package -DskipTests -Dmaven.jar.forceCreation=true -pl cli -am) && touch "$JAR"
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
rm -rf "$OUT" && mkdir -p "$OUT"
: >"$OUT/timeline.txt"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 "$BENCH/lib/foreign_cpu.py" monitor $$ - "$OUT/foreign-cpu.txt" &
PIDS+=($!)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

await_http() { # URL LOG PID
    for _ in $(seq 1 200); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$3" 2>/dev/null || die "process $3 ended, see $2"
        sleep 0.1
    done
    die "$1 did not answer, see $2"
}

# start_mock PORT [mock options]: the mock LLM on MOCK_CPU; sets MOCK_PID
start_mock() {
    local port="$1"; shift
    taskset -c "$MOCK_CPU" "$JAVA" -jar "$JAR" mock-llm --port "$port" "$@" >"$OUT/mock-$port.log" 2>&1 &
    MOCK_PID=$!; PIDS+=("$MOCK_PID")
    await_http "http://127.0.0.1:$port/mock/stats" "$OUT/mock-$port.log" "$MOCK_PID"
}

# start_gateway PORT CONFIG: benchdeck gateway on GATEWAY_CPU; sets GW_PID
start_gateway() {
    BENCHDECK_GATEWAY_ADMIN_TOKEN="$TOKEN" taskset -c "$GATEWAY_CPU" "$JAVA" -XX:+UseParallelGC -jar "$JAR" gateway \
        --port "$1" --config "$2" --admin-token-file "$OUT/unused-token" >"$OUT/gateway-$1.log" 2>&1 &
    GW_PID=$!; PIDS+=("$GW_PID")
    await_http "http://127.0.0.1:$1/health" "$OUT/gateway-$1.log" "$GW_PID"
}

stop() { # PID: stops it, leaves its peak RSS (KiB) in STOP_RSS and CPU seconds in STOP_CPU
    STOP_RSS=$(awk '/VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0)
    STOP_CPU=$(cpu_seconds "$1")
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

cpu_seconds() {
    python3 -c "import os; f=open('/proc/$1/stat').read().rsplit(')',1)[1].split(); print('%.2f' % ((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK')))" 2>/dev/null || echo 0
}

admin() { curl -fsS -H "Authorization: Bearer $TOKEN" "$1"; }

# run_benchdeck LABEL PLAN: waits for a quiet machine, runs the plan on LOAD_CPU, notes its time span
run_benchdeck() {
    local label="$1" plan="$2" quiet
    quiet=$(python3 "$BENCH/lib/foreign_cpu.py" quiet $$ - "$QUIET_WAIT")
    log "$label: machine quiet after ${quiet%% *} s (foreign CPU ${quiet#* })"
    local start; start=$(date +%s.%N)
    taskset -c "$LOAD_CPU" "$JAVA" -jar "$JAR" run "$plan" --quiet --out "$OUT/$label.json" >"$OUT/$label.log" 2>&1 \
        || log "$label: Benchdeck exited $? (see $OUT/$label.log)"
    printf '%s %s %s\n' "$label" "$start" "$(date +%s.%N)" >>"$OUT/timeline.txt"
}

# plan FILE URL API LOAD [EXTRA]: writes a plan for the llm driver
plan() {
    local file="$1" url="$2" api="$3" load="$4" extra="${5:-}"
    local workload
    if [[ "$api" == gateway ]]; then
        workload="{driver: llm, api: gateway, gateway_provider: mock, model: mock-1, prompt: \"$extra\${seq}\"}"
    else
        workload="{driver: llm, api: openai-chat, model: mock-1, prompt: \"$extra\${seq}\"}"
    fi
    cat >"$file" <<EOF
name: $(basename "$file" .yaml)
target: {url: $url, provider: mock}
workload: $workload
load: $load
timeout: 60s
EOF
}

gateway_config() { # FILE MOCK_PORT [settings]
    cat >"$1" <<EOF
providers:
  - {name: mock, type: openai, base_url: "http://127.0.0.1:$2/v1", models: [mock-1]}
settings: {enable_caching: false, max_concurrent_connections: 20000, queue_size: 0,
           rate_limit: {requests_per_minute: 0, tokens_per_minute: 0}${3:+, $3}}
EOF
}

RESULTS="$OUT/results.tsv"
: >"$RESULTS"
MOCK_OPTS=(--ttft 200 --ttft-spread 0 --itl 20 --itl-spread 0 --tokens 50 --tokens-spread 0)
for section in "${SECTIONS[@]}"; do
    mport=$(free_port); gport=$(free_port)
    case "$section" in
        overhead)
            start_mock "$mport" "${MOCK_OPTS[@]}"
            gateway_config "$OUT/overhead-gateway.yaml" "$mport"
            start_gateway "$gport" "$OUT/overhead-gateway.yaml"
            closed="{model: closed, users: $USERS, ramp: 2s, warmup: $WARMUP, duration: $DURATION}"
            open="{model: open, arrival: constant, rate: $RATE, max_in_flight: 20000, warmup: $WARMUP, duration: $DURATION}"
            plan "$OUT/overhead-closed-direct.yaml" "http://127.0.0.1:$mport" openai-chat "$closed"
            plan "$OUT/overhead-closed-gateway.yaml" "http://127.0.0.1:$gport" gateway "$closed"
            plan "$OUT/overhead-open-direct.yaml" "http://127.0.0.1:$mport" openai-chat "$open"
            plan "$OUT/overhead-open-gateway.yaml" "http://127.0.0.1:$gport" gateway "$open"
            for run in closed-direct closed-gateway open-direct open-gateway; do
                log "overhead: $run"
                run_benchdeck "overhead-$run" "$OUT/overhead-$run.yaml"
                [[ "$run" == *gateway ]] && admin "http://127.0.0.1:$gport/admin/execution-stats" >"$OUT/overhead-$run.stats.json"
            done
            stop "$GW_PID"; stop "$MOCK_PID"
            printf 'overhead %s\n' "$OUT" >>"$RESULTS"
            ;;
        sweep)
            start_mock "$mport" "${MOCK_OPTS[@]}"
            gateway_config "$OUT/sweep-gateway.yaml" "$mport"
            start_gateway "$gport" "$OUT/sweep-gateway.yaml"
            steps=""
            for r in $SWEEP_RATES; do steps+="{rate: $r}, "; done
            load="{model: open, arrival: constant, max_in_flight: 30000, warmup: $WARMUP, duration: $DURATION, steps: [${steps%, }]}"
            plan "$OUT/sweep-direct.yaml" "http://127.0.0.1:$mport" openai-chat "$load"
            plan "$OUT/sweep-gateway.yaml.plan" "http://127.0.0.1:$gport" gateway "$load"
            log "sweep: direct, rates $SWEEP_RATES"
            run_benchdeck sweep-direct "$OUT/sweep-direct.yaml"
            log "sweep: through the gateway"
            run_benchdeck sweep-gateway "$OUT/sweep-gateway.yaml.plan"
            stop "$GW_PID"; stop "$MOCK_PID"
            printf 'sweep %s\n' "$OUT" >>"$RESULTS"
            ;;
        scale)
            start_mock "$mport" --ttft 200 --ttft-spread 0 --itl 100 --itl-spread 0 --tokens 30 --tokens-spread 0
            gateway_config "$OUT/scale-gateway.yaml" "$mport"
            start_gateway "$gport" "$OUT/scale-gateway.yaml"
            plan "$OUT/scale.yaml" "http://127.0.0.1:$gport" gateway "{model: closed, users: $SCALE_USERS, ramp: 5s, warmup: $WARMUP, duration: $DURATION}"
            cpu_before=$(cpu_seconds "$GW_PID")
            log "scale: $SCALE_USERS concurrent streams through one gateway"
            run_benchdeck scale "$OUT/scale.yaml"
            admin "http://127.0.0.1:$gport/admin/execution-stats" >"$OUT/scale.stats.json"
            stop "$GW_PID"; gw_rss=$STOP_RSS; gw_cpu=$STOP_CPU
            stop "$MOCK_PID"
            printf 'scale %s %s %s %s\n' "$OUT" "$gw_rss" "$cpu_before" "$gw_cpu" >>"$RESULTS"
            ;;
        cache)
            start_mock "$mport" "${MOCK_OPTS[@]}"
            gateway_config "$OUT/cache-gateway.yaml" "$mport" "enable_caching: true, cache_replay: at_once"
            start_gateway "$gport" "$OUT/cache-gateway.yaml"
            # one prompt for every request: the first is a miss, every other a hit replayed at once
            cat >"$OUT/cache.yaml" <<EOF
name: cache hits
target: {url: http://127.0.0.1:$gport}
workload: {driver: llm, api: gateway, gateway_provider: mock, model: mock-1, prompt: "the same question every time"}
load: {model: closed, users: 64, warmup: $WARMUP, duration: $DURATION}
timeout: 60s
EOF
            log "cache: cached answers replayed at once"
            run_benchdeck cache "$OUT/cache.yaml"
            admin "http://127.0.0.1:$gport/admin/execution-stats" >"$OUT/cache.stats.json"
            stop "$GW_PID"; gw_cpu=$STOP_CPU
            stop "$MOCK_PID"
            printf 'cache %s %s\n' "$OUT" "$gw_cpu" >>"$RESULTS"
            ;;
        failover)
            start_mock "$mport" --ttft 50 --ttft-spread 0 --itl 10 --itl-spread 0 --tokens 20 --tokens-spread 0
            primary_pid=$MOCK_PID
            sport=$(free_port)
            start_mock "$sport" --ttft 50 --ttft-spread 0 --itl 10 --itl-spread 0 --tokens 20 --tokens-spread 0
            secondary_pid=$MOCK_PID
            cat >"$OUT/failover-gateway.yaml" <<EOF
providers:
  - {name: primary, type: openai, base_url: "http://127.0.0.1:$mport/v1", models: [mock-1]}
  - {name: secondary, type: openai, base_url: "http://127.0.0.1:$sport/v1", models: [mock-1]}
settings: {enable_caching: false, max_concurrent_connections: 20000, provider_order: [primary, secondary],
           rate_limit: {requests_per_minute: 0, tokens_per_minute: 0},
           circuit_breaker: {minimum_calls: 20, window_size: 50, failure_rate_threshold: 50, open_duration_ms: 60000}}
EOF
            start_gateway "$gport" "$OUT/failover-gateway.yaml"
            cat >"$OUT/failover.yaml" <<EOF
name: failover
target: {url: http://127.0.0.1:$gport}
workload: {driver: llm, api: gateway, gateway_provider: primary, model: mock-1, prompt: "failover \${seq}"}
load: {model: open, arrival: constant, rate: $FAILOVER_RATE, max_in_flight: 5000, warmup: 0s, duration: ${FAILOVER_S}s}
timeout: 30s
EOF
            log "failover: the primary fails every stream after half its chunks from 8 s on"
            (
                sleep 8
                date +%s.%N >"$OUT/failover.fault-at"
                curl -fsS -X PUT "http://127.0.0.1:$mport/mock/config" -d '{"faults":{"error_event":1}}' >/dev/null
                while [[ "$(curl -fsS "http://127.0.0.1:$gport/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["providers"]["primary"]["circuit"])')" != open ]]; do
                    sleep 0.02
                done
                date +%s.%N >"$OUT/failover.open-at"
            ) &
            PIDS+=($!)
            run_benchdeck failover "$OUT/failover.yaml"
            admin "http://127.0.0.1:$gport/admin/execution-stats" >"$OUT/failover.stats.json"
            stop "$GW_PID"; stop "$primary_pid"; stop "$secondary_pid"
            printf 'failover %s\n' "$OUT" >>"$RESULTS"
            ;;
    esac
done
python3 "$BENCH/gateway/summary.py" "$OUT" | tee "$OUT/summary.md"
