package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.RecordedRequest;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.Processes;
import java.io.File;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gha-oidc credentials serve} from the standalone jar, as a job runs it, and real clients of three SDKs that
 * know nothing of gha-oidc: the AWS CLI, the AWS SDK for Java v2's default chain (in its own JVM) and the AWS SDK for
 * JavaScript v3's default chain (installed from npm). The emulator's sessions last 6 s, so refresh is seen quickly.
 */
class CredentialsServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";
    private static final String K = "token.actions.githubusercontent.com";
    private static final Path JAR = Path.of("target", "gha-oidc.jar").toAbsolutePath();
    private static final Pattern EXPORT = Pattern.compile("export (\\w+)='([^']*)'");

    private static GitHubOidcEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder()
                .aws(AwsEmulation.builder().accountId(ACCOUNT).sessionLifetime(Duration.ofSeconds(6)))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + K + "\"},\"Action\":"
                                + "\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":{\"" + K
                                + ":sub\":\"repo:octo-org/app:*\"}}}]}").build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A running {@code credentials serve}, its variables (from --env-file) and its output files. */
    private final class Endpoint implements AutoCloseable {
        final Process process;
        final Map<String, String> variables = new HashMap<>();
        final Path out = dir.resolve("serve.out");
        final Path err = dir.resolve("serve.err");
        final Path envFile = dir.resolve("creds.env");

        Endpoint(Job job, Map<String, String> extraEnv, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "credentials", "serve",
                    "--role-arn", ROLE, "--env-file", envFile.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ACTIONS_") || k.startsWith("GITHUB_"));
            env.putAll(jobEnvironment(job));
            env.putAll(extraEnv);
            process = builder.start();
            for (int i = 0; i < 300 && !(Files.exists(envFile) && Files.size(envFile) > 0); i++) {
                assertThat(process.isAlive()).as("serve is running: %s", read(err)).isTrue();
                Thread.sleep(50);
            }
            Matcher m = EXPORT.matcher(Files.readString(envFile));
            while (m.find()) {
                variables.put(m.group(1), m.group(2));
            }
        }

        /** The client side of a later step: the endpoint's variables, the emulator's STS, no keys of its own. */
        Map<String, String> clientEnvironment() {
            Map<String, String> env = new HashMap<>(variables);
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_ENDPOINT_URL_STS", emulator.stsEndpoint());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
            env.put("HOME", dir.toString());
            return env;
        }

        String output() throws Exception {
            return read(out) + read(err);
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Map<String, String> jobEnvironment(Job job) {
        return Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", job.requestUrl(), "ACTIONS_ID_TOKEN_REQUEST_TOKEN", job.requestToken(),
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_STS", emulator.stsEndpoint());
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ProcessBuilder client(Map<String, String> env, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ACTIONS_"));
        builder.environment().putAll(env);
        return builder;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @Test
    void theAwsCliGetsTheAssumedRoleThroughTheEndpoint() throws Exception {
        assumeThat(onPath("aws")).as("the AWS CLI is on PATH (.ci/run installs it)").isTrue();
        try (Endpoint endpoint = new Endpoint(emulator.createJob(WorkflowContext.push("octo-org/app", "main")), Map.of())) {
            Processes.Finished run = Processes.run(client(endpoint.clientEnvironment(), "aws", "sts",
                    "get-caller-identity", "--query", "Arn", "--output", "text"), 120);

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output().strip()).startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/");
        }
    }

    @Test
    void theJavaSdksDefaultChainPicksTheEndpointUp() throws Exception {
        try (Endpoint endpoint = new Endpoint(emulator.createJob(WorkflowContext.push("octo-org/app", "main")), Map.of())) {
            Processes.Finished run = Processes.run(client(endpoint.clientEnvironment(), java(), "-cp",
                    System.getProperty("java.class.path"), ContainerClientMain.class.getName(), "1", "0"), 120);

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).containsPattern("(?m)^OK ASIA\\w+ arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/GitHubActionsRole/\\S+$");
        }
    }

    @Test
    void theJavaScriptSdksDefaultChainPicksTheEndpointUp() throws Exception {
        assumeThat(onPath("node") && onPath("npm")).as("node and npm are on PATH").isTrue();
        Path project = jsClient();
        try (Endpoint endpoint = new Endpoint(emulator.createJob(WorkflowContext.push("octo-org/app", "main")), Map.of())) {
            Processes.Finished run = Processes.run(client(endpoint.clientEnvironment(), "node", "client.mjs")
                    .directory(project.toFile()), 120);

            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).containsPattern("(?m)^OK ASIA\\w+ arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/GitHubActionsRole/\\S+$");
        }
    }

    @Test
    void aClientCallingEverySecondAcrossTwoRefreshesNeverFailsAndEachRefreshUsesANewIdToken() throws Exception {
        drain();
        try (Endpoint endpoint = new Endpoint(emulator.createJob(WorkflowContext.push("octo-org/app", "main")), Map.of(),
                "--stale-time", "2", "--prefetch-time", "3")) {
            Processes.Finished run = Processes.run(client(endpoint.clientEnvironment(), java(), "-cp",
                    System.getProperty("java.class.path"), ContainerClientMain.class.getName(), "12", "1000"), 120);

            assertThat(run.exit()).as(run.output()).isZero();
            List<String> lines = run.output().lines().filter(l -> l.startsWith("OK ") || l.startsWith("ERR ")).toList();
            assertThat(lines).hasSize(12).allSatisfy(l -> assertThat(l).startsWith("OK "));
            List<String> keys = lines.stream().map(l -> l.split(" ")[1]).distinct().toList();
            assertThat(keys).as("credentials replaced at least twice in 12 s of 6 s sessions").hasSizeGreaterThanOrEqualTo(3);
            List<String> jtis = assumeCallJtis();
            assertThat(jtis).as("one STS call per refresh, each with a fresh ID token").doesNotHaveDuplicates()
                    .hasSizeGreaterThanOrEqualTo(keys.size());
        }
    }

    @Test
    void aNonLoopbackHostIsRefusedInOneLine() throws Exception {
        Processes.Finished run = Processes.run(client(jobEnvironment(emulator.defaultJob()), java(), "-jar",
                JAR.toString(), "credentials", "serve", "--role-arn", ROLE, "--host", "0.0.0.0"), 60);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output().lines()).hasSize(1);
        assertThat(run.output()).contains("listens on loopback only (127.0.0.1, ::1, localhost), got: 0.0.0.0")
                .doesNotContain("Exception");
    }

    @Test
    void sigtermStopsItRemovesItsFilesAndNothingItPrintedIsASecret() throws Exception {
        Path tokenFile = dir.resolve("token");
        Endpoint endpoint = new Endpoint(emulator.createJob(WorkflowContext.push("octo-org/app", "main")),
                Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"), "--auth-token-file", tokenFile.toString());
        String token = Files.readString(tokenFile);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                .isEqualTo("rw-------");
        Map<String, String> env = endpoint.clientEnvironment();
        Processes.Finished fetched = Processes.run(client(env, java(), "-cp", System.getProperty("java.class.path"),
                ContainerClientMain.class.getName(), "1", "0"), 120);
        assertThat(fetched.exit()).as(fetched.output()).isZero();
        String accessKey = fetched.output().lines().filter(l -> l.startsWith("OK ")).findFirst().orElseThrow().split(" ")[1];

        endpoint.close();

        assertThat(endpoint.process.isAlive()).isFalse();
        assertThat(endpoint.envFile).as("--env-file removed on exit").doesNotExist();
        assertThat(tokenFile).as("--auth-token-file removed on exit").doesNotExist();
        String printed = endpoint.output();
        assertThat(printed).doesNotContain(token).doesNotContain(accessKey).doesNotContain("eyJ")
                .doesNotContain(emulator.defaultJob().requestToken());
        assertThat(printed).contains("warning: AWS_ACCESS_KEY_ID is set; every AWS SDK and the AWS CLI use it before the "
                + "container credentials endpoint");
        assertThat(endpoint.variables).containsKey("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
                .doesNotContainKey("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    }

    @Test
    void githubEnvHandsTheVariablesToLaterSteps() throws Exception {
        Path githubEnv = Files.writeString(dir.resolve("github_env"), "EARLIER=1\n");
        try (Endpoint endpoint = new Endpoint(emulator.createJob(WorkflowContext.push("octo-org/app", "main")),
                Map.of("GITHUB_ENV", githubEnv.toString()), "--github-env")) {
            List<String> lines = Files.readAllLines(githubEnv);

            assertThat(lines).hasSize(3).first().isEqualTo("EARLIER=1");
            assertThat(lines.get(1)).isEqualTo("AWS_CONTAINER_CREDENTIALS_FULL_URI="
                    + endpoint.variables.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
            assertThat(lines.get(2)).isEqualTo("AWS_CONTAINER_AUTHORIZATION_TOKEN="
                    + endpoint.variables.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
            assertThat(endpoint.output()).doesNotContain(endpoint.variables.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
        }
    }

    /** The npm project of the JavaScript client, installed once per build under target/. */
    private static Path jsClient() throws Exception {
        Path project = Path.of("target", "js-container-client").toAbsolutePath();
        Path source = Path.of("src", "test", "js", "container-client");
        Files.createDirectories(project);
        for (String file : List.of("package.json", "client.mjs")) {
            Files.copy(source.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(project.resolve("node_modules/@aws-sdk/client-sts"))) {
            Processes.Finished install = Processes.run(new ProcessBuilder("npm", "install", "--no-audit", "--no-fund",
                    "--loglevel=error").directory(project.toFile()), 300);
            assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
        }
        return project;
    }

    private static void drain() throws InterruptedException {
        while (emulator.takeRequest(0, TimeUnit.SECONDS) != null) {
            // only this test's requests count
        }
    }

    private static List<String> assumeCallJtis() throws Exception {
        List<String> jtis = new ArrayList<>();
        for (RecordedRequest r = emulator.takeRequest(0, TimeUnit.SECONDS); r != null;
                r = emulator.takeRequest(0, TimeUnit.SECONDS)) {
            if (r.body() == null || !r.body().contains("Action=AssumeRoleWithWebIdentity")) {
                continue;
            }
            String jwt = URLDecoder.decode(r.body().replaceAll("(?s).*WebIdentityToken=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8);
            jtis.add(JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8))
                    .get("jti").asText());
        }
        return jtis;
    }
}
