package io.github.ghaoidc.examples;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Uploads a file to S3 from a GitHub Actions job with no stored AWS keys: the job's OIDC token is traded for
 * credentials of the role in {@code AWS_ROLE_ARN} by {@link GitHubOidcCredentialsProvider}.
 *
 * <pre>
 * # in a workflow with "permissions: id-token: write" and AWS_ROLE_ARN / AWS_REGION set:
 * java -cp app.jar io.github.ghaoidc.examples.S3UploadExample site/index.html my-prod-website-bucket index.html
 * </pre>
 *
 * {@code AWS_ENDPOINT_URL} (e.g. LocalStack's) sends the S3 calls elsewhere, with path-style addressing.
 */
public final class S3UploadExample {

    private S3UploadExample() {
    }

    public static void main(String[] args) {
        System.exit(run(args, EnvironmentSource.system(), System.out, System.err));
    }

    /**
     * Runs with {@code environment} instead of the process's, printing to {@code out} and {@code err} (borrowed);
     * returns the exit code: 0 uploaded, 1 failed, 2 bad arguments.
     */
    public static int run(String[] args, EnvironmentSource environment, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: S3UploadExample FILE BUCKET [KEY]  (KEY defaults to the file name)");
            return 2;
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            err.println("S3UploadExample: " + file + " is not a readable file");
            return 2;
        }
        String key = args.length == 3 ? args[2] : file.getFileName().toString();
        try (GitHubOidcCredentialsProvider credentials = credentialsProvider(environment);
             S3Client s3 = s3Client(environment, credentials)) {
            String etag = upload(s3, file, args[1], key);
            out.println("uploaded " + file + " to s3://" + args[1] + "/" + key + " (ETag " + etag + ")");
            return 0;
        } catch (GitHubOidcException | SdkException e) {
            err.println("S3UploadExample: " + e.getMessage());
            return 1;
        }
    }

    /** The credentials: everything (role, region, STS endpoint, ID-token request) comes from {@code environment}. */
    public static GitHubOidcCredentialsProvider credentialsProvider(EnvironmentSource environment) {
        return GitHubOidcCredentialsProvider.builder().environment(environment).build();
    }

    /** An S3 client in {@code AWS_REGION}, at {@code AWS_ENDPOINT_URL} when set. */
    public static S3Client s3Client(EnvironmentSource environment, GitHubOidcCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder().credentialsProvider(credentials);
        environment.environmentVariable("AWS_REGION").map(Region::of).ifPresent(builder::region);
        Optional<String> endpoint = environment.environmentVariable("AWS_ENDPOINT_URL");
        endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)).forcePathStyle(true));
        return builder.build();
    }

    /** Puts {@code file} at {@code bucket}/{@code key}; returns the ETag. */
    public static String upload(S3Client s3, Path file, String bucket, String key) {
        return s3.putObject(r -> r.bucket(bucket).key(key), file).eTag();
    }
}
