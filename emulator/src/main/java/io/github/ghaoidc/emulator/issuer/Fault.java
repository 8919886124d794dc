package io.github.ghaoidc.emulator.issuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fault the runtime token endpoint (and {@code mint}) injects, for testing clients: an HTTP error
 * status, added latency, or a token that is expired, not yet valid, signed under an unknown {@code kid},
 * has a broken signature, the wrong {@code iss} or {@code aud}, or is oversize. Faults are opt-in; none is
 * on by default. Immutable and thread-safe.
 *
 * <pre>{@code
 * emulator.setFault(Fault.status(503).toBuilder().times(2).build()); // two 503s, then tokens again
 * }</pre>
 */
public final class Fault {

    /** The {@code iss} written by {@link Builder#wrongIssuer()}. */
    public static final String WRONG_ISSUER = "https://wrong-issuer.invalid";
    /** The {@code aud} written by {@link Builder#wrongAudience()}. */
    public static final String WRONG_AUDIENCE = "wrong-audience";

    private final int status;
    private final Duration latency;
    private final boolean expired;
    private final boolean notYetValid;
    private final boolean unknownKid;
    private final boolean brokenSignature;
    private final boolean wrongIssuer;
    private final boolean wrongAudience;
    private final int oversizeBytes;
    private final int times;

    private Fault(Builder b) {
        if (b.status != 0 && (b.status < 400 || b.status > 599)) {
            throw new IllegalArgumentException("fault status must be an HTTP error 400-599 (e.g. 401, 404, 429, 500, 503), got: " + b.status);
        }
        if (b.latency.isNegative() || b.latency.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("fault latency must be between 0 and 5 minutes, got: " + b.latency);
        }
        if (b.oversizeBytes < 0 || b.oversizeBytes > 10_000_000) {
            throw new IllegalArgumentException("oversize must be between 0 and 10000000 bytes, got: " + b.oversizeBytes);
        }
        if (b.times < 0) {
            throw new IllegalArgumentException("times must be 0 (always) or positive, got: " + b.times);
        }
        if (b.expired && b.notYetValid) {
            throw new IllegalArgumentException("a token cannot be both expired and not yet valid; choose one");
        }
        status = b.status;
        latency = b.latency;
        expired = b.expired;
        notYetValid = b.notYetValid;
        unknownKid = b.unknownKid;
        brokenSignature = b.brokenSignature;
        wrongIssuer = b.wrongIssuer;
        wrongAudience = b.wrongAudience;
        oversizeBytes = b.oversizeBytes;
        times = b.times;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint answers {@code status} with a JSON {@code message}. */
    public static Fault status(int status) {
        return builder().status(status).build();
    }

    /** The endpoint waits {@code latency} before answering. */
    public static Fault latency(Duration latency) {
        return builder().latency(latency).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** HTTP status to answer with, or 0 for none. */
    public int status() { return status; }
    public Duration latency() { return latency; }
    public boolean expired() { return expired; }
    public boolean notYetValid() { return notYetValid; }
    public boolean unknownKid() { return unknownKid; }
    public boolean brokenSignature() { return brokenSignature; }
    public boolean wrongIssuer() { return wrongIssuer; }
    public boolean wrongAudience() { return wrongAudience; }
    /** Minimum compact token size in bytes, or 0. */
    public int oversizeBytes() { return oversizeBytes; }
    /** How many requests the fault applies to before it clears itself; 0 = until cleared. */
    public int times() { return times; }

    /** {@code true} if the fault changes the token itself (rather than the HTTP answer). */
    public boolean altersToken() {
        return expired || notYetValid || unknownKid || brokenSignature || wrongIssuer || wrongAudience || oversizeBytes > 0;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (status != 0) parts.add("status=" + status);
        if (!latency.isZero()) parts.add("latency=" + latency.toMillis() + "ms");
        if (expired) parts.add("expired");
        if (notYetValid) parts.add("notYetValid");
        if (unknownKid) parts.add("unknownKid");
        if (brokenSignature) parts.add("brokenSignature");
        if (wrongIssuer) parts.add("wrongIssuer");
        if (wrongAudience) parts.add("wrongAudience");
        if (oversizeBytes > 0) parts.add("oversize=" + oversizeBytes);
        if (times > 0) parts.add("times=" + times);
        return "Fault" + parts;
    }

    /** Builds a {@link Fault}; everything off by default. Not thread-safe. */
    public static final class Builder {
        private int status;
        private Duration latency = Duration.ZERO;
        private boolean expired;
        private boolean notYetValid;
        private boolean unknownKid;
        private boolean brokenSignature;
        private boolean wrongIssuer;
        private boolean wrongAudience;
        private int oversizeBytes;
        private int times;

        private Builder() {
        }

        private Builder(Fault f) {
            status = f.status;
            latency = f.latency;
            expired = f.expired;
            notYetValid = f.notYetValid;
            unknownKid = f.unknownKid;
            brokenSignature = f.brokenSignature;
            wrongIssuer = f.wrongIssuer;
            wrongAudience = f.wrongAudience;
            oversizeBytes = f.oversizeBytes;
            times = f.times;
        }

        /** Answer with this HTTP error status (400–599). Default none. */
        public Builder status(int status) { this.status = status; return this; }
        /** Wait this long before answering. Default zero. */
        public Builder latency(Duration latency) { this.latency = latency; return this; }
        /** Mint a token whose {@code exp} is already past. */
        public Builder expired() { this.expired = true; return this; }
        /** Mint a token whose {@code nbf} is in the future. */
        public Builder notYetValid() { this.notYetValid = true; return this; }
        /** Sign with the active key but name a {@code kid} the JWKS does not publish. */
        public Builder unknownKid() { this.unknownKid = true; return this; }
        /** Corrupt the signature. */
        public Builder brokenSignature() { this.brokenSignature = true; return this; }
        /** Write {@link #WRONG_ISSUER} as {@code iss}. */
        public Builder wrongIssuer() { this.wrongIssuer = true; return this; }
        /** Write {@link #WRONG_AUDIENCE} as {@code aud}. */
        public Builder wrongAudience() { this.wrongAudience = true; return this; }
        /** Pad the token (claim {@code padding}) to at least this many bytes. Default 0 (off). */
        public Builder oversize(int tokenBytes) { this.oversizeBytes = tokenBytes; return this; }
        /** Apply to this many requests, then clear. Default 0: until cleared. */
        public Builder times(int times) { this.times = times; return this; }

        public Fault build() {
            return new Fault(this);
        }
    }
}
