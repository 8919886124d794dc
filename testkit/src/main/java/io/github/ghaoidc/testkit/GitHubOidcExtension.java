package io.github.ghaoidc.testkit;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.testkit.internal.SandboxFields;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.SearchOption;
import software.amazon.awssdk.regions.Region;

/**
 * The JUnit 5 extension behind {@link GitHubOidcTest}, and its programmatic twin:
 *
 * <pre>{@code
 * @RegisterExtension
 * static GitHubOidcExtension github = GitHubOidcExtension.builder()
 *         .lifecycle(EmulatorLifecycle.PER_METHOD).accountId("111122223333").build();
 * }</pre>
 *
 * The sandbox is kept in this extension's own {@link ExtensionContext.Store} namespace, at class level
 * ({@link EmulatorLifecycle#PER_CLASS}) or test level ({@link EmulatorLifecycle#PER_METHOD}), and JUnit closes
 * it when that scope ends. It is injected into parameters whose type is exactly {@link GitHubOidcSandbox},
 * {@link GitHubOidcEmulator} or {@link AwsEmulation}, and into unassigned non-final fields of type
 * {@link GitHubOidcSandbox}. Misconfiguration fails before any test runs, naming the field or attribute.
 * Immutable and thread-safe.
 */
public final class GitHubOidcExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final String KEY = "sandbox";

    private final Builder settings;

    /** Used by {@code @ExtendWith}: settings come from the test class's {@link GitHubOidcTest}. */
    public GitHubOidcExtension() {
        this.settings = null;
    }

    private GitHubOidcExtension(Builder builder) {
        this.settings = builder.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return settings == null ? new Builder() : settings.copy();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Builder b = settings(context);
        SandboxFields.check(context.getRequiredTestClass(), b.lifecycle == EmulatorLifecycle.PER_CLASS);
        if (b.lifecycle == EmulatorLifecycle.PER_CLASS) {
            SandboxFields.injectStatic(context.getRequiredTestClass(), sandbox(context, b));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Builder b = settings(context);
        GitHubOidcSandbox sandbox = sandbox(context, b);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            SandboxFields.injectInstance(instance, sandbox);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == GitHubOidcSandbox.class || type == GitHubOidcEmulator.class || type == AwsEmulation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Builder b = settings(extensionContext);
        if (b.lifecycle == EmulatorLifecycle.PER_METHOD && extensionContext.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("Parameter " + parameterContext.getParameter()
                    + " of " + parameterContext.getDeclaringExecutable() + " cannot receive a per-method sandbox "
                    + "(it is resolved outside a test method); use lifecycle PER_CLASS or move it to a test method");
        }
        GitHubOidcSandbox sandbox = sandbox(extensionContext, b);
        Class<?> type = parameterContext.getParameter().getType();
        return type == GitHubOidcEmulator.class ? sandbox.emulator()
                : type == AwsEmulation.class ? sandbox.aws() : sandbox;
    }

    private GitHubOidcSandbox sandbox(ExtensionContext context, Builder b) {
        ExtensionContext scope = context;
        if (b.lifecycle == EmulatorLifecycle.PER_CLASS) {
            while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
                scope = scope.getParent().get();
            }
        }
        ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(GitHubOidcExtension.class, this);
        return scope.getStore(namespace).getOrComputeIfAbsent(KEY, k -> b.sandboxBuilder().build(),
                GitHubOidcSandbox.class);
    }

    private Builder settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        GitHubOidcTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
                GitHubOidcTest.class, SearchOption.INCLUDE_ENCLOSING_CLASSES).orElseThrow(() ->
                new ExtensionConfigurationException("GitHubOidcExtension was registered with @ExtendWith on "
                        + context.getRequiredTestClass().getName() + " without @GitHubOidcTest; annotate the class "
                        + "with @GitHubOidcTest or register GitHubOidcExtension.builder().build() with @RegisterExtension"));
        try {
            return new Builder().lifecycle(annotation.lifecycle()).accountId(annotation.accountId())
                    .region(Region.of(annotation.region())).gitHubProvider(annotation.gitHubProvider());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@GitHubOidcTest on " + context.getRequiredTestClass().getName()
                    + " is misconfigured: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "GitHubOidcExtension[" + (settings == null ? "from @GitHubOidcTest" : settings.lifecycle) + "]";
    }

    /** Builds a {@link GitHubOidcExtension}; the defaults match {@link GitHubOidcTest}'s. Not thread-safe. */
    public static final class Builder {
        private EmulatorLifecycle lifecycle = EmulatorLifecycle.PER_CLASS;
        private GitHubOidcSandbox.Builder sandbox = GitHubOidcSandbox.builder();

        private Builder() {
        }

        /** One sandbox per class or per test method. Default {@link EmulatorLifecycle#PER_CLASS}. */
        public Builder lifecycle(EmulatorLifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** The emulated account (12 digits). Default {@code 123456789012}. */
        public Builder accountId(String accountId) {
            sandbox.accountId(accountId);
            return this;
        }

        /** The region jobs and clients use. Default {@code us-east-2}. */
        public Builder region(Region region) {
            sandbox.region(region);
            return this;
        }

        /** Whether GitHub's OIDC provider is declared at start. Default {@code true}. */
        public Builder gitHubProvider(boolean declare) {
            sandbox.gitHubProvider(declare);
            return this;
        }

        /**
         * Every other sandbox setting (gateway mode, provider audiences, keys); the builder is copied, and each
         * sandbox is built from the copy.
         */
        public Builder sandbox(GitHubOidcSandbox.Builder sandbox) {
            this.sandbox = Objects.requireNonNull(sandbox, "sandbox").copy();
            return this;
        }

        GitHubOidcSandbox.Builder sandboxBuilder() {
            return sandbox.copy();
        }

        public GitHubOidcExtension build() {
            return new GitHubOidcExtension(this);
        }

        Builder copy() {
            Builder b = new Builder();
            b.lifecycle = lifecycle;
            b.sandbox = sandbox.copy();
            return b;
        }
    }
}
