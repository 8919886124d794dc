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
 * Keeps the README snippets under src/test/resources/readme/ true: each is either the very code a test runs, or
 * names artifacts and versions this build produces. (AppQuickStart.java is run by ReadmeAppSnippetIT; the
 * standalone commands by CliWalkthroughIT.)
 */
class ReadmeSnippetsTest {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path README = BASEDIR.resolve("src/test/resources/readme");

    @Test
    void junitSnippetIsDeployRoleTestWithoutItsPackageLine() throws Exception {
        String test = read(BASEDIR.resolve("src/test/java/io/github/ghaoidc/examples/DeployRoleTest.java"));
        assertThat(read(README.resolve("DeployRoleTest.java")))
                .isEqualTo(test.replaceFirst("^package io\\.github\\.ghaoidc\\.examples;\\n\\n", ""));
    }

    @Test
    void junitSnippetsPolicyIsTheOneTheTestReads() throws Exception {
        assertThat(read(README.resolve("deploy-role.json")))
                .isEqualTo(read(BASEDIR.resolve("src/test/resources/deploy-role.json")));
    }

    @Test
    void mavenSnippetsNameArtifactsOfThisBuildAtItsVersion() throws Exception {
        String version = System.getProperty("project.version");
        assertThat(version).as("project.version system property (set in the examples pom)").isNotBlank();
        String parent = read(BASEDIR.resolve("../pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (module.find()) {
            modules.add(module.group(1));
        }
        for (String snippet : List.of("app-pom.xml", "test-pom.xml")) {
            String xml = read(README.resolve(snippet));
            Matcher dependency = Pattern.compile("<groupId>io\\.github\\.ghaoidc</groupId>\\s*<artifactId>gha-oidc-"
                    + "([a-z]+)</artifactId>\\s*<version>([^<]+)</version>").matcher(xml);
            assertThat(dependency.find()).as(snippet + " names a gha-oidc artifact").isTrue();
            assertThat(modules).as(snippet + " artifact").contains(dependency.group(1));
            assertThat(read(BASEDIR.resolve("../" + dependency.group(1) + "/pom.xml")))
                    .contains("<artifactId>gha-oidc-" + dependency.group(1) + "</artifactId>");
            assertThat(dependency.group(2)).as(snippet + " version").isEqualTo(version);
        }
        assertThat(read(README.resolve("test-pom.xml")))
                .contains("<version>" + System.getProperty("junit.version") + "</version>");
        String parentPom = read(BASEDIR.resolve("../pom.xml"));
        Matcher slf4j = Pattern.compile("<slf4j.version>([^<]+)</slf4j.version>").matcher(parentPom);
        assertThat(slf4j.find()).isTrue();
        assertThat(read(README.resolve("app-pom.xml"))).as("the SLF4J binding is the version this build uses")
                .contains("<artifactId>slf4j-simple</artifactId>\n      <version>" + slf4j.group(1) + "</version>");
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
