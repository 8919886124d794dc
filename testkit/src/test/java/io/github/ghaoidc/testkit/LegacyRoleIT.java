package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.trust.audit.AccountProvider;
import io.github.ghaoidc.core.trust.audit.AccountRole;
import io.github.ghaoidc.core.trust.audit.Exposure;
import io.github.ghaoidc.core.trust.audit.TrustAuditor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A role created before IAM's 2025-06-06 guardrail, tested as the roles users really have. */
class LegacyRoleIT {

    private static final String AUD_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}
            """;

    private static GitHubOidcSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = GitHubOidcSandbox.create();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aLegacyRoleLetsAnyRepositoryInEndToEndAndInProcess() {
        TestRole role = sandbox.createLegacyRole("LegacyAudOnly", PolicySource.json(AUD_ONLY));

        assertThatRole(role).endToEnd().allows(push("evil-org/anything").toBranch("main"));
        assertThatRole(role).inProcess().allows(push("evil-org/anything").toBranch("main"));
        assertThatRole(AUD_ONLY).allows(push("someone-else/repo").toBranch("dev"));
    }

    @Test
    void theSameRoleCannotBeCreatedTodayThroughIam() {
        assertThatThrownBy(() -> sandbox.createRole("NewAudOnly", AUD_ONLY))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("IAM refused role NewAudOnly")
                .hasMessageContaining("must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase");
    }

    @Test
    void aPolicyNoRoleCanHoldIsRefusedEvenAsLegacy() {
        String withResource = AUD_ONLY.replace("\"Action\"", "\"Resource\":\"*\",\"Action\"");

        assertThatThrownBy(() -> sandbox.createLegacyRole("LegacyResource", PolicySource.json(withResource)))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("IAM refused legacy role LegacyResource")
                .hasMessageContaining("Has prohibited field Resource");
    }

    @Test
    void policiesAreAuditedWithoutIam() {
        var report = TrustAuditor.create().audit(sandbox.accountId(),
                List.of(new AccountRole("LegacyAudOnly", "arn:aws:iam::123456789012:role/LegacyAudOnly", AUD_ONLY)),
                List.of(AccountProvider.of(sandbox.gitHubProviderArn())));

        assertThat(report.roles().get(0).exposure()).isEqualTo(Exposure.ANYONE);
        assertThat(report.roles().get(0).legacy()).isTrue();
    }
}
