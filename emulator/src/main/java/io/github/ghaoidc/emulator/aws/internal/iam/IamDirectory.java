package io.github.ghaoidc.emulator.aws.internal.iam;

/** What STS needs to read from IAM: the local store, or the upstream IAM in gateway mode. */
public interface IamDirectory {

    /** The provider whose URL equals {@code url} exactly, or {@code null}. */
    OidcProvider findProviderByUrl(String url);

    /** The role with this ARN, or {@code null}. */
    Role findRoleByArn(String roleArn);
}
