#!/usr/bin/env bash
# Journeys (issue 15): a five-step journey (a JSONPath extraction per step, a session cookie) against nginx,
# Benchdeck's journey beside its own single-request path and beside Gatling's Java DSL running the same journey,
# in one run, alternating, ROUNDS times (default 2).
#
#   bench/journeys/run.sh
#
# nginx runs on CPU 0 (SERVER_CPU), the load generator on CPU 1 (LOAD_CPU). Each run: 50 users, 2 s warm-up,
# 15 s measured (Gatling: 17 s, its first 2 s as the warm-up are not separable in its report, so it is a floor).
# Benchdeck's CPU is its process's user+sys time (/usr/bin/time) over the requests it measured: JVM start and
# warm-up are in both the journey's and the single path's figure alike. Goals: journey CPU per request ≤ 1.2 × the
# single path's; requests/s ≥ 1.0 × Gatling's at the same latency. Table: bench/out/journeys-summary.md; raw
# outputs: bench/out/journeys/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="$REPO/bench/out/journeys"
JAVA_HOME="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JAR="$REPO/cli/target/benchdeck.jar"
PORT="${PORT:-18201}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
ROUNDS="${ROUNDS:-2}"
NGINX="${NGINX:-/usr/sbin/nginx}"
log() { printf '[bench-journeys %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ -f "$JAR" ]] || die "$JAR is missing (build the CLI: ./mvnw -pl cli -am package -DskipTests)"
[[ -x "$NGINX" ]] || die "no nginx at $NGINX (apt-get install nginx-light)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.time "$OUT"/*.log "$OUT/rows.tsv"

PREFIX="$(mktemp -d /tmp/benchdeck-bench-journeys.XXXXXX)"
mkdir -p "$PREFIX"/{tmp,logs}
sed -e "s#@PREFIX@#$PREFIX#g" -e "s#@PORT@#$PORT#g" "$HERE/nginx.conf.template" > "$PREFIX/nginx.conf"
NGINX_PID=""
cleanup() {
    [[ -n "$NGINX_PID" ]] && kill -QUIT "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
    rm -rf "$PREFIX"
}
trap cleanup EXIT INT TERM
taskset -c "$SERVER_CPU" "$NGINX" -p "$PREFIX" -e "$PREFIX/error.log" -c "$PREFIX/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/j/1" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/j/1" >/dev/null || die "nginx did not answer on $PORT"
BASE="http://127.0.0.1:$PORT"

(cd "$REPO/bench/gatling" && ../../mvnw -q -B -f pom.xml test-compile >/dev/null) || die "Gatling did not compile"

benchdeck() {  # benchdeck NAME PLAN
    log "$1: Benchdeck, 50 users, 15 s"
    /usr/bin/time -v -o "$OUT/$1.time" taskset -c "$LOAD_CPU" "$JAVA" -jar "$JAR" run "$HERE/$2" --set "target.url=$BASE" \
        --out "$OUT/$1.json" > "$OUT/$1.log" 2>&1 || log "$1: Benchdeck exited $? (see $OUT/$1.log)"
    printf '%s\tbenchdeck\t%s\t%s\n' "$1" "$OUT/$1.json" "$OUT/$1.time" >> "$OUT/rows.tsv"
}
gatling() {  # gatling NAME
    log "$1: Gatling, 50 users, 17 s"
    rm -rf "$REPO/bench/gatling/target/gatling"
    (cd "$REPO/bench/gatling" && /usr/bin/time -v -o "$OUT/$1.time" taskset -c "$LOAD_CPU" ../../mvnw -q -B -f pom.xml gatling:test \
        -Dsimulation=benchdeck.JourneySimulation -Dusers=50 -Dseconds=17 -DbaseUrl="$BASE") > "$OUT/$1.log" 2>&1 \
        || log "$1: Gatling exited $? (see $OUT/$1.log)"
    local report; report="$(ls -d "$REPO"/bench/gatling/target/gatling/*/ | tail -1)"
    cp "$report/index.html" "$OUT/$1.index.html"
    printf '%s\tgatling\t%s\t%s\n' "$1" "$OUT/$1.index.html" "$OUT/$1.time" >> "$OUT/rows.tsv"
}
for round in $(seq 1 "$ROUNDS"); do
    benchdeck "journey-$round" journey.yaml
    benchdeck "single-$round" single.yaml
    gatling "gatling-$round"
done
python3 "$HERE/summary.py" "$OUT/rows.tsv" "$(git -C "$REPO" rev-parse --short HEAD)" | tee "$REPO/bench/out/journeys-summary.md"
