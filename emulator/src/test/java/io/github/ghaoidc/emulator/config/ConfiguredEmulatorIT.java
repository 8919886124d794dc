package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.emulator.config.internal.ConfigApplier;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file drives issuer, lifetimes, keys and jobs of a real server. */
class ConfiguredEmulatorIT {

    @Test
    void configuredJobsIssuerAndLifetimesAreServed(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("gha-oidc.json"), "{"
                + "\"issuer\":{\"url\":\"self\"},"
                + "\"tokens\":{\"lifetimeSeconds\":900,\"notBeforeSkewSeconds\":600},"
                + "\"keys\":{\"file\":\"keys.json\",\"count\":1},"
                + "\"defaultJob\":{\"repository\":\"octo-org/app\",\"tag\":\"v1\"},"
                + "\"jobs\":[{\"id\":\"deploy\",\"context\":{\"repository\":\"octo-org/app\",\"environment\":\"prod\"}}]}");
        ConfigApplier applier = new ConfigApplier(ConfigLoader.load(cfg), dir);
        try (GitHubOidcEmulator e = applier.applyTo(GitHubOidcEmulator.builder()).build().start()) {
            applier.createJobs(e);
            assertThat(Files.exists(dir.resolve("keys.json"))).as("keys.file is relative to the config file").isTrue();
            Job deploy = e.job("deploy").orElseThrow();
            String jwt = Http.json(Http.toolkitGet(deploy.requestUrl(), deploy.requestToken(), null).body()).get("value").asText();
            var claims = Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
            assertThat(claims.get("iss").asText()).isEqualTo(e.baseUrl());
            assertThat(claims.get("sub").asText()).isEqualTo("repo:octo-org/app:environment:prod");
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
            assertThat(claims.get("iat").asLong() - claims.get("nbf").asLong()).isEqualTo(600);
            assertThat(e.defaultJob().context().ref()).isEqualTo("refs/tags/v1");
        }
    }
}
