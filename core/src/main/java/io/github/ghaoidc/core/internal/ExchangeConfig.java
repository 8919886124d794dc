package io.github.ghaoidc.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.ghaoidc.core.token.IdTokenSource;

/** Everything one exchange needs, resolved and validated once by the provider's constructor. */
public record ExchangeConfig(String roleArn, String sessionName, int durationSeconds, String audience,
                             String sessionPolicy, List<String> policyArns, String chainedRoleArn,
                             Set<String> allowedAccountIds, boolean verifyCallerIdentity, IdTokenSource tokenSource,
                             MaskEmitter maskEmitter, int maxAttempts, Duration attemptTimeout,
                             Duration overallTimeout, Clock clock, String region, String endpoint) {
}
