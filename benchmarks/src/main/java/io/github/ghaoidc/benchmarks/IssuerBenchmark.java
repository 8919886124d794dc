package io.github.ghaoidc.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The issuer's in-process {@code mint} against raw Nimbus RS256 signing of the same claims (target: mint
 * within 10% of raw signing). Single-threaded throughput, tokens per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuerBenchmark {

    private TokenIssuer issuer;
    private WorkflowContext context;
    private RSASSASigner rawSigner;
    private JWSHeader rawHeader;
    private Map<String, Object> claims;

    @Setup
    public void setUp() throws Exception {
        SigningKeys keys = SigningKeys.generate(1);
        issuer = TokenIssuer.builder().keys(keys).build();
        context = WorkflowContext.inEnvironment("octo-org/app", "main", "prod");
        RSAKey key = (RSAKey) keys.privateJwkSet().getKeys().get(0);
        rawSigner = new RSASSASigner(key);
        rawHeader = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        claims = GitHubClaims.builder().context(context).issuedAt(Instant.now()).build().asMap();
    }

    /** What the emulator does per token: derive every claim from the context, serialise, sign. */
    @Benchmark
    public String mint() {
        return issuer.mint(context, "sts.amazonaws.com");
    }

    /** The baseline: Nimbus signing a pre-built claim set of the same size. */
    @Benchmark
    public String rawNimbusSign() throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(rawHeader, b.build());
        jwt.sign(rawSigner);
        return jwt.serialize();
    }
}
