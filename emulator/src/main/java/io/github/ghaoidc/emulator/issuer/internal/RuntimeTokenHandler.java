package io.github.ghaoidc.emulator.issuer.internal;

import io.github.ghaoidc.emulator.internal.Responses;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint behind {@code ACTIONS_ID_TOKEN_REQUEST_URL}: {@code GET /_apis/jobs/{id}/idtoken?api-version=2.0}
 * with {@code Authorization: Bearer <request token>}, {@code audience} via {@code &audience=} or (as some
 * clients wrongly send it) {@code ?audience=}; answers {@code {"count":1,"value":"<jwt>"}}. Not API.
 */
public final class RuntimeTokenHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeTokenHandler.class);
    private static final String SUFFIX = "/idtoken";

    private final JobRegistry jobs;
    private final TokenIssuer issuer;

    public RuntimeTokenHandler(JobRegistry jobs, TokenIssuer issuer) {
        this.jobs = jobs;
        this.issuer = issuer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        String rest = path.substring(JobRegistry.RUNTIME_PREFIX.length());
        if (!rest.endsWith(SUFFIX) || rest.length() == SUFFIX.length()) {
            Responses.error(exchange, 404, "no such endpoint; the token endpoint is /_apis/jobs/{job}/idtoken?api-version=2.0");
            return;
        }
        String jobId = rest.substring(0, rest.length() - SUFFIX.length());
        if (!Methods.GET.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            Responses.error(exchange, 405, "use GET for the ID token endpoint");
            return;
        }
        String bearer = bearer(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (bearer == null) {
            Responses.error(exchange, 401, "missing 'Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>' header");
            return;
        }
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty()) {
            // only a caller holding a token issued for this id learns that the job is gone; ids stay undiscoverable
            if (jobs.issuedFor(jobId, bearer)) {
                Responses.error(exchange, 404, "unknown job '" + jobId + "': it was removed; create jobs with POST /_admin/jobs");
            } else {
                LOG.debug("rejected request token [job={}, verdict=INVALID]", jobId);
                Responses.error(exchange, 401, "bad request token for job '" + jobId + "'");
            }
            return;
        }
        Job job = found.get();
        RequestTokens.Verdict verdict = jobs.checkRequestToken(job, bearer);
        if (verdict != RequestTokens.Verdict.VALID) {
            LOG.debug("rejected request token [job={}, verdict={}]", jobId, verdict);
            Responses.error(exchange, 401, verdict == RequestTokens.Verdict.EXPIRED
                    ? "the request token for job '" + jobId + "' expired at " + job.requestTokenExpiresAt()
                            + "; no ID token can be had after the job's lifetime"
                    : "bad request token for job '" + jobId + "'");
            return;
        }
        String audience;
        try {
            audience = audience(exchange.getQueryString());
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, e.getMessage());
            return;
        }
        Fault fault = jobs.takeFault(job);
        if (fault != null && !fault.latency().isZero() && exchange.isInIoThread()) {
            // an injected delay must never hold an IO thread: wait on a worker, then answer from there
            exchange.dispatch(() -> respond(exchange, job, audience, fault));
            return;
        }
        respond(exchange, job, audience, fault);
    }

    /**
     * Answers with the token, or the fault's status. Signing (~1 ms of CPU) runs on the IO thread on purpose:
     * handing every request to a worker and back costs more than the signature (the workers then queue on the
     * selector's wake-up lock), and the endpoint is CPU-bound either way. Router sends requests that arrive
     * before the first signing key exists to a worker, so nothing here waits.
     */
    private void respond(HttpServerExchange exchange, Job job, String audience, Fault fault) {
        if (fault != null && !fault.latency().isZero()) {
            try {
                Thread.sleep(fault.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (fault != null && fault.status() != 0) {
            Responses.error(exchange, fault.status(), "injected fault: HTTP " + fault.status());
            return;
        }
        String token = issuer.mint(job.context(), audience, null, fault);
        LOG.debug("issued ID token [job={}]", job.id());
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(("{\"count\":1,\"value\":\"" + token + "\"}")
                .getBytes(StandardCharsets.US_ASCII)));
    }

    /** The bearer credential of an Authorization header (scheme case-insensitive), or {@code null}. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.length() <= 7 || !a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String value = a.substring(7).trim();
        return value.isEmpty() ? null : value;
    }

    /**
     * {@code audience} from a raw query in which pairs may be split by {@code &} or a second {@code ?}.
     *
     * @throws IllegalArgumentException naming the parameter when its percent-encoding is broken
     */
    static String audience(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        String found = null;
        for (String pair : rawQuery.split("[&?]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("audience")) {
                try {
                    found = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("query parameter 'audience' is not valid percent-encoding: '"
                            + pair.substring(eq + 1) + "'; write it like audience=https%3A%2F%2Fgithub.com%2Focto-org", e);
                }
            }
        }
        return found;
    }
}
