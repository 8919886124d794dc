package io.github.ghaoidc.emulator.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jwt.JWTParser;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * Records, on an SDK StsClient, the {@code jti} of every AssumeRoleWithWebIdentity request the emulator's STS
 * answered successfully: what actually reached STS, not what a token source handed out.
 */
final class RecordingInterceptor implements ExecutionInterceptor {

    final List<String> acceptedJtis = new CopyOnWriteArrayList<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof AssumeRoleWithWebIdentityRequest request) {
            try {
                acceptedJtis.add(JWTParser.parse(request.webIdentityToken()).getJWTClaimsSet().getJWTID());
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("STS accepted a token that is not a JWT", e);
            }
        }
    }
}
