package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.AwsFault;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedCredentialStore;
import io.github.ghaoidc.emulator.aws.internal.iam.IamDirectory;
import io.github.ghaoidc.emulator.aws.internal.iam.IamNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Everything the STS actions share.
 *
 * @param iam         where roles and providers are read (local store, or upstream IAM in gateway mode)
 * @param names       the account's ARN shapes
 * @param keys        provider key resolution
 * @param trust       the trust engine
 * @param decisions   the decision history
 * @param store       issued credentials
 * @param faults      enqueued faults for AssumeRoleWithWebIdentity
 * @param upstream    the upstream STS in gateway mode, else null
 * @param clock       the emulator clock
 * @param clockSkew   tolerated clock skew for token times
 * @param maxTokenAge oldest {@code iat} accepted
 * @param sessionLifetime for tests: every issued session expires after this, whatever was asked; or null
 */
public record StsSettings(Supplier<IamDirectory> iam, IamNames names, KeySourceResolver keys, TrustGate trust,
        DecisionLog decisions, IssuedCredentialStore store, Queue<AwsFault> faults, Forwarder upstream, Clock clock,
        Duration clockSkew, Duration maxTokenAge, Duration sessionLifetime) {
}
