package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Endless or huge input is refused after a bounded read with one line naming the limit, never loaded whole. */
class TrustInputLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIMS = "{\"sub\":\"repo:octo-org/octo-repo:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\"}";

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void endlessPolicyDeviceIsRefusedNamingTheLimit() throws Exception {
        Path claims = Files.writeString(dir.resolve("claims.json"), CLAIMS);

        CliRun run = CliRun.of("trust", "lint", "--policy", "/dev/zero");
        CliRun eval = CliRun.of("trust", "eval", "--policy", "/dev/zero", "--claims", claims.toString());

        for (CliRun r : List.of(run, eval)) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.oneLineError()).as(r.err()).isTrue();
            assertThat(r.err()).contains("/dev/zero: larger than the limit of 33554432 bytes (32 MiB)");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void endlessClaimsDeviceIsRefusedNamingTheLimit() {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--claims", "/dev/zero");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("/dev/zero: larger than the limit of 1048576 bytes (1 MiB) for a claims file");
    }

    @Test
    void overlongBatchLineFileIsAnErrorLineAndTheBatchGoesOn() throws Exception {
        String good = "{\"claims\":" + CLAIMS + "}";
        char[] huge = new char[TrustBatch.MAX_LINE_BYTES + 10];
        Arrays.fill(huge, 'x');
        Path batch = Files.write(dir.resolve("requests.jsonl"), List.of(good, new String(huge), good));

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString(), "--policy", CliRun.resource("policy.json"));

        List<JsonNode> lines = lines(run.out());
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 3);
        assertThat(lines.get(0).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(lines.get(1).get("error").asText())
                .isEqualTo("line is 1048586 bytes, longer than the limit of 1048576 bytes (1 MiB); skipped");
        assertThat(lines.get(2).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void hugeLineOnStdinIsSkippedToItsNewlineWithoutHoldingIt() throws Exception {
        long hugeLength = 64L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long left = hugeLength;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        String good = "{\"claims\":" + CLAIMS + "}\n";
        InputStream stdin = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                bytes(good), huge, bytes("\n" + good))));
        PolicyOptions policy = new PolicyOptions();
        policy.policies = List.of(Path.of(CliRun.resource("policy.json")));
        StringWriter out = new StringWriter();

        int exit = new TrustBatch(io.github.ghaoidc.core.trust.TrustEvaluator.create(), policy, null, null, null, false)
                .run("-", stdin, new PrintWriter(out));

        List<JsonNode> lines = lines(out.toString());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).get("error").asText()).startsWith("line is " + hugeLength + " bytes, longer than the limit");
        assertThat(lines.get(2).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(exit).isEqualTo(2);
    }

    @Test
    void boundedLinesKeepsShortLinesAndStripsCarriageReturns() throws Exception {
        BoundedLines lines = new BoundedLines(bytes("ab\r\n\nlast"), 4, 1024);

        List<String> read = new ArrayList<>();
        for (BoundedLines.Line l = lines.next(); l != null; l = lines.next()) {
            read.add(l.text());
        }

        assertThat(read).containsExactly("ab", "", "last");
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
