package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gha-oidc trust eval}: can this token assume this role? Exit 0 allowed, 1 denied, 2 bad input. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates a role trust policy for a token as AWS STS AssumeRoleWithWebIdentity would, and says why.",
            "Exit status: 0 allowed, 1 denied, 2 invalid input. With --batch: 0 when every line was evaluated, 2 otherwise."})
final class TrustEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy;

    @ArgGroup(exclusive = true)
    Claims claims;

    static final class Claims {
        @Option(names = "--token", paramLabel = "JWT",
                description = "The ID token; its claims are decoded WITHOUT verifying the signature.")
        String token;

        @Option(names = "--claims", paramLabel = "FILE", description = "The token's claims as a JSON object.")
        Path file;
    }

    @Option(names = "--batch", paramLabel = "FILE",
            description = "JSON Lines, one request per line: {\"policy\":…,\"claims\":{…},\"issuer\":…,\"roleArn\":…,"
                    + "\"sessionName\":…}; '-' reads stdin. Prints one JSON object per line, in order.")
    String batch;

    @Option(names = "--issuer", paramLabel = "URL", description = "Token issuer = IAM OIDC provider URL (default: the iss claim, else GitHub's).")
    String issuer;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Role being assumed (default ${DEFAULT-VALUE}).",
            defaultValue = TrustRequest.DEFAULT_ROLE_ARN)
    String roleArn;

    @Option(names = "--session-name", paramLabel = "NAME",
            description = "RoleSessionName (sts:RoleSessionName): 2-64 characters of letters, digits and +=,.@_- "
                    + "(default " + SessionNames.DEFAULT + ").")
    String sessionName;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).",
            defaultValue = "text")
    OutputFormat format;

    @Option(names = "--require-saveable",
            description = "Refuse (exit 2) a policy IAM would refuse to save today, as for a policy about to be deployed. "
                    + "Default: answer for it with a legacy warning, as STS does for roles created before 2025-06-06.")
    boolean requireSaveable;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (claims != null) {
                throw new CliException("--batch takes the claims from each line; leave out --token and --claims");
            }
            return new TrustBatch(TrustEvaluator.create(), policy.policies.isEmpty() ? null : policy, issuer,
                    spec.commandLine().getParseResult().hasMatchedOption("--role-arn") ? roleArn : null,
                    sessionName == null ? null : SessionNames.check(sessionName, "--session-name"), requireSaveable)
                    .run(batch, System.in, out);
        }
        if (claims == null) {
            throw new CliException("missing the token: give --token JWT or --claims FILE (or --batch FILE)");
        }
        String session = SessionNames.check(sessionName, "--session-name");
        Map<String, Object> tokenClaims = claims.token != null ? TokenClaims.decode(claims.token) : TokenClaims.read(claims.file);
        SourcedPolicy sourced = policy.read(PolicyOptions.accountOf(roleArn));
        TrustPolicy trustPolicy = PolicyOptions.parse(sourced);
        IamVerdict verdict = IamVerdict.of(trustPolicy, sourced, requireSaveable);
        TrustRequest request;
        try {
            request = TrustRequest.builder().claims(tokenClaims).issuer(issuer).roleArn(roleArn)
                    .sessionName(session).build();
        } catch (TrustPolicyException e) {
            throw new CliException(e.getMessage(), e);
        }
        Explanation explanation = TrustEvaluator.create().explain(trustPolicy, request);
        if (claims.token != null) {
            spec.commandLine().getErr().println("note: token claims decoded WITHOUT signature verification");
            spec.commandLine().getErr().flush();
        }
        if (format == OutputFormat.json) {
            ObjectNode json = explanation.toJsonNode();
            verdict.addTo(json);
            out.println(json);
        } else {
            out.println("policy: " + sourced.origin());
            verdict.print(out);
            String text = explanation.toText();
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
        return explanation.decision().isAllowed() ? 0 : 1;
    }
}
