#!/usr/bin/env bash
# gha-oidc trust lint --dir over a tree of 200 files (issue 10 budget: ≤ 3 s wall for the CLI): 50 Terraform modules
# (main.tf + variables.tf, the reference shape), 40 CloudFormation templates, 20 CDK templates, 30 trust-policy JSON
# files and 10 other JSON files that are not trust policies. Whole CLI runs from JVM start to exit, five times,
# beside `gha-oidc --version` (JVM start alone) as the yardstick. Called by bench/run; needs emulator/target/gha-oidc.jar.
set -euo pipefail
out="${1:-bench/results}"
jar=emulator/target/gha-oidc.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
k=token.actions.githubusercontent.com
for i in $(seq 1 50); do
  mkdir -p "$work/tf/m$i"
  sed "s/octo-repo/app-$i/" bench/fixtures/terraform-reference/variables.tf >"$work/tf/m$i/variables.tf"
  cp bench/fixtures/terraform-reference/main.tf "$work/tf/m$i/main.tf"
done
mkdir -p "$work/cfn" "$work/cdk.out" "$work/policies" "$work/other"
for i in $(seq 1 40); do
  cat >"$work/cfn/stack-$i.yaml" <<YAML
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role$i:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:aws:iam::\${AWS::AccountId}:oidc-provider/$k
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                $k:aud: sts.amazonaws.com
              StringLike:
                $k:sub: repo:octo-org/app-$i:*
YAML
  [ "$i" -le 10 ] && printf '{"name":"pkg-%s","version":"1.0.0"}\n' "$i" >"$work/other/package-$i.json"
done
for i in $(seq 1 20); do
  printf '{"Resources":{"Role%s":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":{"Fn::Sub":"arn:aws:iam::${AWS::AccountId}:oidc-provider/%s"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"%s:aud":"sts.amazonaws.com","%s:sub":"repo:octo-org/cdk-%s:ref:refs/heads/main"}}}]}}}}}\n' \
    "$i" "$k" "$k" "$k" "$i" >"$work/cdk.out/Stack$i.template.json"
done
for i in $(seq 1 30); do
  printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/%s"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"%s:sub":"repo:octo-org/json-%s:*"}}}]}\n' \
    "$k" "$k" "$i" >"$work/policies/trust-$i.json"
done
files=$(find "$work" -type f | wc -l)
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
: >"$out/lint-tree.txt"
for run in 1 2 3 4 5; do
  lint=$(ms timeout 60 java -jar "$jar" trust lint --dir "$work" --format sarif)
  start=$(ms timeout 60 java -jar "$jar" --version)
  echo "run $run: trust lint --dir over $files files ${lint} ms wall; JVM start (--version) ${start} ms" | tee -a "$out/lint-tree.txt"
done
# exit status 1 (findings) is the expected answer for this tree
roles=$( (timeout 60 java -jar "$jar" trust lint --dir "$work" --format json 2>/dev/null || true) | grep -o '"policy":' | wc -l)
echo "roles reported: $roles (expected 140)" | tee -a "$out/lint-tree.txt"
