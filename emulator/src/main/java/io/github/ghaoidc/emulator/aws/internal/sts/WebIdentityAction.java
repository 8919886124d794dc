package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.AwsFault;
import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedSession;
import io.github.ghaoidc.emulator.aws.internal.iam.IamDirectory;
import io.github.ghaoidc.emulator.aws.internal.iam.IamNames;
import io.github.ghaoidc.emulator.aws.internal.iam.OidcProvider;
import io.github.ghaoidc.emulator.aws.internal.iam.Role;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;
import io.github.ghaoidc.emulator.aws.internal.query.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * AssumeRoleWithWebIdentity: the full pipeline — parameters, token decode, provider by exact {@code iss},
 * audience, signature against the provider's keys, token times, trust policy, session duration, session policy —
 * each failure with AWS's code, status and message.
 */
final class WebIdentityAction {

    static final String ACTION = "sts:AssumeRoleWithWebIdentity";
    private static final int MAX_TOKEN_LENGTH = 20000;

    private final Supplier<IamDirectory> iam;
    private final IamNames names;
    private final KeySourceResolver keys;
    private final SignatureCheck signatures = new SignatureCheck();
    private final TokenTimes times;
    private final TrustGate trust;
    private final DecisionLog decisions;
    private final SessionFactory sessions;
    private final Queue<AwsFault> faults;
    private final Forwarder upstream;
    private final Clock clock;

    WebIdentityAction(StsSettings settings, SessionFactory sessions) {
        this.iam = settings.iam();
        this.names = settings.names();
        this.keys = settings.keys();
        this.times = new TokenTimes(settings.clockSkew(), settings.maxTokenAge());
        this.trust = settings.trust();
        this.decisions = settings.decisions();
        this.sessions = sessions;
        this.faults = settings.faults();
        this.upstream = settings.upstream();
        this.clock = settings.clock();
    }

    QueryResponse handle(QueryRequest request, String requestId) {
        String token = request.param("WebIdentityToken");
        Validation validation = new Validation().required("webIdentityToken", token);
        if (token != null && token.length() < 4) {
            validation.length("webIdentityToken", token, 4, MAX_TOKEN_LENGTH, true);
        }
        int duration = StsParams.validate(request, validation);
        AwsFault fault = faults.poll();
        if (fault != null) {
            throw new AwsServiceException(fault.code(), fault.httpStatus(), fault.message());
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw AwsServiceException.invalidIdentityToken("The web identity token is " + token.length()
                    + " characters long; the maximum is " + MAX_TOKEN_LENGTH);
        }
        ParsedToken parsed = ParsedToken.decode(token);
        parsed.requireClaims();
        IamDirectory directory = iam.get();
        OidcProvider provider = directory.findProviderByUrl(parsed.issuer());
        if (provider == null) {
            throw AwsServiceException.invalidIdentityToken(
                    "No OpenIDConnect provider found in your account for " + parsed.issuer());
        }
        String audience = matchingAudience(parsed.audiences(), provider.clientIds());
        signatures.verify(parsed, keys, provider.url());
        Instant now = clock.instant();
        times.check(parsed.claims(), now);

        String roleArn = request.param("RoleArn");
        String sessionName = request.param("RoleSessionName");
        String principal = parsed.issuer() + " sub=" + parsed.claims().getSubject();
        Role role = directory.findRoleByArn(roleArn);
        if (role == null) {
            decisions.record(now, ACTION, roleArn, principal, sessionName, TrustVerdict.implicitDeny("No role "
                    + roleArn + " exists in account " + names.accountId() + "; AWS answers AccessDenied without saying so."));
            throw notAuthorized();
        }
        TrustVerdict verdict = trust.evaluate(new TrustQuestion(role.assumeRolePolicyDocument(), ACTION, role.arn(),
                names.accountId(), names.partition(), provider.hostAndPath(), parsed.claims().toJSONObject(), null,
                sessionName, request.sourceIp(), now));
        decisions.record(now, ACTION, roleArn, principal, sessionName, verdict);
        if (!verdict.allowed()) {
            throw notAuthorized();
        }
        if (duration > role.maxSessionDuration()) {
            throw AwsServiceException.validation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Integer packed = StsParams.packedPolicySize(request);
        if (upstream != null) {
            return upstream.forward(request);
        }
        IssuedSession session = sessions.issue(role, sessionName, duration);
        return QueryResponse.success("AssumeRoleWithWebIdentity", StsActions.NAMESPACE, requestId, out -> {
            SessionFactory.writeCredentials(out, session);
            out.element("SubjectFromWebIdentityToken", parsed.claims().getSubject());
            SessionFactory.writeAssumedRoleUser(out, session);
            out.element("PackedPolicySize", packed);
            out.element("Provider", provider.hostAndPath());
            out.element("Audience", audience);
        });
    }

    private static String matchingAudience(List<String> audiences, List<String> clientIds) {
        for (String audience : audiences) {
            if (clientIds.contains(audience)) {
                return audience;
            }
        }
        throw AwsServiceException.invalidIdentityToken("Incorrect token audience");
    }

    static AwsServiceException notAuthorized() {
        return AwsServiceException.accessDenied("Not authorized to perform " + ACTION);
    }
}
