package io.github.ghaoidc.core.trust.audit.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.internal.Glob;
import io.github.ghaoidc.core.trust.lint.internal.GitHubTerms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The owners, repositories, environments and reusable workflows a trust policy names in its GitHub conditions
 * ({@code sub}, {@code repository}, {@code job_workflow_ref}, {@code environment}), read from every value of every
 * statement. They say which workflow contexts are worth generating; whether a context gets in is decided by
 * evaluating it, never by these names alone.
 */
final class NamedWorkloads {

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]+");

    private final Set<String> owners = new LinkedHashSet<>();
    private final Set<String> repositories = new LinkedHashSet<>();
    private final Set<String> environments = new LinkedHashSet<>();
    private final Set<String> workflowRefs = new LinkedHashSet<>();
    private boolean idConditions;

    static NamedWorkloads of(TrustPolicy policy) {
        NamedWorkloads named = new NamedWorkloads();
        for (PolicyStatement statement : policy.statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                if (!GitHubTerms.isGitHubKey(condition.key())) {
                    continue;
                }
                String claim = GitHubTerms.claim(condition.key());
                for (String value : condition.values()) {
                    named.read(claim, value);
                }
            }
        }
        return named;
    }

    private void read(String claim, String value) {
        switch (claim) {
            case "sub" -> subject(value);
            case "repository" -> repository(value);
            case "job_workflow_ref" -> {
                repository(firstTwoSegments(value));
                if (!value.isEmpty()) {
                    workflowRefs.add(value);
                }
            }
            case "environment" -> environment(value);
            case "repository_id", "repository_owner_id", "actor_id", "enterprise_id" -> idConditions = true;
            default -> {
                // other claims name no workload
            }
        }
    }

    private void subject(String value) {
        if (!value.startsWith("repo:")) {
            return;
        }
        String rest = value.substring("repo:".length());
        int colon = rest.indexOf(':');
        repository(colon < 0 ? rest : rest.substring(0, colon));
        int env = value.indexOf(":environment:");
        if (env >= 0) {
            String name = value.substring(env + ":environment:".length());
            int end = name.indexOf(':');
            environment(end < 0 ? name : name.substring(0, end));
        }
    }

    private void repository(String ownerAndRepo) {
        int slash = ownerAndRepo.indexOf('/');
        if (slash <= 0) {
            return;
        }
        String owner = stripId(ownerAndRepo.substring(0, slash));
        String repo = stripId(ownerAndRepo.substring(slash + 1));
        if (wild(owner) || !OWNER.matcher(owner).matches() || !REPO.matcher(concrete(repo)).matches()) {
            return; // not a name GitHub allows: no workflow can carry it
        }
        owners.add(owner);
        if (!repo.chars().allMatch(c -> c == '*')) {
            repositories.add(owner + "/" + repo);
        }
    }

    private void environment(String name) {
        String decoded = name.replace("%3A", ":").replace("%3a", ":");
        if (!decoded.isEmpty() && !wild(decoded)) {
            environments.add(decoded);
        }
    }

    private static boolean wild(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.contains("${");
    }

    /** {@code octo-org@123} (immutable subject) → {@code octo-org}. */
    private static String stripId(String part) {
        int at = part.indexOf('@');
        return at < 0 ? part : part.substring(0, at);
    }

    private static String firstTwoSegments(String ref) {
        String[] parts = ref.split("/", 3);
        return parts.length < 2 ? "" : parts[0] + "/" + parts[1];
    }

    /** Owners named, as written. */
    List<String> owners() {
        return List.copyOf(owners);
    }

    /** Repositories named ({@code OWNER/REPO}, the repository part possibly a pattern such as {@code app-*}). */
    List<String> repositories() {
        return List.copyOf(repositories);
    }

    List<String> environments() {
        return List.copyOf(environments);
    }

    List<String> workflowRefs() {
        return List.copyOf(workflowRefs);
    }

    /** Whether a condition pins a numeric ID, which generated contexts cannot carry. */
    boolean idConditions() {
        return idConditions;
    }

    /** Whether {@code owner} is named (GitHub names are case-insensitive). */
    boolean namesOwner(String owner) {
        for (String named : owners) {
            if (named.equalsIgnoreCase(owner)) {
                return true;
            }
        }
        return false;
    }

    /** The named repository (or pattern) that {@code repository} is, or null. */
    String namedRepository(String repository) {
        String lower = repository.toLowerCase(Locale.ROOT);
        for (String named : repositories) {
            if (Glob.of(named.toLowerCase(Locale.ROOT), false).matches(lower)) {
                return named;
            }
        }
        return null;
    }

    /** A concrete repository for a named one: wildcards become {@code x}. */
    static String concrete(String repository) {
        return repository.replace('*', 'x').replace('?', 'x');
    }

    /** The workflow refs as concrete values (wildcards become {@code x}), each {@code OWNER/REPO/PATH@REF}. */
    List<String> concreteWorkflowRefs() {
        List<String> out = new ArrayList<>();
        for (String ref : workflowRefs) {
            String concrete = concrete(ref);
            if (concrete.indexOf('/') > 0 && concrete.contains("@")) {
                out.add(concrete);
            }
        }
        return out;
    }
}
