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

    /** For each rule: the severity, the JSON path and the decisive words of its first finding on the positive case. */
    static Stream<Arguments> expectations() {
        String c = "$.Statement[0].Condition";
        String sub = "[\"" + K + ":sub\"]";
        return Stream.of(
                Arguments.of("GHA001", Severity.ERROR, "$.Statement[0]", "any GitHub Actions workflow of any repository can "
                        + "assume this role: the statement trusts " + K + " but constrains neither sub, job_workflow_ref nor "
                        + "repository_id"),
                Arguments.of("GHA002", Severity.ERROR, c + ".StringLike" + sub, "sub value \"repo:*\" admits workflows of "
                        + "every GitHub repository, anyone's"),
                Arguments.of("GHA003", Severity.WARNING, c + ".StringLike" + sub, "admits every repository of octo-org"),
                Arguments.of("GHA004", Severity.WARNING, c + ".StringLike" + sub, "admits pull_request runs (sub "
                        + "repo:octo-org/octo-repo:pull_request)"),
                Arguments.of("GHA005", Severity.ERROR, c + ".StringEquals" + sub, "its * and ? are literal"),
                Arguments.of("GHA006", Severity.WARNING, c + "[\"ForAllValues:StringEquals\"][\"" + K + ":environment\"]",
                        "ForAllValues is true when the token has no environment claim at all"),
                Arguments.of("GHA007", Severity.WARNING, c + "[\"ForAnyValue:StringEquals\"][\"" + K + ":environment\"]",
                        "ForAnyValue is for multivalued keys; environment is a single string"),
                Arguments.of("GHA008", Severity.WARNING, c + ".StringNotEquals[\"" + K + ":environment\"]",
                        "StringNotEquals is true when the token has no environment claim"),
                Arguments.of("GHA009", Severity.ERROR, c + ".StringEquals[\"" + K + ":repository_owner\"]",
                        "AWS does not put the repository_owner claim in the request context"),
                Arguments.of("GHA010", Severity.ERROR, c + ".StringEquals[\"" + K + ":aud\"]", "key prefix " + K
                        + " is not the provider this statement trusts (" + K + "/acme)"),
                Arguments.of("GHA011", Severity.ERROR, c + ".StringLike[\"https://" + K + ":ref\"]", "carries a URL scheme; "
                        + "IAM refuses the policy with \"Condition can contain only one colon.\""),
                Arguments.of("GHA012", Severity.ERROR, c + ".stringEquals", "IAM knows no condition operator "
                        + "\"stringEquals\" (names are case-sensitive)"),
                Arguments.of("GHA013", Severity.ERROR, c + ".StringEquals", "\"StringEquals\" occurs 2 times in one object"),
                Arguments.of("GHA014", Severity.ERROR, "$.Statement[0].Resource", "cannot name a Resource"),
                Arguments.of("GHA015", Severity.ERROR, "$.Statement[0].Action", "no action of this statement covers "
                        + "sts:AssumeRoleWithWebIdentity"),
                Arguments.of("GHA016", Severity.ERROR, "$.Statement[0].Principal.Federated", "is not an IAM OIDC provider ARN"),
                Arguments.of("GHA017", Severity.WARNING, "$.Statement[0]", "no aud condition"),
                Arguments.of("GHA018", Severity.INFO, c + ".StringEquals" + sub, "sub names the repository only by OWNER/REPO"),
                Arguments.of("GHA019", Severity.ERROR, c + ".StringEquals" + sub, "gives an ID for only one of owner and "
                        + "repository"),
                Arguments.of("GHA020", Severity.WARNING, c + ".StringEquals" + sub, "the customised sub starts with workflow"),
                Arguments.of("GHA021", Severity.WARNING, c + ".StringLike" + sub, "admits every name that merely starts with "
                        + "main"),
                Arguments.of("GHA022", Severity.WARNING, c + ".StringEquals[\"" + K + ":job_workflow_ref\"]",
                        "job_workflow_ref is pinned to refs/heads/main, which moves"),
                Arguments.of("GHA023", Severity.ERROR, c + ".NullIfExists[\"" + K + ":environment\"]",
                        "NullIfExists does not exist"),
                Arguments.of("GHA024", Severity.ERROR, c + ".StringLike[\"" + K + ":environment\"]",
                        "an empty value list never matches"),
                Arguments.of("GHA025", Severity.WARNING, c + ".StringLike" + sub, "policy variables work only under Version "
                        + "2012-10-17 (this policy has Version 2008-10-17)"),
                Arguments.of("GHA026", Severity.ERROR, c + ".StringEquals" + sub, "environment \"Production:V1\" contains ':', "
                        + "which GitHub writes as %3A in sub"),
                Arguments.of("GHA027", Severity.ERROR, c + ".StringLike" + sub + "[1]", "sub value #2 \"*\" admits every "
                        + "GitHub workflow; IAM accepted the policy because its guardrail reads only the first value"),
                Arguments.of("GHA028", Severity.ERROR, c + ".StringFoo[\"" + K + ":ref\"]", "IAM refuses this policy with "
                        + "MalformedPolicyDocument: \"Invalid Condition type : StringFoo\""));
    }

    @ParameterizedTest(name = "{0} says what, how severe and where")
    @MethodSource("expectations")
    void ruleSaysWhatHowSevereAndWhere(String ruleId, Severity severity, String path, String decisive) {
        String positive = cases().filter(a -> a.get()[0].equals(ruleId)).map(a -> (String) a.get()[1]).findFirst()
                .orElseThrow();

        LintFinding first = findings(positive, ruleId).get(0);

        assertThat(first.ruleId()).isEqualTo(ruleId);
        assertThat(first.severity()).isEqualTo(severity);
        assertThat(first.path()).isEqualTo(path);
        assertThat(first.message()).contains(decisive);
    }

    @Test
    void everyRuleHasAnExpectation() {
        assertThat(expectations().map(a -> (String) a.get()[0]))
                .containsExactlyElementsOf(cases().map(a -> (String) a.get()[0]).collect(Collectors.toList()));
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
