package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.testkit.internal.JobVariables;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GitHub Actions job running in a sandbox: it has its own ID-token request URL and token on the emulator,
 * and hands the code under test the environment a real job would see — as a map or an
 * {@link EnvironmentSource}, never by changing the JVM's environment. Immutable and thread-safe.
 *
 * <pre>{@code
 * SimulatedJob job = sandbox.startJob(push("octo-org/app").toBranch("main"));
 * try (var credentials = job.credentialsProvider(role)) {
 *     credentials.resolveCredentials();
 * }
 * }</pre>
 */
public final class SimulatedJob {

    private final GitHubOidcSandbox sandbox;
    private final Job job;
    private final WorkflowRun run;

    SimulatedJob(GitHubOidcSandbox sandbox, Job job, WorkflowRun run) {
        this.sandbox = sandbox;
        this.job = job;
        this.run = run;
    }

    /** The job's id on the emulator (also its {@code GITHUB_JOB}). */
    public String id() {
        return job.id();
    }

    public WorkflowContext context() {
        return run.context();
    }

    /** The emulator's job: request URL and token, fault injection. */
    public Job emulatorJob() {
        return job;
    }

    /**
     * What a real job would see: GitHub's default variables ({@code GITHUB_REPOSITORY}, {@code GITHUB_REF},
     * {@code GITHUB_RUN_ID}, …), {@code ACTIONS_ID_TOKEN_REQUEST_URL}/{@code _TOKEN} (a secret: never log it),
     * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION} and {@code AWS_ENDPOINT_URL_STS} pointing at the sandbox's
     * STS; in gateway mode also {@code AWS_ENDPOINT_URL} for the upstream's other services. Sorted by name.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(JobVariables.of(run.context(), job.id(), job.requestUrl(),
                job.requestToken()));
        env.put("AWS_REGION", sandbox.region().id());
        env.put("AWS_DEFAULT_REGION", sandbox.region().id());
        env.put("AWS_ENDPOINT_URL_STS", sandbox.stsEndpoint().toString());
        if (sandbox.isGateway()) {
            env.put("AWS_ENDPOINT_URL", sandbox.servicesEndpoint().toString());
        }
        if (!WorkflowRun.AWS_AUDIENCE.equals(run.audience())) {
            env.put("GHA_OIDC_AUDIENCE", run.audience());
        }
        return Collections.unmodifiableMap(env);
    }

    /** {@link #environment()} plus {@code AWS_ROLE_ARN}: what a job configured to assume {@code role} sees. */
    public Map<String, String> environment(TestRole role) {
        Map<String, String> env = new TreeMap<>(environment());
        env.put("AWS_ROLE_ARN", role.arn());
        return Collections.unmodifiableMap(env);
    }

    /** {@link #environment(TestRole)} as an {@link EnvironmentSource} with no system properties. */
    public EnvironmentSource environmentSource(TestRole role) {
        return EnvironmentSource.of(environment(role), Map.of());
    }

    /**
     * A credentials-provider builder configured as the job would configure it from its environment (role,
     * region, STS endpoint, ID-token request URL and token); change anything before {@code build()}. GitHub log
     * masking ({@code ::add-mask::} on stdout) is off, since a test's output is no GitHub log and the masking
     * command would print the secrets.
     */
    public GitHubOidcCredentialsProvider.Builder credentialsProviderBuilder(TestRole role) {
        return GitHubOidcCredentialsProvider.builder().environment(environmentSource(role)).githubLogMasking(false);
    }

    /** A credentials provider for {@code role}, as the job would build it. The caller closes it. */
    public GitHubOidcCredentialsProvider credentialsProvider(TestRole role) {
        return credentialsProviderBuilder(role).build();
    }

    @Override
    public String toString() {
        return "SimulatedJob[" + job.id() + ": " + run + "]";
    }
}
