# Sourced by ./benchdeck and ./test: sets BENCHDECK_JAVA_HOME to a JDK 21 or newer, or explains and exits.
# Order: $JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm, else `java` on PATH if it is 21+.

_bd_major() { # prints the major version of the JDK at $1, or 0
  local release="$1/release" v
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  elif [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "${v:-0}"
}

_bd_find_java() {
  local best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ "$(_bd_major "$JAVA_HOME")" -ge 21 ]; then
    BENCHDECK_JAVA_HOME="$JAVA_HOME"; return 0
  fi
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(_bd_major "$dir")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major=$major; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    [ "$(_bd_major "$dir")" -ge 21 ] && best="$dir"
  fi
  [ -n "$best" ] || return 1
  BENCHDECK_JAVA_HOME="$best"
}
if ! _bd_find_java; then
  echo "benchdeck: needs a JDK 21 or newer; none found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm, PATH). Install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
