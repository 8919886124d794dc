package io.github.ghaoidc.benchmarks;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import io.github.ghaoidc.emulator.cli.GhaOidcCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import picocli.CommandLine;

/**
 * Trust tools: {@code gha-oidc trust eval --batch} over {@value #LINES} JSON Lines requests (two policies,
 * varied claims; lines/s = ops/s × {@value #LINES}), and linting the typical policy.
 */
@State(Scope.Benchmark)
@Threads(1)
public class TrustToolsBenchmark {

    static final int LINES = 10_000;

    private Path batch;
    private TrustPolicy typical;
    private final TrustPolicyLinter linter = TrustPolicyLinter.create();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String compact = TrustPolicy.parse(TrustEvaluationBenchmark.TYPICAL_POLICY).json().toString();
        String loose = compact.replace("repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org/*");
        List<String> lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            String sub = i % 4 == 0 ? "repo:octo-org/octo-repo:pull_request" : "repo:octo-org/octo-repo:ref:refs/heads/b" + (i % 97);
            lines.add("{\"policy\":" + (i % 2 == 0 ? compact : loose) + ",\"claims\":{\"sub\":\"" + sub
                    + "\",\"aud\":\"sts.amazonaws.com\",\"repository_id\":\"7891011\"},"
                    + "\"roleArn\":\"arn:aws:iam::123456789012:role/deploy\",\"sessionName\":\"ci\"}");
        }
        batch = Files.createTempFile("trust-batch", ".jsonl");
        Files.write(batch, lines);
        typical = TrustPolicy.parse(TrustEvaluationBenchmark.TYPICAL_POLICY);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(batch);
    }

    /** One whole batch run, in-process, output discarded. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int batchOfTenThousandLines() {
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(OutputStream.nullOutputStream()));
        return cli.execute("trust", "eval", "--batch", batch.toString());
    }

    /** Every lint rule over the parsed typical policy. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<LintFinding> lintTypicalPolicy() {
        return linter.lint(typical);
    }
}
