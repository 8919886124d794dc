package io.github.ghaoidc.emulator.issuer.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.emulator.EmulatorException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the per-job request tokens ({@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}). Like the runner's, a
 * request token is a JWT scoped to one job and valid for the job's life. It is signed with this emulator's own
 * HMAC key (HS256): only the emulator verifies it, so the key is never published and never shares anything
 * with the OIDC issuer's RSA keys (and costs nothing at start-up). Thread-safe. Not API.
 */
public final class RequestTokens {

    /** What checking a bearer against a job concluded. */
    public enum Verdict { VALID, INVALID, EXPIRED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String HEADER = CompactJws.base64Url("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"
            .getBytes(StandardCharsets.US_ASCII));

    private final String issuer;
    private final byte[] secret;
    private volatile MACVerifier verifier; // only checks of tokens of removed jobs need it: made on first use

    /** {@code runtimeUrl}: the emulator's runtime base ({@code http://127.0.0.1:PORT/_apis}), used as {@code iss}. */
    public RequestTokens(String runtimeUrl) {
        this.issuer = Objects.requireNonNull(runtimeUrl, "runtimeUrl");
        this.secret = new byte[32];
        RANDOM.nextBytes(secret);
    }

    private MACVerifier verifier() throws JOSEException {
        MACVerifier v = verifier;
        if (v == null) {
            v = new MACVerifier(secret);
            verifier = v;
        }
        return v;
    }

    /** The audience a job's request token carries: its own runtime scope. */
    public String audience(String jobId) {
        return issuer + "/jobs/" + jobId;
    }

    /**
     * A request token for job {@code jobId} of run {@code runId}, valid from {@code issuedAt} to {@code expiresAt}.
     * Assembled here (compact JSON, JCA HMAC) rather than through Nimbus's JWT classes: the default job's token is
     * on {@code serve}'s start-up path, and loading that machinery cold cost more than 100 ms there. It is an
     * ordinary HS256 JWS, which {@link #check} verifies with Nimbus.
     */
    public String issue(String jobId, String runId, Instant issuedAt, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience(jobId));
        claims.put("sub", "job:" + jobId);
        claims.put("scp", "Actions.IdToken:" + runId + ":" + jobId);
        claims.put("job_id", jobId);
        claims.put("run_id", runId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("nbf", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        return CompactJws.sign(HEADER, claims, this::hmacSha256);
    }

    private byte[] hmacSha256(byte[] signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signingInput);
        } catch (GeneralSecurityException e) {
            throw new EmulatorException("cannot sign a request token: " + e.getMessage(), e);
        }
    }

    /** The verdict for a token valid from {@code notBefore} (inclusive) to {@code expiresAt} (exclusive) at {@code now}. */
    public static Verdict within(Instant now, Instant notBefore, Instant expiresAt) {
        if (now.isBefore(notBefore)) {
            return Verdict.INVALID;
        }
        return now.isBefore(expiresAt) ? Verdict.VALID : Verdict.EXPIRED;
    }

    /**
     * Checks {@code bearer} for job {@code jobId} at {@code now}: our signature, issuer and the job's audience,
     * then {@code nbf <= now < exp}. The caller also compares it with the token issued to the job.
     */
    public Verdict check(String bearer, String jobId, Instant now) {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(bearer);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier())) {
                return Verdict.INVALID;
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Verdict.INVALID;
        }
        if (!issuer.equals(claims.getIssuer()) || !List.of(audience(jobId)).equals(claims.getAudience())
                || claims.getExpirationTime() == null) {
            return Verdict.INVALID;
        }
        Date nbf = claims.getNotBeforeTime();
        return within(now, nbf == null ? Instant.MIN : nbf.toInstant(), claims.getExpirationTime().toInstant());
    }
}
