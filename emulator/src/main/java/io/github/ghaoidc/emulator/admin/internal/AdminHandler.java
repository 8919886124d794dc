package io.github.ghaoidc.emulator.admin.internal;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.config.ConfigException;
import io.github.ghaoidc.emulator.config.ConfigLoader;
import io.github.ghaoidc.emulator.config.FaultJson;
import io.github.ghaoidc.emulator.internal.Responses;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /_admin/} (same port, loopback by default): jobs, minting with custom
 * claims, keys, faults. Uses only the public {@link GitHubOidcEmulator} API. Errors are
 * {@code {"message": …}} with 400 (bad body), 404 (unknown job/key/path), 405, 409 (id taken, default job kept),
 * 500 (anything unforeseen; details at DEBUG, never a stack trace on stderr).
 * See docs/emulator.md for the reference.
 */
public final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final String PREFIX = "/_admin/";

    private final GitHubOidcEmulator emulator;

    public AdminHandler(GitHubOidcEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receiveFullString((ex, body) -> {
            try {
                route(ex, ex.getRequestMethod(), ex.getRelativePath().substring(PREFIX.length()), body);
            } catch (UnknownJob e) {
                Responses.error(ex, 404, e.getMessage());
            } catch (ConfigException e) {
                Responses.error(ex, 400, e.getMessage());
            } catch (EmulatorException | IllegalArgumentException e) {
                Responses.error(ex, e.getMessage() != null && e.getMessage().contains("already exists") ? 409 : 400,
                        e.getMessage());
            } catch (RuntimeException e) {
                unexpected(ex, e);
            }
        }, (ex, e) -> Responses.error(ex, 400, "cannot read the request body"));
    }

    /** A bug or an unforeseen state: a JSON 500 for the client, the details at DEBUG, nothing on stderr. */
    private static void unexpected(HttpServerExchange ex, RuntimeException e) {
        String where = ex.getRequestMethod() + " " + ex.getRequestPath();
        LOG.debug("admin request failed [request={}]", where, e); // our messages never carry tokens or keys
        if (ex.isResponseStarted()) {
            ex.endExchange();
            return;
        }
        Responses.error(ex, 500, "internal error handling " + where + "; the emulator's DEBUG log has the details");
    }

    private void route(HttpServerExchange ex, HttpString method, String path, String body) {
        String[] p = path.isEmpty() ? new String[0] : path.split("/", -1);
        String m = method.toString();
        if (p.length == 1 && p[0].equals("info") && m.equals("GET")) {
            info(ex);
        } else if (p.length == 1 && p[0].equals("jobs")) {
            if (m.equals("GET")) {
                Responses.json(ex, 200, Map.of("jobs", emulator.jobs().stream().map(this::summary).toList()));
            } else if (m.equals("POST")) {
                createJob(ex, body);
            } else {
                notAllowed(ex, "GET, POST");
            }
        } else if (p.length == 2 && p[0].equals("jobs")) {
            Job job = job(p[1]);
            if (m.equals("GET")) {
                Map<String, Object> out = summary(job);
                out.put("claims", GitHubClaims.contextClaims(job.context()));
                Responses.json(ex, 200, out);
            } else if (m.equals("DELETE")) {
                if (job.id().equals(JobRegistry.DEFAULT_JOB_ID)) {
                    Responses.error(ex, 409, JobRegistry.DEFAULT_JOB_KEPT); // as removeJob(...) refuses it in Java
                    return;
                }
                emulator.removeJob(job.id());
                Responses.noContent(ex);
            } else {
                notAllowed(ex, "GET, DELETE");
            }
        } else if (p.length == 3 && p[0].equals("jobs") && p[2].equals("fault")) {
            Job job = job(p[1]);
            faultEndpoint(ex, m, body, job::setFault, "jobs/" + p[1] + "/fault");
        } else if (p.length == 1 && p[0].equals("fault")) {
            faultEndpoint(ex, m, body, emulator::setFault, "fault");
        } else if (p.length == 1 && p[0].equals("mint")) {
            if (!m.equals("POST")) {
                notAllowed(ex, "POST");
            } else {
                mint(ex, body);
            }
        } else if (p.length == 2 && p[0].equals("aws") && p[1].equals("decisions")) {
            if (!m.equals("GET")) {
                notAllowed(ex, "GET");
            } else {
                AwsDecisions.respond(ex, emulator);
            }
        } else if (p.length == 1 && p[0].equals("keys") && m.equals("GET")) {
            Responses.json(ex, 200, Map.of("activeKid", emulator.keys().activeKid(), "kids", emulator.keys().kids()));
        } else if (p.length == 2 && p[0].equals("keys") && p[1].equals("rotate") && m.equals("POST")) {
            Responses.json(ex, 200, Map.of("kid", emulator.rotateKeys()));
        } else if (p.length == 2 && p[0].equals("keys") && m.equals("DELETE")) {
            if (!emulator.keys().kids().contains(p[1])) {
                Responses.error(ex, 404, "no key with kid '" + p[1] + "'");
                return;
            }
            emulator.removeKey(p[1]);
            Responses.noContent(ex);
        } else {
            Responses.error(ex, 404, "no admin endpoint " + m + " /_admin/" + path
                    + "; see docs/emulator.md (info, jobs, jobs/{id}, jobs/{id}/fault, fault, mint, keys, keys/rotate, aws/decisions)");
        }
    }

    private void info(HttpServerExchange ex) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseUrl", emulator.baseUrl());
        out.put("issuer", emulator.issuerUrl());
        out.put("discoveryUrl", emulator.discoveryUrl());
        out.put("jwksUrl", emulator.jwksUrl());
        Responses.json(ex, 200, out);
    }

    private void createJob(HttpServerExchange ex, String body) {
        AdminRequests.CreateJob req = body.isBlank() ? new AdminRequests.CreateJob(null, null, null)
                : ConfigLoader.read(body, AdminRequests.CreateJob.class, "request body");
        WorkflowContext ctx = req.context() == null ? WorkflowContext.defaults() : req.context().toContext("context");
        Long life = req.lifetimeSeconds();
        if (life != null && (life < 1 || life > JobRegistry.MAX_JOB_LIFETIME.toSeconds())) {
            throw new ConfigException("lifetimeSeconds must be between 1 and " + JobRegistry.MAX_JOB_LIFETIME.toSeconds()
                    + " (35 days), got: " + life);
        }
        Job job = emulator.createJob(req.id(), ctx, life == null ? null : Duration.ofSeconds(life));
        Map<String, Object> out = summary(job);
        out.put("requestToken", job.requestToken()); // the creator needs it; the admin API is loopback-only by default
        Responses.json(ex, 201, out);
    }

    private void mint(HttpServerExchange ex, String body) {
        AdminRequests.Mint req = body.isBlank() ? new AdminRequests.Mint(null, null, null, null, null)
                : ConfigLoader.read(body, AdminRequests.Mint.class, "request body");
        if (req.job() != null && req.context() != null) {
            throw new ConfigException("request body: set job or context, not both");
        }
        WorkflowContext ctx = req.job() != null ? job(req.job()).context()
                : req.context() != null ? req.context().toContext("context") : emulator.defaultJob().context();
        Fault fault = req.fault() == null ? null : req.fault().toFault("fault");
        String token = emulator.mint(ctx, req.audience(), req.claims(), fault);
        Responses.json(ex, 200, ("{\"count\":1,\"value\":\"" + token + "\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void faultEndpoint(HttpServerExchange ex, String method, String body,
                               java.util.function.Consumer<Fault> target, String where) {
        if (method.equals("PUT")) {
            FaultJson json = ConfigLoader.read(body.isBlank() ? "{}" : body, FaultJson.class, "request body");
            target.accept(json.toFault(where));
            Responses.noContent(ex);
        } else if (method.equals("DELETE")) {
            target.accept(null);
            Responses.noContent(ex);
        } else {
            notAllowed(ex, "PUT, DELETE");
        }
    }

    private Job job(String id) {
        return emulator.job(id).orElseThrow(() -> new UnknownJob(id));
    }

    private Map<String, Object> summary(Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("requestUrl", job.requestUrl());
        m.put("repository", job.context().repository());
        m.put("sub", GitHubClaims.contextClaims(job.context()).get("sub"));
        m.put("requestTokenExpiresAt", job.requestTokenExpiresAt().toString());
        if (job.fault() != null) {
            m.put("fault", job.fault().toString());
        }
        return m;
    }

    private static void notAllowed(HttpServerExchange ex, String allowed) {
        ex.getResponseHeaders().put(io.undertow.util.Headers.ALLOW, allowed);
        Responses.error(ex, 405, "method not allowed here; allowed: " + allowed);
    }

    /** Unknown job id: answered 404. */
    private static final class UnknownJob extends EmulatorException {
        private static final long serialVersionUID = 1L;

        UnknownJob(String id) {
            super("unknown job '" + id + "'; list jobs with GET /_admin/jobs");
        }
    }
}
