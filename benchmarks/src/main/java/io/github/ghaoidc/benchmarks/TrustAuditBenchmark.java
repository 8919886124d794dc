package io.github.ghaoidc.benchmarks;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.audit.AccountProvider;
import io.github.ghaoidc.core.trust.audit.AccountRole;
import io.github.ghaoidc.core.trust.audit.AuditReport;
import io.github.ghaoidc.core.trust.audit.TrustAuditor;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The pure audit (core's {@link TrustAuditor}, no IAM) of {@value #ROLES} roles: every role names a repository of
 * its own (the worst case for the shared generated contexts), in the shapes accounts hold: a quarter hardened
 * (one branch), a quarter the reference scenario ({@code repo:O/R:*}), a quarter org-wide, a quarter legacy
 * audience-only. Budget: ≤ 200 ms per audit; parsing and linting the same policies is measured beside it as the
 * yardstick, since this machine's speed varies several-fold between runs.
 */
@State(Scope.Benchmark)
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrustAuditBenchmark {

    static final int ROLES = 1000;
    private static final String K = "token.actions.githubusercontent.com";
    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/" + K;

    private List<AccountRole> roles;
    private List<AccountProvider> providers;
    private final TrustAuditor auditor = TrustAuditor.create();
    private final TrustPolicyLinter linter = TrustPolicyLinter.create();

    static String policy(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + condition + "}}]}";
    }

    /** The account's roles: four shapes, each role with a repository (and, for org-wide, an owner) of its own. */
    static List<AccountRole> roles() {
        String aud = "\"" + K + ":aud\":\"sts.amazonaws.com\"";
        List<AccountRole> out = new ArrayList<>(ROLES);
        for (int i = 0; i < ROLES; i++) {
            String repo = "org-" + (i % 50) + "/app-" + i;
            String condition = switch (i % 4) {
                case 0 -> "\"StringEquals\":{" + aud + ",\"" + K + ":sub\":\"repo:" + repo + ":ref:refs/heads/main\"}";
                case 1 -> "\"StringEquals\":{" + aud + "},\"StringLike\":{\"" + K + ":sub\":\"repo:" + repo + ":*\"}";
                case 2 -> "\"StringEquals\":{" + aud + "},\"StringLike\":{\"" + K + ":sub\":\"repo:org-" + i + "/*\"}";
                default -> "\"StringEquals\":{" + aud + "}";
            };
            out.add(new AccountRole("role-" + i, "arn:aws:iam::123456789012:role/role-" + i, policy(condition)));
        }
        return out;
    }

    @Setup(Level.Trial)
    public void setUp() {
        roles = roles();
        providers = List.of(AccountProvider.of(PROVIDER));
    }

    /** Yardstick measured in the same run: parsing and linting the same 1,000 trust policies. */
    @Benchmark
    public int lint1000Policies() {
        int findings = 0;
        for (AccountRole role : roles) {
            findings += linter.lint(TrustPolicy.parse(role.trustPolicy())).size();
        }
        return findings;
    }

    @Benchmark
    public AuditReport audit1000Roles() {
        return auditor.audit("123456789012", roles, providers);
    }
}
