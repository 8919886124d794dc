package io.github.ghaoidc.testkit.containers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The condition behind {@link DisabledWithoutDocker}. Where nothing points at a Docker engine (no
 * {@code DOCKER_HOST}, no {@code /var/run/docker.sock}, no {@code ~/.testcontainers.properties}) it disables the
 * test at once, without asking Testcontainers (which logs an {@code ERROR} when it finds none); otherwise it asks
 * Testcontainers whether the engine answers. The verdict is reached once per test run and printed, with the
 * skipped class, on standard output.
 */
public final class DockerCondition implements ExecutionCondition {

    private static String cachedReason;
    private static boolean decided;

    private final Map<String, String> environment;
    private final Path home;
    private final Path systemSocket;
    private final BooleanSupplier engineAnswers;
    private final PrintStream console;
    private final boolean cache;

    /** The condition JUnit instantiates: this process's environment, home, Testcontainers and standard output. */
    public DockerCondition() {
        this(System.getenv(), Path.of(System.getProperty("user.home", ".")), Path.of("/var/run/docker.sock"),
                () -> DockerClientFactory.instance().isDockerAvailable(), System.out, true);
    }

    DockerCondition(Map<String, String> environment, Path home, Path systemSocket, BooleanSupplier engineAnswers,
            PrintStream console, boolean cache) {
        this.environment = environment;
        this.home = home;
        this.systemSocket = systemSocket;
        this.engineAnswers = engineAnswers;
        this.console = console;
        this.cache = cache;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = cache ? sharedReason() : whyNoDocker();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        // JUnit evaluates a class once and, when it is disabled, none of its methods: one line per skipped class
        console.println("[gha-oidc] SKIPPED " + context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(m -> "." + m.getName()).orElse("") + ": " + reason);
        console.flush();
        return ConditionEvaluationResult.disabled(reason);
    }

    private String sharedReason() {
        synchronized (DockerCondition.class) {
            if (!decided) {
                cachedReason = whyNoDocker();
                decided = true;
            }
            return cachedReason;
        }
    }

    /** Why Docker cannot be used, or null when it can. */
    String whyNoDocker() {
        String dockerHost = environment.get("DOCKER_HOST");
        boolean pointed = dockerHost != null && !dockerHost.isBlank()
                || Files.exists(systemSocket)
                || Files.exists(home.resolve(".testcontainers.properties"))
                || Files.exists(home.resolve(".docker/run/docker.sock"));
        if (!pointed) {
            return "needs Docker, and no Docker engine is configured here (DOCKER_HOST is unset, there is no "
                    + "/var/run/docker.sock and no ~/.testcontainers.properties)";
        }
        try {
            return engineAnswers.getAsBoolean() ? null
                    : "needs Docker, and the configured Docker engine does not answer" + (dockerHost == null ? ""
                            : " (DOCKER_HOST=" + dockerHost + ")");
        } catch (RuntimeException e) {
            return "needs Docker, and asking the Docker engine failed: " + e.getMessage();
        }
    }
}
