package io.github.ghaoidc.emulator.issuer;

import io.github.ghaoidc.core.claims.ClaimNames;
import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.internal.CompactJws;
import io.github.ghaoidc.emulator.issuer.internal.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Mints GitHub-shaped ID tokens in process: RS256 under the active key of {@link SigningKeys}, header
 * {@code alg/kid/typ/x5t}, compact alphabetically ordered payload. Used by the emulator's endpoints and
 * by {@code gha-oidc mint}. Immutable (the key set it is given may rotate) and thread-safe.
 */
public final class TokenIssuer {

    private final Supplier<SigningKeys> keys;
    private final String issuer;
    private final IssuerMode mode;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration notBeforeSkew;

    private TokenIssuer(Builder b) {
        this.keys = Objects.requireNonNull(b.keys, "keys");
        this.mode = Objects.requireNonNull(b.mode, "issuerMode");
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.lifetime = Objects.requireNonNull(b.lifetime, "lifetime");
        this.notBeforeSkew = Objects.requireNonNull(b.notBeforeSkew, "notBeforeSkew");
        if (lifetime.isNegative() || lifetime.isZero() || notBeforeSkew.isNegative()) {
            throw new IllegalArgumentException("lifetime must be positive and notBeforeSkew zero or positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code iss} this issuer writes. */
    public String issuer() {
        return issuer;
    }

    /** The keys (waits for them if they are still being generated). */
    public SigningKeys keys() {
        return keys.get();
    }

    /** The audience written when none is asked for. */
    public String defaultAudience(WorkflowContext context) {
        return mode.defaultAudience(context.repositoryOwner());
    }

    /** A token for {@code context}; {@code audience} {@code null} means the default audience. */
    public String mint(WorkflowContext context, String audience) {
        return mint(context, audience, null, null);
    }

    /**
     * A token for {@code context} with claim overrides ({@code null} value removes a claim) and a fault
     * ({@code null} for none; only its token-altering parts are applied here).
     */
    public String mint(WorkflowContext context, String audience, Map<String, Object> overrides, Fault fault) {
        Instant now = clock.instant();
        if (fault != null && fault.expired()) {
            now = now.minus(lifetime).minusSeconds(60);
        } else if (fault != null && fault.notYetValid()) {
            now = now.plus(notBeforeSkew).plusSeconds(120);
        }
        GitHubClaims.Builder claims = GitHubClaims.builder().context(context).issuer(issuer)
                .audience(audience == null || audience.isEmpty() ? defaultAudience(context) : audience)
                .issuedAt(now).lifetime(lifetime).notBeforeSkew(notBeforeSkew);
        if (overrides != null) {
            overrides.forEach(claims::claim);
        }
        if (fault != null && fault.wrongIssuer()) {
            claims.claim(ClaimNames.ISS, Fault.WRONG_ISSUER);
        }
        if (fault != null && fault.wrongAudience()) {
            claims.claim(ClaimNames.AUD, Fault.WRONG_AUDIENCE);
        }
        String token = sign(claims.build().asMap(), fault);
        if (fault != null && token.length() < fault.oversizeBytes()) {
            int padding = (fault.oversizeBytes() - token.length()) * 3 / 4 + 16;
            claims.claim("padding", "x".repeat(padding));
            token = sign(claims.build().asMap(), fault);
        }
        return token;
    }

    /** Signs an arbitrary claim map as-is (its iteration order is the payload order). */
    public String sign(Map<String, Object> claims, Fault fault) {
        SigningKey key = keys.get().activeKey();
        String header = fault != null && fault.unknownKid()
                ? key.encodedHeader("unknown-" + UUID.randomUUID()) : key.encodedHeader();
        return CompactJws.sign(header, claims, signingInput -> {
            byte[] signature = key.sign(signingInput);
            if (fault != null && fault.brokenSignature()) {
                signature[signature.length / 2] ^= 0x5a;
            }
            return signature;
        });
    }

    @Override
    public String toString() {
        return "TokenIssuer[iss=" + issuer + "]";
    }

    /** Builds a {@link TokenIssuer}. Not thread-safe. */
    public static final class Builder {
        private Supplier<SigningKeys> keys;
        private String issuer = GitHubClaims.GITHUB_ISSUER;
        private IssuerMode mode = IssuerMode.github();
        private Clock clock = Clock.systemUTC();
        private Duration lifetime = GitHubClaims.DEFAULT_LIFETIME;
        private Duration notBeforeSkew = GitHubClaims.DEFAULT_NOT_BEFORE_SKEW;

        private Builder() {
        }

        /** Required. The key set is borrowed, not copied: rotations show up in later tokens. */
        public Builder keys(SigningKeys keys) {
            Objects.requireNonNull(keys, "keys");
            this.keys = () -> keys;
            return this;
        }
        /** Keys that may still be being generated: the supplier may block until they are ready. */
        public Builder keys(Supplier<SigningKeys> keys) { this.keys = keys; return this; }
        /** The {@code iss} value. Default the github.com issuer. */
        public Builder issuer(String issuer) { this.issuer = issuer; return this; }
        /** Decides the default audience ({@code https://github.com/OWNER}, GHES {@code https://HOST/OWNER}). Default github. */
        public Builder issuerMode(IssuerMode mode) { this.mode = mode; return this; }
        /** Source of {@code iat}. Default the system UTC clock. */
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        /** {@code exp - iat}. Default 300 s. */
        public Builder lifetime(Duration lifetime) { this.lifetime = lifetime; return this; }
        /** {@code iat - nbf}. Default 300 s. */
        public Builder notBeforeSkew(Duration skew) { this.notBeforeSkew = skew; return this; }

        public TokenIssuer build() {
            return new TokenIssuer(this);
        }
    }
}
