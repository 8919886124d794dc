#!/usr/bin/env bash
# wrk load tests against the standalone server, and serve's JVM-start-to-first-response time.
# Called by bench/run; needs emulator/target/gha-oidc.jar and wrk. Loopback only; every run is bounded.
set -euo pipefail
out="${1:-bench/results}"
jar=emulator/target/gha-oidc.jar
dur="${BENCH_DURATION:-10s}"
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$jar" serve --port 0 --config bench/fixtures/config.json --env-file "$work/env" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do [ -s "$work/env" ] && break; sleep 0.1; done
# shellcheck disable=SC1091
. "$work/env"
base="${AWS_ENDPOINT_URL_STS%/}"
TOKEN=$(java -jar "$jar" mint --url "$base" --repository octo-org/octo-repo --audience sts.amazonaws.com)
export TOKEN

load() { # name, then wrk arguments
  local name=$1; shift
  echo "== $name" | tee -a "$out/http.txt"
  wrk -t2 -c32 -d"$dur" --latency "$@" | tee -a "$out/http.txt"
}
: >"$out/http.txt"
# Each endpoint is warmed under the same load before it is measured (as JMH warms up): until C2 has compiled
# its path, a run measures the JIT, not the server.
warm="${BENCH_WARMUP:-10s}"
runtime_url="$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com"
wrk -t2 -c32 -d"$warm" "$base/.well-known/openid-configuration" >/dev/null
load "discovery (32 connections)" "$base/.well-known/openid-configuration"
wrk -t2 -c32 -d"$warm" "$base/.well-known/jwks" >/dev/null
load "jwks (32 connections)" "$base/.well-known/jwks"
wrk -t2 -c32 -d"$warm" -H "Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$runtime_url" >/dev/null
load "runtime token endpoint (32 connections)" -H "Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$runtime_url"
# Memory: the heap left after a full GC, before the STS calls and after all of them (issued sessions expire and
# are evicted; at most 10,000 are kept).
heap_kib() { jcmd "$pid" GC.run >/dev/null && jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1; }
heap_before=$(heap_kib)
calls() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p'; }
warm_calls=$(wrk -t2 -c16 -d"$warm" -s bench/fixtures/sts.lua "$base/" | calls)
heap_warm=$(heap_kib)
echo "== sts AssumeRoleWithWebIdentity (16 connections)" | tee -a "$out/http.txt"
wrk -t2 -c16 -d"$dur" --latency -s bench/fixtures/sts.lua "$base/" | tee -a "$out/http.txt" "$work/sts.txt"
total=$((warm_calls + $(calls <"$work/sts.txt")))
while [ "$total" -lt 100000 ]; do # the memory budget speaks of 100,000 calls: top up on a slow day
  total=$((total + $(wrk -t2 -c16 -d5s -s bench/fixtures/sts.lua "$base/" | calls)))
done
echo "== sts memory (heap after a full GC): $heap_before KiB before any call, $heap_warm KiB after $warm_calls calls," \
  "$(heap_kib) KiB after $total calls" | tee -a "$out/http.txt"
kill "$pid"; wait "$pid" 2>/dev/null || true

# The yardstick of the discovery/JWKS budget: bare Undertow answering a fixed 1 KB body, same load, same machine.
java -cp benchmarks/target/benchmarks.jar io.github.ghaoidc.benchmarks.BareUndertow 0 >"$work/bare.url" 2>/dev/null &
pid=$!
for _ in $(seq 1 100); do [ -s "$work/bare.url" ] && break; sleep 0.1; done
bare=$(head -1 "$work/bare.url")
wrk -t2 -c32 -d"$warm" "$bare" >/dev/null
load "bare Undertow, fixed 1 KB body (32 connections)" "$bare"
kill "$pid"; wait "$pid" 2>/dev/null || true

# Start-up: process spawn to the first discovery 200 and the first token, medians (see bench/startup.sh).
echo "== serve: start-up (bench/startup.sh)" | tee -a "$out/http.txt"
STARTUP_BASELINE=benchmarks/target/benchmarks.jar bench/startup.sh "${STARTUP_RUNS:-7}" | tee -a "$out/http.txt"
