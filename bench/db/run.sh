#!/usr/bin/env bash
# Benchdeck's jdbc driver vs pgbench, side by side in one run, against one local PostgreSQL
# (Debian's postgresql-15, a throw-away cluster started by this script on 127.0.0.1:55432).
#
#   bench/db/run.sh                    # every section: select load sweep connect
#   bench/db/run.sh select             # only some: select | load | sweep | connect
#
# select  select-only, 8 clients, prepared statements, 15 s: pgbench -S -c 8 -j 2 -M prepared vs
#         Benchdeck point_select with 8 users (goal: TPS >= 0.9x, average latency within 10 %)
# load    loading 1,000,000 rows: pgbench -i -s 10 vs Benchdeck's setup (goal: <= 1.5x the time)
# sweep   select-only at 20, 40, 80 clients, 10 s each: both curves side by side
# connect opening 500 connections with SCRAM-SHA-256 logins: pgbench -c 500's "initial connection
#         time" vs Benchdeck's pool fill (the setup phase "connect"; goal < 3 s)
#
# Each measured pair runs ROUNDS times (default 2), alternating the tools, and the medians are
# compared. PostgreSQL runs on CPU 0 and the load generator (pgbench or Benchdeck) on CPU 1
# (SERVER_CPU / LOAD_CPU override). Raw outputs go to bench/out/db/ (gitignored); the table is
# printed and written to bench/out/db/summary.md.
#
# Environment: BENCHDECK (command running the CLI, default "java -jar cli/target/benchdeck.jar"
# built by ./mvnw if missing), PG_BIN (default /usr/lib/postgresql/15/bin), ROUNDS,
# BENCH_QUIET_WAIT (seconds to wait for an idle machine before each run, default 20).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out/db"
PGDATA_DIR=/var/tmp/benchdeck-bench-pgdata
PORT=55432
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
ROUNDS="${ROUNDS:-2}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-20}"
ALL_SECTIONS=(select load sweep connect)

log() { printf '[bench-db %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

SECTIONS=()
for arg in "$@"; do
    case "$arg" in
        select|load|sweep|connect) SECTIONS+=("$arg") ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) die "unknown section '$arg' (select|load|sweep|connect)" ;;
    esac
done
[[ ${#SECTIONS[@]} -gt 0 ]] || SECTIONS=("${ALL_SECTIONS[@]}")
want() { local s; for s in "${SECTIONS[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

# --- prerequisites ---------------------------------------------------------------------------
if [[ ! -x "$PG_BIN/postgres" ]] || ! command -v pgbench >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL 15 is missing: apt-get install postgresql-15 postgresql-contrib (as root)"
    log "installing postgresql-15 (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-contrib >/dev/null
fi
command -v taskset >/dev/null 2>&1 || die "taskset (util-linux) is missing"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ -z "${BENCHDECK:-}" ]]; then
    if [[ ! -f "$REPO/cli/target/benchdeck.jar" ]]; then
        log "building the CLI (./mvnw -q package -DskipTests -pl cli -am)"
        (cd "$REPO" && ./mvnw -q -B package -DskipTests -pl cli -am)
    fi
    BENCHDECK="${JAVA_HOME:+$JAVA_HOME/bin/}java -jar $REPO/cli/target/benchdeck.jar"
fi
read -r -a BENCHDECK_CMD <<< "$BENCHDECK"

# --- the PostgreSQL cluster (runs as the postgres user; trust on 127.0.0.1 for both tools) ---------
RUN_AS=()
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "user postgres is missing (it comes with the postgresql-15 package)"
    RUN_AS=(runuser -u postgres --)
fi
PG_PID=""
cleanup() {
    cp "$PGDATA_DIR/postgres.log" "$OUT/" 2>/dev/null || true
    if [[ -n "$PG_PID" ]]; then
        "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || kill "$PG_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$OUT"
rm -rf "$PGDATA_DIR"
mkdir -p "$PGDATA_DIR"
[[ ${#RUN_AS[@]} -gt 0 ]] && chown postgres "$PGDATA_DIR"
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 >"$OUT/initdb.log" 2>&1 \
    || die "initdb failed, see $OUT/initdb.log"
cat >>"$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA_DIR'
max_connections = 600
shared_buffers = 512MB
synchronous_commit = off
CONF
# the connect section logs in as bench_scram with a password (SCRAM-SHA-256, as the embedded PostgreSQL does)
sed -i '1i host all bench_scram 127.0.0.1/32 scram-sha-256' "$PGDATA_DIR/pg_hba.conf"
taskset -c "$SERVER_CPU" "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/postgres.log" -w start >/dev/null \
    || { cp "$PGDATA_DIR/postgres.log" "$OUT/" 2>/dev/null; die "PostgreSQL did not start, see $OUT/postgres.log"; }
PG_PID=$(head -1 "$PGDATA_DIR/postmaster.pid")
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (pid $PG_PID, CPU $SERVER_CPU)"

PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
PGBENCH=(taskset -c "$LOAD_CPU" pgbench -h 127.0.0.1 -p "$PORT" -U postgres)
# client CPU seconds (user + system) of one measured command, for CPU per operation beside the rates
timed() { local out="$1"; shift; /usr/bin/time -f "%U %S" -o "$out" "$@"; }
cpu() { awk '{printf "cpu_s=%.2f", $1 + $2}' "$1"; }

quiet() {
    [[ "$QUIET_WAIT" -gt 0 ]] || return 0
    # the server benchmarks' monitor: ours are this script's processes and the cluster (named by its data dir)
    local waited pct top
    read -r waited pct top < <(python3 "$BENCH/lib/foreign_cpu.py" quiet $$ "$PGDATA_DIR" "$QUIET_WAIT")
    [[ "$pct" -lt 10 ]] || log "machine not idle after ${waited}s: other processes use ${pct}% of a CPU (top: $top)"
}

# one Benchdeck run: plan file, label, extra --set overrides; JSON to $OUT/<label>.json
benchdeck() {
    local plan="$1" label="$2"; shift 2
    local sets=() s
    for s in "$@"; do sets+=(--set "$s"); done
    local time_cmd=()
    [[ -n "${CPU_OUT:-}" ]] && time_cmd=(/usr/bin/time -f "%U %S" -o "$CPU_OUT")
    "${time_cmd[@]}" taskset -c "$LOAD_CPU" "${BENCHDECK_CMD[@]}" run "$BENCH/plans/$plan" "${sets[@]}" \
        --out "$OUT/$label.json" >"$OUT/$label.log" 2>&1 || die "Benchdeck run $label failed (exit $?), see $OUT/$label.log"
}

RESULTS="$OUT/results.tsv"
: >"$RESULTS"
record() { printf '%s\n' "$*" >>"$RESULTS"; }   # section key value...

# --- load: 1,000,000 rows ----------------------------------------------------------------------
if want load || want select || want sweep; then
    for round in $(seq 1 "$ROUNDS"); do
        quiet
        log "load round $round: pgbench -i -s 10"
        start=$(date +%s.%N)
        "${PGBENCH[@]}" -i -s 10 -q postgres >"$OUT/pgbench-init-$round.log" 2>&1 || die "pgbench -i failed"
        end=$(date +%s.%N)
        record load pgbench "$(python3 -c "print($end - $start)")" "$(python3 "$BENCH/db/parse.py" pgbench-init "$OUT/pgbench-init-$round.log")"
        want load || break
        quiet
        log "load round $round: Benchdeck setup (recreate, 1,000,000 rows)"
        start=$(date +%s.%N)
        benchdeck db-load.yaml "benchdeck-load-$round"
        end=$(date +%s.%N)
        record load benchdeck "$(python3 -c "print($end - $start)")" "$(python3 "$BENCH/db/parse.py" setup "$OUT/benchdeck-load-$round.json")"
    done
    # make sure the select sections find a loaded table even when 'load' was not asked for
    if ! want load; then benchdeck db-load.yaml benchdeck-load-prep; fi
    "${PSQL[@]}" -c "vacuum analyze" >/dev/null
fi

# --- select: 8 clients, 15 s ---------------------------------------------------------------------
if want select; then
    for round in $(seq 1 "$ROUNDS"); do
        quiet
        log "select round $round: pgbench -S -c 8 -j 2 -M prepared -T 15 (after a 3 s warm-up)"
        "${PGBENCH[@]}" -S -c 8 -j 2 -M prepared -T 3 postgres >/dev/null 2>&1
        timed "$OUT/pgbench-select-$round.cpu" "${PGBENCH[@]}" -S -c 8 -j 2 -M prepared -T 15 postgres \
            >"$OUT/pgbench-select-$round.log" 2>&1 || die "pgbench -S failed"
        record select pgbench "$(python3 "$BENCH/db/parse.py" pgbench "$OUT/pgbench-select-$round.log")" \
            "$(cpu "$OUT/pgbench-select-$round.cpu")" seconds=15
        quiet
        log "select round $round: Benchdeck point_select, 8 users, 15 s (after a 3 s warm-up)"
        CPU_OUT="$OUT/benchdeck-select-$round.cpu" benchdeck db-select.yaml "benchdeck-select-$round"
        record select benchdeck "$(python3 "$BENCH/db/parse.py" benchdeck "$OUT/benchdeck-select-$round.json")" \
            "$(cpu "$OUT/benchdeck-select-$round.cpu")" seconds=18
    done
fi

# --- select at a fixed rate: the same load for both, so latencies compare ---------------------
if want select; then
    for round in $(seq 1 "$ROUNDS"); do
        quiet
        log "select-rate round $round: pgbench -S -c 8 -j 2 -M prepared -R 5000 -T 15 (after a 3 s warm-up)"
        "${PGBENCH[@]}" -S -c 8 -j 2 -M prepared -R 5000 -T 3 postgres >/dev/null 2>&1
        "${PGBENCH[@]}" -S -c 8 -j 2 -M prepared -R 5000 -T 15 postgres >"$OUT/pgbench-rate-$round.log" 2>&1 \
            || die "pgbench -S -R failed"
        record rate pgbench "$(python3 "$BENCH/db/parse.py" pgbench "$OUT/pgbench-rate-$round.log")"
        quiet
        log "select-rate round $round: Benchdeck point_select, Poisson 5,000/s, 8 connections, 15 s (after a 3 s warm-up)"
        benchdeck db-select-rate.yaml "benchdeck-rate-$round"
        record rate benchdeck "$(python3 "$BENCH/db/parse.py" benchdeck "$OUT/benchdeck-rate-$round.json")"
    done
fi

# --- sweep: 20, 40, 80 clients ---------------------------------------------------------------------
if want sweep; then
    for clients in 20 40 80; do
        quiet
        log "sweep: pgbench -S -c $clients -j 2 -M prepared -T 10 (after a 3 s warm-up)"
        "${PGBENCH[@]}" -S -c "$clients" -j 2 -M prepared -T 3 postgres >/dev/null 2>&1
        "${PGBENCH[@]}" -S -c "$clients" -j 2 -M prepared -T 10 postgres >"$OUT/pgbench-sweep-$clients.log" 2>&1 \
            || die "pgbench -S -c $clients failed"
        record sweep "pgbench-$clients" "$(python3 "$BENCH/db/parse.py" pgbench "$OUT/pgbench-sweep-$clients.log")"
    done
    quiet
    log "sweep: Benchdeck point_select, steps of 20, 40, 80 users, 10 s each (3 s warm-up per step)"
    benchdeck db-sweep.yaml benchdeck-sweep
    record sweep benchdeck "$(python3 "$BENCH/db/parse.py" benchdeck-steps "$OUT/benchdeck-sweep.json")"
fi

# --- connect: 500 connections, SCRAM logins ---------------------------------------------------------
if want connect; then
    SCRAM_PASSWORD="bench-$RANDOM$RANDOM"
    "${PSQL[@]}" -c "drop role if exists bench_scram" -c "create role bench_scram login password '$SCRAM_PASSWORD'" \
        -c "grant select on all tables in schema public to bench_scram" >/dev/null
    "${PSQL[@]}" -c "select 1 from benchdeck_accounts limit 1" >/dev/null 2>&1 || benchdeck db-load.yaml benchdeck-load-prep
    "${PSQL[@]}" -c "grant select on all tables in schema public to bench_scram" >/dev/null
    "${PSQL[@]}" -c "select 1 from pgbench_accounts limit 1" >/dev/null 2>&1 || "${PGBENCH[@]}" -i -s 1 -q postgres >/dev/null 2>&1
    "${PSQL[@]}" -c "grant select on all tables in schema public to bench_scram" >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
        quiet
        log "connect round $round: pgbench -S -c 500 -j 2 -t 1 as bench_scram"
        PGPASSWORD="$SCRAM_PASSWORD" taskset -c "$LOAD_CPU" pgbench -h 127.0.0.1 -p "$PORT" -U bench_scram -S -c 500 -j 2 -t 1 postgres \
            >"$OUT/pgbench-connect-$round.log" 2>&1 || die "pgbench -c 500 failed, see $OUT/pgbench-connect-$round.log"
        record connect pgbench "$(python3 "$BENCH/db/parse.py" pgbench-connect "$OUT/pgbench-connect-$round.log")"
        quiet
        log "connect round $round: Benchdeck, a pool of 500 (500 users, one select each) as bench_scram"
        BENCH_SCRAM_PASSWORD="$SCRAM_PASSWORD" benchdeck db-connect.yaml "benchdeck-connect-$round"
        record connect benchdeck "$(python3 "$BENCH/db/parse.py" setup "$OUT/benchdeck-connect-$round.json")"
    done
fi

python3 "$BENCH/db/summary.py" "$RESULTS" | tee "$OUT/summary.md"
