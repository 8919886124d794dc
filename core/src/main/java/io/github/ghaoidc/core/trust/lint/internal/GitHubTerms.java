package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.ConditionOperator;
import io.github.ghaoidc.core.trust.Effect;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.SetQualifier;
import io.github.ghaoidc.core.trust.internal.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the lint rules know about GitHub's issuer, its claims and the keys AWS exposes for them. */
public final class GitHubTerms {

    /** The github.com issuer host, which is also the condition-key prefix. */
    public static final String GITHUB_HOST = "token.actions.githubusercontent.com";

    /** Claims AWS puts in the request context for a GitHub token (when present in it). */
    public static final Set<String> EXPOSED = Set.of("sub", "aud", "amr", "actor", "actor_id",
            "job_workflow_ref", "repository", "repository_id", "repository_owner_id", "workflow", "ref",
            "environment", "enterprise_id");

    /** Exposed claims a GitHub token may lack: a job without an environment has no {@code environment}. */
    public static final Set<String> OPTIONAL = Set.of("amr", "environment", "enterprise_id");

    /** Claims that pin the workload: one of them must be constrained in an Allow. */
    public static final Set<String> PINNING = Set.of("sub", "job_workflow_ref", "repository_id", "repository");

    private static final Pattern PROVIDER_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):iam::(\\d{12}):oidc-provider/([A-Za-z0-9.\\-]+(?::\\d+)?(?:/[^\\s*?]*)?)");

    private GitHubTerms() {
    }

    /** The provider host of an OIDC provider ARN ({@code token.actions.githubusercontent.com/acme}), or null. */
    public static String providerHost(String federated) {
        Matcher m = PROVIDER_ARN.matcher(federated);
        return m.matches() ? m.group(3) : null;
    }

    /** Whether {@code federated} is a well-formed IAM OIDC provider ARN. */
    public static boolean isProviderArn(String federated) {
        return PROVIDER_ARN.matcher(federated).matches();
    }

    private static final Pattern GHE_COM = Pattern.compile("token\\.actions\\.[a-z0-9][a-z0-9-]*\\.ghe\\.com");

    /**
     * Whether a provider host (an OIDC provider URL without {@code https://}) is a GitHub Actions issuer:
     * github.com ({@code token.actions.githubusercontent.com}), an enterprise's own issuer
     * ({@code token.actions.githubusercontent.com/SLUG}), GHE.com data residency
     * ({@code token.actions.SUBDOMAIN.ghe.com}) or GitHub Enterprise Server ({@code HOST/_services/token}).
     */
    public static boolean isGitHubHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(GITHUB_HOST) || h.startsWith(GITHUB_HOST + "/") || h.endsWith("/_services/token")
                || GHE_COM.matcher(h).matches();
    }

    /** What kind of GitHub issuer a {@link #isGitHubHost GitHub host} is: github.com, enterprise, ghe.com or ghes. */
    public static String issuerKind(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals(GITHUB_HOST)) {
            return "github.com";
        }
        if (h.startsWith(GITHUB_HOST + "/")) {
            return "enterprise";
        }
        return GHE_COM.matcher(h).matches() ? "ghe.com" : "ghes";
    }

    /** The GitHub provider hosts named by the statement's {@code Federated} principal. */
    public static List<String> gitHubHosts(PolicyStatement statement) {
        List<String> hosts = new ArrayList<>();
        if (statement.principal() != null) {
            for (String federated : statement.principal().valuesOf("Federated")) {
                String host = providerHost(federated);
                if (host != null && isGitHubHost(host)) {
                    hosts.add(host);
                }
            }
        }
        return hosts;
    }

    /** Whether the statement is an Allow for a GitHub OIDC provider. */
    public static boolean isGitHubAllow(PolicyStatement statement) {
        return statement.effect() == Effect.ALLOW && !gitHubHosts(statement).isEmpty();
    }

    /** The key's prefix, everything before its last colon ({@code ""} when it has none). */
    public static String prefix(String key) {
        int colon = key.lastIndexOf(':');
        return colon < 0 ? "" : key.substring(0, colon);
    }

    /** The claim name a key names, lower case (key names are case-insensitive). */
    public static String claim(String key) {
        return key.substring(key.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the key's prefix looks like a GitHub issuer, whatever provider the statement names. */
    public static boolean isGitHubKey(String key) {
        String prefix = prefix(key).toLowerCase(Locale.ROOT);
        return prefix.contains(GITHUB_HOST) || prefix.endsWith("/_services/token") || prefix.endsWith(".ghe.com");
    }

    /** Whether the condition is on GitHub claim {@code claim}. */
    public static boolean isOn(PolicyCondition condition, String claim) {
        return isGitHubKey(condition.key()) && claim(condition.key()).equals(claim);
    }

    /** StringEquals, StringEqualsIgnoreCase or StringLike, without ForAllValues: the operators that pin a value. */
    public static boolean isPinningOperator(ConditionOperator operator) {
        BaseOperator base = operator.base();
        return base != null && operator.qualifier() != SetQualifier.FOR_ALL_VALUES
                && (base == BaseOperator.STRING_EQUALS || base == BaseOperator.STRING_EQUALS_IGNORE_CASE
                        || base == BaseOperator.STRING_LIKE);
    }

    /** Whether the operator treats {@code *} and {@code ?} as wildcards. */
    public static boolean isLike(ConditionOperator operator) {
        return operator.base() == BaseOperator.STRING_LIKE || operator.base() == BaseOperator.STRING_NOT_LIKE
                || operator.base() == BaseOperator.ARN_LIKE || operator.base() == BaseOperator.ARN_NOT_LIKE
                || operator.base() == BaseOperator.ARN_EQUALS || operator.base() == BaseOperator.ARN_NOT_EQUALS;
    }

    /** Whether the value, read by the operator, admits {@code probe}. */
    public static boolean admits(ConditionOperator operator, String value, String probe) {
        if (operator.base() == BaseOperator.STRING_LIKE) {
            return Glob.of(value, false).matches(probe);
        }
        if (operator.base() == BaseOperator.STRING_EQUALS_IGNORE_CASE) {
            return value.equalsIgnoreCase(probe);
        }
        return value.equals(probe);
    }

    /** JSON path of value {@code index} of a condition (the key's path when it holds one value). */
    public static String valuePath(PolicyCondition condition, int index) {
        return condition.values().size() == 1 ? condition.path() : condition.path() + "[" + index + "]";
    }

    /** The condition-key prefix to suggest for a statement: its first GitHub host, else github.com's. */
    public static String suggestedPrefix(PolicyStatement statement) {
        List<String> hosts = gitHubHosts(statement);
        return hosts.isEmpty() ? GITHUB_HOST : hosts.get(0);
    }
}
