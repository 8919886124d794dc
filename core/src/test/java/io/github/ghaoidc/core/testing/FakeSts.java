package io.github.ghaoidc.core.testing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * An in-memory StsClient for unit tests of the provider's own logic (retry classification, single flight,
 * validation before any call). Real STS behaviour is tested against the emulator in the ITs.
 */
public final class FakeSts implements StsClient {

    public static final String ACCOUNT = "123456789012";

    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private final AtomicInteger webIdentityCalls = new AtomicInteger();
    private final AtomicInteger assumeRoleCalls = new AtomicInteger();
    private final List<AssumeRoleWithWebIdentityRequest> webRequests = new CopyOnWriteArrayList<>();
    private final List<AssumeRoleRequest> roleRequests = new CopyOnWriteArrayList<>();
    private volatile Function<Integer, Instant> expiration = n -> Instant.now().plusSeconds(3600);
    private volatile long latencyMillis;
    private volatile boolean closed;

    /** Enqueues failures thrown by the next calls, in order. */
    public synchronized FakeSts failNext(RuntimeException... errors) {
        failures.addAll(List.of(errors));
        return this;
    }

    public FakeSts expiringAt(Function<Integer, Instant> expirationForCall) {
        this.expiration = expirationForCall;
        return this;
    }

    public FakeSts latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    public static StsException error(String code, int status, String message) {
        var details = AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("STS").build();
        if ("ExpiredTokenException".equals(code)) {
            return (StsException) ExpiredTokenException.builder().awsErrorDetails(details).statusCode(status)
                    .message(message).build();
        }
        return (StsException) StsException.builder().awsErrorDetails(details).statusCode(status).message(message).build();
    }

    private synchronized RuntimeException nextFailure() {
        return failures.poll();
    }

    @Override
    public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request) {
        int n = webIdentityCalls.incrementAndGet();
        webRequests.add(request);
        pause();
        RuntimeException failure = nextFailure();
        if (failure != null) {
            throw failure;
        }
        String role = request.roleArn().substring(request.roleArn().indexOf(":role/") + 6);
        return AssumeRoleWithWebIdentityResponse.builder()
                .credentials(credentials(n, "web"))
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + request.roleSessionName())
                        .assumedRoleId("AROAEXAMPLE:" + request.roleSessionName()).build())
                .build();
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        int n = assumeRoleCalls.incrementAndGet();
        roleRequests.add(request);
        RuntimeException failure = nextFailure();
        if (failure != null) {
            throw failure;
        }
        String role = request.roleArn().substring(request.roleArn().indexOf(":role/") + 6);
        return AssumeRoleResponse.builder()
                .credentials(credentials(n, "chained"))
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + request.roleSessionName())
                        .assumedRoleId("AROACHAINED:" + request.roleSessionName()).build())
                .build();
    }

    private Credentials credentials(int n, String kind) {
        return Credentials.builder()
                .accessKeyId("ASIA" + kind.toUpperCase() + n)
                .secretAccessKey("secret-" + kind + "-" + n)
                .sessionToken("session-token-" + kind + "-" + n)
                .expiration(expiration.apply(n))
                .build();
    }

    private void pause() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int webIdentityCalls() {
        return webIdentityCalls.get();
    }

    public int assumeRoleCalls() {
        return assumeRoleCalls.get();
    }

    public List<AssumeRoleWithWebIdentityRequest> webRequests() {
        return webRequests;
    }

    public List<AssumeRoleRequest> roleRequests() {
        return roleRequests;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public void close() {
        closed = true;
    }
}
