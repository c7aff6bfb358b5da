"""What the benchmarks share: free ports on 127.0.0.1, the JDK's java, the CLI jar (built on first use), a server's readiness."""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def java():
    home = os.environ.get("JAVA_HOME")
    if not home:
        home = subprocess.check_output(["bash", "-c", f". {REPO}/bin/find-java.sh >/dev/null; echo $BENCHDECK_JAVA_HOME"], text=True).strip()
    return os.path.join(home, "bin", "java")


def cli_jar(log):
    """cli/target/benchdeck.jar, built first when missing or when BUILD=1."""
    jar = os.path.join(REPO, "cli", "target", "benchdeck.jar")
    if not os.path.exists(jar) or os.environ.get("BUILD") == "1":
        log("building the CLI")
        subprocess.run(["./mvnw", "-q", "-B", "package", "-DskipTests", "-Dmaven.jar.forceCreation=true", "-pl", "cli", "-am"], cwd=REPO, check=True,
                       env=dict(os.environ, JAVA_HOME=os.path.dirname(os.path.dirname(java()))))
    return jar


def await_ready(proc, base, log_path, timeout=300):
    """Waits until the server at base answers its readiness probe UP; exits the benchmark if it dies or takes too long."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited (log: {log_path})")
        try:
            with urllib.request.urlopen(base + "/actuator/health/readiness", timeout=1) as r:
                if b'"UP"' in r.read():
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server was not ready in {timeout} s")
