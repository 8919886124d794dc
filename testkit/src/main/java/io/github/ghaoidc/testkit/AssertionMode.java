package io.github.ghaoidc.testkit;

/** How {@link RoleAssert#allows} and {@link RoleAssert#denies} decide. */
public enum AssertionMode {
    /**
     * The trust policy is evaluated by the trust engine in this JVM against the claims GitHub would send: no
     * server, no provider or audience check, milliseconds per assertion. The default.
     */
    IN_PROCESS("in-process: the trust engine evaluated the policy against the token's claims, no server"),
    /**
     * A token is minted on the sandbox's emulator and traded with {@code AssumeRoleWithWebIdentity} over HTTP
     * with the AWS SDK: signature, provider, audience, expiry and trust policy are all checked, as by AWS.
     */
    END_TO_END("end-to-end: a minted token was traded with AssumeRoleWithWebIdentity on the sandbox's STS");

    private final String description;

    AssertionMode(String description) {
        this.description = description;
    }

    /** What this mode did, for failure messages. */
    public String description() {
        return description;
    }
}
