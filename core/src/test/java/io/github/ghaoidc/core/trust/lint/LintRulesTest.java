package io.github.ghaoidc.core.trust.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One policy that triggers each rule and a near twin that does not. */
class LintRulesTest {

    private static final String K = "token.actions.githubusercontent.com";
    private static final String AUD = "\"" + K + ":aud\":\"sts.amazonaws.com\"";
    private static final String MAIN = "\"" + K + ":sub\":\"repo:octo-org/octo-repo:ref:refs/heads/main\"";
    private static final String PINNED = "\"StringEquals\":{" + AUD + "," + MAIN + "}";

    static String policy(String version, String host, String action, String extra, String condition) {
        return "{" + (version == null ? "" : "\"Version\":\"" + version + "\",") + "\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/" + host + "\"},"
                + "\"Action\":\"" + action + "\"," + extra + "\"Condition\":{" + condition + "}}]}";
    }

    static String gh(String condition) {
        return policy("2012-10-17", K, "sts:AssumeRoleWithWebIdentity", "", condition);
    }

    static String like(String sub) {
        return "\"StringEquals\":{" + AUD + "},\"StringLike\":{\"" + K + ":sub\":" + sub + "}";
    }

    static String equalsSub(String sub) {
        return "\"StringEquals\":{" + AUD + ",\"" + K + ":sub\":" + sub + "}";
    }

    static Stream<Arguments> cases() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        String jwr = "\"" + K + ":job_workflow_ref\":\"octo-org/workflows/.github/workflows/deploy.yml@";
        return Stream.of(
                Arguments.of("GHA001", gh("\"StringEquals\":{" + AUD + "}"), gh(PINNED)),
                Arguments.of("GHA002", gh(like("\"repo:*\"")), gh(like("\"repo:octo-org/octo-repo:*\""))),
                Arguments.of("GHA003", gh(like("\"repo:octo-org/*\"")), gh(like("\"repo:octo-org/octo-repo:ref:refs/heads/*\""))),
                Arguments.of("GHA004", gh(like("\"repo:octo-org/octo-repo:*\"")), gh(like("\"repo:octo-org/octo-repo:ref:refs/heads/*\""))),
                Arguments.of("GHA005", gh(equalsSub("\"repo:octo-org/octo-repo:*\"")), gh(like("\"repo:octo-org/octo-repo:ref:*\""))),
                Arguments.of("GHA006", gh(PINNED + ",\"ForAllValues:StringEquals\":{\"" + K + ":environment\":\"prod\"}"),
                        gh("\"StringEquals\":{" + AUD + "," + MAIN + ",\"" + K + ":environment\":\"prod\"}")),
                Arguments.of("GHA007", gh(PINNED + ",\"ForAnyValue:StringEquals\":{\"" + K + ":environment\":\"prod\"}"),
                        gh(PINNED + ",\"ForAnyValue:StringEquals\":{\"" + K + ":amr\":\"pwd\"}")),
                Arguments.of("GHA008", gh(PINNED + ",\"StringNotEquals\":{\"" + K + ":environment\":\"dev\"}"),
                        gh(PINNED + ",\"StringNotEquals\":{\"" + K + ":environment\":\"dev\"},\"Null\":{\"" + K + ":environment\":\"false\"}")),
                Arguments.of("GHA009", gh("\"StringEquals\":{" + AUD + "," + MAIN + ",\"" + K + ":repository_owner\":\"octo-org\"}"),
                        gh("\"StringEquals\":{" + AUD + "," + MAIN + ",\"" + K + ":repository_owner_id\":\"1234\"}")),
                Arguments.of("GHA010",
                        policy("2012-10-17", K + "/acme", "sts:AssumeRoleWithWebIdentity", "", PINNED),
                        policy("2012-10-17", K + "/acme", "sts:AssumeRoleWithWebIdentity", "",
                                PINNED.replace(K + ":", K + "/acme:"))),
                Arguments.of("GHA011", gh(PINNED + ",\"StringLike\":{\"https://" + K + ":ref\":\"refs/heads/main\"}"),
                        gh(PINNED + ",\"StringLike\":{\"" + K + ":ref\":\"refs/heads/main\"}")),
                Arguments.of("GHA012", gh("\"stringEquals\":{" + AUD + "," + MAIN + "}"), gh(PINNED)),
                Arguments.of("GHA013", gh(PINNED + ",\"StringEquals\":{\"" + K + ":environment\":\"prod\"}"),
                        gh("\"StringEquals\":{" + AUD + "," + MAIN + ",\"" + K + ":environment\":\"prod\"}")),
                Arguments.of("GHA014", policy("2012-10-17", K, "sts:AssumeRoleWithWebIdentity", "\"Resource\":\"*\",", PINNED),
                        gh(PINNED)),
                Arguments.of("GHA015", policy("2012-10-17", K, "sts:AssumeRole", "", PINNED), gh(PINNED)),
                Arguments.of("GHA016", policy("2012-10-17", "https://" + K, "sts:AssumeRoleWithWebIdentity", "", PINNED), gh(PINNED)),
                Arguments.of("GHA017", gh("\"StringEquals\":{" + MAIN + "}"), gh(PINNED)),
                Arguments.of("GHA018", gh(PINNED),
                        gh("\"StringEquals\":{" + AUD + "," + MAIN + ",\"" + K + ":repository_id\":\"5678\"}")),
                Arguments.of("GHA019", gh(equalsSub("\"repo:octo-org@1234/octo-repo:ref:refs/heads/main\"")),
                        gh(equalsSub("\"repo:octo-org@1234/octo-repo@5678:ref:refs/heads/main\""))),
                Arguments.of("GHA020", gh(equalsSub("\"workflow:deploy:repo:octo-org/octo-repo\"")),
                        gh(equalsSub("\"repository_id:5678:workflow:deploy\""))),
                Arguments.of("GHA021", gh(like("\"repo:octo-org/octo-repo:ref:refs/heads/main*\"")),
                        gh(like("\"repo:octo-org/octo-repo:ref:refs/heads/release/*\""))),
                Arguments.of("GHA022", gh("\"StringEquals\":{" + AUD + "," + jwr + "refs/heads/main\"}"),
                        gh("\"StringEquals\":{" + AUD + "," + jwr + sha + "\"}")),
                Arguments.of("GHA023", gh(PINNED + ",\"NullIfExists\":{\"" + K + ":environment\":\"false\"}"),
                        gh(PINNED + ",\"Null\":{\"" + K + ":environment\":\"false\"}")),
                Arguments.of("GHA024", gh(PINNED + ",\"StringLike\":{\"" + K + ":environment\":[]}"),
                        gh(PINNED + ",\"StringLike\":{\"" + K + ":environment\":[\"prod\"]}")),
                Arguments.of("GHA025", policy("2008-10-17", K, "sts:AssumeRoleWithWebIdentity", "", like("\"repo:octo-org/${aws:username}\"")),
                        policy("2012-10-17", K, "sts:AssumeRoleWithWebIdentity", "", like("\"repo:octo-org/${aws:username}\""))),
                Arguments.of("GHA026", gh(equalsSub("\"repo:octo-org/octo-repo:environment:Production:V1\"")),
                        gh(equalsSub("\"repo:octo-org/octo-repo:environment:Production%3AV1\""))),
                Arguments.of("GHA027", gh(like("[\"repo:octo-org/octo-repo:ref:refs/heads/main\",\"*\"]")),
                        gh(like("[\"repo:octo-org/octo-repo:ref:refs/heads/main\",\"repo:octo-org/octo-repo:ref:refs/heads/dev\"]"))),
                Arguments.of("GHA028", gh(PINNED + ",\"StringFoo\":{\"" + K + ":ref\":\"refs/heads/main\"}"), gh(PINNED)));
    }

    @ParameterizedTest(name = "{0} reports the policy that has the problem")
    @MethodSource("cases")
    void ruleReportsThePolicyThatHasTheProblem(String ruleId, String positive, String negative) {
        List<LintFinding> findings = findings(positive, ruleId);

        assertThat(findings).as("findings of %s for %s", ruleId, positive).isNotEmpty();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.path()).startsWith("$.Statement");
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0} stays silent on the corrected policy")
    @MethodSource("cases")
    void ruleStaysSilentOnTheCorrectedPolicy(String ruleId, String positive, String negative) {
        assertThat(findings(negative, ruleId)).as("findings of %s for %s", ruleId, negative).isEmpty();
    }

    @Test
    void everyBuiltInRuleHasACase() {
        List<String> covered = cases().map(a -> (String) a.get()[0]).collect(Collectors.toList());

        assertThat(TrustPolicyLinter.defaultRules()).extracting(LintRule::id).containsExactlyElementsOf(covered);
    }

    @Test
    void iamRefusalQuotesAwsMessageAtTheFirstRefusedElement() {
        List<LintFinding> findings = findings(policy("2012-10-17", K, "sts:AssumeRoleWithWebIdentity",
                "\"Resource\":\"*\",", "\"StringFoo\":{" + MAIN + "}"), "GHA028");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.path()).isEqualTo("$.Statement[0].Resource");
            assertThat(f.message()).contains("MalformedPolicyDocument: \"Has prohibited field Resource\"");
            assertThat(f.fix()).startsWith("remove Resource");
        });
    }

    static List<LintFinding> findings(String policy, String ruleId) {
        return TrustPolicyLinter.create().lint(policy).stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .collect(Collectors.toList());
    }
}
