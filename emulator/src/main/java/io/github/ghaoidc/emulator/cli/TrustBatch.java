package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates JSON Lines requests, one output line per input line in order: {@code {"line":n,"decision":…}}
 * or {@code {"line":n,"error":…}}; a bad line never stops the batch. Parsed policies are reused
 * across lines that carry the same policy text, so only evaluation is repeated.
 */
final class TrustBatch {

    private static final int POLICY_CACHE_SIZE = 256;
    /** Longest request line read; a policy is at most 262,144 characters, a token's claims far fewer. */
    static final int MAX_LINE_BYTES = 1024 * 1024;
    /** How far past the limit a long line is skipped looking for its newline before the batch stops: 64 MiB. */
    static final long MAX_SKIPPED_LINE_BYTES = 64L * 1024 * 1024;

    private final TrustEvaluator evaluator;
    private final PolicyOptions defaultPolicy;
    private final String defaultIssuer;
    private final String defaultRoleArn;
    private final String defaultSessionName;
    private final Map<String, Object> policies = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > POLICY_CACHE_SIZE;
        }
    };
    private final boolean requireSaveable;
    private Checked fallbackPolicy;
    private int errors;

    TrustBatch(TrustEvaluator evaluator, PolicyOptions defaultPolicy, String issuer, String roleArn, String sessionName,
            boolean requireSaveable) {
        this.requireSaveable = requireSaveable;
        this.evaluator = evaluator;
        this.defaultPolicy = defaultPolicy;
        this.defaultIssuer = issuer;
        this.defaultRoleArn = roleArn;
        this.defaultSessionName = sessionName;
    }

    /** Runs the batch; returns 0 when every line was evaluated, 2 when some line was an error. */
    int run(String source, InputStream stdin, PrintWriter out) {
        if (defaultPolicy != null) {
            SourcedPolicy sourced = defaultPolicy.read(PolicyOptions.accountOf(defaultRoleArn));
            TrustPolicy parsed = PolicyOptions.parse(sourced);
            fallbackPolicy = new Checked(parsed, IamVerdict.of(parsed, sourced, requireSaveable));
        }
        try (InputStream in = open(source, stdin)) {
            BoundedLines lines = new BoundedLines(in, MAX_LINE_BYTES, MAX_SKIPPED_LINE_BYTES);
            int lineNumber = 0;
            for (BoundedLines.Line line = next(lines, source, lineNumber + 1, out); line != null;
                    line = next(lines, source, lineNumber + 1, out)) {
                lineNumber++;
                out.print(line.tooLong() ? error(lineNumber, "line is " + line.bytes() + " bytes, longer than the limit of "
                        + MAX_LINE_BYTES + " bytes (1 MiB); skipped") : evaluate(lineNumber, line.text()));
                out.print('\n');
            }
        } catch (IOException e) {
            throw new CliException("--batch " + source + ": cannot read (" + e.getMessage() + ")", e);
        }
        out.flush();
        return errors == 0 ? 0 : CliException.EXIT_INPUT;
    }

    private static BoundedLines.Line next(BoundedLines lines, String source, int lineNumber, PrintWriter out)
            throws IOException {
        try {
            return lines.next();
        } catch (BoundedLines.EndlessLineException e) {
            out.flush();
            throw new CliException("--batch " + source + ": line " + lineNumber + " has no newline within "
                    + MAX_SKIPPED_LINE_BYTES + " bytes (64 MiB); stopped reading (each line is one JSON request of at "
                    + "most " + MAX_LINE_BYTES + " bytes)", e);
        }
    }

    private static InputStream open(String source, InputStream stdin) throws IOException {
        if ("-".equals(source)) {
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // stdin is borrowed: never closed
                }
            };
        }
        try {
            return Files.newInputStream(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new CliException("--batch " + source + ": no such file", e);
        }
    }

    private String evaluate(int lineNumber, String line) {
        try {
            if (line.isBlank()) {
                throw new CliException("empty line; expected a JSON object");
            }
            BatchLine request = BatchLine.parse(line);
            Checked policy = policy(request.policyText());
            ObjectNode result = TokenClaims.JSON.createObjectNode().put("line", lineNumber)
                    .put("decision", decide(request, policy).name());
            if (policy.verdict().legacy()) {
                result.put("legacy", true);
            }
            if (!policy.verdict().isEmpty()) {
                result.set("violations", policy.verdict().json());
            }
            return result.toString();
        } catch (CliException | TrustPolicyException e) {
            return error(lineNumber, e.getMessage());
        } catch (RuntimeException e) {
            return error(lineNumber, "cannot evaluate this line: " + e.getMessage());
        }
    }

    private String error(int lineNumber, String message) {
        errors++;
        return TokenClaims.JSON.createObjectNode().put("line", lineNumber).put("error", message).toString();
    }

    private Decision decide(BatchLine request, Checked policy) {
        TrustRequest trustRequest = TrustRequest.builder()
                .claims(TokenClaims.fromJson(request.claims(), "claims"))
                .issuer(request.issuer() != null ? request.issuer() : defaultIssuer)
                .roleArn(request.roleArn() != null ? request.roleArn()
                        : defaultRoleArn != null ? defaultRoleArn : TrustRequest.DEFAULT_ROLE_ARN)
                .sessionName(request.sessionName() != null ? SessionNames.check(request.sessionName(), "sessionName")
                        : defaultSessionName != null ? defaultSessionName : SessionNames.DEFAULT)
                .build();
        return evaluator.evaluate(policy.policy(), trustRequest);
    }

    private Checked policy(String text) {
        if (text == null) {
            if (fallbackPolicy == null) {
                throw new CliException("no policy: give \"policy\" on the line or --policy FILE");
            }
            return fallbackPolicy;
        }
        Object cached = policies.get(text);
        if (cached == null) {
            try {
                TrustPolicy parsed = TrustPolicy.parse(text);
                cached = new Checked(parsed, IamVerdict.of(parsed, "policy", requireSaveable));
            } catch (TrustPolicyException | CliException e) {
                cached = e;
            }
            policies.put(text, cached);
        }
        if (cached instanceof RuntimeException) {
            throw (RuntimeException) cached;
        }
        return (Checked) cached;
    }

    /** A parsed policy some role can hold, with IAM's verdict to report on each of its lines. */
    private record Checked(TrustPolicy policy, IamVerdict verdict) {
    }
}
