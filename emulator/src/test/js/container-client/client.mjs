// GetCallerIdentity with the SDK's default credentials chain: with AWS_CONTAINER_CREDENTIALS_FULL_URI and
// AWS_CONTAINER_AUTHORIZATION_TOKEN set (and no AWS_ACCESS_KEY_ID), it takes them from the container endpoint.
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";

const sts = new STSClient({ region: process.env.AWS_REGION, endpoint: process.env.AWS_ENDPOINT_URL_STS });
try {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const credentials = await sts.config.credentials();
  console.log(`OK ${credentials.accessKeyId} ${identity.Arn}`);
} catch (e) {
  console.log(`ERR ${e.name}: ${e.message}`);
  process.exitCode = 1;
}
