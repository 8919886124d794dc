package io.github.ghaoidc.emulator.internal;

import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import io.github.ghaoidc.emulator.issuer.internal.DiscoveryDocument;
import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import io.github.ghaoidc.emulator.issuer.internal.Json;
import io.github.ghaoidc.emulator.issuer.internal.RuntimeTokenHandler;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running emulator server: binds Undertow, generates or loads the keys in parallel, and assembles the
 * issuer, jobs and routes behind one port. Requests get 503 until {@link #open()}. Thread-safe. Not API.
 */
public final class EmulatorServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    private final Undertow server;
    private final DeferredHandler root;
    private final String baseUrl;
    private final int port;
    private final IssuerMode mode;
    private final TokenIssuer issuer;
    private final CompletableFuture<SigningKeys> keys;
    private final JobRegistry jobs;
    private final HttpHandler routes;
    private volatile boolean stopped;

    private EmulatorServer(Undertow server, DeferredHandler root, String baseUrl, int port, EmulatorSettings s,
                           CompletableFuture<SigningKeys> keys, RequestRecorder recorder, HttpHandler admin, HttpHandler aws) {
        this.server = server;
        this.root = root;
        this.baseUrl = baseUrl;
        this.port = port;
        this.mode = s.issuerMode;
        this.keys = keys;
        String iss = mode.issuer(baseUrl);
        this.issuer = TokenIssuer.builder().keys(this::signingKeys).issuer(iss).issuerMode(mode).clock(s.clock)
                .lifetime(s.lifetime).notBeforeSkew(s.notBeforeSkew).build();
        this.jobs = new JobRegistry(baseUrl, s.clock, s.jobLifetime);
        jobs.create(JobRegistry.DEFAULT_JOB_ID, s.defaultContext);
        Set<String> jwksPaths = new LinkedHashSet<>(List.of(mode.jwksPath(), mode.path() + "/.well-known/jwks"));
        if (mode.kind() == IssuerMode.Kind.ENTERPRISE && mode.jwksLayout() == IssuerMode.JwksLayout.ROOT) {
            jwksPaths.remove(mode.path() + "/.well-known/jwks"); // the per-slug JWKS is 404 in this layout
        }
        this.routes = new RecordingHandler(recorder, s.clock, new Router(mode.path() + "/.well-known/openid-configuration",
                DiscoveryDocument.bytes(iss, baseUrl + mode.jwksPath()), jwksPaths, keys,
                new RuntimeTokenHandler(jobs, issuer), admin, aws));
    }

    /**
     * Binds and assembles a server for {@code s}; given or loaded keys are ready when this returns, a generated
     * signing key is made on its own thread once the port is bound (requests needing it wait for it) and standby
     * keys follow after.
     *
     * @param admin the admin API handler; {@code aws} the {@code POST /} handler or {@code null}
     * @throws EmulatorException when the port cannot be bound or the keys cannot be loaded
     */
    public static EmulatorServer start(EmulatorSettings s, RequestRecorder recorder, HttpHandler admin, HttpHandler aws) {
        long startNanos = System.nanoTime();
        CompletableFuture<SigningKeys> keys = new CompletableFuture<>();
        Runnable makeKeys = () -> {
            try {
                SigningKeys ready = keySource(s);
                LOG.debug("signing key ready [kid={}, millisSinceStart={}]", ready.activeKid(),
                        (System.nanoTime() - startNanos) / 1_000_000);
                keys.complete(ready);
            } catch (RuntimeException e) {
                keys.completeExceptionally(e);
            }
        };
        daemon("gha-oidc-warmup", Json::warmUp); // so does Jackson's initialisation, needed for the discovery document
        ListenAddress listen = ListenAddress.of(s.host);
        DeferredHandler root = new DeferredHandler();
        Undertow server = HttpTimeouts.apply(Undertow.builder(), s.requestTimeout, s.idleTimeout)
                .addHttpListener(s.port, listen.bindHost())
                .setHandler(HttpTimeouts.bodyDeadline(root, s.requestTimeout)).build();
        try {
            server.start();
            // The key is made once the port is bound: generated alongside Undertow's start, it competed for the
            // two cores with the start-up path and delayed both the first response and the first token (measured).
            daemon("gha-oidc-keys", makeKeys);
        } catch (RuntimeException e) {
            throw new EmulatorException("cannot listen on " + s.host + ":" + s.port + ": " + rootMessage(e), e);
        }
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            if (s.keysProvided()) {
                keys.join(); // given or loaded keys: fast, and a bad key file must fail start()
            }
            EmulatorServer running = new EmulatorServer(server, root, listen.baseUrl(port), port, s, keys, recorder, admin, aws);
            int standby = s.keysProvided() ? 0 : s.keyCount - 1;
            keys.thenAccept(k -> running.publishStandbyKeys(k, standby));
            LOG.debug("emulator started [url={}, iss={}, millis={}]", running.baseUrl, running.issuer.issuer(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            return running;
        } catch (RuntimeException e) {
            server.stop();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof EmulatorException ee ? ee
                    : new EmulatorException("emulator failed to start: " + rootMessage(cause), cause);
        }
    }

    private static SigningKeys keySource(EmulatorSettings s) {
        if (s.signingKeys != null) {
            return s.signingKeys;
        }
        if (s.keysFile != null) {
            return SigningKeys.loadOrCreate(s.keysFile, s.keyCount, s.activeKid);
        }
        return SigningKeys.generate(1); // only the signing key is on the start-up path; see publishStandbyKeys
    }

    /** Generates the standby keys after start and publishes each as soon as it is ready. */
    private void publishStandbyKeys(SigningKeys k, int extra) {
        if (extra > 0) {
            daemon("gha-oidc-standby-keys", () -> {
                for (int i = 0; i < extra && !stopped; i++) {
                    k.addKey();
                }
            });
        }
    }

    /** Lets requests through (until now they get 503): call once the owner can answer for this server. */
    public void open() {
        root.set(routes);
    }

    public void stop() {
        stopped = true;
        server.stop();
    }

    public String baseUrl() { return baseUrl; }
    public int port() { return port; }
    public IssuerMode mode() { return mode; }
    public TokenIssuer issuer() { return issuer; }
    public JobRegistry jobs() { return jobs; }

    /** The keys; waits for the signing key if it is still being generated (only right after start). */
    public SigningKeys signingKeys() {
        try {
            return keys.join();
        } catch (CompletionException e) {
            throw new EmulatorException("signing keys are unavailable: " + rootMessage(e), e);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
