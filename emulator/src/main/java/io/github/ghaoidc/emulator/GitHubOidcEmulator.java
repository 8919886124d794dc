package io.github.ghaoidc.emulator;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.admin.AdminHandler;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.AwsEmulationException;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.internal.Router;
import io.github.ghaoidc.emulator.internal.DeferredHandler;
import io.github.ghaoidc.emulator.internal.LazyHandler;
import io.github.ghaoidc.emulator.internal.RecordingHandler;
import io.github.ghaoidc.emulator.internal.RequestRecorder;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.issuer.JobRegistry;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import io.github.ghaoidc.emulator.issuer.internal.DiscoveryDocument;
import io.github.ghaoidc.emulator.issuer.internal.Json;
import io.github.ghaoidc.emulator.issuer.internal.RuntimeTokenHandler;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(GitHubOidcEmulator.class);

    private final Builder settings;
    private final AwsEmulation aws;
    private final RequestRecorder recorder;
    private final Object lock = new Object();
    private volatile Running running;
    private boolean closed;

    private record Running(Undertow server, String baseUrl, int port, IssuerMode mode, TokenIssuer issuer,
                           CompletableFuture<SigningKeys> keys, JobRegistry jobs) {
    }

    private GitHubOidcEmulator(Builder b) {
        this.settings = b.copy();
        if (settings.port < 0 || settings.port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got: " + settings.port);
        }
        if (settings.keyCount < 1 || settings.keyCount > 16) {
            throw new IllegalArgumentException("keyCount must be between 1 and 16, got: " + settings.keyCount);
        }
        this.recorder = new RequestRecorder(settings.recordRequests, settings.recordedRequestLimit);
        this.aws = settings.awsAccount == null ? null : buildAws();
    }

    /** The emulated AWS account, verifying this emulator's tokens in-process, with the declared providers/roles. */
    private AwsEmulation buildAws() {
        if (settings.awsHandler != null) {
            throw new IllegalArgumentException("set either awsHandler(...) or the AWS emulation (aws, awsOidcProvider, "
                    + "awsRole), not both");
        }
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
        return new Builder();
    }

    /** An emulator with every default: 127.0.0.1, a free port, github.com issuer, two keys. */
    public static GitHubOidcEmulator create() {
        return builder().build();
    }

    /** A builder holding this emulator's settings. */
    public Builder toBuilder() {
        return settings.copy();
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
            long startNanos = System.nanoTime();
            CompletableFuture<SigningKeys> keys = new CompletableFuture<>();
            Thread keygen = new Thread(() -> {
                try {
                    SigningKeys ready = keySource();
                    LOG.debug("signing key ready [kid={}, millisSinceStart={}]", ready.activeKid(),
                            (System.nanoTime() - startNanos) / 1_000_000);
                    keys.complete(ready);
                } catch (RuntimeException e) {
                    keys.completeExceptionally(e);
                }
            }, "gha-oidc-keys");
            keygen.setDaemon(true);
            keygen.start(); // RSA generation runs while Undertow starts
            Thread warmup = new Thread(Json::warmUp, "gha-oidc-warmup");
            warmup.setDaemon(true);
            warmup.start(); // so does Jackson's initialisation, needed for the discovery document
            DeferredHandler deferred = new DeferredHandler();
            Undertow server = Undertow.builder().addHttpListener(settings.port, settings.host).setHandler(deferred).build();
            try {
                server.start();
            } catch (RuntimeException e) {
                throw new EmulatorException("cannot listen on " + settings.host + ":" + settings.port + ": "
                        + rootMessage(e), e);
            }
            try {
                InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
                String host = address.getAddress() instanceof Inet6Address ? "[" + settings.host + "]" : settings.host;
                String baseUrl = "http://" + host + ":" + address.getPort();
                if (settings.signingKeys != null || settings.keysFile != null) {
                    keys.join(); // given or loaded keys: fast, and a bad key file must fail start()
                }
                running = wire(server, baseUrl, address.getPort(), keys, deferred);
                keys.thenAccept(this::publishStandbyKeys);
                LOG.debug("emulator started [url={}, iss={}, millis={}]", baseUrl, running.issuer().issuer(),
                        (System.nanoTime() - startNanos) / 1_000_000);
                return this;
            } catch (RuntimeException e) {
                server.stop();
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                throw cause instanceof EmulatorException ee ? ee
                        : new EmulatorException("emulator failed to start: " + rootMessage(cause), cause);
            }
        }
    }

    private SigningKeys keySource() {
        if (settings.signingKeys != null) {
            return settings.signingKeys;
        }
        if (settings.keysFile != null) {
            return SigningKeys.loadOrCreate(settings.keysFile, settings.keyCount, settings.activeKid);
        }
        return SigningKeys.generate(1); // only the signing key is on the start-up path; see publishStandbyKeys
    }

    /** Generates the standby keys after start and publishes each as soon as it is ready. */
    private void publishStandbyKeys(SigningKeys keys) {
        int extra = settings.signingKeys == null && settings.keysFile == null ? settings.keyCount - 1 : 0;
        if (extra <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            for (int i = 0; i < extra && isRunning(); i++) {
                keys.addKey();
            }
        }, "gha-oidc-standby-keys");
        t.setDaemon(true);
        t.start();
    }

    private static SigningKeys joinKeys(CompletableFuture<SigningKeys> keys) {
        try {
            return keys.join();
        } catch (CompletionException e) {
            throw new EmulatorException("signing keys are unavailable: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Once the port is known: builds everything behind the router. */
    private Running wire(Undertow server, String baseUrl, int port, CompletableFuture<SigningKeys> keys,
                         DeferredHandler holder) {
        IssuerMode mode = settings.issuerMode;
        String iss = mode.issuer(baseUrl);
        TokenIssuer issuer = TokenIssuer.builder().keys(() -> joinKeys(keys)).issuer(iss).issuerMode(mode).clock(settings.clock)
                .lifetime(settings.lifetime).notBeforeSkew(settings.notBeforeSkew).build();
        JobRegistry jobs = new JobRegistry(baseUrl, settings.clock, settings.jobLifetime);
        jobs.create(JobRegistry.DEFAULT_JOB_ID, settings.defaultContext);
        Set<String> jwksPaths = new LinkedHashSet<>(List.of(mode.jwksPath(), mode.path() + "/.well-known/jwks"));
        if (mode.kind() == IssuerMode.Kind.ENTERPRISE && mode.jwksLayout() == IssuerMode.JwksLayout.ROOT) {
            jwksPaths.remove(mode.path() + "/.well-known/jwks"); // the per-slug JWKS is 404 in this layout
        }
        holder.set(new RecordingHandler(recorder, settings.clock, new Router(mode.path() + "/.well-known/openid-configuration",
                DiscoveryDocument.bytes(iss, baseUrl + mode.jwksPath()), jwksPaths, keys,
                new RuntimeTokenHandler(jobs, issuer), new AdminHandler(this),
                aws != null ? new LazyHandler(aws::httpHandler) : settings.awsHandler)));
        return new Running(server, baseUrl, port, mode, issuer, keys, jobs);
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("call start() first");
        }
        return r;
    }

    public boolean isRunning() {
        return running != null;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
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
    /** The job that exists from start (context from {@link Builder#defaultContext}). */
    public Job defaultJob() {
        return running().jobs().find(JobRegistry.DEFAULT_JOB_ID)
                .orElseThrow(() -> new IllegalStateException("the default job was removed"));
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
    /** Removes a job; its request token stops working. {@code true} if it existed. */
    public boolean removeJob(String id) { return running().jobs().remove(id); }

    /** A token for {@code context} with the default audience, minted in process (no HTTP). */
    public String mint(WorkflowContext context) { return mint(context, null); }

    /** A token for {@code context} and {@code audience} ({@code null}: default), minted in process. */
    public String mint(WorkflowContext context, String audience) {
        return running().issuer().mint(context, audience);
    }

    /** A token with claim overrides ({@code null} value removes a claim) and an optional fault. */
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
    public SigningKeys keys() { return joinKeys(running().keys()); }
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
        Running r = running;
        return r != null && r.issuer().issuer().equals(issuerUrl) ? Optional.of(joinKeys(r.keys()).publicJwkSet()) : Optional.empty();
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
            Running r = running;
            running = null;
            if (r != null) {
                r.server().stop();
            }
        }
    }

    @Override
    public String toString() {
        Running r = running;
        return "GitHubOidcEmulator[" + (r == null ? "not started" : r.baseUrl() + ", iss=" + r.issuer().issuer()) + "]";
    }

    /** Builds a {@link GitHubOidcEmulator}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private IssuerMode issuerMode = IssuerMode.github();
        private WorkflowContext defaultContext = WorkflowContext.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration lifetime = GitHubClaims.DEFAULT_LIFETIME;
        private Duration notBeforeSkew = GitHubClaims.DEFAULT_NOT_BEFORE_SKEW;
        private Duration jobLifetime = JobRegistry.DEFAULT_JOB_LIFETIME;
        private int keyCount = 2;
        private boolean recordRequests = true;
        private int recordedRequestLimit = 2000;
        private SigningKeys signingKeys;
        private Path keysFile;
        private String activeKid;
        private HttpHandler awsHandler;
        private AwsEmulation.Builder awsAccount;
        private List<OidcProviderDefinition> awsProviders = new ArrayList<>();
        private List<RoleDefinition> awsRoles = new ArrayList<>();

        private Builder() {
        }

        /** Interface to bind. Default {@code 127.0.0.1} (loopback only). */
        public Builder host(String host) { this.host = Objects.requireNonNull(host, "host"); return this; }
        /** Port to bind. Default 0: any free port ({@link #port()} tells which). */
        public Builder port(int port) { this.port = port; return this; }
        /** What goes in {@code iss}. Default {@link IssuerMode#github()}. */
        public Builder issuerMode(IssuerMode mode) { this.issuerMode = Objects.requireNonNull(mode, "issuerMode"); return this; }
        /** Context of the default job. Default {@link WorkflowContext#defaults()}. */
        public Builder defaultContext(WorkflowContext context) { this.defaultContext = Objects.requireNonNull(context, "defaultContext"); return this; }
        /** Drives {@code iat}; inject a fixed clock in tests. Default the system UTC clock. */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }
        /** {@code exp - iat}. Default 300 s. */
        public Builder tokenLifetime(Duration lifetime) { this.lifetime = Objects.requireNonNull(lifetime, "lifetime"); return this; }
        /** {@code iat - nbf}. Default 300 s (GitHub used 600 s until 2025). */
        public Builder notBeforeSkew(Duration skew) { this.notBeforeSkew = Objects.requireNonNull(skew, "notBeforeSkew"); return this; }
        /**
         * Keep each received request for {@link #takeRequest()} (bodies up to 64 KiB). Default {@code true}; turn it
         * off for long-running servers (the CLI {@code serve} does), since recorded requests hold tokens.
         */
        public Builder recordRequests(boolean record) { this.recordRequests = record; return this; }
        /** At most this many recorded requests wait to be taken; older ones are dropped (and counted). Default 2000. */
        public Builder recordedRequestLimit(int limit) {
            if (limit < 1 || limit > 1_000_000) {
                throw new IllegalArgumentException("recordedRequestLimit must be between 1 and 1000000, got: " + limit);
            }
            this.recordedRequestLimit = limit;
            return this;
        }
        /**
         * How long each job's request token is valid from the job's creation (by {@link #clock}); after it the
         * runtime endpoint answers 401. 1 s to 35 days. Default 6 h 10 min (observed on GitHub).
         */
        public Builder jobLifetime(Duration lifetime) { this.jobLifetime = JobRegistry.checkLifetime(lifetime); return this; }
        /**
         * Number of keys published at once when generating (the first signs). Only the signing key is
         * generated on the start-up path; the others are published as soon as they are ready (well under a
         * second). Default 2.
         */
        public Builder keyCount(int keyCount) { this.keyCount = keyCount; return this; }
        /** Use these keys (shared, not copied: rotations are visible to the owner). Default: generate. */
        public Builder signingKeys(SigningKeys keys) { this.signingKeys = keys; return this; }
        /** Load keys from this private JWK set file, or create it with {@link #keyCount} keys if absent. Default none. */
        public Builder keysFile(Path file) { this.keysFile = file; return this; }
        /** The signing key's {@code kid} among loaded keys. Default the first. */
        public Builder activeKid(String kid) { this.activeKid = kid; return this; }
        /**
         * Mounts a handler for the AWS Query endpoint, {@code POST /} on the same port (IAM/STS emulation).
         * Default none: {@code POST /} is 404. The handler is borrowed, not closed.
         */
        public Builder awsHandler(HttpHandler handler) { this.awsHandler = handler; return this; }

        /**
         * Enables IAM/STS emulation on {@code POST /} of this server, with these account settings (account id,
         * partition, skew, …). Tokens this emulator issues are verified in-process. Default: off.
         */
        public Builder aws(AwsEmulation.Builder account) { this.awsAccount = Objects.requireNonNull(account, "account"); return this; }

        /** The AWS account settings given to {@link #aws}, or {@code null} while AWS emulation is off. */
        public AwsEmulation.Builder awsSettings() { return awsAccount; }

        /** Declares an OIDC provider in the emulated account; enables AWS emulation with defaults if off. */
        public Builder awsOidcProvider(OidcProviderDefinition provider) {
            awsProviders.add(Objects.requireNonNull(provider, "provider"));
            if (awsAccount == null) {
                awsAccount = AwsEmulation.builder();
            }
            return this;
        }

        /** Declares a role in the emulated account; enables AWS emulation with defaults if off. */
        public Builder awsRole(RoleDefinition role) {
            awsRoles.add(Objects.requireNonNull(role, "role"));
            if (awsAccount == null) {
                awsAccount = AwsEmulation.builder();
            }
            return this;
        }

        /** The handler set by {@link #awsHandler}, or {@code null}. */
        public HttpHandler awsHandler() { return awsHandler; }

        public GitHubOidcEmulator build() {
            return new GitHubOidcEmulator(this);
        }

        Builder copy() {
            Builder b = new Builder();
            b.host = host;
            b.port = port;
            b.issuerMode = issuerMode;
            b.defaultContext = defaultContext;
            b.clock = clock;
            b.lifetime = lifetime;
            b.notBeforeSkew = notBeforeSkew;
            b.jobLifetime = jobLifetime;
            b.recordRequests = recordRequests;
            b.recordedRequestLimit = recordedRequestLimit;
            b.keyCount = keyCount;
            b.signingKeys = signingKeys;
            b.keysFile = keysFile;
            b.activeKid = activeKid;
            b.awsHandler = awsHandler;
            b.awsAccount = awsAccount;
            b.awsProviders = new ArrayList<>(awsProviders);
            b.awsRoles = new ArrayList<>(awsRoles);
            return b;
        }
    }
}
