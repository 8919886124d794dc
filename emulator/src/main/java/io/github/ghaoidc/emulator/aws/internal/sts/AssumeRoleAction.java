package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.internal.credentials.IssuedSession;
import io.github.ghaoidc.emulator.aws.internal.iam.Role;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;
import io.github.ghaoidc.emulator.aws.internal.query.Validation;
import io.github.ghaoidc.emulator.aws.internal.sigv4.Caller;
import java.time.Instant;

/**
 * AssumeRole, signed: the target role's trust policy must allow the caller. From an assumed-role session this is
 * role chaining, capped at one hour.
 */
final class AssumeRoleAction {

    static final String ACTION = "sts:AssumeRole";

    private final StsSettings settings;
    private final SessionFactory sessions;

    AssumeRoleAction(StsSettings settings, SessionFactory sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    QueryResponse handle(QueryRequest request, Caller caller, String requestId) {
        Validation validation = new Validation()
                .length("externalId", request.param("ExternalId"), 2, 1224, false)
                .length("sourceIdentity", request.param("SourceIdentity"), 2, 64, false);
        int duration = StsParams.validate(request, validation);
        String roleArn = request.param("RoleArn");
        String sessionName = request.param("RoleSessionName");
        String principalArn = caller.isAssumedRole() ? caller.session().assumedRoleArn()
                : settings.names().rootArn();
        Instant now = settings.clock().instant();
        if (!caller.isAssumedRole()) {
            settings.decisions().record(now, ACTION, roleArn, principalArn, sessionName, TrustVerdict.implicitDeny(
                    "AssumeRole is emulated for assumed-role sessions (role chaining) only; "
                    + "the account's long-term credentials cannot be evaluated as a principal."));
            throw notAuthorized(principalArn, roleArn);
        }
        Role role = settings.iam().get().findRoleByArn(roleArn);
        if (role == null) {
            settings.decisions().record(now, ACTION, roleArn, principalArn, sessionName, TrustVerdict.implicitDeny(
                    "No role " + roleArn + " exists in account " + settings.names().accountId()
                    + "; AWS answers AccessDenied without saying so."));
            throw notAuthorized(principalArn, roleArn);
        }
        TrustVerdict verdict = settings.trust().evaluate(new TrustQuestion(role.assumeRolePolicyDocument(), ACTION,
                role.arn(), settings.names().accountId(), settings.names().partition(), null, null,
                caller.session().roleArn(),
                sessionName, request.sourceIp(), now));
        settings.decisions().record(now, ACTION, roleArn, principalArn, sessionName, verdict);
        if (!verdict.allowed()) {
            throw notAuthorized(principalArn, roleArn);
        }
        if (caller.isAssumedRole() && duration > 3600) {
            throw AwsServiceException.validation("The requested DurationSeconds exceeds the 1 hour session limit "
                    + "for roles assumed by role chaining.");
        }
        if (duration > role.maxSessionDuration()) {
            throw AwsServiceException.validation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Integer packed = StsParams.packedPolicySize(request);
        IssuedSession session = sessions.issue(role, sessionName, duration);
        return QueryResponse.success("AssumeRole", StsActions.NAMESPACE, requestId, out -> {
            SessionFactory.writeCredentials(out, session);
            SessionFactory.writeAssumedRoleUser(out, session);
            out.element("PackedPolicySize", packed);
            out.element("SourceIdentity", request.param("SourceIdentity"));
        });
    }

    private static AwsServiceException notAuthorized(String principalArn, String roleArn) {
        return AwsServiceException.accessDenied("User: " + principalArn + " is not authorized to perform: "
                + ACTION + " on resource: " + roleArn);
    }
}
