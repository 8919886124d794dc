package io.github.ghaoidc.emulator.issuer.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.emulator.EmulatorException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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

    private final String issuer;
    private final MACSigner signer;
    private final MACVerifier verifier;

    /** {@code runtimeUrl}: the emulator's runtime base ({@code http://127.0.0.1:PORT/_apis}), used as {@code iss}. */
    public RequestTokens(String runtimeUrl) {
        this.issuer = Objects.requireNonNull(runtimeUrl, "runtimeUrl");
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new EmulatorException("cannot create the request-token key: " + e.getMessage(), e);
        }
    }

    /** The audience a job's request token carries: its own runtime scope. */
    public String audience(String jobId) {
        return issuer + "/jobs/" + jobId;
    }

    /** A request token for job {@code jobId} of run {@code runId}, valid from {@code issuedAt} to {@code expiresAt}. */
    public String issue(String jobId, String runId, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience(jobId))
                .subject("job:" + jobId)
                .claim("scp", "Actions.IdToken:" + runId + ":" + jobId)
                .claim("job_id", jobId)
                .claim("run_id", runId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new EmulatorException("cannot sign a request token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * Checks {@code bearer} for job {@code jobId} at {@code now}: our signature, issuer and the job's audience,
     * then {@code nbf <= now < exp}. The caller also compares it with the token issued to the job.
     */
    public Verdict check(String bearer, String jobId, Instant now) {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(bearer);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
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
        if (nbf != null && now.isBefore(nbf.toInstant())) {
            return Verdict.INVALID;
        }
        return now.isBefore(claims.getExpirationTime().toInstant()) ? Verdict.VALID : Verdict.EXPIRED;
    }
}
