package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Hostile tokens are refused with InvalidIdentityToken; key-locating headers are never followed. */
class HostileTokensIT {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/GitHubActionsRole";
    private static final String BAD_SIGNATURE =
            "The token's signature could not be verified with the identity provider's key 'gh-1'";

    private static TestIssuer github;
    private static TestIssuer attacker;
    private static TestServer server;
    private static StsClient sts;

    @BeforeAll
    static void start() {
        github = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        attacker = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        AwsEmulation aws = AwsEmulation.builder()
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build();
        aws.createOpenIdConnectProvider(OidcProviderDefinition.gitHubActions());
        aws.createRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                .assumeRolePolicyDocument(Policies.gitHubRepo("123456789012", "octo-org/octo-repo")).build());
        server = TestServer.start(aws);
        sts = StsClients.anonymous(server.endpoint);
    }

    @AfterAll
    static void stop() {
        sts.close();
        server.close();
    }

    private static StsException refuse(String token) {
        StsException e = rejection(token);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        return e;
    }

    private static StsException rejection(String token) {
        StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(
                r -> r.roleArn(ROLE_ARN).roleSessionName("hostile").webIdentityToken(token)));
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String token = new PlainJWT(github.claims("octo-org/octo-repo", "refs/heads/main").build()).serialize();
        assertThat(refuse(token).awsErrorDetails().errorMessage()).startsWith("Unsupported token algorithm none");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("gh-1").build(),
                github.claims("octo-org/octo-repo", "refs/heads/main").build());
        jwt.sign(new MACSigner(github.key.toRSAPublicKey().getEncoded()));
        assertThat(refuse(jwt.serialize()).awsErrorDetails().errorMessage())
                .startsWith("Unsupported token algorithm HS256");
    }

    @Test
    void unknownKidIsRefused() {
        TestIssuer stranger = new TestIssuer(TestIssuer.GITHUB, "stranger");
        assertThat(refuse(stranger.pushToMain()).awsErrorDetails().errorMessage())
                .contains("key id 'stranger'");
    }

    @Test
    void jkuHeaderIsNeverFollowed() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gh-1").type(JOSEObjectType.JWT)
                .jwkURL(URI.create("http://127.0.0.1:9/attacker-jwks")).build();
        String token = TestIssuer.sign(header, github.claims("octo-org/octo-repo", "refs/heads/main").build(),
                attacker.key);
        assertThat(refuse(token).awsErrorDetails().errorMessage()).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void x5uHeaderIsNeverFollowed() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gh-1").type(JOSEObjectType.JWT)
                .x509CertURL(URI.create("http://127.0.0.1:9/attacker.pem")).build();
        String token = TestIssuer.sign(header, github.claims("octo-org/octo-repo", "refs/heads/main").build(),
                attacker.key);
        assertThat(refuse(token).awsErrorDetails().errorMessage()).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void embeddedJwkHeaderIsNeverTrusted() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gh-1").type(JOSEObjectType.JWT)
                .jwk(attacker.key.toPublicJWK()).build();
        String token = TestIssuer.sign(header, github.claims("octo-org/octo-repo", "refs/heads/main").build(),
                attacker.key);
        assertThat(refuse(token).awsErrorDetails().errorMessage()).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = github.pushToMain().split("\\.");
        String forged = Base64URL.encode(github.claims("evil-org/evil-repo", "refs/heads/main").build().toString())
                .toString();
        assertThat(refuse(parts[0] + "." + forged + "." + parts[2]).awsErrorDetails().errorMessage())
                .isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void tokenLongerThan20000CharactersIsRefusedAsAnOutOfRangeParameter() {
        String token = github.mint(c -> c.claim("padding", "x".repeat(20000)));
        assertThat(token.length()).isGreaterThan(20000);
        StsException refused = rejection(token);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorMessage())
                .contains("at 'webIdentityToken' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 20000")
                .doesNotContain(token.substring(0, 40));
    }

    @Test
    void issuerWithHttpSchemeFindsNoProvider() {
        String token = github.mint(c -> c.issuer("http://token.actions.githubusercontent.com"));
        assertThat(refuse(token).awsErrorDetails().errorMessage()).isEqualTo(
                "No OpenIDConnect provider found in your account for http://token.actions.githubusercontent.com");
    }

    @Test
    void criticalHeaderParameterIsRefusedForWhatItIsNotAsABadSignature() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gh-1").type(JOSEObjectType.JWT)
                .criticalParams(java.util.Set.of("gha-oidc-unknown")).customParam("gha-oidc-unknown", 1).build();
        String token = TestIssuer.sign(header, github.claims("octo-org/octo-repo", "refs/heads/main").build(), github.key);

        assertThat(refuse(token).awsErrorDetails().errorMessage()).isEqualTo("The token's header marks "
                + "[gha-oidc-unknown] as critical (crit); no critical header parameter is supported, so the token "
                + "cannot be accepted (its signature was not the problem)");
    }

    @Test
    void emptyCritListIsRefusedAsRfc7515Forbids() throws Exception {
        JWSHeader header = JWSHeader.parse(Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"gh-1\",\"typ\":\"JWT\","
                + "\"crit\":[]}"));
        String token = TestIssuer.sign(header, github.claims("octo-org/octo-repo", "refs/heads/main").build(), github.key);

        assertThat(refuse(token).awsErrorDetails().errorMessage())
                .isEqualTo("The token's header has an empty crit list, which RFC 7515 (section 4.1.11) forbids");
    }

    @Test
    void expirationBeyondAnyDateIsRefusedSayingSoNotAsExpiredLongAgo() {
        String token = github.mint(c -> c.claim("exp", 1e20));

        assertThat(refuse(token).awsErrorDetails().errorMessage()).isEqualTo("The token's exp claim 1.0E20 is not a "
                + "time: it must be a NumericDate, whole seconds since 1970-01-01 up to 253402300799 (the end of the "
                + "year 9999)").doesNotContain("-1");
    }
}
