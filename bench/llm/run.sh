#!/usr/bin/env bash
# Benchdeck's llm driver against Benchdeck's mock LLM server (another JVM), on 127.0.0.1.
#
#   bench/llm/run.sh                  # every section: accuracy scale scale-jdk scale-3k gatling gatling-scale
#   bench/llm/run.sh accuracy         # only some
#
# accuracy  100 streams, mock TTFT 200 ms / ITL 20 ms without jitter: reported TTFT p50 within 2 ms
#           of 200 ms and ITL p50 within 1 ms of 20 ms (the mock's own lateness is included)
# scale     10,000 concurrent streams: no errors; peak RSS of both processes, TTFT p99
# scale-jdk the same with -Dbenchdeck.llm.client=jdk: streams read by the JDK HTTP client, as before
#           the event-loop reader (for the comparison in one run)
# scale-3k  the scale scenario with 3,000 streams (about 29,000 events/s), a load the mock's core keeps up with
# gatling   the accuracy scenario run by Gatling 3.15's SSE support (bench/gatling, from Maven
#           Central) and by Benchdeck against the same mock, one after the other
# gatling-scale  the scale scenario (10,000 concurrent streams, TTFT 200 ms, ITL 100 ms, 30 tokens) run
#           by Gatling's SSE support against the same mock settings, beside the scale section's figures
#
# The mock runs on CPU 0, Benchdeck on CPU 1 (SERVER_CPU / LOAD_CPU override). Outputs in
# bench/out/llm/ (gitignored); the summary is printed and written to bench/out/llm/summary.md.
# PROFILE=1 adds where each JVM spent its CPU (JDK Flight Recorder execution samples, top frames).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out/llm"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
ALL_SECTIONS=(accuracy scale scale-jdk scale-3k gatling gatling-scale)

log() { printf '[bench-llm %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

SECTIONS=()
for arg in "$@"; do
    case "$arg" in
        accuracy|scale|scale-jdk|scale-3k|gatling|gatling-scale) SECTIONS+=("$arg") ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) die "unknown section '$arg' (accuracy|scale|scale-jdk|scale-3k|gatling|gatling-scale)" ;;
    esac
done
[[ ${#SECTIONS[@]} -gt 0 ]] || SECTIONS=("${ALL_SECTIONS[@]}")

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$REPO/cli/target/benchdeck.jar"
if [[ ! -f "$JAR" ]]; then
    log "building the CLI (./mvnw -q package -DskipTests -pl cli -am)"
    (cd "$REPO" && ./mvnw -q -B package -DskipTests -pl cli -am)
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mkdir -p "$OUT"

MOCK_PID=""
cleanup() { [[ -n "$MOCK_PID" ]] && kill "$MOCK_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# starts the mock on CPU 0 with the given options; waits until it listens
start_mock() {
    local port="$1"; shift
    # shellcheck disable=SC2046
    taskset -c "$SERVER_CPU" "$JAVA" $(jfr_flags "mock-$port") -jar "$JAR" mock-llm --port "$port" "$@" >"$OUT/mock-$port.log" 2>&1 &
    MOCK_PID=$!
    for _ in $(seq 1 100); do
        grep -q "listening" "$OUT/mock-$port.log" 2>/dev/null && return 0
        sleep 0.1
    done
    die "the mock did not start on :$port, see $OUT/mock-$port.log"
}
stop_mock() {
    MOCK_RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$MOCK_PID/status" 2>/dev/null || echo 0)
    # CPU seconds the mock used (utime + stime), to tell which side was the bottleneck
    MOCK_CPU_S=$(python3 -c "import os,sys; f=open('/proc/$MOCK_PID/stat').read().rsplit(')',1)[1].split(); print('%.1f' % ((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK')))" 2>/dev/null || echo 0)
    kill "$MOCK_PID" 2>/dev/null; wait "$MOCK_PID" 2>/dev/null || true
    MOCK_PID=""
}
# PROFILE=1: both JVMs record a JDK Flight Recording (execution samples), summarised by bench/lib/jfr_top.py
jfr_flags() { [[ "${PROFILE:-0}" == 1 ]] && echo "-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile"; return 0; }

run_benchdeck() {
    local plan="$1" label="$2"; shift 2
    # shellcheck disable=SC2046
    /usr/bin/time -v -o "$OUT/$label.time" taskset -c "$LOAD_CPU" "$JAVA" $(jfr_flags "$label") ${BENCHDECK_JVM_FLAGS:-} -jar "$JAR" run "$BENCH/plans/$plan" \
        "$@" --out "$OUT/$label.json" >"$OUT/$label.log" 2>&1 || log "Benchdeck $label exited $? (see $OUT/$label.log)"
}

# run_gatling LABEL USERS SECONDS PORT: Gatling's LlmStreamSimulation on the CPU Benchdeck uses, timed into
# $OUT/LABEL.time; sets GATLING_REPORT to its report directory
run_gatling() {
    local label="$1" users="$2" seconds="$3" port="$4"
    rm -rf "$BENCH"/gatling/target/gatling/llmstreamsimulation-*
    (cd "$BENCH/gatling" && ./../../mvnw -q -B -f pom.xml test-compile >/dev/null \
        && /usr/bin/time -v -o "$OUT/$label.time" taskset -c "$LOAD_CPU" ../../mvnw -q -B -f pom.xml \
        gatling:test -Dusers="$users" -Dseconds="$seconds" -DbaseUrl="http://127.0.0.1:$port") >"$OUT/$label.log" 2>&1 \
        || log "Gatling exited $? (see $OUT/$label.log)"
    GATLING_REPORT="$(ls -d "$BENCH"/gatling/target/gatling/*/ | tail -1)"
}
# the report's "first content" and "done" figures, the results line's last two fields
gatling_figures() {
    printf '%s | %s' "$(python3 "$BENCH/llm/gatling_stats.py" "$1" "first content")" \
        "$(python3 "$BENCH/llm/gatling_stats.py" "$1" "done")"
}
# peak RSS (KiB) and CPU seconds (user + system) from a /usr/bin/time -v file
rss_kb() { awk -F': ' '/Maximum resident/ {print $2}' "$1"; }
cpu_s() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$1"; }

RESULTS="$OUT/results.tsv"
: >"$RESULTS"
for section in "${SECTIONS[@]}"; do
    case "$section" in
        accuracy)
            start_mock 18101 --ttft 200 --ttft-spread 0 --itl 20 --itl-spread 0 --tokens 50 --tokens-spread 0
            log "accuracy: 100 streams, TTFT 200 ms, ITL 20 ms, 15 s"
            run_benchdeck llm-accuracy.yaml accuracy
            stop_mock
            printf 'accuracy %s %s\n' "$OUT/accuracy.json" "$MOCK_RSS_KB" >>"$RESULTS"
            ;;
        scale|scale-jdk|scale-3k)
            start_mock 18102 --ttft 200 --ttft-spread 0 --itl 100 --itl-spread 0 --tokens 30 --tokens-spread 0
            log "$section: concurrent streams"
            case "$section" in
                scale-jdk) BENCHDECK_JVM_FLAGS=-Dbenchdeck.llm.client=jdk run_benchdeck llm-scale.yaml "$section" ;;
                scale-3k) run_benchdeck llm-scale.yaml "$section" --set load.users=3000 ;;
                *) run_benchdeck llm-scale.yaml "$section" ;;
            esac
            stop_mock
            printf '%s %s %s %s %s %s %s\n' "$section" "$OUT/$section.json" "$MOCK_RSS_KB" "$(rss_kb "$OUT/$section.time")" \
                "$MOCK_CPU_S" "$(cpu_s "$OUT/$section.time")" \
                "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/$section.time")" >>"$RESULTS"
            ;;
        gatling)
            start_mock 18103 --ttft 200 --ttft-spread 0 --itl 20 --itl-spread 0 --tokens 50 --tokens-spread 0
            log "gatling: Benchdeck, 100 streams, 15 s"
            /usr/bin/time -v -o "$OUT/gatling-benchdeck.time" taskset -c "$LOAD_CPU" "$JAVA" -jar "$JAR" run \
                "$BENCH/plans/llm-accuracy.yaml" --set target.url=http://127.0.0.1:18103 \
                --out "$OUT/gatling-benchdeck.json" >"$OUT/gatling-benchdeck.log" 2>&1 || log "Benchdeck exited $?"
            log "gatling: Gatling, 100 users, 18 s (its own 3 s to start)"
            run_gatling gatling-gatling 100 18 18103
            stop_mock
            printf 'gatling %s %s | %s\n' "$OUT/gatling-benchdeck.json" "$GATLING_REPORT" "$(gatling_figures "$GATLING_REPORT")" >>"$RESULTS"
            ;;
        gatling-scale)
            start_mock 18104 --ttft 200 --ttft-spread 0 --itl 100 --itl-spread 0 --tokens 30 --tokens-spread 0
            log "gatling-scale: Gatling, 10,000 users, 25 s"
            run_gatling gatling-scale 10000 25 18104
            stop_mock
            printf 'gatling-scale %s %s %s %s %s | %s\n' "$GATLING_REPORT" "$MOCK_RSS_KB" "$MOCK_CPU_S" \
                "$(rss_kb "$OUT/gatling-scale.time")" "$(cpu_s "$OUT/gatling-scale.time")" \
                "$(gatling_figures "$GATLING_REPORT")" >>"$RESULTS"
            ;;
    esac
done
python3 "$BENCH/llm/summary.py" "$RESULTS" | tee "$OUT/summary.md"
if [[ "${PROFILE:-0}" == 1 ]]; then
    for f in "$OUT"/*.jfr; do
        [[ -f "$f" ]] && { echo; echo "## where $(basename "$f" .jfr) spent its CPU"; "${JAVA_HOME:+$JAVA_HOME/bin/}jfr" print --stack-depth 64 --events jdk.ExecutionSample "$f" \
            | python3 "$BENCH/lib/jfr_top.py"; } | tee -a "$OUT/summary.md"
    done
fi
