package io.github.ghaoidc.emulator.aws.internal.iam;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;
import io.github.ghaoidc.emulator.aws.internal.query.Validation;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** IAM's Query actions over an {@link IamStore}. */
public final class IamActions {

    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final Set<String> ACTIONS = Set.of("CreateOpenIDConnectProvider", "GetOpenIDConnectProvider",
            "ListOpenIDConnectProviders", "DeleteOpenIDConnectProvider", "AddClientIDToOpenIDConnectProvider",
            "RemoveClientIDFromOpenIDConnectProvider", "CreateRole", "GetRole", "ListRoles",
            "UpdateAssumeRolePolicy", "DeleteRole");

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-fA-F]{40}");

    private final IamStore store;

    public IamActions(IamStore store) {
        this.store = store;
    }

    public QueryResponse handle(QueryRequest request, String requestId) {
        String action = request.action();
        return switch (action) {
            case "CreateOpenIDConnectProvider" -> createProvider(request, requestId);
            case "GetOpenIDConnectProvider" -> getProvider(request, requestId);
            case "ListOpenIDConnectProviders" -> QueryResponse.success(action, NAMESPACE, requestId, out -> {
                out.start("OpenIDConnectProviderList");
                store.providers().forEach(p -> out.start("member").element("Arn", p.arn()).end());
                out.end();
            });
            case "DeleteOpenIDConnectProvider" -> {
                store.deleteProvider(providerArn(request));
                yield QueryResponse.success(action, NAMESPACE, requestId, null);
            }
            case "AddClientIDToOpenIDConnectProvider" -> {
                store.addClientId(providerArn(request), clientId(request));
                yield QueryResponse.success(action, NAMESPACE, requestId, null);
            }
            case "RemoveClientIDFromOpenIDConnectProvider" -> {
                store.removeClientId(providerArn(request), clientId(request));
                yield QueryResponse.success(action, NAMESPACE, requestId, null);
            }
            case "CreateRole" -> createRole(request, requestId);
            case "GetRole" -> {
                Role role = store.role(roleName(request));
                yield QueryResponse.success(action, NAMESPACE, requestId, out -> RoleXml.write(out, role));
            }
            case "ListRoles" -> {
                RolePage page = RolePage.of(store.roles(), request);
                yield QueryResponse.success(action, NAMESPACE, requestId, out -> {
                    out.start("Roles");
                    page.roles().forEach(r -> {
                        out.start("member");
                        RoleXml.writeFields(out, r);
                        out.end();
                    });
                    out.end().element("IsTruncated", String.valueOf(page.nextMarker() != null));
                    if (page.nextMarker() != null) {
                        out.element("Marker", page.nextMarker());
                    }
                });
            }
            case "UpdateAssumeRolePolicy" -> {
                String name = roleName(request);
                String policy = request.param("PolicyDocument");
                new Validation().required("policyDocument", policy).length("policyDocument", policy, 1, 131072, true)
                        .throwIfInvalid();
                store.updateAssumeRolePolicy(name, policy);
                yield QueryResponse.success(action, NAMESPACE, requestId, null);
            }
            case "DeleteRole" -> {
                store.deleteRole(roleName(request));
                yield QueryResponse.success(action, NAMESPACE, requestId, null);
            }
            default -> throw new AwsServiceException("InvalidAction", 400,
                    "Could not find operation " + action + " for version 2010-05-08");
        };
    }

    private QueryResponse createProvider(QueryRequest request, String requestId) {
        String url = request.param("Url");
        List<String> clientIds = request.members("ClientIDList");
        List<String> thumbprints = request.members("ThumbprintList");
        Validation validation = new Validation().required("url", url).length("url", url, 1, 255, false)
                .listSize("clientIDList", clientIds.size(), 100).listSize("thumbprintList", thumbprints.size(), 5);
        clientIds.forEach(id -> validation.length("clientIDList.member", id, 1, 255, false));
        validation.throwIfInvalid();
        for (String thumbprint : thumbprints) {
            if (!THUMBPRINT.matcher(thumbprint).matches()) {
                throw AwsServiceException.invalidInput("Thumbprint must be 40 hexadecimal characters (a SHA-1 "
                        + "fingerprint), got '" + thumbprint + "'");
            }
        }
        OidcProvider provider = store.createProvider(url, clientIds, thumbprints);
        return QueryResponse.success(request.action(), NAMESPACE, requestId,
                out -> out.element("OpenIDConnectProviderArn", provider.arn()));
    }

    private QueryResponse getProvider(QueryRequest request, String requestId) {
        OidcProvider provider = store.provider(providerArn(request));
        return QueryResponse.success(request.action(), NAMESPACE, requestId, out -> {
            out.element("Url", provider.hostAndPath());
            out.start("ClientIDList");
            provider.clientIds().forEach(id -> out.element("member", id));
            out.end().start("ThumbprintList");
            provider.thumbprints().forEach(t -> out.element("member", t));
            out.end().element("CreateDate", provider.createDate());
        });
    }

    private QueryResponse createRole(QueryRequest request, String requestId) {
        String name = request.param("RoleName");
        String path = request.param("Path") == null ? "/" : request.param("Path");
        String policy = request.param("AssumeRolePolicyDocument");
        String description = request.param("Description");
        Integer maxSession = Validation.integer("maxSessionDuration", request.param("MaxSessionDuration"));
        new Validation().required("roleName", name).length("roleName", name, 1, 64, false)
                .pattern("roleName", name, ROLE_NAME, "[\\w+=,.@-]+")
                .length("path", path, 1, 512, false)
                .pattern("path", path, PATH, "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)")
                .required("assumeRolePolicyDocument", policy)
                .length("assumeRolePolicyDocument", policy, 1, 131072, true)
                .length("description", description, 0, 1000, false)
                .range("maxSessionDuration", maxSession, 3600, 43200)
                .throwIfInvalid();
        Role role = store.createRole(name, path, policy, maxSession == null ? 3600 : maxSession, description);
        return QueryResponse.success(request.action(), NAMESPACE, requestId, out -> RoleXml.write(out, role));
    }

    private static String providerArn(QueryRequest request) {
        String arn = request.param("OpenIDConnectProviderArn");
        new Validation().required("openIDConnectProviderArn", arn)
                .length("openIDConnectProviderArn", arn, 20, 2048, false).throwIfInvalid();
        return arn;
    }

    private static String clientId(QueryRequest request) {
        String clientId = request.param("ClientID");
        new Validation().required("clientID", clientId).length("clientID", clientId, 1, 255, false).throwIfInvalid();
        return clientId;
    }

    private static String roleName(QueryRequest request) {
        String name = request.param("RoleName");
        new Validation().required("roleName", name).length("roleName", name, 1, 64, false)
                .pattern("roleName", name, ROLE_NAME, "[\\w+=,.@-]+").throwIfInvalid();
        return name;
    }

}
