GHA_OIDC=~/src/gha-oidc  # where you cloned and built this repository
rm -f job.env
java -jar "$GHA_OIDC/emulator/target/gha-oidc.jar" serve \
  --config "$GHA_OIDC/examples/local/reference-scenario.json" --env-file job.env &
until [ -s job.env ]; do kill -0 $! || exit 1; sleep 0.2; done; . ./job.env
AWS_ROLE_ARN=arn:aws:iam::123456789012:role/GitHubActionsRole AWS_REGION=us-east-1 mvn -B -q compile exec:java
kill %1; wait
