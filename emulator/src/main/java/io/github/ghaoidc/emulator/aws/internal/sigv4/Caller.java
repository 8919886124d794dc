package io.github.ghaoidc.emulator.aws.internal.sigv4;

import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedSession;

/**
 * Who signed a request: an emulator-issued session, or (for any long-term key) the account itself.
 *
 * @param service the service named by the signature's credential scope ({@code sts}, {@code iam})
 * @param session the issued session, or null for the account's long-term credentials
 */
public record Caller(String service, String accessKeyId, IssuedSession session) {

    public boolean isAssumedRole() {
        return session != null;
    }
}
