package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.internal.credentials.CredentialIds;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedCredentialStore;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedSession;
import io.github.ghaoidc.emulator.aws.internal.iam.IamNames;
import io.github.ghaoidc.emulator.aws.internal.iam.Role;
import io.github.ghaoidc.emulator.aws.internal.query.XmlOut;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Issues temporary credentials for a role session and remembers them for SigV4 verification. */
final class SessionFactory {

    private final IssuedCredentialStore store;
    private final IamNames names;
    private final Clock clock;
    private final Duration sessionLifetime;

    SessionFactory(IssuedCredentialStore store, IamNames names, Clock clock, Duration sessionLifetime) {
        this.store = store;
        this.names = names;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    IssuedSession issue(Role role, String sessionName, int durationSeconds) {
        IssuedSession session = new IssuedSession(CredentialIds.temporaryAccessKeyId(),
                CredentialIds.secretAccessKey(), CredentialIds.sessionToken(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(sessionLifetime == null ? durationSeconds
                        : sessionLifetime.toSeconds()), names.accountId(),
                role.roleName(), role.arn(), role.roleId(), sessionName,
                names.assumedRoleArn(role.roleName(), sessionName));
        store.put(session);
        return session;
    }

    static void writeCredentials(XmlOut out, IssuedSession session) {
        out.start("Credentials")
                .element("AccessKeyId", session.accessKeyId())
                .element("SecretAccessKey", session.secretAccessKey())
                .element("SessionToken", session.sessionToken())
                .element("Expiration", session.expiration())
                .end();
    }

    static void writeAssumedRoleUser(XmlOut out, IssuedSession session) {
        out.start("AssumedRoleUser")
                .element("AssumedRoleId", session.assumedRoleId())
                .element("Arn", session.assumedRoleArn())
                .end();
    }
}
