package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.support.Processes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gha-oidc credentials --format env} in a GitHub Actions job (GITHUB_ACTIONS=true in the injected
 * environment) hides the secret key and session token from the job log by default; the output is run through
 * {@code bash -e} with {@code eval}, as the docs show, to check what the runner would read on the step's stdout.
 */
class CredentialsMaskingIT {

    static final String ACCOUNT = "123456789100";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";

    static GitHubOidcEmulator github;

    @TempDir
    Path dir;

    String out;
    String err;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.builder()
                .defaultContext(WorkflowContext.push("octo-org/octo-repo", "main"))
                .aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                                + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/octo-repo:*\"}}}]}").build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    /** The environment a job step sees, with or without the runner's GITHUB_ACTIONS=true. */
    static Map<String, String> job(boolean inActions) {
        Map<String, String> env = new HashMap<>();
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", github.defaultJob().requestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", github.defaultJob().requestToken());
        env.put("AWS_ROLE_ARN", ROLE);
        env.put("AWS_REGION", "us-east-2");
        env.put("AWS_ENDPOINT_URL_STS", github.stsEndpoint());
        if (inActions) {
            env.put("GITHUB_ACTIONS", "true");
        }
        return env;
    }

    int run(Map<String, String> environment, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        CredentialsCommand command = cli.getSubcommands().get("credentials").getCommand();
        command.environment = EnvironmentSource.of(environment);
        int exit = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return exit;
    }

    static String value(String output, String name) {
        return output.lines().filter(l -> l.startsWith("export " + name + "=")).findFirst().orElseThrow()
                .substring(("export " + name + "=").length()).replace("'", "");
    }

    /** What the step prints when it runs {@code eval "$(output)"; echo done} under {@code bash -e}. */
    List<String> evalInBash(String output) throws IOException, InterruptedException {
        Path script = dir.resolve("credentials.sh");
        Files.writeString(script, output);
        Processes.Finished bash = Processes.run(new ProcessBuilder("bash", "-e", "-c",
                "eval \"$(cat \"$1\")\"; echo \"key=$AWS_ACCESS_KEY_ID\"", "bash", script.toString()), 30);
        assertThat(bash.exit()).as("bash exit; output: %s", bash.output()).isZero();
        return bash.output().lines().toList();
    }

    @Test
    void inAGitHubActionsJobEnvFormatMasksTheSecretAndSessionTokenBeforeTheExports() throws Exception {
        assertThat(run(job(true), "credentials", "--format", "env")).as(err).isZero();
        String secret = value(out, "AWS_SECRET_ACCESS_KEY");
        String session = value(out, "AWS_SESSION_TOKEN");
        assertThat(out.lines().limit(2)).allSatisfy(l -> assertThat(l).startsWith("echo "));
        assertThat(out.lines().skip(2)).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("export "));

        assertThat(evalInBash(out)).containsExactly("::add-mask::" + secret, "::add-mask::" + session,
                "key=" + value(out, "AWS_ACCESS_KEY_ID"));
    }

    @Test
    void noMaskTurnsMaskingOffInAJob() {
        assertThat(run(job(true), "credentials", "--format", "env", "--no-mask")).as(err).isZero();
        assertThat(out.lines()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("export "));
    }

    @Test
    void outsideAJobNothingIsMaskedUnlessAsked() throws Exception {
        assertThat(run(job(false), "credentials", "--format", "env")).as(err).isZero();
        assertThat(out.lines()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("export "));

        assertThat(run(job(false), "credentials", "--format", "env", "--mask")).as(err).isZero();
        assertThat(evalInBash(out)).hasSize(3).first().asString().startsWith("::add-mask::");
    }

    @Test
    void credentialProcessJsonStaysPureJsonInAJob() throws Exception {
        assertThat(run(job(true), "credentials")).as(err).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(out).doesNotContain("::add-mask::").hasLineCount(1);
    }

    @Test
    void maskWithJsonIsAnInputError() {
        assertThat(run(job(true), "credentials", "--mask")).isEqualTo(2);
        assertThat(err).hasLineCount(1).contains("--mask applies to --format env only");
        assertThat(out).isEmpty();
    }
}
