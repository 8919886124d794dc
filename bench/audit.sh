#!/usr/bin/env bash
# gha-oidc trust audit of an emulated account with 1,000 roles (four shapes, a repository each; a quarter legacy),
# whole CLI run from JVM start to exit, five times; beside it `gha-oidc --version` (JVM start alone) as the yardstick.
# Called by bench/run; needs emulator/target/gha-oidc.jar. Loopback only; every run is bounded.
set -euo pipefail
out="${1:-bench/results}"
jar=emulator/target/gha-oidc.jar
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT

k=token.actions.githubusercontent.com
p="arn:aws:iam::123456789012:oidc-provider/$k"
aud="\"$k:aud\":\"sts.amazonaws.com\""
{
  printf '{"providers":[{"url":"https://%s","clientIds":["sts.amazonaws.com"]}],"roles":[' "$k"
  for i in $(seq 0 999); do
    repo="org-$((i % 50))/app-$i"
    case $((i % 4)) in
      0) cond="\"StringEquals\":{$aud,\"$k:sub\":\"repo:$repo:ref:refs/heads/main\"}"; legacy=false ;;
      1) cond="\"StringEquals\":{$aud},\"StringLike\":{\"$k:sub\":\"repo:$repo:*\"}"; legacy=false ;;
      2) cond="\"StringEquals\":{$aud},\"StringLike\":{\"$k:sub\":\"repo:org-$i/*\"}"; legacy=false ;;
      *) cond="\"StringEquals\":{$aud}"; legacy=true ;;
    esac
    [ "$i" -gt 0 ] && printf ','
    printf '{"name":"role-%04d","legacy":%s,"trustPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{%s}}]}}' \
      "$i" "$legacy" "$p" "$cond"
  done
  printf ']}\n'
} >"$work/config.json"

timeout 120 java -jar "$jar" serve --port 0 --config "$work/config.json" --env-file "$work/env" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do [ -s "$work/env" ] && break; kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log"; exit 1; }; sleep 0.1; done
# shellcheck disable=SC1091
. "$work/env"
export AWS_ENDPOINT_URL_IAM AWS_ACCESS_KEY_ID=AKIABENCHEXAMPLE0001 AWS_SECRET_ACCESS_KEY=bench AWS_EC2_METADATA_DISABLED=true

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
: >"$out/audit.txt"
for run in 1 2 3 4 5; do
  audit=$(ms timeout 60 java -jar "$jar" trust audit --format json)
  start=$(ms timeout 60 java -jar "$jar" --version)
  echo "run $run: trust audit of 1000 roles ${audit} ms wall; JVM start (--version) ${start} ms" | tee -a "$out/audit.txt"
done
# exit status 1 (findings at or above --fail-on) is the expected answer for this account
roles=$( (timeout 60 java -jar "$jar" trust audit --format json 2>/dev/null || true) | grep -o '"arn":"arn:aws:iam::123456789012:role/' | wc -l)
echo "roles reported: $roles" | tee -a "$out/audit.txt"
