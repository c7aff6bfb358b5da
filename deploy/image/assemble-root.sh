#!/usr/bin/env bash
# Lays out the files of Benchdeck's image for Jib (deploy/image/pom.xml), which adds them onto `scratch`: no base
# image is pulled, so the image builds with no registry and no Docker daemon. Into ROOT it puts
#   /opt/java                   a Java runtime jlinked from the build's JDK (modules: MODULES, comma-separated)
#   /lib/…, /lib64/…            the C library and loader that runtime links against, copied from this machine
#   /opt/benchdeck/server/      the server's jar, extracted (Spring Boot's jarmode=tools: jar + lib/)
#   CLI_PATH                    the CLI (benchdeck agent, run, …): /opt/benchdeck/benchdeck.jar
#   /etc/passwd, /etc/group     root and the user the image runs as, benchdeck (10001:10001)
#   /tmp, /home/benchdeck, /var/lib/benchdeck  empty, writable by that user (Jib's permissions make them 777)
# Usage: assemble-root.sh JAVA_HOME ROOT MODULES SERVER_JAR CLI_JAR CLI_PATH
set -euo pipefail
java_home="$1" root="$2" modules="$3" server_jar="$4" cli_jar="$5" cli_path="$6"

for jar in "$server_jar" "$cli_jar"; do
  [ -f "$jar" ] || { echo "assemble-root: $jar is missing; build the server and the CLI first (./mvnw -pl deploy/image -am package)" >&2; exit 1; }
done
[ -x "$java_home/bin/jlink" ] || { echo "assemble-root: no jlink in $java_home (a JDK 21+ is needed, not a JRE)" >&2; exit 1; }

rm -rf "$root"
mkdir -p "$root/opt/benchdeck" "$root/etc" "$root/tmp" "$root/home/benchdeck" "$root/var/lib/benchdeck"

# JDK 24+ links from its own run-time image (JEP 493); older JDKs need their jmods/ (Debian: openjdk-21-jmods)
rm -rf "$root.jre"
if ! "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
      --output "$root.jre" > "$root.jlink.log" 2>&1; then
  cat "$root.jlink.log" >&2
  echo "assemble-root: jlink failed (a JDK before 24 needs its jmods, e.g. apt-get install openjdk-21-jmods)" >&2
  exit 1
fi
# Jib keeps a file's bytes, not its links: the runtime's legal/ notices are links to java.base's, copied as files
cp -RL "$root.jre" "$root/opt/java"
rm -rf "$root.jre" "$root.jlink.log"

# the shared libraries the runtime's programs and libraries need from the system; the desktop ones (X11, ALSA) are
# loaded only by AWT windows and javax.sound, which a server never opens, so their dependencies are left out
desktop='/(libawt_xawt|libjawt|libjsound|libsplashscreen)\.so$'
libs=$(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) | grep -Ev "$desktop" |
  xargs ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | sort -u)
for lib in $libs; do
  case "$lib" in "$java_home"/*|"$root"/*) continue ;; esac
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
[ -n "$(find "$root/lib64" "$root/lib" -name 'ld-linux*' 2>/dev/null)" ] ||
  { echo "assemble-root: found no dynamic loader for $java_home/bin/java (ldd missing?)" >&2; exit 1; }

"$java_home/bin/java" -Djarmode=tools -jar "$server_jar" extract --destination "$root/opt/benchdeck/server" > /dev/null
mkdir -p "$root$(dirname "$cli_path")"
cp "$cli_jar" "$root$cli_path"

printf 'root:x:0:0:root:/root:/sbin/nologin\nbenchdeck:x:10001:10001:Benchdeck:/home/benchdeck:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nbenchdeck:x:10001:\n' > "$root/etc/group"
if [ -n "$(find "$root" -type l -print -quit)" ]; then
  echo "assemble-root: symbolic links in $root:" >&2; find "$root" -type l >&2; exit 1
fi
