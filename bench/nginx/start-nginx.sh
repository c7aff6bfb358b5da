#!/usr/bin/env bash
# Starts Debian's nginx in the foreground (daemon off) on 127.0.0.1:PORT (default 8081),
# one worker, serving a 100-byte /100b.txt, with a throw-away prefix under bench/.work/.
# The script execs nginx, so its PID is the nginx master's PID: stop it with
# `kill -QUIT <pid>` (graceful) or `kill <pid>` (fast).
#
#   bench/nginx/start-nginx.sh [PORT]
#   taskset -c 0 bench/nginx/start-nginx.sh 8081 &   # pinned, as run-all.sh does
set -euo pipefail

PORT="${1:-8081}"
NGINX="${NGINX:-/usr/sbin/nginx}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${NGINX_PREFIX:-$HERE/../.work/nginx-$PORT}"

if [[ ! -x "$NGINX" ]]; then
    echo "start-nginx.sh: $NGINX not found (apt-get install nginx-light)" >&2
    exit 1
fi

mkdir -p "$PREFIX"/{html,tmp,logs}
PREFIX="$(cd "$PREFIX" && pwd)"

# exactly 100 bytes: 99 characters and a newline
printf '%099d\n' 0 | tr 0 x > "$PREFIX/html/100b.txt"
size=$(stat -c %s "$PREFIX/html/100b.txt")
[[ "$size" == 100 ]] || { echo "start-nginx.sh: 100b.txt is $size bytes" >&2; exit 1; }

sed -e "s#@PREFIX@#$PREFIX#g" -e "s#@PORT@#$PORT#g" "$HERE/nginx.conf.template" > "$PREFIX/nginx.conf"

# -e: early error log inside the prefix (nginx >= 1.19.5), so nothing touches /var/log/nginx
"$NGINX" -t -q -p "$PREFIX" -e "$PREFIX/error.log" -c "$PREFIX/nginx.conf"
exec "$NGINX" -p "$PREFIX" -e "$PREFIX/error.log" -c "$PREFIX/nginx.conf"
