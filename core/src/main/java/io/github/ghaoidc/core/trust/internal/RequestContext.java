package io.github.ghaoidc.core.trust.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as the evaluator sees it: the action, who is calling, and the condition-context keys
 * (looked up case-insensitively). Built once per request; read-only afterwards, so thread-safe.
 */
public final class RequestContext {
    /** How the caller authenticates, which decides which principal types can match it. */
    public enum CallerKind { WEB_IDENTITY, AWS }

    private final String action;
    private final String actionLower;
    private final CallerKind callerKind;
    private final String providerArn;
    private final String keyPrefix;
    private final String callerAccount;
    private final String callerPartition;
    private final String callerRoleArn;
    private final String callerSessionArn;
    private final Map<String, List<String>> byLowerKey;
    private final Map<String, List<String>> view;

    public RequestContext(String action, CallerKind callerKind, String providerArn, String keyPrefix,
            String callerPartition,
            String callerAccount, String callerRoleArn, String callerSessionArn, Map<String, List<String>> keys) {
        this.action = action;
        this.actionLower = action.toLowerCase(Locale.ROOT);
        this.callerKind = callerKind;
        this.providerArn = providerArn;
        this.keyPrefix = keyPrefix;
        this.callerPartition = callerPartition;
        this.callerAccount = callerAccount;
        this.callerRoleArn = callerRoleArn;
        this.callerSessionArn = callerSessionArn;
        Map<String, List<String>> lower = new HashMap<>();
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        keys.forEach((k, v) -> {
            List<String> copy = List.copyOf(v);
            lower.put(k.toLowerCase(Locale.ROOT), copy);
            ordered.put(k, copy);
        });
        this.byLowerKey = lower;
        this.view = Collections.unmodifiableMap(ordered);
    }

    public String action() {
        return action;
    }

    public String actionLower() {
        return actionLower;
    }

    public CallerKind callerKind() {
        return callerKind;
    }

    /** The OIDC provider ARN a web-identity caller presents, or {@code null}. */
    public String providerArn() {
        return providerArn;
    }

    /** The condition-key prefix of the token's issuer. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public String callerPartition() {
        return callerPartition;
    }

    public String callerAccount() {
        return callerAccount;
    }

    public String callerRoleArn() {
        return callerRoleArn;
    }

    public String callerSessionArn() {
        return callerSessionArn;
    }

    /** The key's values, or {@code null} when the key is absent or has no value. */
    public List<String> values(String keyLower) {
        List<String> v = byLowerKey.get(keyLower);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The key's only value, or {@code null} when absent or multivalued. */
    public String single(String keyLower) {
        List<String> v = byLowerKey.get(keyLower);
        return v != null && v.size() == 1 ? v.get(0) : null;
    }

    /** Every key with its values, in insertion order, keys spelt as AWS spells them. */
    public Map<String, List<String>> view() {
        return view;
    }
}
