package io.github.ghaoidc.emulator.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.ghaoidc.emulator.aws.internal.AwsQueryHandler;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedCredentialStore;
import io.github.ghaoidc.emulator.aws.internal.gateway.UpstreamAws;
import io.github.ghaoidc.emulator.aws.internal.iam.IamActions;
import io.github.ghaoidc.emulator.aws.internal.iam.IamDirectory;
import io.github.ghaoidc.emulator.aws.internal.iam.IamNames;
import io.github.ghaoidc.emulator.aws.internal.iam.IamStore;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.sigv4.CallerAuthenticator;
import io.github.ghaoidc.emulator.aws.internal.sts.DecisionLog;
import io.github.ghaoidc.emulator.aws.internal.sts.IssuerKeys;
import io.github.ghaoidc.emulator.aws.internal.sts.RemoteJwks;
import io.github.ghaoidc.emulator.aws.internal.sts.StsActions;
import io.github.ghaoidc.emulator.aws.internal.sts.StsSettings;
import io.github.ghaoidc.emulator.aws.internal.sts.TrustEngineGate;
import io.undertow.server.HttpHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The emulated AWS account: IAM (OIDC providers, roles) and STS (AssumeRoleWithWebIdentity, AssumeRole,
 * GetCallerIdentity) enforcing trust policies with the trust engine, served over the AWS Query protocol by
 * {@link #httpHandler()}. Configuration is fixed at build time; the account's contents change through IAM calls
 * or {@link #createOpenIdConnectProvider}/{@link #createRole}. Thread-safe.
 */
public final class AwsEmulation implements AutoCloseable {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final IamNames names;
    private final IamStore iamStore;
    private final IssuedCredentialStore credentials;
    private final DecisionLog decisions;
    private final ConcurrentLinkedQueue<AwsFault> faults = new ConcurrentLinkedQueue<>();
    private final TrustEngineGate trust = new TrustEngineGate();
    private final URI upstream;
    private final UpstreamAws upstreamAws;
    private final Builder config;
    private final Object handlerLock = new Object();
    private volatile AwsQueryHandler handler;

    private AwsEmulation(Builder builder) {
        if (!ACCOUNT_ID.matcher(builder.accountId).matches()) {
            throw new IllegalArgumentException("accountId must be 12 digits, like 123456789012, got: "
                    + builder.accountId);
        }
        if (!builder.partition.matches("aws(-[a-z]+)*")) {
            throw new IllegalArgumentException("partition must be aws, aws-cn, aws-us-gov, …, got: "
                    + builder.partition);
        }
        this.config = builder.copy();
        this.names = new IamNames(builder.partition, builder.accountId);
        this.upstream = builder.upstream;
        this.iamStore = new IamStore(names, builder.clock, trust::validateForIam, trust::validateForExistingRole,
                builder.allowLoopbackHttpIssuers);
        this.credentials = new IssuedCredentialStore(builder.clock, builder.maxIssuedSessions);
        this.decisions = new DecisionLog(builder.decisionHistorySize);
        this.upstreamAws = builder.upstream == null ? null : new UpstreamAws(builder.upstream, names,
                builder.upstreamCredentials);
    }

    /** The STS/IAM request pipeline; built on first use, so a server that never sees {@code POST /} never loads it. */
    private AwsQueryHandler newHandler() {
        Supplier<IamDirectory> directory = upstreamAws == null ? () -> iamStore : () -> upstreamAws;
        Function<String, JWKSet> inProcess = config.inProcessKeys;
        StsSettings settings = new StsSettings(directory, names, new IssuerKeys(inProcess, new RemoteJwks(config.issuerLocations)), trust,
                decisions, credentials, faults, upstreamAws, config.clock, config.clockSkew, config.maxTokenAge,
                config.sessionLifetime);
        return new AwsQueryHandler(new CallerAuthenticator(credentials, config.clock),
                new StsActions(settings), new IamActions(iamStore), upstreamAws,
                () -> upstreamAws == null && iamStore.everyProviderUrl(url -> inProcess.apply(url) != null));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return config.copy();
    }

    /**
     * The Undertow handler to mount on {@code POST /}; always the same instance. It is built on the first call
     * (the STS/IAM pipeline is not needed before the first AWS request), so a server that wants to start fast
     * calls this when the first request arrives rather than at start.
     */
    public HttpHandler httpHandler() {
        AwsQueryHandler h = handler;
        if (h == null) {
            synchronized (handlerLock) {
                h = handler;
                if (h == null) {
                    h = newHandler();
                    handler = h;
                }
            }
        }
        return h;
    }

    public String accountId() {
        return names.accountId();
    }

    public String partition() {
        return names.partition();
    }

    /** The upstream AWS endpoint in gateway mode, or null. */
    public URI upstream() {
        return upstream;
    }

    /**
     * Declares an OIDC provider, as {@code CreateOpenIDConnectProvider} would (in gateway mode: in the upstream
     * IAM, after the same local checks).
     *
     * @return the provider ARN
     * @throws AwsEmulationException with IAM's error code when IAM would refuse it
     */
    public String createOpenIdConnectProvider(OidcProviderDefinition provider) {
        try {
            String arn = iamStore.createProvider(provider.url(), provider.clientIds(), provider.thumbprints()).arn();
            if (upstreamAws != null) {
                upstreamAws.createProvider(provider.url(), provider.clientIds(), provider.thumbprints());
            }
            return arn;
        } catch (AwsServiceException e) {
            throw new AwsEmulationException(e.code(), e.getMessage(), e);
        }
    }

    /**
     * Declares a role, as {@code CreateRole} would (the trust policy is validated as IAM does at save time; in
     * gateway mode the role is then created in the upstream IAM). A {@link RoleDefinition#legacy() legacy} role is
     * declared as one created before 2025-06-06: IAM's identity-provider controls are not applied to it.
     *
     * @return the role ARN
     * @throws AwsEmulationException with IAM's error code when IAM would refuse it
     */
    public String createRole(RoleDefinition role) {
        if (role.maxSessionDuration() < 3600 || role.maxSessionDuration() > 43200) {
            throw new AwsEmulationException("ValidationError", "maxSessionDuration must be 3600–43200 seconds, got: "
                    + role.maxSessionDuration(), null);
        }
        try {
            String arn = iamStore.createRole(role.roleName(), role.path(), role.assumeRolePolicyDocument(),
                    role.maxSessionDuration(), role.description(), role.legacy()).arn();
            if (upstreamAws != null) {
                upstreamAws.createRole(role.roleName(), role.path(), role.assumeRolePolicyDocument(),
                        role.maxSessionDuration(), role.description());
            }
            return arn;
        } catch (AwsServiceException e) {
            throw new AwsEmulationException(e.code(), e.getMessage(), e);
        }
    }

    /** The last trust decisions, newest first, with the trust engine's explanations. */
    public List<TrustDecisionRecord> decisions() {
        return decisions.snapshot();
    }

    /** Makes the next AssumeRoleWithWebIdentity call (after parameter validation) fail with {@code fault}. */
    public void failNextWebIdentityCall(AwsFault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    /** How many issued sessions are currently remembered (bounded by {@link Builder#maxIssuedSessions}). */
    public int issuedSessionCount() {
        return credentials.size();
    }

    /** Releases the upstream client in gateway mode; idempotent. The HTTP handler is not stopped. */
    @Override
    public void close() {
        if (upstreamAws != null) {
            upstreamAws.close();
        }
    }

    @Override
    public String toString() {
        return "AwsEmulation[account=" + names.accountId() + ", partition=" + names.partition()
                + (upstream == null ? "" : ", upstream=" + upstream) + "]";
    }

    /** Builder for {@link AwsEmulation}; not thread-safe. */
    public static final class Builder {
        private String accountId = "123456789012";
        private String partition = "aws";
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration maxTokenAge = Duration.ofHours(24);
        private Function<String, JWKSet> inProcessKeys = url -> null;
        private boolean allowLoopbackHttpIssuers;
        private URI upstream;
        private AwsCredentialsProvider upstreamCredentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        private Map<String, String> issuerLocations = new LinkedHashMap<>();
        private int decisionHistorySize = 100;
        private int maxIssuedSessions = 10_000;
        private Duration sessionLifetime;

        private Builder() {
        }

        /** The account id (12 digits). Default {@code 123456789012}. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** The partition. Default {@code aws}. */
        public Builder partition(String partition) {
            this.partition = Objects.requireNonNull(partition, "partition");
            return this;
        }

        /** The clock for token times, credential expiry and CreateDate. Default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Tolerated skew for {@code exp}, {@code nbf} and {@code iat}. Default 60 seconds. */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = requireNonNegative(skew, "clockSkew");
            return this;
        }

        /** Oldest token ({@code now - iat}) accepted, else {@code Token too old}. Default 24 hours. */
        public Builder maxTokenAge(Duration age) {
            this.maxTokenAge = requireNonNegative(age, "maxTokenAge");
            return this;
        }

        /**
         * The public keys of issuers this process serves, by issuer URL (null when it serves none); those are
         * used in-process. Default: none, so every issuer's keys come from discovery and JWKS over HTTP.
         */
        public Builder inProcessKeys(Function<String, JWKSet> keysByIssuerUrl) {
            this.inProcessKeys = Objects.requireNonNull(keysByIssuerUrl, "inProcessKeys");
            return this;
        }

        /**
         * Fetches the discovery document and JWKS of {@code issuerUrl} from {@code servedAt} instead of the issuer
         * URL itself — for an issuer hosted elsewhere, such as another gha-oidc emulator impersonating GitHub at
         * {@code http://127.0.0.1:8080}. Default: every issuer at its own URL.
         */
        public Builder issuerLocation(String issuerUrl, URI servedAt) {
            this.issuerLocations.put(Objects.requireNonNull(issuerUrl, "issuerUrl"),
                    Objects.requireNonNull(servedAt, "servedAt").toString());
            return this;
        }

        /**
         * Whether OIDC providers may be {@code http://127.0.0.1:port} or {@code http://localhost:port} (local test
         * issuers; AWS itself requires https and no port). Default false.
         */
        public Builder allowLoopbackHttpIssuers(boolean allow) {
            this.allowLoopbackHttpIssuers = allow;
            return this;
        }

        /**
         * Gateway mode: enforce trust here, then forward allowed AssumeRoleWithWebIdentity calls (and every other
         * call) to this AWS endpoint, reading roles and providers from its IAM. Default none.
         */
        public Builder upstream(URI upstream) {
            this.upstream = upstream;
            return this;
        }

        /**
         * Credentials for the calls the gateway makes to the upstream itself (IAM look-ups, provisioning). Default
         * the static pair {@code test}/{@code test} that LocalStack and Floci accept; another emulator as upstream
         * wants an {@code AKIA…} key id. Not closed by the emulation.
         */
        public Builder upstreamCredentials(AwsCredentialsProvider credentials) {
            this.upstreamCredentials = Objects.requireNonNull(credentials, "upstreamCredentials");
            return this;
        }

        /** How many trust decisions to keep for the admin API. Default 100. */
        public Builder decisionHistorySize(int size) {
            this.decisionHistorySize = size;
            return this;
        }

        /** Upper bound of remembered issued sessions; the soonest-expiring are evicted first. Default 10,000. */
        /**
         * For tests of refresh: every issued session (AssumeRoleWithWebIdentity, AssumeRole) expires this long after
         * it is issued, whatever {@code DurationSeconds} asked (STS's own minimum is 900 s, too long to wait for).
         * The answer's {@code Expiration} says so, as a real short session would. Default none: as asked.
         */
        public Builder sessionLifetime(Duration lifetime) {
            if (lifetime != null && (lifetime.isNegative() || lifetime.toSeconds() < 1)) {
                throw new IllegalArgumentException("sessionLifetime must be at least 1 second, got: " + lifetime);
            }
            this.sessionLifetime = lifetime;
            return this;
        }

        public Builder maxIssuedSessions(int max) {
            this.maxIssuedSessions = max;
            return this;
        }

        public AwsEmulation build() {
            return new AwsEmulation(this);
        }

        /** An independent copy of this builder. */
        public Builder copy() {
            Builder copy = new Builder();
            copy.accountId = accountId;
            copy.partition = partition;
            copy.clock = clock;
            copy.clockSkew = clockSkew;
            copy.maxTokenAge = maxTokenAge;
            copy.inProcessKeys = inProcessKeys;
            copy.allowLoopbackHttpIssuers = allowLoopbackHttpIssuers;
            copy.upstream = upstream;
            copy.upstreamCredentials = upstreamCredentials;
            copy.issuerLocations = new LinkedHashMap<>(issuerLocations);
            copy.decisionHistorySize = decisionHistorySize;
            copy.maxIssuedSessions = maxIssuedSessions;
            copy.sessionLifetime = sessionLifetime;
            return copy;
        }

        private static Duration requireNonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got: " + value);
            }
            return value;
        }
    }
}
