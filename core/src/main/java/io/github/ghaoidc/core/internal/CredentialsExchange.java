package io.github.ghaoidc.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.ghaoidc.core.GitHubOidcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * One refresh: a fresh ID token, AssumeRoleWithWebIdentity (retrying only what is worth retrying), the
 * optional chained AssumeRole, the account guard, the optional GetCallerIdentity check and log masking.
 * Stateless between refreshes; the caller guarantees one refresh at a time.
 */
public final class CredentialsExchange {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsExchange.class);
    static final String PROVIDER_NAME = "GitHubOidcCredentialsProvider";

    private final ExchangeConfig config;
    private final StsClientHolder sts;
    private final RetryLoop retryLoop;

    public CredentialsExchange(ExchangeConfig config, StsClientHolder sts, RetryLoop.Sleeper sleeper) {
        this.config = config;
        this.sts = sts;
        var strategy = DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(config.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(10)))
                .treatAsThrottling(StsErrors::isThrottling)
                .retryOnException(StsErrors::isRetryable)
                .circuitBreakerEnabled(false)
                .build();
        this.retryLoop = new RetryLoop(strategy, config.overallTimeout(), sleeper);
    }

    /** Mutable state of one refresh, confined to the refreshing thread. */
    private static final class Attempts {
        IdTokenClaims claims;
        boolean expiredRetried;
    }

    public Session exchange() {
        Attempts state = new Attempts();
        boolean chained = config.chainedRoleArn() != null;
        AssumeRoleWithWebIdentityResponse web = retryLoop.run("sts-web-identity",
                remaining -> assumeWithWebIdentity(remaining, state, !chained),
                giveUp -> giveUp.lastFailure() instanceof GitHubOidcException e && e.errorCode() == null ? e
                        : Diagnostics.failure(context("AssumeRoleWithWebIdentity", config.roleArn(), null, state), giveUp));
        Credentials credentials = web.credentials();
        AssumedRoleUser user = web.assumedRoleUser();
        LOG.debug("Assumed role with web identity [roleArn={}, expiration={}, sub={}]",
                config.roleArn(), credentials.expiration(), state.claims.sub());
        Diagnostics.Context last = context("AssumeRoleWithWebIdentity", config.roleArn(), null, state);
        if (chained) {
            Diagnostics.Context hop = context("AssumeRole", config.chainedRoleArn(), config.roleArn(), state);
            last = hop;
            AwsSessionCredentials firstSession = toSdk(credentials, user);
            var response = retryLoop.run("sts-assume-role",
                    remaining -> sts.get().assumeRole(chainRequest(firstSession, remaining)),
                    giveUp -> Diagnostics.failure(hop, giveUp));
            credentials = response.credentials();
            user = response.assumedRoleUser();
            LOG.debug("Assumed chained role [roleArn={}, expiration={}]", config.chainedRoleArn(), credentials.expiration());
        }
        AwsSessionCredentials result = toSdk(credentials, user);
        String assumedArn = user == null ? null : user.arn();
        guardAccount(last, assumedArn);
        if (config.verifyCallerIdentity()) {
            verifyCallerIdentity(last, result, assumedArn);
        }
        Instant expiration = credentials.expiration();
        config.tokenSource().usableUntil().filter(until -> until.isBefore(expiration))
                .ifPresent(until -> LOG.debug("No ID token can be fetched after {}: these credentials, expiring {}, "
                        + "are the last this job can get [roleArn={}]", until, expiration, config.roleArn()));
        if (config.maskEmitter() != null) {
            config.maskEmitter().mask(result);
        }
        return new Session(result, expiration, assumedArn);
    }

    private AssumeRoleWithWebIdentityResponse assumeWithWebIdentity(Duration remaining, Attempts state, boolean lastHop) {
        while (true) {
            String token = fetchToken();
            IdTokenClaims claims = IdTokenClaims.of(token);
            state.claims = claims;
            Instant now = config.clock().instant();
            try {
                if (claims.expiredAt(now)) {
                    throw new GitHubOidcException("The token source returned an ID token that expired at "
                            + claims.expiresAt() + " (now " + now + ")", StsErrors.EXPIRED_TOKEN, null);
                }
                return sts.get().assumeRoleWithWebIdentity(webRequest(token, remaining, lastHop));
            } catch (RuntimeException e) {
                if (StsErrors.isExpiredToken(e) && !state.expiredRetried) {
                    state.expiredRetried = true;
                    LOG.debug("ID token expired before STS accepted it; fetching a new one [roleArn={}]", config.roleArn());
                    continue;
                }
                throw e;
            }
        }
    }

    private String fetchToken() {
        try {
            return config.tokenSource().fetch(config.audience());
        } catch (GitHubOidcException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GitHubOidcException("The ID token source " + config.tokenSource() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private AssumeRoleWithWebIdentityRequest webRequest(String token, Duration remaining, boolean lastHop) {
        var request = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(config.roleArn())
                .roleSessionName(config.sessionName())
                .durationSeconds(config.durationSeconds())
                .webIdentityToken(token)
                .overrideConfiguration(o -> o.apiCallTimeout(attemptTimeout(remaining)));
        if (lastHop) {
            request.policy(config.sessionPolicy()).policyArns(policyArns());
        }
        return request.build();
    }

    private AssumeRoleRequest chainRequest(AwsSessionCredentials firstSession, Duration remaining) {
        return AssumeRoleRequest.builder()
                .roleArn(config.chainedRoleArn())
                .roleSessionName(config.sessionName())
                .durationSeconds(config.durationSeconds())
                .policy(config.sessionPolicy())
                .policyArns(policyArns())
                .overrideConfiguration(o -> o.apiCallTimeout(attemptTimeout(remaining))
                        .credentialsProvider(StaticCredentialsProvider.create(firstSession)))
                .build();
    }

    private List<PolicyDescriptorType> policyArns() {
        return config.policyArns().isEmpty() ? null
                : config.policyArns().stream().map(arn -> PolicyDescriptorType.builder().arn(arn).build()).toList();
    }

    private Duration attemptTimeout(Duration remaining) {
        return remaining.compareTo(config.attemptTimeout()) < 0 ? remaining : config.attemptTimeout();
    }

    private void guardAccount(Diagnostics.Context context, String assumedArn) {
        if (config.allowedAccountIds().isEmpty()) {
            return;
        }
        String account = StsLimits.accountOf(assumedArn);
        if (!config.allowedAccountIds().contains(account)) {
            throw Diagnostics.check(context, "The assumed role " + assumedArn + " is in account '" + account
                    + "', which is not in allowedAccountIds " + config.allowedAccountIds()
                    + "; refusing to use these credentials (check the role ARN, or add the account)");
        }
    }

    private void verifyCallerIdentity(Diagnostics.Context context, AwsSessionCredentials credentials, String assumedArn) {
        Diagnostics.Context check = new Diagnostics.Context("GetCallerIdentity", context.roleArn(), null,
                context.claims(), context.region(), context.endpoint());
        GetCallerIdentityResponse identity = retryLoop.run("sts-caller-identity",
                remaining -> sts.get().getCallerIdentity(r -> r.overrideConfiguration(o -> o.apiCallTimeout(
                        attemptTimeout(remaining)).credentialsProvider(StaticCredentialsProvider.create(credentials)))),
                giveUp -> Diagnostics.failure(check, giveUp));
        if (assumedArn != null && !assumedArn.equals(identity.arn())) {
            throw Diagnostics.check(context, "GetCallerIdentity returned " + identity.arn()
                    + " but STS said the assumed role is " + assumedArn + "; the STS endpoint is inconsistent");
        }
        LOG.debug("Verified caller identity [arn={}]", identity.arn());
    }

    private Diagnostics.Context context(String operation, String roleArn, String firstRoleArn, Attempts state) {
        return new Diagnostics.Context(operation, roleArn, firstRoleArn, state.claims, config.region(), config.endpoint());
    }

    private static AwsSessionCredentials toSdk(Credentials c, AssumedRoleUser user) {
        var builder = AwsSessionCredentials.builder()
                .accessKeyId(c.accessKeyId())
                .secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken())
                .expirationTime(c.expiration())
                .providerName(PROVIDER_NAME);
        String account = StsLimits.accountOf(user == null ? null : user.arn());
        if (!account.isEmpty()) {
            builder.accountId(account);
        }
        return builder.build();
    }
}
