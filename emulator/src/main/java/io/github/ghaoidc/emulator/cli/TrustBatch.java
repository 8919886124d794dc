package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.TrustRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    private TrustPolicy fallbackPolicy;
    private int errors;

    TrustBatch(TrustEvaluator evaluator, PolicyOptions defaultPolicy, String issuer, String roleArn, String sessionName) {
        this.evaluator = evaluator;
        this.defaultPolicy = defaultPolicy;
        this.defaultIssuer = issuer;
        this.defaultRoleArn = roleArn;
        this.defaultSessionName = sessionName;
    }

    /** Runs the batch; returns 0 when every line was evaluated, 2 when some line was an error. */
    int run(String source, InputStream stdin, PrintWriter out) {
        if (defaultPolicy != null) {
            fallbackPolicy = PolicyOptions.parse(defaultPolicy.read(PolicyOptions.accountOf(defaultRoleArn)));
        }
        try (BufferedReader in = open(source, stdin)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                out.print(evaluate(lineNumber, line));
                out.print('\n');
            }
        } catch (IOException e) {
            throw new CliException("--batch " + source + ": cannot read (" + e.getMessage() + ")", e);
        }
        out.flush();
        return errors == 0 ? 0 : CliException.EXIT_INPUT;
    }

    private static BufferedReader open(String source, InputStream stdin) throws IOException {
        if ("-".equals(source)) {
            return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("--batch " + source + ": no such file", e);
        }
    }

    private String evaluate(int lineNumber, String line) {
        try {
            return "{\"line\":" + lineNumber + ",\"decision\":\"" + decide(line).name() + "\"}";
        } catch (CliException | TrustPolicyException e) {
            return error(lineNumber, e.getMessage());
        } catch (RuntimeException e) {
            return error(lineNumber, "cannot evaluate this line: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private String error(int lineNumber, String message) {
        errors++;
        return TokenClaims.JSON.createObjectNode().put("line", lineNumber).put("error", message).toString();
    }

    private Decision decide(String line) {
        if (line.isBlank()) {
            throw new CliException("empty line; expected a JSON object");
        }
        BatchLine request = BatchLine.parse(line);
        TrustPolicy policy = policy(request.policyText());
        TrustRequest trustRequest = TrustRequest.builder()
                .claims(TokenClaims.fromJson(request.claims(), "claims"))
                .issuer(request.issuer() != null ? request.issuer() : defaultIssuer)
                .roleArn(request.roleArn() != null ? request.roleArn()
                        : defaultRoleArn != null ? defaultRoleArn : TrustRequest.DEFAULT_ROLE_ARN)
                .sessionName(request.sessionName() != null ? request.sessionName() : defaultSessionName)
                .build();
        return evaluator.evaluate(policy, trustRequest);
    }

    private TrustPolicy policy(String text) {
        if (text == null) {
            if (fallbackPolicy == null) {
                throw new CliException("no policy: give \"policy\" on the line or --policy FILE");
            }
            return fallbackPolicy;
        }
        Object cached = policies.get(text);
        if (cached == null) {
            try {
                cached = TrustPolicy.parse(text);
            } catch (TrustPolicyException e) {
                cached = e;
            }
            policies.put(text, cached);
        }
        if (cached instanceof TrustPolicyException) {
            throw (TrustPolicyException) cached;
        }
        return (TrustPolicy) cached;
    }
}
