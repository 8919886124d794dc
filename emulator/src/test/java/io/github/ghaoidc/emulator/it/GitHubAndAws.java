package io.github.ghaoidc.emulator.it;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.Job;

/**
 * The reference scenario on one loopback port: the GitHub issuer + runtime token endpoint and the AWS account
 * (IAM OIDC provider for token.actions.githubusercontent.com, role GitHubActionsRole trusting
 * {@code repo:octo-org/octo-repo:*}). Start once per test class (key generation is the slow part).
 */
final class GitHubAndAws implements AutoCloseable {

    static final String ACCOUNT = "123456789100";
    static final String REPO = "octo-org/octo-repo";
    static final String SESSION = "GithubActionsSession";

    final GitHubOidcEmulator github;
    final AwsEmulation aws;
    final String roleArn;
    /** Trusts only pushes to main of the repository (the hardened variant). */
    final String mainOnlyRoleArn;
    /** Trusts sessions of GitHubActionsRole (role chaining). */
    final String chainedRoleArn;

    private GitHubAndAws(Clock clock) {
        github = GitHubOidcEmulator.builder()
                .clock(clock)
                .defaultContext(WorkflowContext.push(REPO, "main"))
                .aws(AwsEmulation.builder().accountId(ACCOUNT).clock(clock))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(role("GitHubActionsRole", trust("StringLike", "repo:" + REPO + ":*")))
                .awsRole(role("MainOnly", trust("StringEquals", "repo:" + REPO + ":ref:refs/heads/main")))
                .awsRole(role("Deployer", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"))
                .build().start();
        aws = github.aws();
        roleArn = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";
        mainOnlyRoleArn = "arn:aws:iam::" + ACCOUNT + ":role/MainOnly";
        chainedRoleArn = "arn:aws:iam::" + ACCOUNT + ":role/Deployer";
    }

    private static RoleDefinition role(String name, String trustPolicy) {
        return RoleDefinition.builder().roleName(name).assumeRolePolicyDocument(trustPolicy).build();
    }

    static GitHubAndAws start() {
        return new GitHubAndAws(Clock.systemUTC());
    }

    /** The same, with {@code clock} driving minting, verification and issued sessions (the AWS side too). */
    static GitHubAndAws start(Clock clock) {
        return new GitHubAndAws(clock);
    }

    private static String trust(String operator, String sub) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"" + operator + "\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"" + sub + "\"}}}]}";
    }

    URI stsEndpoint() {
        return URI.create(github.stsEndpoint());
    }

    /** What the runner would put in the job's environment, plus the region and the local STS endpoint. */
    Map<String, String> jobEnvironment(Job job, String roleArn) {
        Map<String, String> env = new HashMap<>();
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", job.requestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", job.requestToken());
        env.put("AWS_ROLE_ARN", roleArn);
        env.put("AWS_ROLE_SESSION_NAME", SESSION);
        env.put("AWS_REGION", "us-east-2");
        env.put("AWS_ENDPOINT_URL_STS", github.stsEndpoint());
        return env;
    }

    /** A provider configured purely from that environment, as {@code GitHubOidcCredentialsProvider.create()} would be. */
    GitHubOidcCredentialsProvider.Builder provider(Job job, String roleArn) {
        return GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(jobEnvironment(job, roleArn)));
    }

    GitHubOidcCredentialsProvider.Builder provider(Job job) {
        return provider(job, roleArn);
    }

    String assumedRoleArn(String roleName) {
        return "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/" + SESSION;
    }

    @Override
    public void close() {
        github.close();
    }
}
