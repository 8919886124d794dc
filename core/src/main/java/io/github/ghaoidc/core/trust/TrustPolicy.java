package io.github.ghaoidc.core.trust;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.internal.PolicyReader;
import java.util.List;
import java.util.Objects;

/**
 * An IAM role trust policy, parsed. {@link #parse(String)} accepts everything IAM's JSON grammar
 * accepts (a single value or an array wherever IAM does, {@code Statement} as object or array) and
 * refuses the rest with a {@link PolicyParseException} naming the JSON path. Semantic problems IAM
 * reports at save time are not parse errors: ask {@link #validate()} or {@link #validateForIam()}.
 *
 * <p>Duplicate JSON member names keep the LAST occurrence (Jackson's tree semantics; see
 * docs/trust-engine.md) and are listed by {@link #duplicateKeys()}. Wildcard patterns are compiled
 * once, here. Immutable and thread-safe; evaluate with {@link TrustEvaluator}.
 */
public final class TrustPolicy {
    /** The policy language version that enables policy variables. */
    public static final String VERSION_2012_10_17 = "2012-10-17";
    /** The legacy version: {@code ${...}} is literal text. */
    public static final String VERSION_2008_10_17 = "2008-10-17";

    private final String version;
    private final List<PolicyStatement> statements;
    private final List<DuplicateKey> duplicateKeys;
    private final JsonNode json;
    private final String source;

    private TrustPolicy(Builder b) {
        this(b.version, b.statements, b.duplicateKeys, b.json == null ? null : b.json.deepCopy(), b.source);
    }

    private TrustPolicy(String version, List<PolicyStatement> statements, List<DuplicateKey> duplicateKeys,
            JsonNode ownedJson, String source) {
        this.version = version;
        this.statements = List.copyOf(statements);
        this.duplicateKeys = List.copyOf(duplicateKeys);
        this.json = ownedJson;
        this.source = source;
    }

    /**
     * Parses a trust policy document.
     *
     * @throws PolicyParseException if the text is not JSON, an element has a type IAM does not accept,
     *     or the document exceeds the limits (256 KiB, nesting depth 32)
     */
    public static TrustPolicy parse(String json) {
        PolicyReader.Parsed p = PolicyReader.read(json);
        return new TrustPolicy(p.version(), p.statements(), p.duplicateKeys(), p.tree(), json);
    }

    /**
     * Parses and validates as IAM's CreateRole / UpdateAssumeRolePolicy do: one call for an emulator.
     *
     * @throws MalformedPolicyException with AWS's exact message ({@code This policy contains invalid Json}
     *     for text that does not parse)
     */
    public static TrustPolicy parseForIam(String json) {
        TrustPolicy policy = parseAsIam(json);
        policy.validateForIam();
        return policy;
    }

    /**
     * Parses and validates as IAM holds a role created before its 2025-06-06 identity-provider controls: every
     * check IAM has always applied, without the GitHub guardrail. One call for an emulator's legacy roles.
     *
     * @throws MalformedPolicyException with AWS's exact message
     */
    public static TrustPolicy parseForExistingRole(String json) {
        TrustPolicy policy = parseAsIam(json);
        policy.validateForExistingRole();
        return policy;
    }

    private static TrustPolicy parseAsIam(String json) {
        try {
            return parse(json);
        } catch (PolicyParseException e) {
            throw new MalformedPolicyException("This policy contains invalid Json", e.path(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().version(version).statements(statements).duplicateKeys(duplicateKeys)
                .json(json).source(source);
    }

    /** The {@code Version}, or {@code null} when absent. */
    public String version() {
        return version;
    }

    /** Whether {@code ${...}} are policy variables (only under {@value #VERSION_2012_10_17}). */
    public boolean policyVariablesEnabled() {
        return VERSION_2012_10_17.equals(version);
    }

    /** The statements in document order. */
    public List<PolicyStatement> statements() {
        return statements;
    }

    /** Member names that occur more than once in one JSON object (earlier occurrences were dropped). */
    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /** A copy of the parsed JSON tree (last occurrence of a duplicate kept), or {@code null} if built by hand. */
    public JsonNode json() {
        return json == null ? null : json.deepCopy();
    }

    /** The original text given to {@link #parse(String)}, or {@code null} if built by hand. */
    public String source() {
        return source;
    }

    /** Every problem IAM would report, and advisories, in document order. Never throws. */
    public List<PolicyViolation> validate() {
        return PolicyValidator.validate(this);
    }

    /**
     * Throws the first problem that makes IAM refuse this policy at save time; returns normally when
     * IAM would accept it (advisory violations do not throw).
     *
     * @throws MalformedPolicyException with AWS's exact message
     */
    public void validateForIam() {
        PolicyValidator.validateForIam(this);
    }

    /**
     * Throws the first problem that no role can hold, not even one created before IAM's identity-provider
     * controls of 2025-06-06; returns normally for every policy STS may evaluate.
     *
     * @throws MalformedPolicyException with AWS's exact message
     */
    public void validateForExistingRole() {
        PolicyValidator.validateForExistingRole(this);
    }

    /** Whether IAM refuses to save this policy today only for the non-retroactive GitHub guardrail. */
    public boolean isLegacy() {
        return PolicyValidator.isLegacy(this);
    }

    @Override
    public String toString() {
        return "TrustPolicy[version=" + version + ", statements=" + statements.size() + "]";
    }

    /** Builder for {@link TrustPolicy}, for policies assembled in code; not thread-safe. */
    public static final class Builder {
        private String version;
        private List<PolicyStatement> statements = List.of();
        private List<DuplicateKey> duplicateKeys = List.of();
        private JsonNode json;
        private String source;

        private Builder() {
        }

        /** The Version; default none. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder statements(List<PolicyStatement> statements) {
            this.statements = Objects.requireNonNull(statements, "statements");
            return this;
        }

        public Builder duplicateKeys(List<DuplicateKey> duplicateKeys) {
            this.duplicateKeys = Objects.requireNonNull(duplicateKeys, "duplicateKeys");
            return this;
        }

        /** The parsed tree; copied. Default none. */
        public Builder json(JsonNode json) {
            this.json = json;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public TrustPolicy build() {
            return new TrustPolicy(this);
        }
    }
}
