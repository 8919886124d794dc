package io.github.ghaoidc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The programmatic extension and the lifecycle rules, run through JUnit's own engine test kit so that the
 * sandboxes' opening and closing, and misconfiguration failures, can be observed from outside.
 */
class GitHubOidcExtensionIT {

    static final List<GitHubOidcSandbox> SEEN = new ArrayList<>();

    static class PerMethod {
        @RegisterExtension
        static GitHubOidcExtension github = GitHubOidcExtension.builder()
                .lifecycle(EmulatorLifecycle.PER_METHOD).accountId("111122223333").build();

        GitHubOidcSandbox sandbox;

        @Test
        void first(GitHubOidcSandbox parameter) {
            assertThat(parameter).isSameAs(sandbox);
            SEEN.add(sandbox);
        }

        @Test
        void second() {
            SEEN.add(sandbox);
        }
    }

    @GitHubOidcTest(lifecycle = EmulatorLifecycle.PER_METHOD)
    static class StaticFieldPerMethod {
        static GitHubOidcSandbox sandbox;

        @Test
        void never() {
        }
    }

    @GitHubOidcTest
    static class FinalField {
        final GitHubOidcSandbox sandbox = null;

        @Test
        void never() {
        }
    }

    @GitHubOidcTest
    static class AssignedField {
        GitHubOidcSandbox sandbox = GitHubOidcSandbox.builder().gitHubProvider(false).build();

        @Test
        void never() {
            sandbox.close();
        }
    }

    @GitHubOidcTest(accountId = "12345")
    static class BadAccount {
        @Test
        void never(GitHubOidcSandbox sandbox) {
        }
    }

    @Test
    void perMethodLifecycleGivesEachTestItsOwnSandboxAndClosesIt() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerMethod.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN).allSatisfy(sandbox -> {
            assertThat(sandbox.isRunning()).isFalse();
            assertThat(sandbox.accountId()).isEqualTo("111122223333");
        });
    }

    @Test
    void staticFieldWithPerMethodSandboxFailsNamingTheField() {
        assertContainerFailure(StaticFieldPerMethod.class, "Field " + StaticFieldPerMethod.class.getName()
                + ".sandbox is static but the sandbox is per test method");
    }

    @Test
    void finalFieldFailsNamingTheField() {
        assertContainerFailure(FinalField.class, "Field " + FinalField.class.getName() + ".sandbox is final");
    }

    @Test
    void fieldTheTestAssignedItselfFailsNamingTheField() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AssignedField.class)).execute()
                .testEvents();
        tests.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains(AssignedField.class.getName() + ".sandbox already holds a sandbox"))));
    }

    @Test
    void badAnnotationAttributeFailsNamingTheAnnotation() {
        assertContainerFailure(BadAccount.class, "@GitHubOidcTest on " + BadAccount.class.getName()
                + " is misconfigured: accountId must be 12 digits");
    }

    private static void assertContainerFailure(Class<?> testClass, String expected) {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().containerEvents()
                .assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.startsWith(expected))));
    }
}
