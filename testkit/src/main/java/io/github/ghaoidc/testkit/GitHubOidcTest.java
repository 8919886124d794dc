package io.github.ghaoidc.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class with a {@link GitHubOidcSandbox}: a local GitHub Actions OIDC issuer and an emulated AWS
 * account (IAM + an STS that enforces trust policies) on a free loopback port, with GitHub's OIDC provider
 * declared. The sandbox is injected into test and lifecycle method parameters of type
 * {@link GitHubOidcSandbox}, {@link io.github.ghaoidc.emulator.GitHubOidcEmulator} or
 * {@link io.github.ghaoidc.emulator.aws.AwsEmulation}, and into non-final fields of type
 * {@link GitHubOidcSandbox} (static fields need {@link EmulatorLifecycle#PER_CLASS}).
 *
 * <pre>{@code
 * @GitHubOidcTest
 * class DeployRoleTest {
 *     @Test
 *     void mainMayDeploy(GitHubOidcSandbox sandbox) {
 *         TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("deploy-role.json"));
 *         assertThatRole(role).endToEnd().allows(push("octo-org/app").toBranch("main"));
 *     }
 * }
 * }</pre>
 *
 * For settings in code, register {@link GitHubOidcExtension} with {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(GitHubOidcExtension.class)
public @interface GitHubOidcTest {

    /** One sandbox per test class (default) or per test method. */
    EmulatorLifecycle lifecycle() default EmulatorLifecycle.PER_CLASS;

    /** The emulated AWS account; 12 digits. Default {@code 123456789012}. */
    String accountId() default "123456789012";

    /** The region jobs and clients use. Default {@code us-east-2}. */
    String region() default "us-east-2";

    /** Whether GitHub's OIDC provider (audience {@code sts.amazonaws.com}) is declared at start. Default true. */
    boolean gitHubProvider() default true;
}
