package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs from the hostile-input run of issue 12 (D1, D3): each ends, with exit 2 and one line. */
class HostileTrustInputTest {

    private static final String CLAIMS = "{\"sub\":\"repo:o/r:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\"}";

    @TempDir
    Path dir;

    @Test
    void batchOfAnEndlessLineWithoutNewlineStopsWithOneLine() {
        CliRun run = CliRun.of("trust", "eval", "--batch", "/dev/zero");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--batch /dev/zero: line 1 has no newline within 67108864 bytes (64 MiB); "
                + "stopped reading");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void linesBeforeAnEndlessOneAreAnsweredFirst() throws Exception {
        Path batch = dir.resolve("batch.jsonl");
        Files.writeString(batch, "{\"policy\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]},"
                + "\"claims\":" + CLAIMS + "}\n");
        Files.write(batch, new byte[70 * 1024 * 1024], java.nio.file.StandardOpenOption.APPEND);

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString());

        assertThat(run.out().lines()).containsExactly("{\"line\":1,\"decision\":\"IMPLICIT_DENY\"}");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("line 2 has no newline within");
    }

    @Test
    void cloudFormationSubThatWouldExpandToGigabytesIsRefusedWithOneLine() throws Exception {
        String yaml = "Parameters:\n  A:\n    Type: String\n    Default: \"" + "x".repeat(100_000) + "\"\n"
                + "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: !Sub \""
                + "${A}".repeat(100_000) + "\"\n";
        Path template = Files.writeString(dir.resolve("template.yaml"), yaml);
        Path claims = Files.writeString(dir.resolve("claims.json"), CLAIMS);

        CliRun run = CliRun.of("trust", "eval", "--policy", template.toString(), "--claims", claims.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("intrinsic functions expand to more than 262144 characters");
    }
}
