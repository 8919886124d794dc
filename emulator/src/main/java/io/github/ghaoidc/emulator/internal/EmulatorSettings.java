package io.github.ghaoidc.emulator.internal;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import io.undertow.server.HttpHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@code GitHubOidcEmulator.Builder}, in one place the server's assembly can read. Mutable while
 * the builder fills it; the emulator keeps its own {@link #copy()}. Not thread-safe. Not API.
 */
public final class EmulatorSettings {
    public String host = "127.0.0.1";
    public int port;
    public IssuerMode issuerMode = IssuerMode.github();
    public WorkflowContext defaultContext = WorkflowContext.defaults();
    public Clock clock = Clock.systemUTC();
    public Duration lifetime = GitHubClaims.DEFAULT_LIFETIME;
    public Duration notBeforeSkew = GitHubClaims.DEFAULT_NOT_BEFORE_SKEW;
    public Duration jobLifetime = JobRegistry.DEFAULT_JOB_LIFETIME;
    public int keyCount = 2;
    public Duration requestTimeout = HttpTimeouts.DEFAULT_REQUEST_TIMEOUT;
    public Duration idleTimeout = HttpTimeouts.DEFAULT_IDLE_TIMEOUT;
    public boolean recordRequests = true;
    public int recordedRequestLimit = 2000;
    public SigningKeys signingKeys;
    public Path keysFile;
    public String activeKid;
    public HttpHandler awsHandler;
    public AwsEmulation.Builder awsAccount;
    public List<OidcProviderDefinition> awsProviders = new ArrayList<>();
    public List<RoleDefinition> awsRoles = new ArrayList<>();

    /** Checks what a single setter cannot. @throws IllegalArgumentException naming the setting */
    public void validate() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got: " + port);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout and idleTimeout must be positive, got: " + requestTimeout
                    + ", " + idleTimeout);
        }
        if (keyCount < 1 || keyCount > 16) {
            throw new IllegalArgumentException("keyCount must be between 1 and 16, got: " + keyCount);
        }
        if (awsAccount != null && awsHandler != null) {
            throw new IllegalArgumentException("set either awsHandler(...) or the AWS emulation (aws, awsOidcProvider, "
                    + "awsRole), not both");
        }
    }

    /** Whether the keys are given or loaded (ready before start returns) rather than generated. */
    public boolean keysProvided() {
        return signingKeys != null || keysFile != null;
    }

    public EmulatorSettings copy() {
        EmulatorSettings c = new EmulatorSettings();
        c.host = host;
        c.port = port;
        c.issuerMode = issuerMode;
        c.defaultContext = defaultContext;
        c.clock = clock;
        c.lifetime = lifetime;
        c.notBeforeSkew = notBeforeSkew;
        c.jobLifetime = jobLifetime;
        c.keyCount = keyCount;
        c.requestTimeout = requestTimeout;
        c.idleTimeout = idleTimeout;
        c.recordRequests = recordRequests;
        c.recordedRequestLimit = recordedRequestLimit;
        c.signingKeys = signingKeys;
        c.keysFile = keysFile;
        c.activeKid = activeKid;
        c.awsHandler = awsHandler;
        c.awsAccount = awsAccount;
        c.awsProviders = new ArrayList<>(awsProviders);
        c.awsRoles = new ArrayList<>(awsRoles);
        return c;
    }
}
