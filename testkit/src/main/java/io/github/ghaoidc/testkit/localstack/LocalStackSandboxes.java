package io.github.ghaoidc.testkit.localstack;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.internal.Gateways;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

/**
 * GitHub OIDC in front of LocalStack (Testcontainers): the sandbox's STS enforces trust policies (LocalStack's
 * does not: it checks neither signature, issuer, audience, expiry nor conditions), then forwards allowed calls,
 * so the credentials are LocalStack's and work on its S3 and other services. Providers and roles are created in
 * LocalStack's IAM through the AWS SDK.
 *
 * <pre>{@code
 * @DisabledWithoutDocker
 * @Testcontainers
 * class UploadIT {
 *     @Container
 *     static LocalStackContainer localstack = LocalStackSandboxes.newContainer();
 *
 *     @Test
 *     void uploads() {
 *         try (GitHubOidcSandbox sandbox = LocalStackSandboxes.gatewayTo(localstack)) {
 *             TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.json(policy));
 *             var credentials = sandbox.startJob(push("octo-org/app")).credentialsProvider(role);
 *             S3Client s3 = sandbox.configure(S3Client.builder(), credentials).forcePathStyle(true).build();
 *         }
 *     }
 * }
 * }</pre>
 *
 * Current LocalStack images need an auth token: {@link #newContainer()} passes {@code LOCALSTACK_AUTH_TOKEN} through
 * from the environment. Pin the image with {@code -Dghaoidc.localstack.image=…} or the
 * {@code GHA_OIDC_LOCALSTACK_IMAGE} variable; default {@value #DEFAULT_IMAGE}.
 */
public final class LocalStackSandboxes {

    /** The image {@link #newContainer()} starts unless another is pinned. */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
    /** System property pinning the image. */
    public static final String IMAGE_PROPERTY = "ghaoidc.localstack.image";
    /** Environment variable pinning the image. */
    public static final String IMAGE_VARIABLE = "GHA_OIDC_LOCALSTACK_IMAGE";
    /** The variable holding LocalStack's auth token, passed through to the container. */
    public static final String AUTH_TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";
    /** LocalStack's account ID. */
    public static final String ACCOUNT_ID = "000000000000";

    private LocalStackSandboxes() {
    }

    /** The image to run: the system property, else the environment variable, else {@value #DEFAULT_IMAGE}. */
    public static String image() {
        return image(System.getProperty(IMAGE_PROPERTY), System.getenv());
    }

    static String image(String property, Map<String, String> environment) {
        return Gateways.image(property, IMAGE_VARIABLE, environment, DEFAULT_IMAGE);
    }

    /**
     * A (not yet started) container of {@link #image()} with IAM, STS and S3, and {@code LOCALSTACK_AUTH_TOKEN}
     * from this process's environment when it is set. The caller starts and stops it (or lets
     * {@code @Container} do so).
     */
    @SuppressWarnings("resource")
    public static LocalStackContainer newContainer() {
        return newContainer(image(), System.getenv());
    }

    @SuppressWarnings("resource")
    static LocalStackContainer newContainer(String image, Map<String, String> environment) {
        return new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("iam", "sts", "s3").withEnv(containerEnvironment(environment));
    }

    /** The variables passed into the container: {@code LOCALSTACK_AUTH_TOKEN} when this process has it. */
    static Map<String, String> containerEnvironment(Map<String, String> environment) {
        String token = environment.get(AUTH_TOKEN_VARIABLE);
        return token == null || token.isBlank() ? Map.of() : Map.of(AUTH_TOKEN_VARIABLE, token);
    }

    /**
     * A sandbox in gateway mode in front of the started {@code localstack}: account {@value #ACCOUNT_ID}, the
     * container's region and credentials, GitHub's OIDC provider declared in LocalStack's IAM. The caller closes
     * the sandbox; the container is borrowed.
     */
    public static GitHubOidcSandbox gatewayTo(LocalStackContainer localstack) {
        return gatewayBuilder(localstack).build();
    }

    /** The builder {@link #gatewayTo} uses, to change settings before {@code build()}. */
    public static GitHubOidcSandbox.Builder gatewayBuilder(LocalStackContainer localstack) {
        Objects.requireNonNull(localstack, "localstack");
        if (!localstack.isRunning()) {
            throw new IllegalStateException("start the LocalStack container first (or declare it as a @Container)");
        }
        return Gateways.builder(localstack.getEndpoint(), ACCOUNT_ID, Region.of(localstack.getRegion()),
                localstack.getAccessKey(), localstack.getSecretKey());
    }
}
