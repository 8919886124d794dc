package io.github.ghaoidc.emulator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IAM OIDC provider to declare in the emulated account (like {@code CreateOpenIDConnectProvider}).
 * Immutable and thread-safe.
 */
public final class OidcProviderDefinition {

    private final String url;
    private final List<String> clientIds;
    private final List<String> thumbprints;

    private OidcProviderDefinition(Builder builder) {
        this.url = Objects.requireNonNull(builder.url,
                "url is required, e.g. https://token.actions.githubusercontent.com");
        this.clientIds = List.copyOf(builder.clientIds);
        this.thumbprints = List.copyOf(builder.thumbprints);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The reference scenario's provider: GitHub's issuer with audience {@code sts.amazonaws.com}. */
    public static OidcProviderDefinition gitHubActions() {
        return builder().url("https://token.actions.githubusercontent.com").addClientId("sts.amazonaws.com").build();
    }

    public Builder toBuilder() {
        return new Builder().url(url).clientIds(clientIds).thumbprints(thumbprints);
    }

    public String url() {
        return url;
    }

    public List<String> clientIds() {
        return clientIds;
    }

    public List<String> thumbprints() {
        return thumbprints;
    }

    @Override
    public String toString() {
        return "OidcProviderDefinition[url=" + url + ", clientIds=" + clientIds + "]";
    }

    /** Builder for {@link OidcProviderDefinition}; not thread-safe. */
    public static final class Builder {
        private String url;
        private final List<String> clientIds = new ArrayList<>();
        private final List<String> thumbprints = new ArrayList<>();

        private Builder() {
        }

        /** The issuer URL, exactly as tokens carry it in {@code iss}. Required. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Replaces the accepted audiences. Default: none (every token is then refused). */
        public Builder clientIds(List<String> clientIds) {
            this.clientIds.clear();
            this.clientIds.addAll(clientIds);
            return this;
        }

        public Builder addClientId(String clientId) {
            this.clientIds.add(clientId);
            return this;
        }

        /** Certificate thumbprints (40 hex digits); kept but not needed. Default: none. */
        public Builder thumbprints(List<String> thumbprints) {
            this.thumbprints.clear();
            this.thumbprints.addAll(thumbprints);
            return this;
        }

        public OidcProviderDefinition build() {
            return new OidcProviderDefinition(this);
        }
    }
}
