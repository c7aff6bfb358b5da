#!/usr/bin/env bash
# End-to-end tests: starts the built server on a free port with a throw-away data directory (its
# own embedded PostgreSQL), then drives Debian's Chromium through the dashboard with playwright-core.
# Screenshots and the server log go to e2e/artifacts/. The server's first-start setup link (from its
# log) goes to the tests as BENCHDECK_SETUP_URL: auth.test.mjs creates the first admin with it.
# Needs: server/target/benchdeck-server.jar and cli/target/benchdeck.jar (load-agents.test.mjs starts `benchdeck agent`
# processes with it), both built by ./mvnw verify, and /usr/bin/chromium
# (apt-get install chromium). Arguments: the test files to run (default: all of them, as npm test).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/find-java.sh"
jar="$root/server/target/benchdeck-server.jar"
chromium="${CHROMIUM:-/usr/bin/chromium}"
artifacts="$root/e2e/artifacts"

[ -f "$jar" ] || { echo "e2e: $jar is missing; build it first (./mvnw verify)" >&2; exit 1; }
[ -x "$chromium" ] || { echo "e2e: Chromium not found at $chromium (apt-get install chromium)" >&2; exit 1; }

rm -rf "$artifacts" && mkdir -p "$artifacts"
data="$(mktemp -d /tmp/benchdeck-e2e.XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
# a known port for the server's own embedded PostgreSQL: the database test points a postgres target at it
pg_port="$(free_port)"
"$BENCHDECK_JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" --benchdeck.data-dir="$data" \
  --benchdeck.embedded-db.port="$pg_port" --benchdeck.embedded-db.delete-on-stop=true \
  --benchdeck.mock-llm.port=0 > "$artifacts/server.log" 2>&1 &
server=$!
# keeps the tests' exit status: the server's own (143 on SIGTERM) must not become the script's
cleanup() { local rc=$?; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data"; exit "$rc"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "e2e: the server died; see $artifacts/server.log" >&2; tail -30 "$artifacts/server.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "e2e: the server did not get ready in 120 s" >&2; exit 1; }

# the first start prints a one-time link that creates the first admin; auth.test.mjs opens it in the browser
setup_path=""
for _ in $(seq 1 20); do
  setup_path="$(grep -oE '/setup#token=(bds_[A-Za-z0-9_-]{43})' "$artifacts/server.log" | tail -1 || true)"
  [ -n "$setup_path" ] && break
  sleep 0.5
done
[ -n "$setup_path" ] || { echo "e2e: the server log has no setup link (/setup#token=bds_…)" >&2; exit 1; }

cd "$root/e2e"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# the embedded PostgreSQL keeps its superuser's password in a 0600 file beside its data (EmbeddedPostgres)
export BENCHDECK_URL="http://127.0.0.1:$port" BENCHDECK_SETUP_URL="http://127.0.0.1:$port$setup_path" CHROMIUM="$chromium" \
  ARTIFACTS="$artifacts" PG_PORT="$pg_port" PG_PASSWORD_FILE="$data/pgdata.password" \
  JAVA="$BENCHDECK_JAVA_HOME/bin/java" BENCHDECK_CLI_JAR="$root/cli/target/benchdeck.jar"
# ./run.sh demos.test.mjs runs only the files named; without arguments, every suite (npm test)
if [ "$#" -gt 0 ]; then
  node --test --test-concurrency=1 "$@"
else
  npm test --silent
fi
