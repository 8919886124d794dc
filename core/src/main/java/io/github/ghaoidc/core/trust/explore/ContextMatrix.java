package io.github.ghaoidc.core.trust.explore;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The realistic workflow contexts of one repository that "who can assume this role?" tries: pushes to
 * the default, another and a nested branch, a tag, a pull request, each deployment environment, a
 * manual dispatch, a schedule, reusable workflows across repositories, a sibling repository, another
 * organisation, a renamed repository (immutable subject), a recycled name, another audience and an
 * enterprise issuer. Claims come from {@link GitHubClaims}, so they are what GitHub sends.
 * Immutable and thread-safe.
 */
public final class ContextMatrix {

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+");

    private final String repository;
    private final String defaultBranch;
    private final List<String> environments;
    private final String audience;
    private final String enterprise;
    private final Instant issuedAt;

    private ContextMatrix(Builder builder) {
        if (builder.repository == null || !REPOSITORY.matcher(builder.repository).matches()) {
            throw new TrustPolicyException("repository must be OWNER/REPO, e.g. octo-org/octo-repo, got: "
                    + builder.repository);
        }
        this.repository = builder.repository;
        this.defaultBranch = Objects.requireNonNull(builder.defaultBranch, "defaultBranch");
        this.environments = List.copyOf(builder.environments);
        this.audience = Objects.requireNonNull(builder.audience, "audience");
        this.enterprise = Objects.requireNonNull(builder.enterprise, "enterprise");
        this.issuedAt = Objects.requireNonNull(builder.issuedAt, "issuedAt");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().repository(repository).defaultBranch(defaultBranch).environments(environments)
                .audience(audience).enterprise(enterprise).issuedAt(issuedAt);
    }

    public String repository() {
        return repository;
    }

    /** The contexts, in a fixed order. */
    public List<ExplorationCase> cases() {
        String owner = repository.substring(0, repository.indexOf('/'));
        String name = repository.substring(repository.indexOf('/') + 1);
        WorkflowContext push = WorkflowContext.push(repository, defaultBranch);
        List<ExplorationCase> cases = new ArrayList<>();
        add(cases, "push-default-branch", "push to " + defaultBranch, push);
        add(cases, "push-other-branch", "push to feature-login", WorkflowContext.push(repository, "feature-login"));
        add(cases, "push-nested-branch", "push to release/v2", WorkflowContext.push(repository, "release/v2"));
        add(cases, "push-tag", "push of tag v1.2.0", WorkflowContext.tag(repository, "v1.2.0"));
        add(cases, "pull-request", "pull_request #42 (unmerged code)", WorkflowContext.pullRequest(repository, 42));
        for (String environment : environments) {
            add(cases, "environment-" + environment, "job in environment " + environment + " on " + defaultBranch,
                    WorkflowContext.inEnvironment(repository, defaultBranch, environment));
        }
        add(cases, "workflow-dispatch", "manual workflow_dispatch on " + defaultBranch,
                WorkflowContext.workflowDispatch(repository, defaultBranch));
        add(cases, "schedule", "scheduled run", WorkflowContext.schedule(repository));
        add(cases, "reusable-workflow-other-repo", "job calling " + owner + "/shared-workflows' deploy.yml",
                WorkflowContext.reusableWorkflow(repository, defaultBranch,
                        owner + "/shared-workflows/.github/workflows/deploy.yml@refs/heads/main"));
        add(cases, "other-repo-calling-this-workflow", owner + "/sibling-repo calling this repository's deploy.yml",
                WorkflowContext.reusableWorkflow(owner + "/sibling-repo", defaultBranch,
                        repository + "/.github/workflows/deploy.yml@refs/heads/" + defaultBranch));
        add(cases, "sibling-repo", "push to " + defaultBranch + " of " + owner + "/sibling-repo",
                WorkflowContext.push(owner + "/sibling-repo", defaultBranch));
        add(cases, "other-org", "push to " + defaultBranch + " of other-org/" + name,
                WorkflowContext.push("other-org/" + name, defaultBranch));
        add(cases, "immutable-subject", "this repository with immutable subjects (repo:OWNER@ID/REPO@ID)",
                push.toBuilder().immutableSubject(true).build());
        add(cases, "renamed-repo", "this repository renamed to " + name + "-renamed (same IDs, immutable subject)",
                push.toBuilder().repository(repository + "-renamed").repositoryId(push.repositoryId())
                        .ownerId(push.ownerId()).immutableSubject(true).build());
        add(cases, "recycled-name", "a new repository reusing the name " + repository + " (new repository_id)",
                push.toBuilder().repositoryId(push.repositoryId() + 1_000_003L).build());
        String otherAudience = GitHubClaims.defaultAudience(push);
        cases.add(build("other-audience", "token requested with GitHub's default audience",
                GitHubClaims.builder().context(push).audience(otherAudience), GitHubClaims.GITHUB_ISSUER).toBuilder()
                .note("STS refuses audience " + otherAudience + " before reading this policy unless the role's OIDC "
                        + "provider lists it as a client ID; the decision shown is the trust policy's alone")
                .build());
        String enterpriseIssuer = GitHubClaims.GITHUB_ISSUER + "/" + enterprise;
        cases.add(build("enterprise-issuer", "enterprise " + enterprise + " with its own issuer " + enterpriseIssuer,
                GitHubClaims.builder().context(push.toBuilder().enterprise(enterprise).build()).audience(audience)
                        .issuer(enterpriseIssuer), enterpriseIssuer));
        return cases;
    }

    private void add(List<ExplorationCase> cases, String name, String description, WorkflowContext context) {
        cases.add(build(name, description, GitHubClaims.builder().context(context).audience(audience),
                GitHubClaims.GITHUB_ISSUER));
    }

    private ExplorationCase build(String name, String description, GitHubClaims.Builder claims, String issuer) {
        return ExplorationCase.builder().name(name).description(description).issuer(issuer)
                .claims(claims.issuedAt(issuedAt).jwtId("explore-" + name).build().asMap()).build();
    }

    @Override
    public String toString() {
        return "ContextMatrix[" + repository + ", environments=" + environments + "]";
    }

    /** Builds a {@link ContextMatrix}; only the repository is required. Not thread-safe. */
    public static final class Builder {
        private String repository;
        private String defaultBranch = "main";
        private List<String> environments = List.of("production");
        private String audience = "sts.amazonaws.com";
        private String enterprise = "acme";
        private Instant issuedAt = Instant.parse("2026-01-01T00:00:00Z");

        private Builder() {
        }

        /** Required: {@code OWNER/REPO}. */
        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /** The default branch; default {@code main}. */
        public Builder defaultBranch(String defaultBranch) {
            this.defaultBranch = defaultBranch;
            return this;
        }

        /** Deployment environments to try; default {@code production}. */
        public Builder environments(List<String> environments) {
            this.environments = List.copyOf(environments);
            return this;
        }

        /** The audience the workflows ask for; default {@code sts.amazonaws.com}. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Enterprise slug for the enterprise-issuer case; default {@code acme}. */
        public Builder enterprise(String enterprise) {
            this.enterprise = enterprise;
            return this;
        }

        /** {@code iat} of every token; default 2026-01-01T00:00:00Z (the engine ignores time unless a policy tests it). */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public ContextMatrix build() {
            return new ContextMatrix(this);
        }
    }
}
