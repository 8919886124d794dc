package io.github.ghaoidc.testkit.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Declares OIDC providers and roles through the IAM API with the AWS SDK, exactly as a deployment would: the
 * same calls provision the emulator's own IAM, LocalStack's IAM or an upstream behind a gateway. Creating what
 * already exists converges on the requested state instead of failing (a provider gains missing client IDs, a
 * role gets the new trust policy), so a shared account can be provisioned by many test classes. Thread-safe
 * as far as the IAM endpoint is.
 */
public final class AwsProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(AwsProvisioner.class);

    private final IamClient iam;

    /** Borrows {@code iam}; it is not closed here. */
    public AwsProvisioner(IamClient iam) {
        this.iam = iam;
    }

    /** Creates the provider, or adds missing client IDs to an existing one with that URL. Returns its ARN. */
    public String ensureProvider(String url, List<String> clientIds, List<String> thumbprints) {
        try {
            String arn = iam.createOpenIDConnectProvider(r -> r.url(url).clientIDList(clientIds)
                    .thumbprintList(thumbprints)).openIDConnectProviderArn();
            LOG.debug("created OIDC provider [arn={}]", arn);
            return arn;
        } catch (EntityAlreadyExistsException e) {
            String arn = existingProviderArn(url);
            List<String> present = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList();
            for (String clientId : clientIds) {
                if (!present.contains(clientId)) {
                    iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID(clientId));
                }
            }
            LOG.debug("reused OIDC provider [arn={}]", arn);
            return arn;
        }
    }

    /** Creates the role, or replaces the trust policy of the role with that name. Returns its ARN. */
    public String putRole(String roleName, String trustPolicy, int maxSessionDurationSeconds) {
        try {
            Role role = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trustPolicy)
                    .maxSessionDuration(maxSessionDurationSeconds)).role();
            LOG.debug("created role [arn={}]", role.arn());
            return role.arn();
        } catch (EntityAlreadyExistsException e) {
            iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trustPolicy));
            String arn = iam.getRole(r -> r.roleName(roleName)).role().arn();
            LOG.debug("replaced trust policy [arn={}]", arn);
            return arn;
        }
    }

    private String existingProviderArn(String url) {
        String hostAndPath = url.substring(url.indexOf("://") + 3);
        return iam.listOpenIDConnectProviders().openIDConnectProviderList().stream()
                .map(OpenIDConnectProviderListEntry::arn)
                .filter(arn -> arn.endsWith(":oidc-provider/" + hostAndPath))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("IAM reported that the OIDC provider " + url
                        + " exists but does not list it"));
    }
}
