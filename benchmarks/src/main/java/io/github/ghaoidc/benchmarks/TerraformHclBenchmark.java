package io.github.ghaoidc.benchmarks;

import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
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

/**
 * Terraform as written (issue 10 budget: read + resolve + evaluate the reference HCL ≤ 2 ms in process): the
 * reference module (bench/fixtures/terraform-reference, as in the facts) read from disk, its variables, provider ARN
 * and policy document resolved, parsed and evaluated for a push; beside it the same decision from the policy JSON
 * file, the yardstick of the file reading and parsing every form pays.
 */
@State(Scope.Benchmark)
public class TerraformHclBenchmark {

    private final PolicySourceReader reader = PolicySourceReader.create();
    private final TrustEvaluator evaluator = TrustEvaluator.create();
    private Path module;
    private Path policyJson;
    private TrustRequest push;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        module = Files.createTempDirectory("hcl-bench");
        for (String name : new String[] {"main.tf", "variables.tf"}) {
            Files.copy(Path.of("bench/fixtures/terraform-reference", name), module.resolve(name));
        }
        SourcedPolicy read = reader.readTerraformModule(module).get(0);
        policyJson = Files.writeString(module.resolve("policy.json.txt"), read.document());
        push = TrustRequest.builder()
                .claims(Map.of("sub", "repo:octo-org/octo-repo:ref:refs/heads/main", "aud", "sts.amazonaws.com"))
                .sessionName("gha").currentTime(Instant.parse("2026-12-04T12:00:00Z")).build();
        if (readHclAndEvaluate() != Decision.ALLOW || readJsonAndEvaluate() != Decision.ALLOW) {
            throw new IllegalStateException("the reference module does not allow a push to main");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (String name : new String[] {"main.tf", "variables.tf", "policy.json.txt"}) {
            Files.deleteIfExists(module.resolve(name));
        }
        Files.deleteIfExists(module);
    }

    /** Budget ≤ 2 ms: the .tf files read, parsed, resolved and rendered, then the policy parsed and evaluated. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision readHclAndEvaluate() {
        SourcedPolicy policy = reader.readTerraformModule(module).get(0);
        return evaluator.evaluate(TrustPolicy.parse(policy.document()), push);
    }

    /** Yardstick: the same policy as a JSON file, read, parsed and evaluated. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision readJsonAndEvaluate() {
        SourcedPolicy policy = reader.toBuilder().format(io.github.ghaoidc.core.trust.source.PolicyFormat.JSON).build()
                .read(policyJson);
        return evaluator.evaluate(TrustPolicy.parse(policy.document()), push);
    }
}
