package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;
import io.github.ghaoidc.emulator.aws.internal.sigv4.Caller;
import java.util.Set;

/** STS's Query actions. */
public final class StsActions {

    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    public static final Set<String> ACTIONS = Set.of("AssumeRoleWithWebIdentity", "GetCallerIdentity", "AssumeRole");
    /** Actions AWS accepts without a signature. */
    public static final Set<String> UNSIGNED_ACTIONS = Set.of("AssumeRoleWithWebIdentity");

    private final StsSettings settings;
    private final WebIdentityAction webIdentity;
    private final AssumeRoleAction assumeRole;

    public StsActions(StsSettings settings) {
        this.settings = settings;
        SessionFactory sessions = new SessionFactory(settings.store(), settings.names(), settings.clock(),
                settings.sessionLifetime());
        this.webIdentity = new WebIdentityAction(settings, sessions);
        this.assumeRole = new AssumeRoleAction(settings, sessions);
    }

    /**
     * @param caller the authenticated caller, or null for an unsigned request (only AssumeRoleWithWebIdentity)
     */
    public QueryResponse handle(QueryRequest request, Caller caller, String requestId) {
        String action = request.action();
        return switch (action) {
            case "AssumeRoleWithWebIdentity" -> webIdentity.handle(request, requestId);
            case "AssumeRole" -> assumeRole.handle(request, caller, requestId);
            case "GetCallerIdentity" -> getCallerIdentity(caller, requestId);
            default -> throw new AwsServiceException("InvalidAction", 400,
                    "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    private QueryResponse getCallerIdentity(Caller caller, String requestId) {
        return QueryResponse.success("GetCallerIdentity", NAMESPACE, requestId, out -> {
            if (caller.isAssumedRole()) {
                out.element("Arn", caller.session().assumedRoleArn())
                        .element("UserId", caller.session().assumedRoleId())
                        .element("Account", caller.session().accountId());
            } else {
                out.element("Arn", settings.names().rootArn())
                        .element("UserId", settings.names().accountId())
                        .element("Account", settings.names().accountId());
            }
        });
    }
}
