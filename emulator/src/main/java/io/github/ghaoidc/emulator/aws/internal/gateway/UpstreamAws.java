package io.github.ghaoidc.emulator.aws.internal.gateway;

import io.github.ghaoidc.emulator.aws.internal.iam.IamDirectory;
import io.github.ghaoidc.emulator.aws.internal.iam.IamNames;
import io.github.ghaoidc.emulator.aws.internal.iam.OidcProvider;
import io.github.ghaoidc.emulator.aws.internal.iam.Role;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;
import io.github.ghaoidc.emulator.aws.internal.sts.Forwarder;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Gateway mode's view of the upstream AWS endpoint (LocalStack, or another emulator): roles and providers are
 * read from its IAM with the AWS SDK, and requests are relayed to it unchanged (the original host goes in
 * {@code X-Forwarded-Host} so an upstream that verifies signatures can). Thread-safe.
 */
public final class UpstreamAws implements IamDirectory, Forwarder {

    private static final Set<String> NOT_RELAYED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final URI endpoint;
    private final IamNames names;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IamClient iam;

    public UpstreamAws(URI endpoint, IamNames names, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.names = names;
        this.iam = IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .build();
    }

    @Override
    public OidcProvider findProviderByUrl(String url) {
        if (url == null || !url.contains("://")) {
            return null;
        }
        String arn = names.providerArn(url);
        try {
            GetOpenIdConnectProviderResponse provider = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
            String hostAndPath = provider.url().contains("://") ? provider.url().substring(provider.url().indexOf("://") + 3)
                    : provider.url();
            if (!url.substring(url.indexOf("://") + 3).equals(hostAndPath)) {
                return null;
            }
            return new OidcProvider(arn, url, provider.clientIDList(), provider.thumbprintList(),
                    provider.createDate() == null ? Instant.EPOCH : provider.createDate());
        } catch (NoSuchEntityException e) {
            return null;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Role findRoleByArn(String roleArn) {
        int slash = roleArn == null ? -1 : roleArn.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        try {
            GetRoleResponse response = iam.getRole(r -> r.roleName(roleArn.substring(slash + 1)));
            var role = response.role();
            if (!role.arn().equals(roleArn)) {
                return null;
            }
            String policy = URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
            return new Role(role.roleName(), role.path(), role.roleId(), role.arn(), policy,
                    role.maxSessionDuration() == null ? 3600 : role.maxSessionDuration(), role.description(),
                    role.createDate());
        } catch (NoSuchEntityException e) {
            return null;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /** Creates an OIDC provider in the upstream IAM. */
    public void createProvider(String url, List<String> clientIds, List<String> thumbprints) {
        upstreamCall(() -> iam.createOpenIDConnectProvider(r -> r.url(url).clientIDList(clientIds)
                .thumbprintList(thumbprints)));
    }

    /** Creates a role in the upstream IAM. */
    public void createRole(String name, String path, String policy, int maxSessionDuration, String description) {
        upstreamCall(() -> iam.createRole(r -> r.roleName(name).path(path).assumeRolePolicyDocument(policy)
                .maxSessionDuration(maxSessionDuration).description(description)));
    }

    private void upstreamCall(Runnable call) {
        try {
            call.run();
        } catch (IamException e) {
            throw new AwsServiceException(e.awsErrorDetails().errorCode(), e.statusCode(),
                    e.awsErrorDetails().errorMessage(), true, e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public QueryResponse forward(QueryRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!NOT_RELAYED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(v -> builder.header(header.getKey(), v));
            }
        }
        if (request.header("Host") != null) {
            builder.header("X-Forwarded-Host", request.header("Host"));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String requestId = response.headers().firstValue("x-amzn-RequestId").orElse("");
            return new QueryResponse(response.statusCode(), response.body(), requestId);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private AwsServiceException unreachable(Exception e) {
        return new AwsServiceException("ServiceUnavailable", 503, "The upstream AWS endpoint " + endpoint
                + " could not be used: " + e.getMessage(), false, e);
    }

    /** Closes the IAM client. */
    public void close() {
        iam.close();
    }

    @Override
    public String toString() {
        return "UpstreamAws[endpoint=" + endpoint + "]";
    }
}
