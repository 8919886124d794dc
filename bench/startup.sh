#!/usr/bin/env bash
# serve start-up time: process spawn to the first 200, N runs, median (loopback only, every run bounded).
#
#   bench/startup.sh [RUNS]
#
#   STARTUP_RUNS=7          runs (or the first argument)
#   STARTUP_JAR=…           jar to start (default emulator/target/gha-oidc.jar); several, space-separated, are
#                           run in turn within each round, so that a change in machine load hits them alike (A/B)
#   STARTUP_JAVA_OPTS=…     JVM flags, e.g. -XX:SharedArchiveFile=gha-oidc.jsa (optional AppCDS)
#   STARTUP_SERVE_ARGS=…    extra serve flags, e.g. --no-aws or --config bench/fixtures/config.json
#   STARTUP_TIMEOUT=20      seconds before a run is abandoned (it then counts as a failure)
#   STARTUP_BASELINE=…      benchmarks.jar: each round also times a bare Undertow server (BareUndertow, one fixed
#                           body) from spawn to its first 200 — the floor of any Undertow server on this machine
#
# Per run it measures, from spawn: the first 200 on GET /.well-known/openid-configuration ("discovery"),
# then the first 200 from the runtime token endpoint of the default job ("token", the request token read
# from serve's own export lines), and the CPU time (user+sys) the JVM used up to that point (it is killed
# right after, so shutdown is not counted). Prints every run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-${STARTUP_RUNS:-7}}"
jars="${STARTUP_JAR:-emulator/target/gha-oidc.jar}"
for jar in $jars; do
  [ -f "$jar" ] || { echo "bench/startup.sh: $jar not found; build with mvn -B -q -pl core,emulator -am package -DskipTests" >&2; exit 2; }
done
case "$runs" in ''|*[!0-9]*|0) echo "bench/startup.sh: RUNS must be a positive number, got: $runs" >&2; exit 2 ;; esac

baseline="${STARTUP_BASELINE:-}"
if [ -n "$baseline" ] && [ ! -f "$baseline" ]; then
  echo "bench/startup.sh: STARTUP_BASELINE $baseline not found; build with mvn -B -q -Pbench package -DskipTests" >&2; exit 2
fi

exec python3 - "$runs" "$jars" "${STARTUP_TIMEOUT:-20}" "${STARTUP_JAVA_OPTS:-}" "${STARTUP_SERVE_ARGS:-}" "$baseline" <<'PY'
import os, resource, select, shlex, socket, statistics, subprocess, sys, time

runs, jars, timeout = int(sys.argv[1]), sys.argv[2].split(), float(sys.argv[3])
java_opts, serve_args = shlex.split(sys.argv[4]), shlex.split(sys.argv[5])
baseline = sys.argv[6]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def get(port, path, headers=""):
    """One HTTP/1.0 GET on loopback; the status code, or None while nothing listens."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n{headers}\r\n".encode())
            head = s.recv(64).decode("latin-1")
            return int(head.split()[1]) if head.startswith("HTTP/") else 0
    except OSError:
        return None

def one_run(jar):
    port = free_port()
    cmd = ["java", *java_opts, "-jar", jar, "serve", "--port", str(port), *serve_args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        deadline = t0 + timeout
        while get(port, "/.well-known/openid-configuration") != 200:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("no 200 from discovery")
            time.sleep(0.002)
        t_discovery = time.monotonic()
        env, printed = {}, b""
        while len(env) < 2:  # the export lines serve prints once started
            if not select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))[0]:
                raise RuntimeError("serve printed no ACTIONS_ID_TOKEN_REQUEST_* lines in time")
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError("serve printed no ACTIONS_ID_TOKEN_REQUEST_* lines")
            printed += chunk
            for line in printed.decode("utf-8", "replace").split("\n")[:-1]:  # complete lines only
                for name in ("ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"):
                    if line.startswith(f"export {name}="):
                        env[name] = shlex.split(line.split("=", 1)[1])[0]
        url = env["ACTIONS_ID_TOKEN_REQUEST_URL"]
        path = url[url.index("/", len("http://")):] + "&audience=sts.amazonaws.com"
        auth = f"Authorization: Bearer {env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}\r\n"
        while (status := get(port, path, auth)) != 200:
            if time.monotonic() > deadline or status not in (None, 503):
                raise RuntimeError(f"token endpoint answered {status}")
            time.sleep(0.002)
        t_token = time.monotonic()
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (t_discovery - t0) * 1000, (t_token - t0) * 1000, cpu * 1000

def baseline_run():
    """Spawn to the first 200 of a bare Undertow server: the floor under serve's first discovery 200."""
    port = free_port()
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", *java_opts, "-cp", baseline, "io.github.ghaoidc.benchmarks.BareUndertow", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while get(port, "/") != 200:
            if time.monotonic() > t0 + timeout or proc.poll() is not None:
                raise RuntimeError("no 200 from the bare Undertow server")
            time.sleep(0.002)
        return (time.monotonic() - t0) * 1000
    finally:
        proc.kill()
        proc.wait()

floor = []
rows = {jar: [] for jar in jars}
for jar in jars:
    print(f"serve start-up, {runs} runs: {' '.join(['java', *java_opts, '-jar', jar, 'serve', *serve_args])}")
for i in range(1, runs + 1):
    for jar in jars:
        name = f"{jar}: " if len(jars) > 1 else ""
        try:
            d, t, c = one_run(jar)
        except RuntimeError as e:
            print(f"{name}run {i}: FAILED ({e})")
            continue
        rows[jar].append((d, t, c))
        print(f"{name}run {i}: first discovery 200 {d:7.0f} ms   first token {t:7.0f} ms   cpu {c:7.0f} ms")
    if baseline:
        try:
            floor.append(baseline_run())
            print(f"run {i}: bare Undertow first 200 {floor[-1]:7.0f} ms")
        except RuntimeError as e:
            print(f"run {i}: bare Undertow FAILED ({e})")
ok = True
for jar in jars:
    done = rows[jar]
    ok = ok and len(done) == runs
    if not done:
        print(f"{jar}: no successful run")
        continue
    med = [statistics.median(r[k] for r in done) for k in range(3)]
    print(f"{jar + ': ' if len(jars) > 1 else ''}median: first discovery 200 {med[0]:7.0f} ms   first token {med[1]:7.0f} ms"
          f"   cpu {med[2]:7.0f} ms   ({len(done)}/{runs} runs, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus)")
if baseline:
    print(f"median: bare Undertow first 200 {statistics.median(floor):7.0f} ms   ({len(floor)}/{runs} runs)" if floor
          else "bare Undertow: no successful run")
    ok = ok and len(floor) == runs
sys.exit(0 if ok else 1)
PY
