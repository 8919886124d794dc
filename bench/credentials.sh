#!/usr/bin/env bash
# The container credentials endpoint (gha-oidc credentials serve) against the local emulator: wrk on the cached
# answer at 16 connections; an `aws sts get-caller-identity` through the endpoint against the same command through
# credential_process (same run, same machine); and how long SIGTERM takes to stop the endpoint.
# Called by bench/run; needs emulator/target/gha-oidc.jar, wrk and the AWS CLI. Loopback only; every run is bounded.
set -euo pipefail
out="${1:-bench/results}"
jar=$(pwd)/emulator/target/gha-oidc.jar
dur="${BENCH_DURATION:-10s}"
runs="${AWS_RUNS:-7}"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

timeout 300 java -jar "$jar" serve --port 0 --config examples/local/reference-scenario.json --env-file "$work/job.env" \
  >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/job.env" ] && break; sleep 0.1; done
# shellcheck disable=SC1091
. "$work/job.env"
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/none"
role=arn:aws:iam::123456789012:role/GitHubActionsRole
cat >"$work/aws-config" <<CFG
[profile gha]
credential_process = java -jar $jar credentials --role-arn $role --region us-east-1
CFG

timeout 300 java -jar "$jar" credentials serve --role-arn "$role" --env-file "$work/creds.env" >"$work/creds.log" 2>&1 &
endpoint=$!
pids+=($endpoint)
for _ in $(seq 1 300); do [ -s "$work/creds.env" ] && break; sleep 0.1; done
# shellcheck disable=SC1091
. "$work/creds.env"
unset AWS_ENDPOINT_URL_IAM

: >"$out/credentials.txt"
wrk -t2 -c16 -d5s -H "Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN" "$AWS_CONTAINER_CREDENTIALS_FULL_URI" >/dev/null
echo "== container credentials endpoint, cached answer (16 connections)" | tee -a "$out/credentials.txt"
wrk -t2 -c16 -d"$dur" --latency -H "Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN" "$AWS_CONTAINER_CREDENTIALS_FULL_URI" \
  | tee -a "$out/credentials.txt"

# Yardstick in the same run: a bare Undertow server answering a fixed 1 KB body under the same load (wrk shares the
# two cores with the server, so the tail is the machine's as much as the server's).
if [ -f benchmarks/target/benchmarks.jar ]; then
  java -cp benchmarks/target/benchmarks.jar io.github.ghaoidc.benchmarks.BareUndertow 0 >"$work/bare.url" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 1 100); do [ -s "$work/bare.url" ] && break; sleep 0.1; done
  wrk -t2 -c16 -d5s "$(cat "$work/bare.url")" >/dev/null
  echo "== bare Undertow, fixed 1 KB body (16 connections)" | tee -a "$out/credentials.txt"
  wrk -t2 -c16 -d"$dur" --latency "$(cat "$work/bare.url")" | tee -a "$out/credentials.txt"
fi

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
through_endpoint() { timeout 60 aws sts get-caller-identity --output text; }
through_process() { env -u AWS_CONTAINER_CREDENTIALS_FULL_URI -u AWS_CONTAINER_AUTHORIZATION_TOKEN \
  timeout 60 aws sts get-caller-identity --profile gha --output text; }
# The floor: the same command with static keys in the environment, so the CLI fetches no credentials at all.
with_keys() { env -u AWS_CONTAINER_CREDENTIALS_FULL_URI -u AWS_CONTAINER_AUTHORIZATION_TOKEN \
  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=bench timeout 60 aws sts get-caller-identity --output text; }
through_endpoint >/dev/null; through_process >/dev/null; with_keys >/dev/null # warm every path
e=(); p=(); k=()
for _ in $(seq 1 "$runs"); do e+=("$(ms through_endpoint)"); p+=("$(ms through_process)"); k+=("$(ms with_keys)"); done
me=$(printf '%s\n' "${e[@]}" | median); mp=$(printf '%s\n' "${p[@]}" | median); mk=$(printf '%s\n' "${k[@]}" | median)
{
  echo "== aws sts get-caller-identity, $runs runs each, interleaved"
  echo "through the endpoint (ms): ${e[*]}  median $me"
  echo "through credential_process (ms): ${p[*]}  median $mp"
  echo "static keys, no credential fetch at all (ms): ${k[*]}  median $mk"
  awk -v a="$me" -v b="$mp" 'BEGIN {printf "ratio endpoint / credential_process: %.2f\n", a / b}'
  awk -v a="$mk" -v b="$mp" 'BEGIN {printf "floor (static keys / credential_process): %.2f\n", a / b}'
} | tee -a "$out/credentials.txt"

s=$(date +%s%N); kill -TERM "$endpoint"; while kill -0 "$endpoint" 2>/dev/null; do sleep 0.005; done; t=$(date +%s%N)
echo "== SIGTERM to exit of credentials serve: $(((t - s) / 1000000)) ms" | tee -a "$out/credentials.txt"
