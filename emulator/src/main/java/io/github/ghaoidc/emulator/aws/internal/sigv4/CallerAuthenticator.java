package io.github.ghaoidc.emulator.aws.internal.sigv4;

import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedCredentialStore;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedSession;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Authenticates a SigV4-signed request. Temporary ({@code ASIA…}) keys must be ones the emulator issued and
 * the signature must verify with their secret; any other access key stands for the account's own long-term
 * credentials, whose secret the emulator does not know, so their signature is not checked (as in LocalStack).
 */
public final class CallerAuthenticator {

    private final IssuedCredentialStore store;
    private final SigV4Verifier verifier;
    private final Clock clock;

    public CallerAuthenticator(IssuedCredentialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.verifier = new SigV4Verifier(clock);
    }

    /** The caller of a signed request; {@code null} for an unsigned one. */
    public Caller authenticate(QueryRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            return null;
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(header);
        if (!auth.accessKeyId().startsWith("ASIA")) {
            return new Caller(auth.service(), auth.accessKeyId(), null);
        }
        IssuedSession session = store.find(auth.accessKeyId());
        String token = request.header("X-Amz-Security-Token");
        if (session == null || token == null || !MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), session.sessionToken().getBytes(StandardCharsets.UTF_8))) {
            throw new AwsServiceException("InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.");
        }
        if (!clock.instant().isBefore(session.expiration())) {
            throw new AwsServiceException("ExpiredToken", 400, "The security token included in the request is expired");
        }
        verifier.verify(request, auth, session.secretAccessKey(), session.sessionToken());
        return new Caller(auth.service(), auth.accessKeyId(), session);
    }
}
