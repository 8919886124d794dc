package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.AwsEmulationException;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.testkit.internal.AwsProvisioner;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A local GitHub Actions issuer and AWS account for tests: the {@link GitHubOidcEmulator} mints tokens exactly
 * like GitHub's ({@code iss} {@code https://token.actions.githubusercontent.com}) and serves, on the same
 * loopback port, IAM and an STS that enforces trust policies with the trust engine. By default GitHub's OIDC
 * provider is declared with audience {@code sts.amazonaws.com}, as in the reference scenario.
 *
 * <p>In <b>gateway mode</b> ({@link Builder#upstream}) the STS still enforces trust here, but roles and providers
 * live in the upstream's IAM (LocalStack, or another emulator) and allowed calls are forwarded there, so the
 * credentials are the upstream's. Provisioning always goes through the IAM API with the AWS SDK.
 *
 * <pre>{@code
 * try (GitHubOidcSandbox sandbox = GitHubOidcSandbox.builder().build()) {
 *     TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("trust.json"));
 *     SimulatedJob job = sandbox.startJob(Workflows.push("octo-org/app"));
 *     job.credentialsProvider(role).resolveCredentials();
 * }
 * }</pre>
 *
 * Started by {@link Builder#build()}; {@link #close()} stops the server and closes the clients it made. Thread-safe.
 */
public final class GitHubOidcSandbox implements AutoCloseable {

    /** GitHub's issuer, the OIDC provider URL of the reference scenario. */
    public static final String GITHUB_PROVIDER_URL = GitHubClaims.GITHUB_ISSUER;

    /** The account's long-term keys on the emulator's own IAM: any AKIA… key id stands for the account. */
    private static final AwsCredentialsProvider ACCOUNT_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "sandbox"));

    private final Builder settings;
    private final GitHubOidcEmulator emulator;
    private final AwsEmulation aws;
    private final URI endpoint;
    private final IamClient iam;
    private final StsClient sts;
    private final AwsProvisioner provisioner;
    private final String gitHubProviderArn;

    private GitHubOidcSandbox(Builder b) {
        this.settings = b.copy();
        GitHubOidcEmulator.Builder emulatorBuilder = GitHubOidcEmulator.builder()
                .aws(AwsEmulation.builder().accountId(b.accountId).upstream(b.upstream)
                        .upstreamCredentials(b.upstreamCredentials));
        if (b.signingKeys != null) {
            emulatorBuilder.signingKeys(b.signingKeys);
        }
        this.emulator = emulatorBuilder.build();
        this.aws = emulator.aws();
        try {
            emulator.start();
        } catch (RuntimeException e) {
            emulator.close();
            throw new TestkitException("the sandbox's emulator could not start: " + e.getMessage(), e);
        }
        try {
            this.endpoint = URI.create(emulator.stsEndpoint());
            this.iam = IamClient.builder().endpointOverride(b.upstream != null ? b.upstream : endpoint)
                    .region(Region.AWS_GLOBAL)
                    .credentialsProvider(b.upstream != null ? b.upstreamCredentials : ACCOUNT_KEYS).build();
            this.sts = StsClient.builder().endpointOverride(endpoint).region(b.region)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build();
            this.provisioner = new AwsProvisioner(iam);
            this.gitHubProviderArn = b.gitHubProvider
                    ? provisioner.ensureProvider(GITHUB_PROVIDER_URL, b.audiences, List.of()) : null;
        } catch (RuntimeException e) {
            close();
            throw new TestkitException("the sandbox could not declare GitHub's OIDC provider"
                    + (b.upstream == null ? "" : " in the upstream " + b.upstream) + ": " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A sandbox with every default: account 123456789012, region us-east-2, GitHub's provider declared. */
    public static GitHubOidcSandbox create() {
        return builder().build();
    }

    /** A builder holding this sandbox's settings (building it starts another sandbox). */
    public Builder toBuilder() {
        return settings.copy();
    }

    /** The GitHub issuer emulator (jobs, minting, faults, key rotation). */
    public GitHubOidcEmulator emulator() { return emulator; }

    /** The AWS emulation: trust decisions with explanations, STS faults. */
    public AwsEmulation aws() { return aws; }

    public String accountId() { return settings.accountId; }

    public Region region() { return settings.region; }

    /** The sandbox's own endpoint: the STS (and, unless in gateway mode, IAM) to point clients at. */
    public URI stsEndpoint() { return endpoint; }

    /** Where other AWS services are: the upstream in gateway mode, else the sandbox (which serves only IAM and STS). */
    public URI servicesEndpoint() { return settings.upstream != null ? settings.upstream : endpoint; }

    /** Whether the sandbox is serving (it stops for good on {@link #close()}). */
    public boolean isRunning() { return emulator.isRunning(); }

    /** Whether STS forwards allowed calls to an upstream AWS endpoint. */
    public boolean isGateway() { return settings.upstream != null; }

    /** The ARN of GitHub's OIDC provider, or {@code null} when {@link Builder#gitHubProvider} was turned off. */
    public String gitHubProviderArn() { return gitHubProviderArn; }

    /** An IAM client on the account (the upstream's in gateway mode). Owned by the sandbox: do not close it. */
    public IamClient iamClient() { return iam; }

    /** An anonymous STS client on {@link #stsEndpoint()}, for AssumeRoleWithWebIdentity. Owned by the sandbox. */
    public StsClient stsClient() { return sts; }

    /**
     * Declares a role whose trust policy comes from {@code source} (CloudFormation pseudo parameters
     * {@code AWS::AccountId}, {@code AWS::Region}, {@code AWS::Partition} default to the sandbox's), through
     * IAM's {@code CreateRole}; a role of that name gets the new trust policy instead. IAM's save-time checks
     * apply, as they would on deploy.
     *
     * @throws TestkitException naming the role and IAM's error when IAM refuses the policy
     */
    public TestRole createRole(String roleName, PolicySource source) {
        String document = source.document(Map.of("AWS::AccountId", settings.accountId,
                "AWS::Region", settings.region.id(), "AWS::Partition", "aws"));
        try {
            String arn = provisioner.putRole(roleName, document, 3600);
            return new TestRole(arn, document, source.name(), this);
        } catch (SdkException e) {
            throw new TestkitException("IAM refused role " + roleName + " from " + source.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Declares a role as one created before IAM's identity-provider controls of 2025-06-06: its trust policy may
     * lack what IAM requires of GitHub trust today (a {@code sub} condition not scoped to all), and STS evaluates
     * it as it is, exactly as for any other role. Only the checks IAM has always applied are made. Such a role's
     * policy cannot be replaced by another legacy one: {@code UpdateAssumeRolePolicy} applies every check, as on
     * AWS, so a role of that name that already exists is an error. In gateway mode the role is created in the
     * upstream, whose IAM decides what it accepts.
     *
     * @throws TestkitException naming the role and IAM's error when even a legacy role could not hold the policy
     */
    public TestRole createLegacyRole(String roleName, PolicySource source) {
        String document = source.document(Map.of("AWS::AccountId", settings.accountId,
                "AWS::Region", settings.region.id(), "AWS::Partition", "aws"));
        try {
            String arn = settings.upstream != null ? provisioner.putRole(roleName, document, 3600)
                    : aws.createRole(RoleDefinition.builder().roleName(roleName).assumeRolePolicyDocument(document)
                            .legacy(true).build());
            return new TestRole(arn, document, source.name(), this);
        } catch (SdkException | AwsEmulationException e) {
            throw new TestkitException("IAM refused legacy role " + roleName + " from " + source.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@link #createRole(String, PolicySource)} with a policy given as JSON text. */
    public TestRole createRole(String roleName, String policyJson) {
        return createRole(roleName, PolicySource.json(policyJson));
    }

    /** Declares another OIDC provider (or adds client IDs to an existing one); returns its ARN. */
    public String declareProvider(String url, List<String> clientIds) {
        try {
            return provisioner.ensureProvider(url, clientIds, List.of());
        } catch (SdkException e) {
            throw new TestkitException("IAM refused OIDC provider " + url + ": " + e.getMessage(), e);
        }
    }

    /** A job of {@code run} with its own ID-token request URL and token. */
    public SimulatedJob startJob(WorkflowRun run) {
        return new SimulatedJob(this, emulator.createJob(run.context()), run);
    }

    /** A job of {@code context} asking for audience {@code sts.amazonaws.com}. */
    public SimulatedJob startJob(WorkflowContext context) {
        return startJob(WorkflowRun.of(context));
    }

    /** A token for {@code run}, minted in process (a secret: never log it). */
    public String mint(WorkflowRun run) {
        return emulator.mint(run.context(), run.audience());
    }

    /**
     * Points an AWS SDK client builder at this sandbox's services endpoint and region, with {@code credentials}:
     * {@code sandbox.configure(S3Client.builder(), job.credentialsProvider(role)).forcePathStyle(true).build()}.
     */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, AwsCredentialsProvider credentials) {
        return builder.endpointOverride(servicesEndpoint()).region(settings.region).credentialsProvider(credentials);
    }

    /** Stops the server and closes the clients; idempotent. */
    @Override
    public void close() {
        if (sts != null) {
            sts.close();
        }
        if (iam != null) {
            iam.close();
        }
        emulator.close();
    }

    @Override
    public String toString() {
        return "GitHubOidcSandbox[" + (emulator.isRunning() ? endpoint : "closed") + ", account=" + settings.accountId
                + (settings.upstream == null ? "" : ", upstream=" + settings.upstream) + "]";
    }

    /** Builds and starts a {@link GitHubOidcSandbox}. Not thread-safe. */
    public static final class Builder {
        private String accountId = "123456789012";
        private Region region = Region.US_EAST_2;
        private boolean gitHubProvider = true;
        private List<String> audiences = List.of(WorkflowRun.AWS_AUDIENCE);
        private URI upstream;
        private AwsCredentialsProvider upstreamCredentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        private SigningKeys signingKeys;

        private Builder() {
        }

        /** The AWS account (12 digits); in gateway mode, the upstream's. Default {@code 123456789012}. */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, like 123456789012, got: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** The region jobs and clients use. Default {@code us-east-2}, as in the reference scenario. */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Whether to declare GitHub's OIDC provider at start. Default {@code true}. */
        public Builder gitHubProvider(boolean declare) {
            this.gitHubProvider = declare;
            return this;
        }

        /** The client IDs (audiences) of GitHub's provider. Default {@code [sts.amazonaws.com]}. Copied. */
        public Builder providerAudiences(List<String> audiences) {
            if (audiences == null || audiences.isEmpty()) {
                throw new IllegalArgumentException("providerAudiences must name at least one audience, "
                        + "e.g. sts.amazonaws.com");
            }
            this.audiences = List.copyOf(audiences);
            return this;
        }

        /**
         * Gateway mode: trust is enforced here, roles and providers live in the IAM of {@code endpoint}
         * (LocalStack's, say), and allowed calls are forwarded to it. Default none.
         */
        public Builder upstream(URI endpoint) {
            this.upstream = endpoint;
            return this;
        }

        /** Credentials for the IAM calls that provision the account. Default the static pair {@code test}/{@code test}. */
        public Builder upstreamCredentials(AwsCredentialsProvider credentials) {
            this.upstreamCredentials = Objects.requireNonNull(credentials, "upstreamCredentials");
            return this;
        }

        /**
         * Sign with these keys (shared with their owner) instead of generating new ones, e.g. so that an upstream
         * emulator verifies this sandbox's tokens. Default: two fresh RSA keys.
         */
        public Builder signingKeys(SigningKeys keys) {
            this.signingKeys = keys;
            return this;
        }

        /**
         * Starts the sandbox and declares GitHub's provider.
         *
         * @throws TestkitException when the server cannot start or the provider cannot be declared
         */
        public GitHubOidcSandbox build() {
            return new GitHubOidcSandbox(this);
        }

        /** A copy of this builder. */
        public Builder copy() {
            Builder b = new Builder();
            b.accountId = accountId;
            b.region = region;
            b.gitHubProvider = gitHubProvider;
            b.audiences = audiences;
            b.upstream = upstream;
            b.upstreamCredentials = upstreamCredentials;
            b.signingKeys = signingKeys;
            return b;
        }
    }
}
