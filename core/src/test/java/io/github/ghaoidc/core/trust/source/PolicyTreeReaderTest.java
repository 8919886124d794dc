package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a tree hold trust policies, and the bounds of a scan. */
class PolicyTreeReaderTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<String> found() {
        return PolicyTreeReader.builder().build().read(List.of(dir)).policies().stream()
                .map(p -> dir.relativize(Path.of(p.origin().split(":")[0])).toString()).toList();
    }

    @Test
    void trustPoliciesOfEveryPrincipalKindAreFoundAndOtherPoliciesAreNot() throws Exception {
        write("service.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},
                 "Action":"sts:AssumeRole"}]}""");
        write("account.json", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
                 "Action":["sts:TagSession","sts:AssumeRole"]}}""");
        write("identity.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""");
        write("bucket.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
                 "Resource":"arn:aws:s3:::b/*"}]}""");
        write("tsconfig.json", "{\"compilerOptions\":{}}");
        write("broken-but-unrelated.json", "{not json");
        write("template.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");

        assertThat(found()).containsExactlyInAnyOrder("account.json", "service.json");
    }

    @Test
    void aFileThatLooksLikeATemplateButDoesNotParseIsAProblemNotASilentSkip() throws Exception {
        write("stack.yaml", "Resources:\n  R:\n    Type: AWS::IAM::Role\n  - broken\n");

        PolicyTree tree = PolicyTreeReader.builder().build().read(List.of(dir));

        assertThat(tree.policies()).isEmpty();
        assertThat(tree.problems()).singleElement().satisfies(p -> assertThat(p.file()).endsWith("stack.yaml"));
    }

    @Test
    void aTreeLargerThanTheFileLimitIsRefusedNotCutShort() throws Exception {
        for (int i = 0; i < 5; i++) {
            write("f" + i + ".txt", "x");
        }

        assertThatThrownBy(() -> PolicyTreeReader.builder().maxFiles(4).build().read(List.of(dir)))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("more than 4 files under it");
        assertThatThrownBy(() -> PolicyTreeReader.builder().maxFiles(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1000000");
    }

    @Test
    void skippedDirectoriesAreNotEntered() throws Exception {
        String trust = """
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        write("node_modules/a/trust.json", trust);
        write(".git/trust.json", trust);
        write(".terraform/providers/trust.json", trust);
        write("infra/trust.json", trust);

        assertThat(found()).containsExactly("infra/trust.json");
    }
}
