package io.github.ghaoidc.testkit.floci;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.internal.Gateways;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

/**
 * GitHub OIDC in front of Floci (Testcontainers), the MIT-licensed LocalStack drop-in on port 4566: the sandbox's
 * STS enforces trust policies (Floci accepts tokens of issuers it does not host, such as GitHub, as opaque, and does
 * not enforce their conditions unless its IAM enforcement is switched on), then forwards allowed calls, so the
 * credentials are Floci's and work on its S3 and other services. The gateway is the one
 * {@link io.github.ghaoidc.testkit.localstack.LocalStackSandboxes} uses.
 *
 * <p>The container is a plain Testcontainers {@link GenericContainer} of the Floci image: Floci's own Testcontainers
 * module ({@code io.floci:testcontainers-floci}) is not served by the Maven repository this project builds from, and
 * is not needed to run the image. Pin the image with {@code -Dghaoidc.floci.image=…} or {@code GHA_OIDC_FLOCI_IMAGE};
 * default {@value #DEFAULT_IMAGE}.
 *
 * <pre>{@code
 * @DisabledWithoutDocker
 * @Testcontainers
 * class UploadIT {
 *     @Container
 *     static GenericContainer<?> floci = FlociSandboxes.newContainer();
 *
 *     @Test
 *     void uploads() {
 *         try (GitHubOidcSandbox sandbox = FlociSandboxes.gatewayTo(floci)) { … }
 *     }
 * }
 * }</pre>
 */
public final class FlociSandboxes {

    /** The image {@link #newContainer()} starts unless another is pinned. */
    public static final String DEFAULT_IMAGE = "floci/floci:latest";
    /** System property pinning the image. */
    public static final String IMAGE_PROPERTY = "ghaoidc.floci.image";
    /** Environment variable pinning the image. */
    public static final String IMAGE_VARIABLE = "GHA_OIDC_FLOCI_IMAGE";
    /** The port Floci serves every service on, as LocalStack does. */
    public static final int PORT = 4566;
    /** Floci's account ID (LocalStack's). */
    public static final String ACCOUNT_ID = "000000000000";
    /** Floci's default region. */
    public static final Region REGION = Region.US_EAST_1;

    private FlociSandboxes() {
    }

    /** The image to run: the system property, else the environment variable, else {@value #DEFAULT_IMAGE}. */
    public static String image() {
        return image(System.getProperty(IMAGE_PROPERTY), System.getenv());
    }

    static String image(String property, Map<String, String> environment) {
        return Gateways.image(property, IMAGE_VARIABLE, environment, DEFAULT_IMAGE);
    }

    /** A (not yet started) container of {@link #image()} exposing {@value #PORT}; the caller starts and stops it. */
    @SuppressWarnings("resource")
    public static GenericContainer<?> newContainer() {
        return newContainer(image());
    }

    @SuppressWarnings("resource")
    static GenericContainer<?> newContainer(String image) {
        return new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(PORT)
                .waitingFor(Wait.forListeningPort());
    }

    /**
     * A sandbox in gateway mode in front of the started {@code floci}: account {@value #ACCOUNT_ID}, region
     * us-east-1, the static credentials Floci accepts, GitHub's OIDC provider declared in Floci's IAM. The caller
     * closes the sandbox; the container is borrowed.
     */
    public static GitHubOidcSandbox gatewayTo(GenericContainer<?> floci) {
        return gatewayBuilder(floci).build();
    }

    /** The builder {@link #gatewayTo} uses, to change settings before {@code build()}. */
    public static GitHubOidcSandbox.Builder gatewayBuilder(GenericContainer<?> floci) {
        Objects.requireNonNull(floci, "floci");
        if (!floci.isRunning()) {
            throw new IllegalStateException("start the Floci container first (or declare it as a @Container)");
        }
        return Gateways.builder(URI.create("http://" + floci.getHost() + ":" + floci.getMappedPort(PORT)), ACCOUNT_ID,
                REGION, "test", "test");
    }
}
