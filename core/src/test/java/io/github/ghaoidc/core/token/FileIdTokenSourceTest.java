package io.github.ghaoidc.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIdTokenSourceTest {

    @TempDir
    Path dir;

    @Test
    void rereadsTheFileOnEveryFetch() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "first.token.jwt\n");
        IdTokenSource source = IdTokenSource.fromFile(file);
        assertThat(source.fetch("aud")).isEqualTo("first.token.jwt");
        Files.writeString(file, "second.token.jwt");
        assertThat(source.fetch("aud")).isEqualTo("second.token.jwt");
    }

    @Test
    void aMissingFileIsAConfigurationErrorNamingTheFileWithoutJavaClassNames() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> IdTokenSource.fromFile(missing).fetch("aud"))
                .isInstanceOfSatisfying(GitHubOidcException.class, e -> assertThat(e.isConfigurationError()).isTrue())
                .hasMessageContaining(missing + ": no such file")
                .hasMessageContaining("it must be a readable file holding one JWT")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("AWS_WEB_IDENTITY_TOKEN_FILE");
    }

    @Test
    void anEmptyFileIsAConfigurationError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> IdTokenSource.fromFile(empty).fetch("aud"))
                .isInstanceOfSatisfying(GitHubOidcException.class, e -> assertThat(e.isConfigurationError()).isTrue())
                .hasMessageContaining("is empty");
    }

    @Test
    void environmentVariableSourceReadsThroughTheInjectedEnvironment() {
        var source = IdTokenSource.fromEnvironmentVariable("MY_TOKEN", EnvironmentSource.of(Map.of("MY_TOKEN", "a.b.c")));
        assertThat(source.fetch("aud")).isEqualTo("a.b.c");
        assertThatThrownBy(() -> IdTokenSource.fromEnvironmentVariable("MISSING", EnvironmentSource.of(Map.of())).fetch("aud"))
                .hasMessageContaining("MISSING holds no ID token");
    }

    @Test
    void fixedAndSupplierSourcesNeverPrintTheToken() {
        assertThat(IdTokenSource.fixed("secret.jwt.value").toString()).doesNotContain("secret");
        assertThat(IdTokenSource.fromSupplier(() -> "x.y.z").fetch("aud")).isEqualTo("x.y.z");
        assertThatThrownBy(() -> IdTokenSource.fromSupplier(() -> null).fetch("aud")).hasMessageContaining("returned no token");
    }
}
