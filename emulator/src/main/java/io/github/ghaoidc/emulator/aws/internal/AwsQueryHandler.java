package io.github.ghaoidc.emulator.aws.internal;

import io.github.ghaoidc.emulator.aws.internal.iam.IamActions;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;
import io.github.ghaoidc.emulator.aws.internal.query.RequestIds;
import io.github.ghaoidc.emulator.aws.internal.sigv4.Caller;
import io.github.ghaoidc.emulator.aws.internal.sigv4.CallerAuthenticator;
import io.github.ghaoidc.emulator.aws.internal.sts.Forwarder;
import io.github.ghaoidc.emulator.aws.internal.sts.StsActions;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Query endpoint ({@code POST /}): STS and IAM on one path, routed by the SigV4 credential scope's
 * service when the request is signed, else by {@code Action}. Mounted through {@code AwsEmulation.httpHandler()}.
 * Thread-safe. Not API.
 */
public final class AwsQueryHandler implements HttpHandler {

    private static final String STS_VERSION = "2011-06-15";
    private static final String IAM_VERSION = "2010-05-08";
    private static final Logger LOG = LoggerFactory.getLogger(AwsQueryHandler.class);
    private static final int MAX_BODY = 1 << 20;
    private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");

    private final CallerAuthenticator authenticator;
    private final StsActions sts;
    private final IamActions iam;
    private final Forwarder upstream;
    private final BooleanSupplier answersLocally;

    /**
     * @param answersLocally {@code true} while no request can wait on the network (no upstream, and every
     *                       provider's keys are served by this process); such requests never leave the IO thread
     */
    public AwsQueryHandler(CallerAuthenticator authenticator, StsActions sts, IamActions iam, Forwarder upstream,
                           BooleanSupplier answersLocally) {
        this.authenticator = authenticator;
        this.answersLocally = answersLocally;
        this.sts = sts;
        this.iam = iam;
        this.upstream = upstream;
    }

    /**
     * Reads the body without blocking, then answers. STS and IAM work is CPU-bound (a signature check and a policy
     * evaluation, well under a millisecond), so it runs on the IO thread that read the request, in arrival order:
     * a pool of workers time-slicing two cores only adds tail latency. It is handed to a worker only when it may
     * wait on the network: in gateway mode, or while a provider's keys live at a remote issuer.
     */
    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(MAX_BODY);
        receiver.receiveFullBytes(this::bodyReceived, AwsQueryHandler::bodyFailed);
    }

    private void bodyReceived(HttpServerExchange exchange, byte[] body) {
        if (exchange.isInIoThread() && !answersLocally.getAsBoolean()) {
            exchange.dispatch(() -> respond(exchange, answer(exchange, body)));
            return;
        }
        respond(exchange, answer(exchange, body));
    }

    private QueryResponse answer(HttpServerExchange exchange, byte[] body) {
        String requestId = RequestIds.next();
        try {
            return route(request(exchange, body), requestId);
        } catch (AwsServiceException e) {
            return QueryResponse.error(e, StsActions.NAMESPACE, requestId);
        }
    }

    private static void bodyFailed(HttpServerExchange exchange, IOException e) {
        if (e instanceof Receiver.RequestToLargeException) {
            respond(exchange, QueryResponse.error(new AwsServiceException("RequestEntityTooLarge", 413,
                    "The request body exceeds the maximum of " + MAX_BODY + " bytes"), StsActions.NAMESPACE,
                    RequestIds.next()));
            return;
        }
        LOG.debug("request body could not be read [error={}]", e.toString());
        exchange.endExchange();
    }

    private static void respond(HttpServerExchange exchange, QueryResponse response) {
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/xml");
        exchange.getResponseHeaders().put(REQUEST_ID, response.requestId());
        exchange.getResponseSender().send(response.xml());
    }

    private QueryResponse route(QueryRequest request, String requestId) {
        String action = request.action();
        boolean iamAction = action != null && IamActions.ACTIONS.contains(action);
        String namespace = iamAction ? IamActions.NAMESPACE : StsActions.NAMESPACE;
        try {
            if (upstream != null && !"AssumeRoleWithWebIdentity".equals(action)) {
                LOG.debug("relaying to upstream [action={}, requestId={}]", action, requestId);
                return upstream.forward(request);
            }
            Caller caller = authenticator.authenticate(request);
            String service = caller != null ? caller.service() : iamAction ? "iam" : "sts";
            namespace = "iam".equals(service) ? IamActions.NAMESPACE : StsActions.NAMESPACE;
            if (action == null || action.isEmpty()) {
                throw new AwsServiceException("MissingAction", 400, "The request must contain the parameter Action");
            }
            if (!"iam".equals(service) && !"sts".equals(service)) {
                throw new AwsServiceException("InvalidAction", 400, "This endpoint serves the sts and iam "
                        + "services; the request's signature is scoped to '" + service + "'");
            }
            if (caller == null && !StsActions.UNSIGNED_ACTIONS.contains(action)) {
                throw new AwsServiceException("MissingAuthenticationToken", 403,
                        "Request is missing Authentication Token");
            }
            checkVersion(request.param("Version"), action, service);
            LOG.debug("aws request [service={}, action={}, requestId={}]", service, action, requestId);
            return "iam".equals(service) ? iam.handle(request, requestId) : sts.handle(request, caller, requestId);
        } catch (AwsServiceException e) {
            return QueryResponse.error(e, namespace, requestId);
        } catch (RuntimeException e) {
            LOG.error("internal error [action={}, requestId={}]", action, requestId, e);
            return QueryResponse.error(new AwsServiceException("InternalFailure", 500,
                    "The request processing has failed because of an unknown error (request id " + requestId + ")",
                    false, e), namespace, requestId);
        }
    }

    /**
     * Each Query service has one API version (STS {@code 2011-06-15}, IAM {@code 2010-05-08}); AWS answers another
     * with {@code InvalidAction}. A request without {@code Version} is served (every SDK and the CLI send it; what
     * AWS answers without one is not documented).
     */
    private static void checkVersion(String version, String action, String service) {
        String expected = "iam".equals(service) ? IAM_VERSION : STS_VERSION;
        if (version != null && !version.equals(expected)) {
            throw new AwsServiceException("InvalidAction", 400, "Could not find operation " + action + " for version "
                    + version);
        }
    }

    private static QueryRequest request(HttpServerExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), List.copyOf(values));
        }
        InetSocketAddress peer = exchange.getSourceAddress();
        return QueryRequest.of(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                exchange.getQueryString(), headers, body, peer == null ? null : peer.getAddress().getHostAddress());
    }
}
