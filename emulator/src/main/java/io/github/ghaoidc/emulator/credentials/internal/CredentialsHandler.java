package io.github.ghaoidc.emulator.credentials.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ghaoidc.core.GitHubOidcException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code GET /roles/NAME}: the container-credentials JSON the AWS SDKs parse ({@code AccessKeyId},
 * {@code SecretAccessKey}, {@code Token}, {@code Expiration}, plus {@code AccountId} and {@code RoleArn} when known),
 * after the {@code Authorization} header matched the token in constant time. Errors are {@code {"code","message"}}.
 * The provider may call STS, so a new answer is made on a worker thread; until {@link ServedRole#askAgainBefore()}
 * before its expiry, the last answer is sent again as it is, from the thread that read the request (no thread hop,
 * no JSON to write, no call into the provider). Not API.
 */
public final class CredentialsHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsHandler.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String PREFIX = "/roles/";

    private final Map<String, ServedRole> roles;
    private final Map<String, AtomicReference<Answer>> answers = new ConcurrentHashMap<>();
    private final byte[] token;

    /** The bytes of an answer and until when (epoch millis) they may be sent again without asking the provider. */
    private record Answer(byte[] body, long reuseUntil) {
    }

    public CredentialsHandler(Map<String, ServedRole> roles, String token) {
        this.roles = Map.copyOf(roles);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        roles.keySet().forEach(name -> answers.put(name, new AtomicReference<>()));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            if (!sendReusable(exchange)) {
                exchange.dispatch(this);
            }
            return;
        }
        String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (given == null || given.isEmpty()) {
            error(exchange, 401, "MissingAuthorization", "this endpoint needs the Authorization header: set "
                    + "AWS_CONTAINER_AUTHORIZATION_TOKEN (or AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) to the token "
                    + "gha-oidc credentials serve printed");
            return;
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            error(exchange, 403, "InvalidAuthorization", "the Authorization header does not match this endpoint's "
                    + "token: use the AWS_CONTAINER_AUTHORIZATION_TOKEN that this server printed");
            return;
        }
        if (!Methods.GET.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            error(exchange, 405, "MethodNotAllowed", "only GET is served");
            return;
        }
        String path = exchange.getRequestPath();
        ServedRole role = path.startsWith(PREFIX) ? roles.get(path.substring(PREFIX.length())) : null;
        if (role == null) {
            error(exchange, 404, "NoSuchRole", "no credentials at " + path + "; served: " + String.join(", ",
                    roles.keySet().stream().sorted().map(r -> PREFIX + r).toList()));
            return;
        }
        try {
            AwsCredentials credentials = role.provider().resolveCredentials();
            Answer answer = answer(credentials, role);
            answers.get(path.substring(PREFIX.length())).set(answer);
            send(exchange, answer.body());
            return;
        } catch (GitHubOidcException e) {
            LOG.debug("credentials exchange failed [path={}, code={}]", path, e.errorCode());
            int status = e.isConfigurationError() ? 500 : e.errorCode() != null && !transientCode(e.errorCode()) ? 403 : 503;
            error(exchange, status, e.errorCode() != null ? e.errorCode() : e.isConfigurationError()
                    ? "ConfigurationError" : "ExchangeFailed", e.getMessage());
            return;
        } catch (SdkException | IllegalStateException e) {
            LOG.debug("credentials provider failed [path={}, error={}]", path, e.getClass().getSimpleName());
            error(exchange, 503, "ExchangeFailed", "the credentials could not be fetched: " + e.getMessage());
            return;
        }
    }

    /** Sends the last answer when the request is authorized, for a known role, and the answer may be reused. */
    private boolean sendReusable(HttpServerExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        String path = exchange.getRequestPath();
        if (given == null || !Methods.GET.equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)) {
            return false;
        }
        AtomicReference<Answer> last = answers.get(path.substring(PREFIX.length()));
        Answer answer = last == null ? null : last.get();
        if (answer == null || System.currentTimeMillis() >= answer.reuseUntil()
                || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            return false;
        }
        send(exchange, answer.body());
        return true;
    }

    private static Answer answer(AwsCredentials credentials, ServedRole role) {
        byte[] body = json(credentials, role.roleArn()).getBytes(StandardCharsets.UTF_8);
        long reuseUntil = credentials.expirationTime().map(e -> e.minus(role.askAgainBefore()).toEpochMilli())
                .orElse(0L);
        return new Answer(body, reuseUntil);
    }

    private static void send(HttpServerExchange exchange, byte[] body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static boolean transientCode(String code) {
        return code.equals("IDPCommunicationError") || code.equals("Throttling") || code.startsWith("Internal")
                || code.equals("ServiceUnavailable");
    }

    static String json(AwsCredentials credentials, String roleArn) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("AccessKeyId", credentials.accessKeyId());
            g.writeStringField("SecretAccessKey", credentials.secretAccessKey());
            if (credentials instanceof AwsSessionCredentials session) {
                g.writeStringField("Token", session.sessionToken());
            }
            if (credentials.expirationTime().isPresent()) {
                g.writeStringField("Expiration", DateTimeFormatter.ISO_INSTANT.format(
                        credentials.expirationTime().get().truncatedTo(ChronoUnit.SECONDS)));
            }
            if (credentials.accountId().isPresent()) {
                g.writeStringField("AccountId", credentials.accountId().get());
            }
            if (roleArn != null) {
                g.writeStringField("RoleArn", roleArn);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void error(HttpServerExchange exchange, int status, String code, String message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", message == null ? code : message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(out.toString());
    }
}
