#!/usr/bin/env bash
# The reference scenario, locally: a GitHub Actions job reaches AWS with no stored keys.
# Runs the standalone emulator (a GitHub OIDC issuer plus AWS IAM/STS that enforce trust policies) and
# drives it with the AWS CLI and curl, exactly as a workflow would drive GitHub and AWS.
#
#   examples/cli/walkthrough.sh [path/to/gha-oidc.jar]      (default: emulator/target/gha-oidc.jar)
#
# Needs java (17+), aws (the AWS CLI) and curl. Binds 127.0.0.1 only; leaves nothing running.
# Prints identifiers only: tokens and keys stay in shell variables.
set -euo pipefail

JAR=${1:-emulator/target/gha-oidc.jar}
[ -f "$JAR" ] || { echo "walkthrough: $JAR not found; build it with: mvn -pl emulator -am package -DskipTests" >&2; exit 2; }
for tool in java aws curl; do
  command -v "$tool" >/dev/null || { echo "walkthrough: '$tool' is not on PATH" >&2; exit 2; }
done

WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The AWS CLI must not pick up real settings or credentials from this machine.
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials"
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL
export AWS_DEFAULT_REGION=us-east-2

# readme:standalone:start
# 0. Start the emulator: GitHub's issuer (iss https://token.actions.githubusercontent.com) and AWS account
#    123456789012 (IAM + STS) on one loopback port; the default job is a push to main of octo-org/octo-repo.
java -jar "$JAR" serve --account 123456789012 --repository octo-org/octo-repo --ref refs/heads/main \
  --env-file "$WORK/job.env" > "$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do [ -s "$WORK/job.env" ] && break; kill -0 "$SERVER" 2>/dev/null || break; sleep 0.25; done
[ -s "$WORK/job.env" ] || { echo "walkthrough: the emulator did not start:" >&2; grep -v TOKEN "$WORK/serve.log" >&2; exit 1; }
. "$WORK/job.env"      # ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN as GitHub sets them in a job; AWS_ENDPOINT_URL_STS/_IAM
ENDPOINT=$AWS_ENDPOINT_URL_STS
echo "emulator: $ENDPOINT"

# 1. Trust GitHub's issuer in the account (an administrator's call: any long-term AKIA… key id works on the emulator).
admin() { AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=admin aws --endpoint-url "$ENDPOINT" "$@"; }
admin iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com \
  --client-id-list sts.amazonaws.com --thumbprint-list a031c46782e6e6c662c2c87c76da9aa62ccabd8e \
  --query OpenIDConnectProviderArn --output text

# 2. A role the job may assume: any workflow of octo-org/octo-repo.
cat > "$WORK/trust.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"}}}]}
JSON
admin iam create-role --role-name GitHubActionsRole --assume-role-policy-document "file://$WORK/trust.json" \
  --query Role.Arn --output text

# 3. The job asks for a token (permissions: id-token: write) and trades it (unsigned call, no keys).
token() {
  curl -sf -H "Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com" \
    | sed -E 's/.*"value":"([^"]+)".*/\1/'
}
assume() {
  aws --endpoint-url "$ENDPOINT" sts assume-role-with-web-identity \
    --role-arn arn:aws:iam::123456789012:role/GitHubActionsRole --role-session-name GithubActionsSession \
    --web-identity-token "$1" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text
}
read -r KEY SECRET SESSION <<< "$(assume "$(token)")"

# 4. Proof: who am I?
AWS_ACCESS_KEY_ID=$KEY AWS_SECRET_ACCESS_KEY=$SECRET AWS_SESSION_TOKEN=$SESSION \
  aws --endpoint-url "$ENDPOINT" sts get-caller-identity --query Arn --output text
# readme:standalone:end

# 5. Why harden it: the same role also admits a pull request's token (unreviewed code) ...
PR_TOKEN=$(java -jar "$JAR" mint --url "$ENDPOINT" --repository octo-org/octo-repo --event pull_request \
  --ref refs/pull/7/merge --audience sts.amazonaws.com)
assume "$PR_TOKEN" > /dev/null && echo "pull request, reference policy: allowed"

# ... and the hardened variant (main only, audience pinned) refuses it while main still gets in.
cat > "$WORK/hardened.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}}}]}
JSON
admin iam update-assume-role-policy --role-name GitHubActionsRole --policy-document "file://$WORK/hardened.json"
if assume "$PR_TOKEN" > /dev/null 2> "$WORK/refusal.txt"; then
  echo "walkthrough: the hardened policy admitted a pull request" >&2; exit 1
fi
grep -q AccessDenied "$WORK/refusal.txt" && echo "pull request, hardened policy: refused (AccessDenied)"
assume "$(token)" > /dev/null && echo "push to main, hardened policy: allowed"
