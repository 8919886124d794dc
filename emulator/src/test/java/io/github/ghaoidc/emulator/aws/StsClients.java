package io.github.ghaoidc.emulator.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** AWS SDK v2 clients pointed at the emulator, with retries off so each test sees exactly one answer. */
final class StsClients {

    private StsClients() {
    }

    static StsClient anonymous(URI endpoint) {
        return sts(endpoint, AnonymousCredentialsProvider.create());
    }

    static StsClient withSession(URI endpoint, Credentials credentials) {
        return sts(endpoint, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())));
    }

    static StsClient sts(URI endpoint, AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_2)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static IamClient iam(URI endpoint) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "dummy")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
