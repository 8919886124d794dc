package io.github.ghaoidc.emulator.credentials;

import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.credentials.internal.CredentialsHandler;
import io.github.ghaoidc.emulator.credentials.internal.ServedRole;
import io.github.ghaoidc.emulator.internal.HttpTimeouts;
import io.github.ghaoidc.emulator.internal.ListenAddress;
import io.undertow.Undertow;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The container credentials endpoint for a GitHub Actions job: every AWS SDK and the AWS CLI read
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} (with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), fetch credentials
 * from it and refresh them on their own before they expire. Each role is served at {@code /roles/NAME} from a
 * credentials provider (a {@code GitHubOidcCredentialsProvider}: its single-flight cache makes many polling tools
 * cause one STS call per refresh). Binds loopback only (SDKs accept plain http only for loopback), on a free port
 * unless given one; requires the authorization token in the {@code Authorization} header, compared in constant
 * time (missing: 401, wrong: 403); a failed exchange is answered with the provider's message (never a token), and
 * the next request tries again. The token, the credentials and the requests are never logged.
 *
 * <pre>{@code
 * try (ContainerCredentialsServer server = ContainerCredentialsServer.builder()
 *         .role("deploy", GitHubOidcCredentialsProvider.builder().roleArn(arn).build()).build().start()) {
 *     env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url("deploy"));
 *     env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", server.authorizationToken());
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the server; the providers are the caller's and are not closed.
 */
public final class ContainerCredentialsServer implements AutoCloseable {

    /** Until this long before expiry, an answer is served again without asking the provider. */
    public static final Duration DEFAULT_ASK_AGAIN_BEFORE = Duration.ofMinutes(5);

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String host;
    private final int port;
    private final Map<String, ServedRole> roles;
    private final String token;
    private final Duration requestTimeout;
    private final List<String> order;
    private final Object lock = new Object();
    private Undertow server;
    private int boundPort = -1;
    private boolean closed;

    private ContainerCredentialsServer(Builder b) {
        if (b.roles.isEmpty()) {
            throw new IllegalArgumentException("no role: add one with role(\"default\", provider)");
        }
        this.host = requireLoopback(b.host);
        if (b.port < 0 || b.port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got: " + b.port);
        }
        this.port = b.port;
        this.roles = Map.copyOf(b.roles);
        this.token = b.token != null ? b.token : newToken();
        if (token.length() < 22) {
            throw new IllegalArgumentException("the authorization token must carry at least 128 bits (22 or more "
                    + "characters of base64)");
        }
        this.requestTimeout = b.requestTimeout;
        this.order = List.copyOf(b.roles.keySet());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and serves; returns this. @throws EmulatorException naming the address when it cannot listen */
    public ContainerCredentialsServer start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("closed: a ContainerCredentialsServer starts once");
            }
            if (server != null) {
                return this;
            }
            Undertow undertow = HttpTimeouts.apply(Undertow.builder(), requestTimeout, HttpTimeouts.DEFAULT_IDLE_TIMEOUT)
                    .addHttpListener(port, ListenAddress.of(host).bindHost())
                    .setHandler(HttpTimeouts.bodyDeadline(new CredentialsHandler(roles, token), requestTimeout))
                    .build();
            try {
                undertow.start();
            } catch (RuntimeException e) {
                throw new EmulatorException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            server = undertow;
            boundPort = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            return this;
        }
    }

    /** The port bound. @throws IllegalStateException before {@link #start()} */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("call start() first");
            }
            return boundPort;
        }
    }

    /** {@code http://127.0.0.1:PORT/roles/NAME}: the value of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public String url(String roleName) {
        if (!roles.containsKey(roleName)) {
            throw new IllegalArgumentException("no role named " + roleName + "; roles: " + order);
        }
        return ListenAddress.of(host).baseUrl(port()) + "/roles/" + roleName;
    }

    /** The URL of the first role given. */
    public String defaultUrl() {
        return url(order.get(0));
    }

    /** The role names, in the order given (the first is the default). */
    public List<String> roleNames() {
        return order;
    }

    /** The value clients send in {@code Authorization}: {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. A secret. */
    public String authorizationToken() {
        return token;
    }

    /** Stops serving; idempotent. The providers are not closed. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    @Override
    public String toString() {
        return "ContainerCredentialsServer[" + host + ":" + (boundPort < 0 ? port : boundPort) + ", roles=" + order + "]";
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireLoopback(String host) {
        Objects.requireNonNull(host, "host");
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(nonLoopback(host));
                }
            }
            return host;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host " + host + " does not resolve; " + nonLoopback(host), e);
        }
    }

    private static String nonLoopback(String host) {
        return "the credentials endpoint listens on loopback only (127.0.0.1, ::1, localhost), got: " + host
                + "; AWS SDKs accept plain http only from loopback, and the endpoint hands out credentials";
    }

    /** Builds a {@link ContainerCredentialsServer}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final Map<String, ServedRole> roles = new LinkedHashMap<>();
        private String token;
        private Duration requestTimeout = HttpTimeouts.DEFAULT_REQUEST_TIMEOUT;

        private Builder() {
        }

        /** A loopback interface. Default {@code 127.0.0.1}; anything that is not loopback is refused. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Default 0: any free port ({@link #port()} tells which). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Serves {@code provider}'s credentials at {@code /roles/NAME}; the first role added is the default. The
         * provider is not closed by the server.
         */
        public Builder role(String name, AwsCredentialsProvider provider) {
            return role(name, null, provider);
        }

        /** As {@link #role(String, AwsCredentialsProvider)}; the answers also carry {@code RoleArn}. */
        public Builder role(String name, String roleArn, AwsCredentialsProvider provider) {
            return role(name, roleArn, provider, DEFAULT_ASK_AGAIN_BEFORE);
        }

        /**
         * As {@link #role(String, String, AwsCredentialsProvider)}, saying from how long before their expiry the
         * provider must be asked again for every request; until then the last answer is served as it is, on the
         * thread that read the request. Give the provider's prefetch time (so it still refreshes in time). Default
         * 5 minutes, the {@code GitHubOidcCredentialsProvider}'s default prefetch time.
         */
        public Builder role(String name, String roleArn, AwsCredentialsProvider provider, Duration askAgainBefore) {
            if (name == null || !ROLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("role name must be 1-64 letters, digits, '.', '_' or '-', starting with "
                        + "a letter or digit, got: " + name);
            }
            if (roles.containsKey(name)) {
                throw new IllegalArgumentException("role " + name + " is given twice");
            }
            roles.put(name, new ServedRole(Objects.requireNonNull(provider, "provider"), roleArn,
                    Objects.requireNonNull(askAgainBefore, "askAgainBefore")));
            return this;
        }

        /** The authorization token. Default: 256 random bits, base64url. At least 128 bits (22 characters). */
        public Builder authorizationToken(String token) {
            this.token = token;
            return this;
        }

        /** How long a request may take to arrive whole. Default 20 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
            return this;
        }

        public ContainerCredentialsServer build() {
            return new ContainerCredentialsServer(this);
        }
    }
}
