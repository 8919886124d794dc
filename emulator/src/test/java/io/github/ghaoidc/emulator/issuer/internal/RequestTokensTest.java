package io.github.ghaoidc.emulator.issuer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.emulator.issuer.internal.RequestTokens.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EXP = T0.plus(Duration.ofHours(6).plusMinutes(10));

    private final RequestTokens tokens = new RequestTokens("http://127.0.0.1:1234/_apis");

    @Test
    void aRequestTokenIsAnHs256JwtScopedToItsJobAndRun() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.issue("deploy", "42", T0, EXP));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getKeyID()).isNull();
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getParsedBase64URL().decodeToString()).isEqualTo("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        assertThat(c.getIssuer()).isEqualTo("http://127.0.0.1:1234/_apis");
        assertThat(c.getAudience()).isEqualTo(List.of("http://127.0.0.1:1234/_apis/jobs/deploy"));
        assertThat(c.getStringClaim("scp")).isEqualTo("Actions.IdToken:42:deploy");
        assertThat(c.getIssueTime().toInstant()).isEqualTo(T0);
        assertThat(c.getNotBeforeTime().toInstant()).isEqualTo(T0);
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(EXP);
        assertThat(c.getJWTID()).isNotBlank();
    }

    @Test
    void validUntilJustBeforeExpAndExpiredFromExp() {
        String t = tokens.issue("deploy", "42", T0, EXP);
        assertThat(tokens.check(t, "deploy", EXP.minusMillis(1))).isEqualTo(Verdict.VALID);
        assertThat(tokens.check(t, "deploy", EXP)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void anotherJobsTokenIsInvalid() {
        assertThat(tokens.check(tokens.issue("build", "42", T0, EXP), "deploy", T0)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTokenSignedWithAnotherEmulatorsKeyIsInvalid() {
        String foreign = new RequestTokens("http://127.0.0.1:1234/_apis").issue("deploy", "42", T0, EXP);
        assertThat(tokens.check(foreign, "deploy", T0)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTamperedSignatureIsInvalid() {
        String t = tokens.issue("deploy", "42", T0, EXP);
        char last = t.charAt(t.length() - 2);
        String tampered = t.substring(0, t.length() - 2) + (last == 'A' ? 'B' : 'A') + t.charAt(t.length() - 1);
        assertThat(tokens.check(tampered, "deploy", T0)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void notAJwtIsInvalidAndBeforeNbfIsInvalid() {
        assertThat(tokens.check("opaque-secret", "deploy", T0)).isEqualTo(Verdict.INVALID);
        assertThat(tokens.check(tokens.issue("deploy", "42", T0, EXP), "deploy", T0.minusSeconds(1)))
                .isEqualTo(Verdict.INVALID);
    }
}
