rm -f job.env
java -jar emulator/target/gha-oidc.jar serve --env-file job.env &
until [ -s job.env ]; do kill -0 $! || exit 1; sleep 0.2; done; . ./job.env
curl -s -H "Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \
  "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com"
