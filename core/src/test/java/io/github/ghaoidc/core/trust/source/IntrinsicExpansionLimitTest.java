package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile templates whose intrinsic functions would expand far past any trust policy (issue 12, D1): a 500 KB
 * template with {@code !Sub "${A}${A}…"} over a 100 KB parameter default (≈ 10 GB expanded), and {@code !Join} over
 * 100,000 {@code !Ref A}. The expansion stops at IAM's document limit with one message, in bounded memory.
 */
class IntrinsicExpansionLimitTest {

    @TempDir
    Path dir;

    private Path template(String parameterDefault, String document) throws Exception {
        String yaml = "Parameters:\n  A:\n    Type: String\n    Default: \"" + parameterDefault + "\"\n"
                + "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: "
                + document + "\n";
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }

    @Test
    void subWithAHundredThousandReferencesToALargeParameterStopsAtTheDocumentLimit() throws Exception {
        Path template = template("x".repeat(100_000), "!Sub \"" + "${A}".repeat(100_000) + "\"");
        assertThat(Files.size(template)).isGreaterThan(500_000);

        PolicySourceException e = catchThrowableOfType(PolicySourceException.class,
                () -> PolicySourceReader.builder().build().read(template));

        assertThat(e.getMessage()).contains("intrinsic functions expand to more than 262144 characters, the largest "
                + "trust policy IAM accepts; expansion stopped").doesNotContain("\n");
    }

    @Test
    void joinOverAHundredThousandRefsStopsAtTheDocumentLimit() throws Exception {
        StringBuilder refs = new StringBuilder("!Join [\"\", [");
        for (int i = 0; i < 100_000; i++) {
            refs.append(i == 0 ? "" : ", ").append("!Ref A");
        }
        Path template = template("abcdefghij", refs.append("]]").toString());

        PolicySourceException e = catchThrowableOfType(PolicySourceException.class,
                () -> PolicySourceReader.builder().build().read(template));

        assertThat(e.getMessage()).contains("intrinsic functions expand to more than 262144 characters");
    }

    @Test
    void anOrdinaryTemplateWithManyReferencesStillResolves() throws Exception {
        Path template = template("octo-org", "!Sub '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":[" + "\"repo:${A}/app:*\",".repeat(200)
                + "\"repo:${A}/last:*\"]}}}]}'");

        SourcedPolicy policy = PolicySourceReader.builder().build().read(template);

        assertThat(policy.document()).contains("repo:octo-org/last:*");
    }
}
