package io.github.ghaoidc.emulator.aws;

import java.util.Objects;

/** An IAM role to declare in the emulated account (like {@code CreateRole}). Immutable and thread-safe. */
public final class RoleDefinition {

    private final String roleName;
    private final String path;
    private final String assumeRolePolicyDocument;
    private final int maxSessionDuration;
    private final String description;
    private final boolean legacy;

    private RoleDefinition(Builder builder) {
        this.roleName = Objects.requireNonNull(builder.roleName, "roleName is required, e.g. GitHubActionsRole");
        this.assumeRolePolicyDocument = Objects.requireNonNull(builder.assumeRolePolicyDocument,
                "assumeRolePolicyDocument (the trust policy JSON) is required");
        this.path = builder.path;
        this.maxSessionDuration = builder.maxSessionDuration;
        this.description = builder.description;
        this.legacy = builder.legacy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().roleName(roleName).path(path).assumeRolePolicyDocument(assumeRolePolicyDocument)
                .maxSessionDuration(maxSessionDuration).description(description).legacy(legacy);
    }

    public String roleName() {
        return roleName;
    }

    public String path() {
        return path;
    }

    public String assumeRolePolicyDocument() {
        return assumeRolePolicyDocument;
    }

    public int maxSessionDuration() {
        return maxSessionDuration;
    }

    /** The description, or null. */
    public String description() {
        return description;
    }

    /** Whether the role was created before IAM's 2025-06-06 identity-provider controls. */
    public boolean legacy() {
        return legacy;
    }

    @Override
    public String toString() {
        return "RoleDefinition[roleName=" + roleName + ", path=" + path + (legacy ? ", legacy" : "") + "]";
    }

    /** Builder for {@link RoleDefinition}; not thread-safe. */
    public static final class Builder {
        private String roleName;
        private String path = "/";
        private String assumeRolePolicyDocument;
        private int maxSessionDuration = 3600;
        private String description;
        private boolean legacy;

        private Builder() {
        }

        /** The role name. Required. */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /** The role path. Default {@code /}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The trust policy JSON, validated as IAM does at save time. Required. */
        public Builder assumeRolePolicyDocument(String json) {
            this.assumeRolePolicyDocument = json;
            return this;
        }

        /** Maximum session duration in seconds, 3600–43200. Default 3600. */
        public Builder maxSessionDuration(int seconds) {
            this.maxSessionDuration = seconds;
            return this;
        }

        /** Optional description. Default none. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Whether the role was created before 2025-06-06, when IAM's identity-provider controls for shared OIDC
         * providers came into force. They are not retroactive: such a role keeps a trust policy IAM would refuse
         * today (no {@code sub} condition, {@code repo:*}), and STS evaluates it like any other. Only the checks IAM
         * has always applied are made. {@code UpdateAssumeRolePolicy} on it applies every check. Default false.
         */
        public Builder legacy(boolean legacy) {
            this.legacy = legacy;
            return this;
        }

        public RoleDefinition build() {
            return new RoleDefinition(this);
        }
    }
}
