# Sourced by bench/server/run.sh: several servers side by side (instances), API credentials made
# headlessly, and the sections auth (what authentication adds to the runs list) and signin (what a
# sign-in costs, and 1,000 wrong passwords a minute against the limits). Issue 11.

# main before the security merge: the "before" server of section auth
BEFORE_SECURITY=142f738

# ---------------------------------------------------------------------------------------------
# instances: each server's variables, swapped in and out; "current" is this checkout's jar

INSTANCE_VARS=(JAR DATA PORT DBPORT BASE SERVER_PID SERVER_LOG TOKEN SECURED)
declare -A INSTANCE_DATA=()
CURRENT_INSTANCE=current
TOKEN=""
SECURED=1         # this checkout's server needs credentials; the one from before security doesn't
AUTH_HEADER=()
BENCH_USER=bench-admin
BENCH_PASSWORD="bench passphrase $(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

# use_instance NAME: saves the variables of the server in use, loads NAME's.
use_instance() {
    local v k name="$1"
    for v in "${INSTANCE_VARS[@]}"; do printf -v "SAVED_${CURRENT_INSTANCE}_$v" '%s' "${!v}"; done
    for v in "${INSTANCE_VARS[@]}"; do k="SAVED_${name}_$v"; printf -v "$v" '%s' "${!k-}"; done
    CURRENT_INSTANCE="$name"
    AUTH_HEADER=()
    [[ -z "$TOKEN" ]] || AUTH_HEADER=(-H "Authorization: Bearer $TOKEN")
}

# new_instance NAME JAR SECURED: a server of its own (data directory under ROOT, free ports), now in use.
new_instance() {
    use_instance "$1"
    JAR="$2"; SECURED="$3"; DATA="$ROOT/$1"; SERVER_PID=""; TOKEN=""
    PORT="$(free_port)"; DBPORT="$(free_port)"
    while [[ "$DBPORT" == "$PORT" ]]; do DBPORT="$(free_port)"; done
    BASE="http://127.0.0.1:$PORT"
    INSTANCE_DATA[$1]="$DATA"
    mkdir -p "$DATA"
}

headless() {  # the server jar's users/tokens commands against the instance's database
    "$JAVA" -jar "$JAR" "$@" --benchdeck.data-dir="$DATA" --benchdeck.embedded-db.port="$DBPORT"
}

# An admin and an API token, made the headless way (no browser, no setup link); AUTH_HEADER sends it.
ensure_token() {
    [[ "$SECURED" == 1 ]] || return 0
    if [[ -z "$TOKEN" ]]; then
        echo "$BENCH_PASSWORD" | headless users add "$BENCH_USER" --role admin >> "$OUT/headless.log" 2>&1 \
            || die "benchdeck users add failed (see $OUT/headless.log)"
        TOKEN="$(headless tokens create --user "$BENCH_USER" --scopes read,run,admin --name bench 2>> "$OUT/headless.log")" \
            || die "benchdeck tokens create failed (see $OUT/headless.log)"
    fi
    AUTH_HEADER=(-H "Authorization: Bearer $TOKEN")
}

# Signs in as the dashboard does (XSRF-TOKEN cookie echoed as X-XSRF-TOKEN); prints "name=value" of the session cookie.
session_cookie() {
    local jar="$OUT/auth-cookies.txt" xsrf
    rm -f "$jar"
    curl -s -m 10 -c "$jar" -o /dev/null "$BASE/api/v1/auth/state"
    xsrf="$(awk -F'\t' '$6 == "XSRF-TOKEN" {print $7}' "$jar")"
    curl -sf -m 10 -b "$jar" -c "$jar" -o /dev/null -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' \
        -d "{\"username\": \"$BENCH_USER\", \"password\": \"$BENCH_PASSWORD\"}" "$BASE/api/v1/auth/sign-in" || die "sign-in failed"
    awk -F'\t' '$6 ~ /benchdeck_session$/ {print $6 "=" $7}' "$jar"
}

# The server jar of BEFORE_SECURITY, built once from a detached git worktree into BENCH_CACHE (without
# the dashboard's assets: the API is what is measured). Prints its path.
before_jar() {
    local cache="${BENCH_CACHE:-$HOME/.cache/benchdeck-bench}" src jar
    jar="$cache/benchdeck-server-$BEFORE_SECURITY.jar"
    if [[ ! -f "$jar" ]]; then
        src="$cache/src-$BEFORE_SECURITY"
        mkdir -p "$cache"
        log "auth: building the server of $BEFORE_SECURITY into $cache (once; a few minutes)"
        [[ -d "$src" ]] || git -C "$REPO" worktree add --detach "$src" "$BEFORE_SECURITY" > "$OUT/auth-build-before.log" 2>&1 \
            || die "git worktree add $BEFORE_SECURITY failed (see $OUT/auth-build-before.log)"
        (cd "$src" && JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -DskipTests -Dnpm.executable=true package -pl server -am) \
            >> "$OUT/auth-build-before.log" 2>&1 || die "building $BEFORE_SECURITY failed (see $OUT/auth-build-before.log)"
        cp "$src/server/target/benchdeck-server.jar" "$jar.part" && mv "$jar.part" "$jar"
        git -C "$REPO" worktree remove --force "$src" >> "$OUT/auth-build-before.log" 2>&1 || true
    fi
    echo "$jar"
}

# ---------------------------------------------------------------------------------------------
# 5. auth: the runs list before security, and now with a token and with a session cookie

AUTH_PATH="/api/v1/runs?page=0&size=20"

# auth_variant before|token|cookie: the server and credentials of that variant, in AUTH_HEADER
auth_variant() {
    case "$1" in
        before) use_instance before ;;
        token) use_instance current ;;
        cookie) use_instance current; AUTH_HEADER=(-H "Cookie: $AUTH_COOKIE") ;;
    esac
}

auth_load() {  # variant connections seconds name
    auth_variant "$1"
    load_wrk "$4" "$AUTH_PATH" "$2" "$3"
}

section_auth() {
    local jar variant round code
    jar="$(before_jar)"
    ensure_server
    seed_runs "$OUT/auth-seed-current.txt"
    AUTH_COOKIE="$(session_cookie)"
    [[ -n "$AUTH_COOKIE" ]] || die "auth: signing in gave no session cookie"
    new_instance before "$jar" 0
    ensure_server
    seed_runs "$OUT/auth-seed-before.txt"
    {
        echo "before_jar $(sha256sum "$jar" | cut -c1-16) $BEFORE_SECURITY"
        echo "current_jar $(sha256sum "$REPO/server/target/benchdeck-server.jar" | cut -c1-16)"
        echo "path $AUTH_PATH"
    } > "$OUT/auth-meta.txt"
    for variant in before token cookie; do
        auth_variant "$variant"
        code="$(curl -s -m 10 "${AUTH_HEADER[@]}" -o "$OUT/auth-$variant-response.json" -w '%{http_code}' "$BASE$AUTH_PATH")"
        [[ "$code" == 200 ]] || die "auth: $variant answered $code (see $OUT/auth-$variant-response.json)"
        echo "$variant $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$OUT/auth-$variant-response.json")" \
            >> "$OUT/auth-totals.txt"
        # the JIT compiles the path first (a long-running server is warm); not reported
        timeout 30 wrk -t1 -c4 -d5s "${AUTH_HEADER[@]}" "$BASE$AUTH_PATH" > "$OUT/auth-$variant-warmup.txt" 2>&1 || true
    done
    for round in $(seq 1 "${AUTH_ROUNDS:-3}"); do
        for variant in before token cookie; do
            log "auth: round $round, $variant: wrk -t1 -c4 -d10s, then -c1 -d5s"
            measured "auth-$variant-c4-$round" auth_load "$variant" 4 10 "auth-$variant-c4-$round"
            measured "auth-$variant-c1-$round" auth_load "$variant" 1 5 "auth-$variant-c1-$round"
        done
    done
    use_instance before
    stop_server   # frees its memory and CPU for what follows
    use_instance current
}

# ---------------------------------------------------------------------------------------------
# 6. signin: the cost of one sign-in, and storms of wrong passwords

# measured_once NAME COMMAND...: like measured, but never again: the limits remember what was tried
measured_once() {
    local name="$1" pct
    shift
    wait_quiet
    mark "$name" start
    "$@"
    mark "$name" end
    sleep 1.2
    pct="$(foreign_during "$name")"
    (( pct <= 10 )) || log "$name: other processes used ${pct}% of a CPU meanwhile (flagged in the table)"
}

signin_storm() {  # name accounts addresses octet
    local before after
    before="$(cpu_sample)"
    python3 "$HERE/lib/signin_storm.py" storm "$BASE" "$OUT" "$1" "$2" "$3" "$4" "${SIGNIN_ATTEMPTS:-1000}" "${SIGNIN_SECONDS:-60}"
    after="$(cpu_sample)"
    cpu_report "$before" "$after" > "$OUT/signin-$1.cpu"
}

section_signin() {
    ensure_server
    # the encoder's parameters, from the stored hash itself (the hash is not written anywhere)
    psql_db -At -c "select password_hash from users where username = '$BENCH_USER'" \
        | sed -E 's/^(\{[^}]*\})\$([a-z0-9]+)\$v=([0-9]+)\$([^$]*)\$.*/encoder \1 \2 v=\3 \4/' > "$OUT/signin-hash.txt"
    grep -q '^encoder ' "$OUT/signin-hash.txt" || die "signin: the stored password hash has an unknown format"
    log "signin: 20 sign-ins with the right password, 20 with an unknown name, 20 GETs"
    measured_once signin-cost python3 "$HERE/lib/signin_storm.py" cost "$BASE" "$OUT" "$BENCH_USER" "$BENCH_PASSWORD" 20
    local storm octet=1
    # each storm its own accounts and source addresses (127.OCTET.x.y), so no storm inherits a back-off
    for storm in "one-account 1 1" "one-account-100-addresses 1 100" "100-accounts 100 1" "100-accounts-100-addresses 100 100"; do
        read -r -a storm <<< "$storm"
        octet=$((octet + 1))
        python3 "$HERE/lib/signin_storm.py" users "$BASE" "$OUT" "$TOKEN" "${storm[0]}" "${storm[1]}"
        log "signin: ${SIGNIN_ATTEMPTS:-1000} wrong passwords in ${SIGNIN_SECONDS:-60} s, ${storm[0]}"
        measured_once "signin-${storm[0]}" signin_storm "${storm[@]}" "$octet"
    done
}
