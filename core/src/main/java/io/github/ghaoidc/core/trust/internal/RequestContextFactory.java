package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.TrustRequest;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the request context AWS would build for a request: exactly the keys AWS sets, nothing more.
 * For a web-identity caller: {@code <prefix>:sub}, {@code :aud}, {@code :amr}, the GitHub claims AWS
 * exposes (GitHub issuers only, when present in the token), {@code sts:RoleSessionName} and the global
 * keys {@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:SecureTransport}, {@code aws:SourceIp}.
 */
public final class RequestContextFactory {
    /** Claims of every OIDC token that AWS puts in the context. */
    public static final List<String> OIDC_CLAIMS = List.of("sub", "aud", "amr");
    /** GitHub claims AWS exposes at AssumeRoleWithWebIdentity time, when present in the token. */
    public static final List<String> GITHUB_CLAIMS = List.of("actor", "actor_id", "job_workflow_ref", "repository",
            "repository_id", "repository_owner_id", "workflow", "ref", "environment", "enterprise_id");

    private static final Pattern ROLE_ARN = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:.*/)?([^/]+)");

    private RequestContextFactory() {
    }

    public static RequestContext create(TrustRequest r) {
        Matcher role = ROLE_ARN.matcher(r.roleArn() == null ? "" : r.roleArn());
        if (!role.matches()) {
            throw new TrustPolicyException("roleArn must be an IAM role ARN like arn:aws:iam::123456789012:role/deploy, got: "
                    + JsonPaths.quote(String.valueOf(r.roleArn())));
        }
        String partition = role.group(1);
        String account = role.group(2);
        String issuer = r.issuer();
        if (!issuer.startsWith("https://") || issuer.length() == "https://".length()) {
            throw new TrustPolicyException("issuer must be an https URL like " + TrustRequest.GITHUB_ISSUER
                    + ", got: " + JsonPaths.quote(issuer));
        }
        String prefix = issuer.substring("https://".length());
        String providerArn = "arn:" + partition + ":iam::" + account + ":oidc-provider/" + prefix;
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (r.principalArn() == null) {
            for (String claim : OIDC_CLAIMS) {
                putClaim(keys, r.claims(), prefix, claim);
            }
            if (isGitHub(prefix)) {
                for (String claim : GITHUB_CLAIMS) {
                    putClaim(keys, r.claims(), prefix, claim);
                }
            }
        } else {
            Matcher caller = ROLE_ARN.matcher(r.principalArn());
            if (!caller.matches()) {
                throw new TrustPolicyException("principalArn must be an IAM role ARN like "
                        + "arn:aws:iam::123456789012:role/first, got: " + JsonPaths.quote(r.principalArn()));
            }
            keys.put("aws:PrincipalArn", List.of(r.principalArn()));
            keys.put("aws:PrincipalAccount", List.of(caller.group(2)));
            keys.put("aws:PrincipalType", List.of("AssumedRole"));
        }
        if (r.sessionName() != null) {
            keys.put("sts:RoleSessionName", List.of(r.sessionName()));
        }
        keys.put("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(
                r.currentTime().truncatedTo(ChronoUnit.SECONDS))));
        keys.put("aws:EpochTime", List.of(Long.toString(r.currentTime().getEpochSecond())));
        keys.put("aws:SecureTransport", List.of(Boolean.toString(r.secureTransport())));
        if (r.sourceIp() != null) {
            keys.put("aws:SourceIp", List.of(r.sourceIp()));
        }
        if (r.principalArn() == null) {
            return new RequestContext(r.action(), RequestContext.CallerKind.WEB_IDENTITY, providerArn, prefix,
                    partition, account, null, null, keys);
        }
        Matcher caller = ROLE_ARN.matcher(r.principalArn());
        caller.matches();
        String session = "arn:" + caller.group(1) + ":sts::" + caller.group(2) + ":assumed-role/" + caller.group(3)
                + "/" + (r.sessionName() == null ? "" : r.sessionName());
        return new RequestContext(r.action(), RequestContext.CallerKind.AWS, null, prefix, caller.group(1),
                caller.group(2), r.principalArn(), session, keys);
    }

    /** Whether AWS exposes GitHub's extra claims for this key prefix (github.com, GHEC slugs, GHES hosts). */
    public static boolean isGitHub(String prefix) {
        return prefix.equals("token.actions.githubusercontent.com")
                || prefix.startsWith("token.actions.githubusercontent.com/")
                || prefix.endsWith("/_services/token")
                || prefix.startsWith("github.com/enterprises/");
    }

    private static void putClaim(Map<String, List<String>> keys, Map<String, Object> claims, String prefix,
            String claim) {
        if (!claims.containsKey(claim) || claims.get(claim) == null) {
            return;
        }
        Object v = claims.get(claim);
        List<String> values = new ArrayList<>();
        if (v instanceof List<?>) {
            for (Object e : (List<?>) v) {
                values.add(scalar(claim, e));
            }
        } else {
            values.add(scalar(claim, v));
        }
        keys.put(prefix + ":" + claim, values);
    }

    private static String scalar(String claim, Object v) {
        if (v instanceof String || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        throw new TrustPolicyException("claim '" + claim + "' must be a string, number, boolean or a list of them, got "
                + kind(v));
    }

    /** The JSON kind of a decoded value, in words ({@code an object}, {@code an array}, {@code null}). */
    private static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof java.util.Collection<?> || v.getClass().isArray()) {
            return "an array";
        }
        return "a value of another type";
    }
}
