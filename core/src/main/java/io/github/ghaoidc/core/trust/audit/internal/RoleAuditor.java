package io.github.ghaoidc.core.trust.audit.internal;

import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.audit.AccountProvider;
import io.github.ghaoidc.core.trust.audit.AccountRole;
import io.github.ghaoidc.core.trust.audit.Exposure;
import io.github.ghaoidc.core.trust.audit.RoleAudit;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import io.github.ghaoidc.core.trust.lint.internal.GitHubTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits the roles of one account: for each role trusting a GitHub issuer, evaluates generated workflow contexts
 * (the exploration matrix of every owner and repository the policy names, plus an outsider) against its trust
 * policy, as STS would for a token of each GitHub provider it trusts, and classifies who got in. Not thread-safe:
 * one per audit run (it caches the generated contexts).
 */
public final class RoleAuditor {

    /** An owner no policy names: if its workflow gets in, anyone on GitHub does. */
    static final String OUTSIDER = "gha-oidc-audit-outsider/probe";
    static final String PROBE_REPOSITORY = "gha-oidc-audit-probe";
    private static final String DEFAULT_AUDIENCE = "sts.amazonaws.com";
    private static final int MAX_ADMITTED = 50;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):role/.+");

    private final TrustEvaluator evaluator = TrustEvaluator.create();
    private final ProbeCases probes = new ProbeCases();
    private final TrustPolicyLinter linter;
    private final Map<String, AccountProvider> providers = new LinkedHashMap<>();

    public RoleAuditor(TrustPolicyLinter linter, List<AccountProvider> accountProviders) {
        this.linter = linter;
        for (AccountProvider p : accountProviders) {
            providers.put(p.arn(), p);
        }
    }

    /** The audit of {@code role}, or null when its trust policy names no GitHub provider. */
    public RoleAudit audit(AccountRole role) {
        TrustPolicy policy;
        try {
            policy = TrustPolicy.parse(role.trustPolicy());
        } catch (TrustPolicyException e) {
            return unreadable(role, e.getMessage());
        }
        List<String> gitHub = gitHubProviders(policy);
        if (gitHub.isEmpty()) {
            return null;
        }
        List<String> missing = gitHub.stream().filter(arn -> !providers.containsKey(arn)).toList();
        NamedWorkloads named = NamedWorkloads.of(policy);
        String roleArn = probeRoleArn(role.arn());
        Verdict present = new Verdict(named);
        Verdict latent = new Verdict(named);
        for (String providerArn : gitHub) {
            AccountProvider provider = providers.get(providerArn);
            evaluate(policy, named, providerArn, provider, roleArn, provider != null ? present : latent);
        }
        Exposure exposure = present.exposure();
        Exposure latentExposure = missing.size() == gitHub.size() ? latent.exposure() : null;
        Verdict shown = latentExposure != null ? latent : present;
        List<String> notes = new ArrayList<>();
        for (String arn : missing) {
            notes.add("the account has no OIDC provider " + arn + ": STS refuses every token for it before reading this "
                    + "policy" + (latentExposure != null ? "; if it were created, the exposure would be "
                            + latentExposure.jsonName() : ""));
        }
        if (named.idConditions()) {
            notes.add("conditions on numeric IDs (repository_id, repository_owner_id, actor_id, enterprise_id) were "
                    + "judged with generated IDs, which match no real repository: check them with trust explore");
        }
        if (exposure == Exposure.NOBODY && latentExposure == null) {
            notes.add("no generated workflow got in; the contexts use GitHub's default subject format, so a role "
                    + "written for a customised subject template needs trust explore with that template");
        }
        List<LintFinding> findings = linter.toBuilder().audiences(audiences(gitHub)).build().lint(policy);
        return new RoleAudit(role.name(), role.arn(), exposure, latentExposure,
                shown.owners(), shown.repositories(), shown.pullRequests, shown.otherBranches, shown.tags,
                shown.environments, shown.admitted(), gitHub, missing, policy.isLegacy(), findings, notes);
    }

    private void evaluate(TrustPolicy policy, NamedWorkloads named, String providerArn, AccountProvider provider,
            String roleArn, Verdict verdict) {
        String issuer = "https://" + GitHubTerms.providerHost(providerArn);
        List<String> audiences = provider == null || provider.clientIds().isEmpty() ? List.of(DEFAULT_AUDIENCE)
                : provider.clientIds();
        List<String> environments = new ArrayList<>(named.environments());
        if (!environments.contains("production")) {
            environments.add("production");
        }
        Map<String, ProbeCases.Kind> repositories = new LinkedHashMap<>();
        repositories.put(OUTSIDER, ProbeCases.Kind.FULL);
        for (String repository : named.repositories()) {
            repositories.put(NamedWorkloads.concrete(repository), ProbeCases.Kind.FULL);
        }
        for (String owner : named.owners()) {
            repositories.putIfAbsent(owner + "/" + PROBE_REPOSITORY, ProbeCases.Kind.OWNER);
        }
        for (String audience : audiences) {
            for (Map.Entry<String, ProbeCases.Kind> repository : repositories.entrySet()) {
                for (ProbeCases.Probe probe : probes.matrix(repository.getKey(), repository.getValue(), environments,
                        audience, issuer, roleArn)) {
                    verdict.record(probe, evaluator.evaluate(policy, probe.request()).isAllowed());
                }
            }
            for (String ref : named.concreteWorkflowRefs()) {
                String owner = ref.substring(0, ref.indexOf('/'));
                for (String caller : List.of(OUTSIDER, owner + "/" + PROBE_REPOSITORY)) {
                    ProbeCases.Probe probe = probes.reusableWorkflow(caller, ref, audience, issuer, roleArn);
                    verdict.record(probe, evaluator.evaluate(policy, probe.request()).isAllowed());
                }
            }
        }
    }

    private List<String> audiences(List<String> gitHub) {
        Set<String> out = new LinkedHashSet<>();
        for (String arn : gitHub) {
            AccountProvider p = providers.get(arn);
            if (p != null) {
                out.addAll(p.clientIds());
            }
        }
        return out.isEmpty() ? List.of(DEFAULT_AUDIENCE) : List.copyOf(out);
    }

    /** Every Federated principal that is a GitHub issuer's OIDC provider ARN, in document order. */
    static List<String> gitHubProviders(TrustPolicy policy) {
        Set<String> out = new LinkedHashSet<>();
        for (PolicyStatement statement : policy.statements()) {
            if (statement.principal() == null) {
                continue;
            }
            for (String federated : statement.principal().valuesOf("Federated")) {
                String host = GitHubTerms.providerHost(federated);
                if (host != null && GitHubTerms.isGitHubHost(host)) {
                    out.add(federated);
                }
            }
        }
        return List.copyOf(out);
    }

    /** One role name for every probe of an account, so that probes are shared across its roles. */
    private static String probeRoleArn(String roleArn) {
        Matcher m = ROLE_ARN.matcher(roleArn);
        return m.matches() ? "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/gha-oidc-audit" : roleArn;
    }

    private static RoleAudit unreadable(AccountRole role, String problem) {
        LintFinding finding = LintFinding.builder().ruleId("GHA029").severity(Severity.ERROR).path("$")
                .message("the trust policy cannot be read: " + problem)
                .fix("read the role with aws iam get-role --role-name " + role.name() + " and repair its "
                        + "AssumeRolePolicyDocument with aws iam update-assume-role-policy")
                .build();
        return new RoleAudit(role.name(), role.arn(), Exposure.UNKNOWN, null, List.of(), List.of(), false, false,
                false, false, List.of(), List.of(), List.of(), false, List.of(finding),
                List.of("the trust policy could not be read, so who can assume the role is unknown"));
    }

    /** Who got in, among the probes of one kind of provider (existing or missing). */
    private static final class Verdict {
        private final NamedWorkloads named;
        private final Set<String> owners = new LinkedHashSet<>();
        private final Set<String> repositories = new LinkedHashSet<>();
        private final Set<String> admitted = new LinkedHashSet<>();
        private boolean anyone;
        private boolean any;
        private boolean pullRequests;
        private boolean otherBranches;
        private boolean tags;
        private boolean environments;

        Verdict(NamedWorkloads named) {
            this.named = named;
        }

        void record(ProbeCases.Probe probe, boolean allowed) {
            if (!allowed) {
                return;
            }
            any = true;
            if (admitted.size() < MAX_ADMITTED) {
                admitted.add(probe.repository() + ": " + probe.description());
            }
            String namedRepository = named.namedRepository(probe.repository());
            if (!named.namesOwner(probe.owner())) {
                anyone = true;
            } else if (namedRepository == null) {
                owners.add(probe.owner());
            } else {
                repositories.add(namedRepository);
            }
            switch (probe.name()) {
                case "pull-request" -> pullRequests = true;
                case "push-other-branch", "push-nested-branch" -> otherBranches = true;
                case "push-tag" -> tags = true;
                default -> environments |= probe.name().startsWith("environment-");
            }
        }

        Exposure exposure() {
            if (anyone) {
                return Exposure.ANYONE;
            }
            if (!owners.isEmpty()) {
                return Exposure.OWNERS;
            }
            return any ? Exposure.REPOSITORIES : Exposure.NOBODY;
        }

        List<String> owners() {
            return List.copyOf(owners);
        }

        List<String> repositories() {
            return List.copyOf(repositories);
        }

        List<String> admitted() {
            return List.copyOf(admitted);
        }
    }
}
