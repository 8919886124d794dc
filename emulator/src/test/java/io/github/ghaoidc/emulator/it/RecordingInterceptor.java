package io.github.ghaoidc.emulator.it;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jwt.JWTParser;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * Records, on an SDK StsClient, every AssumeRoleWithWebIdentity call the emulator's STS answered successfully:
 * when it started, the {@code jti} of the token that reached STS, and the expiration STS granted.
 */
final class RecordingInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Instant> STARTED = new ExecutionAttribute<>("started");

    /** One successful exchange as STS saw it. */
    record Call(Instant started, String jti, Instant expiration) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, Instant.now());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof AssumeRoleWithWebIdentityRequest request
                && context.response() instanceof AssumeRoleWithWebIdentityResponse response) {
            try {
                String jti = JWTParser.parse(request.webIdentityToken()).getJWTClaimsSet().getJWTID();
                calls.add(new Call(attributes.getAttribute(STARTED), jti, response.credentials().expiration()));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("STS accepted a token that is not a JWT", e);
            }
        }
    }

    List<String> acceptedJtis() {
        return calls.stream().map(Call::jti).toList();
    }

    List<Call> inOrder() {
        return calls.stream().sorted(Comparator.comparing(Call::started)).toList();
    }
}
