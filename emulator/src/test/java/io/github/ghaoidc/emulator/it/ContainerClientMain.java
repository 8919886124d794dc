package io.github.ghaoidc.emulator.it;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A Java program as a job's tool would be: the AWS SDK's default credentials chain, which picks up the container
 * credentials endpoint from the environment. Calls GetCallerIdentity {@code args[0]} times, {@code args[1]} ms
 * apart, printing {@code OK <access key id> <arn>} or {@code ERR <message>} for each.
 */
public final class ContainerClientMain {

    private ContainerClientMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int calls = Integer.parseInt(args[0]);
        long pause = Long.parseLong(args[1]);
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
             StsClient sts = StsClient.builder().region(Region.of(System.getenv("AWS_REGION")))
                     .credentialsProvider(chain).build()) {
            for (int i = 0; i < calls; i++) {
                try {
                    AwsCredentials credentials = chain.resolveCredentials();
                    String arn = sts.getCallerIdentity().arn();
                    System.out.println("OK " + credentials.accessKeyId() + " " + arn);
                } catch (RuntimeException e) {
                    System.out.println("ERR " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                System.out.flush();
                if (i + 1 < calls) {
                    Thread.sleep(pause);
                }
            }
        }
    }
}
