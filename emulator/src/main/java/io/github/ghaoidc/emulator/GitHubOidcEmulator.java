package io.github.ghaoidc.emulator;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.admin.internal.AdminHandler;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.AwsEmulationException;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.internal.EmulatorServer;
import io.github.ghaoidc.emulator.internal.EmulatorSettings;
import io.github.ghaoidc.emulator.internal.LazyHandler;
import io.github.ghaoidc.emulator.internal.RequestRecorder;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import io.undertow.server.HttpHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local GitHub Actions OIDC provider: mints tokens shaped exactly like GitHub's, serves discovery, JWKS
 * and the runtime token endpoint ({@code ACTIONS_ID_TOKEN_REQUEST_URL}) for any number of simulated jobs,
 * an admin API under {@code /_admin/}, and fault injection. One Undertow server on one port.
 *
 * <pre>{@code
 * try (GitHubOidcEmulator github = GitHubOidcEmulator.builder().build().start()) {
 *     String jwt = github.mint(WorkflowContext.push("octo-org/app", "main"));
 *     String url = github.tokenRequestUrl();   // what ACTIONS_ID_TOKEN_REQUEST_URL would hold
 * }
 * }</pre>
 *
 * Settings live on the {@link Builder}; after {@link #start()} only jobs, keys and faults change. URL and
 * job accessors throw {@code IllegalStateException("call start() first")} before start. Thread-safe.
 */
public final class GitHubOidcEmulator implements AutoCloseable {

    private final EmulatorSettings settings;
    private final AwsEmulation aws;
    private final RequestRecorder recorder;
    private final Object lock = new Object();
    private volatile EmulatorServer running;
    private boolean closed;

    private GitHubOidcEmulator(Builder b) {
        this.settings = b.settings.copy();
        settings.validate();
        this.recorder = new RequestRecorder(settings.recordRequests, settings.recordedRequestLimit);
        this.aws = settings.awsAccount == null ? null : buildAws();
    }

    /** The emulated AWS account, verifying this emulator's tokens in-process, with the declared providers/roles. */
    private AwsEmulation buildAws() {
        AwsEmulation account = settings.awsAccount.copy()
                .inProcessKeys(url -> verificationKeysFor(url).orElse(null)).build();
        try {
            settings.awsProviders.forEach(account::createOpenIdConnectProvider);
            settings.awsRoles.forEach(account::createRole);
        } catch (AwsEmulationException e) {
            account.close();
            throw new EmulatorException("AWS emulation: " + e.getMessage(), e);
        }
        return account;
    }

    public static Builder builder() {
        return new Builder(new EmulatorSettings());
    }

    /** An emulator with every default: 127.0.0.1, a free port, github.com issuer, two keys. */
    public static GitHubOidcEmulator create() {
        return builder().build();
    }

    /** A builder holding this emulator's settings. */
    public Builder toBuilder() {
        return new Builder(settings.copy());
    }

    /**
     * Binds the server and generates or loads the keys. Given or loaded keys are ready when this returns;
     * a generated signing key is made in parallel and requests needing it (tokens, JWKS) wait for it.
     *
     * @return this, for {@code try (var e = GitHubOidcEmulator.create().start())}
     * @throws IllegalStateException when already started or closed
     * @throws EmulatorException when the port cannot be bound or the keys cannot be loaded
     */
    public GitHubOidcEmulator start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("emulator is closed; build a new one");
            }
            if (running != null) {
                throw new IllegalStateException("emulator is already started at " + running.baseUrl());
            }
            EmulatorServer server = EmulatorServer.start(settings, recorder, new AdminHandler(this),
                    aws != null ? new LazyHandler(aws::httpHandler) : settings.awsHandler);
            running = server;
            server.open();
            return this;
        }
    }

    private EmulatorServer running() {
        EmulatorServer r = running;
        if (r == null) {
            throw new IllegalStateException("call start() first");
        }
        return r;
    }

    public boolean isRunning() {
        return running != null;
    }

    /**
     * {@code http://127.0.0.1:PORT}, no trailing slash: the bound host (IPv6 literals in brackets); for a
     * wildcard host ({@code 0.0.0.0}, {@code ::}) the loopback address, which reaches it from this machine.
     */
    public String baseUrl() { return running().baseUrl(); }
    public int port() { return running().port(); }
    /** The {@code iss} the tokens carry (depends on the {@link IssuerMode}, not on where the server listens). */
    public String issuerUrl() { return running().issuer().issuer(); }
    /** Where this server serves the issuer's discovery document. */
    public String discoveryUrl() { return baseUrl() + running().mode().path() + "/.well-known/openid-configuration"; }
    /** Where this server serves the JWKS (the discovery document's {@code jwks_uri}). */
    public String jwksUrl() { return baseUrl() + running().mode().jwksPath(); }
    /** {@code ACTIONS_ID_TOKEN_REQUEST_URL} of the default job. */
    public String tokenRequestUrl() { return defaultJob().requestUrl(); }
    /** {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN} of the default job: a secret, never log it. */
    public String tokenRequestToken() { return defaultJob().requestToken(); }
    /** The job that exists from start (context from {@link Builder#defaultContext}); it cannot be removed. */
    public Job defaultJob() {
        return running().jobs().find(JobRegistry.DEFAULT_JOB_ID).orElseThrow(); // never removed: see removeJob
    }

    /** A new job with its own request URL and token; random id. */
    public Job createJob(WorkflowContext context) { return createJob(null, context); }

    /** A new job with id {@code id} ({@code null}: random). @throws EmulatorException if the id is taken or malformed */
    public Job createJob(String id, WorkflowContext context) { return createJob(id, context, null); }

    /**
     * A new job whose request token expires {@code lifetime} after now ({@code null}: {@link Builder#jobLifetime}).
     *
     * @throws EmulatorException if the id is taken or malformed, or the lifetime is not 1 s to 35 days
     */
    public Job createJob(String id, WorkflowContext context, Duration lifetime) {
        return running().jobs().create(id, Objects.requireNonNull(context, "context"), lifetime);
    }

    public Optional<Job> job(String id) { return running().jobs().find(id); }
    public List<Job> jobs() { return running().jobs().all(); }

    /**
     * Removes a job; its request token stops working. {@code true} if it existed.
     *
     * @throws EmulatorException for the default job, which lives as long as the emulator (the admin API answers 409)
     */
    public boolean removeJob(String id) { return running().jobs().remove(id); }

    /** A token for {@code context} with the default audience, minted in process (no HTTP). */
    public String mint(WorkflowContext context) { return mint(context, null); }

    /** A token for {@code context} and {@code audience} ({@code null}: default), minted in process. */
    public String mint(WorkflowContext context, String audience) {
        return running().issuer().mint(context, audience);
    }

    /**
     * A token with claim overrides ({@code null} value removes a claim) and an optional fault. Overrides are
     * applied as given, registered claims ({@code exp}, {@code iat}, {@code aud}, …) included, to test clients.
     */
    public String mint(WorkflowContext context, String audience, Map<String, Object> claimOverrides, Fault fault) {
        return running().issuer().mint(context, audience, claimOverrides, fault);
    }

    /** The claims a token for {@code context} would carry, issued now by this emulator's clock. */
    public GitHubClaims claims(WorkflowContext context, String audience) {
        TokenIssuer issuer = running().issuer();
        return GitHubClaims.builder().context(context).issuer(issuer.issuer())
                .audience(audience == null ? issuer.defaultAudience(context) : audience)
                .issuedAt(settings.clock.instant()).lifetime(settings.lifetime).notBeforeSkew(settings.notBeforeSkew).build();
    }

    /** The in-process minter (shares keys and clock with the server). */
    public TokenIssuer tokenIssuer() { return running().issuer(); }

    /** The published keys; waits for the signing key if it is still being generated (only right after start). */
    public SigningKeys keys() { return running().signingKeys(); }
    /** The published public keys. */
    public JWKSet jwkSet() { return keys().publicJwkSet(); }
    /** Adds a key and signs with it from now on; older keys stay published. Returns the new {@code kid}. */
    public String rotateKeys() { return keys().rotate(); }
    /** Stops publishing a (non-active) key. */
    public void removeKey(String kid) { keys().remove(kid); }

    /**
     * The public keys to verify tokens whose {@code iss} is {@code issuerUrl}, if this emulator issues them
     * (for an in-process STS).
     */
    public Optional<JWKSet> verificationKeysFor(String issuerUrl) {
        EmulatorServer r = running;
        return r != null && r.issuer().issuer().equals(issuerUrl) ? Optional.of(r.signingKeys().publicJwkSet()) : Optional.empty();
    }

    /**
     * The emulated AWS account (IAM + STS on {@code POST /} of this server).
     *
     * @throws IllegalStateException when AWS emulation was not enabled on the builder
     */
    public AwsEmulation aws() {
        if (aws == null) {
            throw new IllegalStateException("AWS emulation is off; enable it with builder().aws(AwsEmulation.builder())");
        }
        return aws;
    }

    /** The STS endpoint ({@code AWS_ENDPOINT_URL_STS}): this server's base URL. */
    public String stsEndpoint() {
        aws();
        return baseUrl();
    }

    /** The IAM endpoint ({@code AWS_ENDPOINT_URL_IAM}): this server's base URL. */
    public String iamEndpoint() {
        aws();
        return baseUrl();
    }

    /**
     * The oldest recorded request not yet taken, waiting for one to arrive (MockWebServer style).
     *
     * @throws IllegalStateException when recording is off ({@link Builder#recordRequests})
     */
    public RecordedRequest takeRequest() throws InterruptedException {
        return takeRequest(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    /** Like {@link #takeRequest()}, but {@code null} when none arrives within {@code timeout}. */
    public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
        if (!recorder.enabled()) {
            throw new IllegalStateException("request recording is off; enable it with builder().recordRequests(true)");
        }
        return recorder.take(timeout, Objects.requireNonNull(unit, "unit"));
    }

    /** Requests this server has received (recorded or not, taken or not). */
    public long requestCount() { return recorder.count(); }
    /** Recorded requests dropped because more than {@link Builder#recordedRequestLimit} were waiting to be taken. */
    public long droppedRequestCount() { return recorder.dropped(); }

    /** Sets a fault for every job without its own (see {@link Job#setFault}); {@code null} clears. */
    public void setFault(Fault fault) { running().jobs().setGlobalFault(fault); }
    public void clearFault() { setFault(null); }
    public Fault fault() { return running().jobs().globalFault(); }

    /** The clock driving {@code iat}/{@code exp}/{@code nbf}. */
    public Clock clock() { return settings.clock; }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (aws != null) {
                aws.close();
            }
            EmulatorServer r = running;
            running = null;
            if (r != null) {
                r.stop();
            }
        }
    }

    @Override
    public String toString() {
        EmulatorServer r = running;
        return "GitHubOidcEmulator[" + (r == null ? "not started" : r.baseUrl() + ", iss=" + r.issuer().issuer()) + "]";
    }

    /** Builds a {@link GitHubOidcEmulator}. Not thread-safe. */
    public static final class Builder {
        private final EmulatorSettings settings;

        private Builder(EmulatorSettings settings) {
            this.settings = settings;
        }

        /**
         * Interface to bind. Default {@code 127.0.0.1} (loopback only). A wildcard ({@code 0.0.0.0}, {@code ::})
         * listens on all interfaces and {@link GitHubOidcEmulator#baseUrl()} is then the loopback URL; anyone who can reach the
         * port can mint tokens through the admin API.
         */
        public Builder host(String host) { settings.host = Objects.requireNonNull(host, "host"); return this; }
        /**
         * How long a request, headers and body, may take to arrive whole before its connection is closed (a client
         * that sends half a request would otherwise hold a connection for ever). Default 20 s.
         */
        public Builder requestTimeout(Duration timeout) { settings.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout"); return this; }
        /** How long a kept-alive connection may wait for its next request. Default 60 s. */
        public Builder idleTimeout(Duration timeout) { settings.idleTimeout = Objects.requireNonNull(timeout, "idleTimeout"); return this; }
        /** Port to bind. Default 0: any free port ({@link #port()} tells which). */
        public Builder port(int port) { settings.port = port; return this; }
        /** What goes in {@code iss}. Default {@link IssuerMode#github()}. */
        public Builder issuerMode(IssuerMode mode) { settings.issuerMode = Objects.requireNonNull(mode, "issuerMode"); return this; }
        /** Context of the default job. Default {@link WorkflowContext#defaults()}. */
        public Builder defaultContext(WorkflowContext context) { settings.defaultContext = Objects.requireNonNull(context, "defaultContext"); return this; }
        /** Drives {@code iat}; inject a fixed clock in tests. Default the system UTC clock. */
        public Builder clock(Clock clock) { settings.clock = Objects.requireNonNull(clock, "clock"); return this; }
        /** {@code exp - iat}. Default 300 s. */
        public Builder tokenLifetime(Duration lifetime) { settings.lifetime = Objects.requireNonNull(lifetime, "lifetime"); return this; }
        /** {@code iat - nbf}. Default 300 s (GitHub used 600 s until 2025). */
        public Builder notBeforeSkew(Duration skew) { settings.notBeforeSkew = Objects.requireNonNull(skew, "notBeforeSkew"); return this; }
        /**
         * Keep each received request for {@link #takeRequest()} (bodies up to 64 KiB). Default {@code true}; turn it
         * off for long-running servers (the CLI {@code serve} does), since recorded requests hold tokens.
         */
        public Builder recordRequests(boolean record) { settings.recordRequests = record; return this; }
        /** At most this many recorded requests wait to be taken; older ones are dropped (and counted). Default 2000. */
        public Builder recordedRequestLimit(int limit) {
            if (limit < 1 || limit > 1_000_000) {
                throw new IllegalArgumentException("recordedRequestLimit must be between 1 and 1000000, got: " + limit);
            }
            settings.recordedRequestLimit = limit;
            return this;
        }
        /**
         * How long each job's request token is valid from the job's creation (by {@link #clock}); after it the
         * runtime endpoint answers 401. 1 s to 35 days. Default 6 h 10 min (observed on GitHub).
         */
        public Builder jobLifetime(Duration lifetime) { settings.jobLifetime = JobRegistry.checkLifetime(lifetime); return this; }
        /**
         * Number of keys published at once when generating (the first signs). Only the signing key is
         * generated on the start-up path; the others are published as soon as they are ready (well under a
         * second). Default 2.
         */
        public Builder keyCount(int keyCount) { settings.keyCount = keyCount; return this; }
        /** Use these keys (shared, not copied: rotations are visible to the owner). Default: generate. */
        public Builder signingKeys(SigningKeys keys) { settings.signingKeys = keys; return this; }
        /** Load keys from this private JWK set file, or create it with {@link #keyCount} keys if absent. Default none. */
        public Builder keysFile(Path file) { settings.keysFile = file; return this; }
        /** The signing key's {@code kid} among loaded keys. Default the first. */
        public Builder activeKid(String kid) { settings.activeKid = kid; return this; }
        /**
         * Mounts a handler for the AWS Query endpoint, {@code POST /} on the same port (IAM/STS emulation).
         * Default none: {@code POST /} is 404. The handler is borrowed, not closed.
         */
        public Builder awsHandler(HttpHandler handler) { settings.awsHandler = handler; return this; }

        /**
         * Enables IAM/STS emulation on {@code POST /} of this server, with these account settings (account id,
         * partition, skew, …). Tokens this emulator issues are verified in-process. Default: off.
         */
        public Builder aws(AwsEmulation.Builder account) { settings.awsAccount = Objects.requireNonNull(account, "account"); return this; }

        /** The AWS account settings given to {@link #aws}, or {@code null} while AWS emulation is off. */
        public AwsEmulation.Builder awsSettings() { return settings.awsAccount; }

        /** Declares an OIDC provider in the emulated account; enables AWS emulation with defaults if off. */
        public Builder awsOidcProvider(OidcProviderDefinition provider) {
            settings.awsProviders.add(Objects.requireNonNull(provider, "provider"));
            return enableAws();
        }

        /** Declares a role in the emulated account; enables AWS emulation with defaults if off. */
        public Builder awsRole(RoleDefinition role) {
            settings.awsRoles.add(Objects.requireNonNull(role, "role"));
            return enableAws();
        }

        private Builder enableAws() {
            if (settings.awsAccount == null) {
                settings.awsAccount = AwsEmulation.builder();
            }
            return this;
        }

        /** The handler set by {@link #awsHandler}, or {@code null}. */
        public HttpHandler awsHandler() { return settings.awsHandler; }

        public GitHubOidcEmulator build() {
            return new GitHubOidcEmulator(this);
        }
    }
}
