package io.github.ghaoidc.core.trust;

import io.github.ghaoidc.core.trust.internal.RequestContext;
import io.github.ghaoidc.core.trust.internal.RequestContextFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to assume a role, as the trust policy sees it. By default an
 * {@code sts:AssumeRoleWithWebIdentity} call by the holder of a token with the given claims; with
 * {@link Builder#principalArn(String)} an AWS caller (an assumed-role session, as for
 * {@code sts:AssumeRole} role chaining).
 *
 * <p>The request context holds exactly the keys AWS puts there (see {@link #requestContext()}); it is
 * built once, in {@link Builder#build()}. Immutable and thread-safe; reuse one request for many
 * evaluations.
 */
public final class TrustRequest {
    /** The default issuer: GitHub.com's Actions OIDC issuer. */
    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    /** The default role: account 123456789012 in partition {@code aws}. */
    public static final String DEFAULT_ROLE_ARN = "arn:aws:iam::123456789012:role/gha-oidc";
    public static final String ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
    public static final String ASSUME_ROLE = "sts:AssumeRole";

    private final Map<String, Object> claims;
    private final String issuer;
    private final String roleArn;
    private final String action;
    private final String sessionName;
    private final Instant currentTime;
    private final String sourceIp;
    private final boolean secureTransport;
    private final String principalArn;
    private final RequestContext context;

    private TrustRequest(Builder b) {
        this.claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
        Object iss = claims.get("iss");
        this.issuer = b.issuer != null ? b.issuer : iss instanceof String ? (String) iss : GITHUB_ISSUER;
        this.roleArn = b.roleArn;
        this.action = Objects.requireNonNull(b.action, "action");
        this.sessionName = b.sessionName;
        this.currentTime = b.currentTime != null ? b.currentTime : Instant.now();
        this.sourceIp = b.sourceIp;
        this.secureTransport = b.secureTransport;
        this.principalArn = b.principalArn;
        this.context = RequestContextFactory.create(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().claims(claims).issuer(issuer).roleArn(roleArn).action(action).sessionName(sessionName)
                .currentTime(currentTime).sourceIp(sourceIp).secureTransport(secureTransport)
                .principalArn(principalArn);
    }

    /** The token claims as given (only the ones AWS exposes reach the request context). */
    public Map<String, Object> claims() {
        return claims;
    }

    public String issuer() {
        return issuer;
    }

    public String roleArn() {
        return roleArn;
    }

    public String action() {
        return action;
    }

    /** The role session name, or {@code null} when none was given (then {@code sts:RoleSessionName} is absent). */
    public String sessionName() {
        return sessionName;
    }

    public Instant currentTime() {
        return currentTime;
    }

    /** The source IP, or {@code null} (then {@code aws:SourceIp} is absent). */
    public String sourceIp() {
        return sourceIp;
    }

    public boolean secureTransport() {
        return secureTransport;
    }

    /** The calling role's ARN for an AWS caller, or {@code null} for a web-identity caller. */
    public String principalArn() {
        return principalArn;
    }

    /** The condition-key prefix: the issuer without {@code https://} (path and trailing slash kept). */
    public String keyPrefix() {
        return context.keyPrefix();
    }

    /** The OIDC provider ARN a web-identity caller presents: {@code arn:<partition>:iam::<account>:oidc-provider/<prefix>}. */
    public String providerArn() {
        return context.providerArn();
    }

    /** The request context: each key AWS sets for this request with its value(s), in a stable order. */
    public Map<String, List<String>> requestContext() {
        return context.view();
    }

    RequestContext context() {
        return context;
    }

    @Override
    public String toString() {
        return "TrustRequest[action=" + action + ", issuer=" + issuer + ", roleArn=" + roleArn + "]";
    }

    /** Builder for {@link TrustRequest}; not thread-safe. */
    public static final class Builder {
        private Map<String, ?> claims = Map.of();
        private String issuer;
        private String roleArn = DEFAULT_ROLE_ARN;
        private String action = ASSUME_ROLE_WITH_WEB_IDENTITY;
        private String sessionName;
        private Instant currentTime;
        private String sourceIp;
        private boolean secureTransport = true;
        private String principalArn;

        private Builder() {
        }

        /**
         * The token's claims as decoded: values String, Number, Boolean or a List of those. Default none.
         * The map is copied.
         */
        public Builder claims(Map<String, ?> claims) {
            this.claims = Objects.requireNonNull(claims, "claims");
            return this;
        }

        /**
         * The token issuer (the IAM OIDC provider URL), e.g. {@code https://token.actions.githubusercontent.com}.
         * Default: the {@code iss} claim, else {@value #GITHUB_ISSUER}.
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The role being assumed; gives account and partition. Default {@value #DEFAULT_ROLE_ARN}. */
        public Builder roleArn(String roleArn) {
            this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
            return this;
        }

        /** The action evaluated. Default {@value #ASSUME_ROLE_WITH_WEB_IDENTITY}. */
        public Builder action(String action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /** The RoleSessionName; default none. */
        public Builder sessionName(String sessionName) {
            this.sessionName = sessionName;
            return this;
        }

        /** The request time ({@code aws:CurrentTime}, {@code aws:EpochTime}); default: now, at build. */
        public Builder currentTime(Instant currentTime) {
            this.currentTime = currentTime;
            return this;
        }

        /** The caller's IP ({@code aws:SourceIp}); default none. */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        /** Whether the call came over TLS ({@code aws:SecureTransport}); default true. */
        public Builder secureTransport(boolean secureTransport) {
            this.secureTransport = secureTransport;
            return this;
        }

        /**
         * Makes the caller an AWS principal: the ARN of the role whose session calls (e.g. for
         * {@code sts:AssumeRole} role chaining). It matches {@code "AWS"} principals naming that role,
         * its account ID or the account's root ARN. Default none (a web-identity caller).
         */
        public Builder principalArn(String principalArn) {
            this.principalArn = principalArn;
            return this;
        }

        /**
         * @throws TrustPolicyException if the issuer is not an https URL, the role ARN is not an IAM role
         *     ARN, or an exposed claim has a value that is not a string, number, boolean or list of them
         */
        public TrustRequest build() {
            return new TrustRequest(this);
        }
    }
}
