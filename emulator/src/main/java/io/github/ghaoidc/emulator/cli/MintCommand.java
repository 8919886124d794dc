package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import io.github.ghaoidc.emulator.issuer.internal.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gha-oidc mint}: prints one GitHub-shaped ID token (or, with {@code --decode}, its header and claims). */
@Command(name = "mint", mixinStandardHelpOptions = true,
        description = {"Prints one ID token shaped exactly like GitHub's. Without --url it is signed in process by a "
                + "throwaway key (or --keys FILE); with --url a running 'serve' mints it, so it verifies against that server's keys."})
final class MintCommand implements Callable<Integer> {

    @Option(names = "--audience", paramLabel = "A", description = "aud. Default: https://github.com/OWNER.")
    String audience;
    @Option(names = "--decode", description = "Print the header and claims as JSON instead of the token.")
    boolean decode;
    @Option(names = "--url", paramLabel = "BASE", description = "Base URL of a running 'gha-oidc serve' (e.g. http://127.0.0.1:8080).")
    String url;
    @Option(names = "--issuer", paramLabel = "URL", description = "iss when minting in process: github (default) or an issuer URL.")
    String issuer;
    @Option(names = "--keys", paramLabel = "FILE", description = "Sign with the active key of this private JWK set file (must exist).")
    Path keys;
    @Mixin
    WorkflowContextOptions context;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String token = url != null ? MintClient.mint(requireLocalOnlyFlagsAbsent(), context.toJson(), audience)
                : localIssuer().mint(context.apply(WorkflowContext.defaults()), audience);
        PrintWriter out = spec.commandLine().getOut();
        out.println(decode ? decode(token) : token);
        out.flush();
        return 0;
    }

    private String requireLocalOnlyFlagsAbsent() {
        if (issuer != null || keys != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--issuer and --keys apply only without --url; the server uses its own issuer and keys");
        }
        return url;
    }

    private TokenIssuer localIssuer() {
        IssuerMode mode;
        try {
            mode = IssuerMode.parse(issuer == null ? "github" : issuer, null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--issuer': " + e.getMessage());
        }
        if (mode.kind() == IssuerMode.Kind.SELF) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--issuer self needs a server; use --url BASE, or give an issuer URL");
        }
        SigningKeys signing;
        if (keys != null) {
            if (!Files.isRegularFile(keys)) {
                throw new EmulatorException("--keys file " + keys + " does not exist; 'serve --keys FILE' creates one");
            }
            signing = SigningKeys.loadOrCreate(keys, 1, null);
        } else {
            signing = SigningKeys.generate(1);
        }
        return TokenIssuer.builder().keys(signing).issuer(mode.issuer(null)).issuerMode(mode).build();
    }

    /** {@code {"header": {...}, "claims": {...}}}, pretty-printed, in the token's own member order. */
    static String decode(String token) {
        String[] parts = token.split("\\.");
        try {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            out.put("header", Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0])));
            out.put("claims", Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1])));
            ObjectNode node = Json.mapper().createObjectNode();
            node.setAll(out);
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (java.io.IOException | RuntimeException e) {
            throw new EmulatorException("the minted token could not be decoded: " + e.getMessage(), e);
        }
    }

}
