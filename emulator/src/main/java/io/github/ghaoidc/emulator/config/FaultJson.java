package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.emulator.issuer.Fault;
import java.time.Duration;

/**
 * A fault as JSON: {@code {"status":503,"latencyMillis":200,"expired":true,"notYetValid":false,
 * "unknownKid":false,"brokenSignature":false,"wrongIssuer":false,"wrongAudience":false,
 * "oversizeBytes":0,"times":2}}; every field optional.
 */
public record FaultJson(Integer status, Long latencyMillis, Boolean expired, Boolean notYetValid, Boolean unknownKid,
                        Boolean brokenSignature, Boolean wrongIssuer, Boolean wrongAudience, Integer oversizeBytes,
                        Integer times) {

    public Fault toFault(String where) {
        Fault.Builder b = Fault.builder();
        if (status != null) b.status(status);
        if (latencyMillis != null) b.latency(Duration.ofMillis(latencyMillis));
        if (Boolean.TRUE.equals(expired)) b.expired();
        if (Boolean.TRUE.equals(notYetValid)) b.notYetValid();
        if (Boolean.TRUE.equals(unknownKid)) b.unknownKid();
        if (Boolean.TRUE.equals(brokenSignature)) b.brokenSignature();
        if (Boolean.TRUE.equals(wrongIssuer)) b.wrongIssuer();
        if (Boolean.TRUE.equals(wrongAudience)) b.wrongAudience();
        if (oversizeBytes != null) b.oversize(oversizeBytes);
        if (times != null) b.times(times);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }
}
