package io.github.ghaoidc.emulator.aws.internal.sigv4;

import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedCredentialStore;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedSession;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Authenticates a SigV4-signed request. Temporary ({@code ASIA…}) keys must be ones the emulator issued and
 * the signature must verify with their secret. A long-term key id ({@code AKIA} and 12 or more upper-case letters
 * or digits, as AWS issues them) sent without a session token stands for the account's own credentials, whose
 * secret the emulator does not know, so its signature is not checked: the documented convenience. Anything else is
 * refused as AWS refuses it: an empty or malformed key id, and a long-term key sent with a session token, get
 * {@code InvalidClientTokenId}.
 */
public final class CallerAuthenticator {

    /** An access key id of long-term credentials, as AWS issues them. */
    private static final Pattern LONG_TERM_KEY = Pattern.compile("AKIA[A-Z0-9]{12,124}");

    private final IssuedCredentialStore store;
    private final SigV4Verifier verifier;
    private final Clock clock;

    public CallerAuthenticator(IssuedCredentialStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.verifier = new SigV4Verifier(clock);
    }

    private static AwsServiceException invalidClientTokenId() {
        return new AwsServiceException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }

    /** The caller of a signed request; {@code null} for an unsigned one. */
    public Caller authenticate(QueryRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            return null;
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(header);
        if (LONG_TERM_KEY.matcher(auth.accessKeyId()).matches()) {
            if (request.header("X-Amz-Security-Token") != null) {
                throw invalidClientTokenId(); // a session token belongs to temporary (ASIA) keys only
            }
            return new Caller(auth.service(), auth.accessKeyId(), null);
        }
        if (!auth.accessKeyId().startsWith("ASIA")) {
            throw invalidClientTokenId();
        }
        IssuedSession session = store.find(auth.accessKeyId());
        String token = request.header("X-Amz-Security-Token");
        if (session == null || token == null || !MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), session.sessionToken().getBytes(StandardCharsets.UTF_8))) {
            throw invalidClientTokenId();
        }
        if (!clock.instant().isBefore(session.expiration())) {
            throw new AwsServiceException("ExpiredToken", 400, "The security token included in the request is expired");
        }
        verifier.verify(request, auth, session.secretAccessKey(), session.sessionToken());
        return new Caller(auth.service(), auth.accessKeyId(), session);
    }
}
