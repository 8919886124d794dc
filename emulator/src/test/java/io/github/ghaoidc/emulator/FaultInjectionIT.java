package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.proc.BadJWTException;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectionIT {

    private static GitHubOidcEmulator github;
    private static DiscoveryVerifier verifier;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.create().start();
        verifier = new DiscoveryVerifier(github.discoveryUrl(), "sts.amazonaws.com");
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @AfterEach
    void clear() {
        github.clearFault();
    }

    private static HttpResponse<String> request() {
        return Http.toolkitGet(github.tokenRequestUrl(), github.tokenRequestToken(), "sts.amazonaws.com");
    }

    private static String token() {
        HttpResponse<String> r = request();
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.json(r.body()).get("value").asText();
    }

    @Test
    void noFaultIsOnByDefault() throws Exception {
        assertThat(github.fault()).isNull();
        assertThat(verifier.verify(token()).getSubject()).isNotBlank();
    }

    @Test
    void statusFaultAnswersWithJsonMessageThenClearsAfterTimes() {
        github.setFault(Fault.builder().status(503).times(2).build());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = request();
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("injected fault: HTTP 503");
        }
        assertThat(request().statusCode()).isEqualTo(200);
    }

    @Test
    void eachOfTheListedStatusesCanBeInjected() {
        for (int status : new int[] {401, 404, 429, 500, 503}) {
            github.setFault(Fault.status(status));
            assertThat(request().statusCode()).isEqualTo(status);
        }
    }

    @Test
    void latencyDelaysTheAnswer() {
        github.setFault(Fault.latency(Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThat(request().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void expiredTokenIsRejectedByAStrictVerifier() {
        github.setFault(Fault.builder().expired().build());
        assertThatThrownBy(() -> verifier.verify(token())).isInstanceOf(BadJWTException.class).hasMessageContaining("Expired");
    }

    @Test
    void notYetValidTokenIsRejectedByAStrictVerifier() {
        github.setFault(Fault.builder().notYetValid().build());
        assertThatThrownBy(() -> verifier.verify(token())).isInstanceOf(BadJWTException.class).hasMessageContaining("before");
    }

    @Test
    void unknownKidFindsNoKey() {
        github.setFault(Fault.builder().unknownKid().build());
        assertThatThrownBy(() -> verifier.verify(token())).isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("no matching key");
    }

    @Test
    void brokenSignatureFailsVerification() {
        github.setFault(Fault.builder().brokenSignature().build());
        assertThatThrownBy(() -> verifier.verify(token())).isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("Invalid signature");
    }

    @Test
    void wrongIssuerAndWrongAudienceAreRejected() {
        github.setFault(Fault.builder().wrongIssuer().build());
        assertThatThrownBy(() -> verifier.verify(token())).hasMessageContaining("iss claim");
        github.setFault(Fault.builder().wrongAudience().build());
        assertThatThrownBy(() -> verifier.verify(token())).hasMessageContaining("aud claim rejected");
    }

    @Test
    void oversizeTokenIsAtLeastTheRequestedSizeAndStillSigned() throws Exception {
        github.setFault(Fault.builder().oversize(64 * 1024).build());
        String jwt = token();
        assertThat(jwt.length()).isGreaterThanOrEqualTo(64 * 1024);
        assertThat(verifier.verify(jwt).getClaim("padding")).isNotNull();
    }

    @Test
    void jobFaultAppliesOnlyToThatJobAndWinsOverGlobal() {
        Job other = github.createJob(WorkflowContext.defaults());
        other.setFault(Fault.status(429));
        github.setFault(Fault.status(500));
        assertThat(Http.toolkitGet(other.requestUrl(), other.requestToken(), null).statusCode()).isEqualTo(429);
        assertThat(request().statusCode()).isEqualTo(500);
        github.removeJob(other.id());
    }

    @Test
    void rotatedKeysKeepOldTokensVerifiableUntilTheOldKeyIsRemoved() throws Exception {
        String before = token();
        String oldKid = github.keys().activeKid();
        String newKid = github.rotateKeys();
        String after = token();
        assertThat(verifier.verify(before)).isNotNull();
        assertThat(verifier.verify(after)).isNotNull();
        assertThat(com.nimbusds.jwt.SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        github.removeKey(oldKid);
        assertThatThrownBy(() -> verifier.verify(before)).hasMessageContaining("no matching key");
    }
}
