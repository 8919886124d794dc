package io.github.ghaoidc.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Thousands of randomly mutated policies (fixed seed): each either parses — and then validates,
 * evaluates and explains without throwing, with explain agreeing with evaluate — or fails with a
 * PolicyParseException. Nothing else escapes.
 */
class MutatedPolicyTest {
    private static final String BASE = Policies.statements(
            Policies.statement("Allow", "\"StringEquals\":{" + Policies.key("aud") + ":\"sts.amazonaws.com\"},"
                    + "\"StringLike\":{" + Policies.key("sub") + ":[\"repo:o/r:*\",\"repo:o/${" + Policies.PREFIX
                    + ":repository}:ref:*\"]},\"NumericLessThan\":{\"aws:EpochTime\":99999999999},"
                    + "\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"DateLessThan\":{\"aws:CurrentTime\":\"2099-01-01\"}"),
            Policies.statement("Deny", "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/x\"}"));
    private static final String ALPHABET = "{}[]\":,*?$ aAzZ09-_/\\\u00e9\u0000tfn";

    @Test
    void mutationsNeverThrowAnythingButPolicyParseException() {
        Random random = new Random(20261125L);
        TrustRequest request = TrustRequest.builder().claims(Map.of("sub", "repo:o/r:ref:refs/heads/main", "aud",
                "sts.amazonaws.com", "repository", "o/r")).sourceIp("10.1.2.3").build();
        int parsed = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder(BASE);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            TrustPolicy policy;
            try {
                policy = TrustPolicy.parse(text.toString());
            } catch (PolicyParseException expected) {
                continue;
            }
            parsed++;
            policy.validate();
            Decision d = TrustEvaluator.create().evaluate(policy, request);
            assertThat(TrustEvaluator.create().explain(policy, request).decision()).isEqualTo(d);
        }
        assertThat(parsed).as("some mutations still parse").isPositive();
    }

    @Test
    void oneEvaluatorAndPolicyServeManyThreads() throws Exception {
        TrustPolicy policy = TrustPolicy.parse(BASE);
        TrustRequest allowed = TrustRequest.builder().claims(Map.of("sub", "repo:o/r:pull_request", "aud",
                "sts.amazonaws.com")).sourceIp("10.1.2.3").build();
        TrustRequest denied = allowed.toBuilder().sourceIp("192.0.2.1").build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 2_000; i++) {
                            if (TrustEvaluator.create().evaluate(policy, allowed) != Decision.ALLOW
                                    || TrustEvaluator.create().evaluate(policy, denied) != Decision.IMPLICIT_DENY) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertThat(f.get()).isTrue();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
