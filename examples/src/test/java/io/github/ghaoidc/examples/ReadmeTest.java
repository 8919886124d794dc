package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the root README true: every fenced code block is preceded by {@code <!-- readme-snippet: PATH -->}
 * and stands verbatim in PATH, a file that a test runs or checks (see {@link ReadmeSnippetsTest},
 * {@code ReadmeAppSnippetIT}, {@code ReadmeCommandsIT}; {@code .ci/run} is what CI runs).
 */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- readme-snippet: (\\S+) -->\\n)?```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    record Snippet(String path, String code) {
    }

    static List<Snippet> snippets() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            snippets.add(new Snippet(block.group(1), block.group(2)));
        }
        return snippets;
    }

    static String snippetFrom(String path) throws Exception {
        return snippets().stream().filter(s -> path.equals(s.path())).findFirst().orElseThrow().code();
    }

    @Test
    void everyCodeBlockNamesTheFileThatGuardsIt() throws Exception {
        assertThat(snippets()).isNotEmpty().allSatisfy(snippet -> assertThat(snippet.path())
                .as("README block without a readme-snippet marker:%n%s", snippet.code()).isNotNull());
    }

    @Test
    void everyCodeBlockStandsVerbatimInItsGuardedFile() throws Exception {
        for (Snippet snippet : snippets()) {
            Path file = ROOT.resolve(snippet.path());
            assertThat(file).as("guard file of a README block").isRegularFile();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("README block is not in %s", snippet.path()).contains(snippet.code().strip());
        }
    }
}
