package io.github.ghaoidc.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user's machine for the README's Maven snippets: a home directory whose {@code ~/.m2} holds what
 * {@code mvn -B install -DskipTests} in this repository would have put there (this build's jars and poms), and a
 * {@code settings.xml} that finds every other artifact first in the build's own local repository, then in Maven
 * Central. A project directory beside it takes the snippets as files. Commands run in bash, bounded in time, with
 * their output in files (never read before the process ends, so a full pipe cannot stall it).
 */
final class UserProject {

    static final Path REPO_ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("core", "emulator", "testkit");

    final Path home;
    final Path dir;

    private UserProject(Path home, Path dir) {
        this.home = home;
        this.dir = dir;
    }

    /** A home with this build installed in {@code ~/.m2} and the repository cloned at {@code ~/src/gha-oidc}. */
    static UserProject create(Path base) throws IOException {
        Path home = Files.createDirectories(base.resolve("home"));
        Path m2 = Files.createDirectories(home.resolve(".m2/repository"));
        String version = System.getProperty("project.version");
        install(m2, "gha-oidc-parent", version, REPO_ROOT.resolve("pom.xml"), null);
        for (String module : MODULES) {
            Path target = REPO_ROOT.resolve(module).resolve("target");
            install(m2, "gha-oidc-" + module, version, REPO_ROOT.resolve(module).resolve("pom.xml"),
                    target.resolve("gha-oidc-" + module + "-" + version + ".jar"));
        }
        String buildRepo = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository")).toUri().toString();
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-cache</id>
                      <repositories>
                        <repository><id>build-cache</id><url>%1$s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>build-cache</id><url>%1$s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>build-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(buildRepo));
        Path src = Files.createDirectories(home.resolve("src"));
        Files.createSymbolicLink(src.resolve("gha-oidc"), REPO_ROOT);
        return new UserProject(home, Files.createDirectories(base.resolve("project")));
    }

    private static void install(Path m2, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(m2.resolve("io/github/ghaoidc").resolve(artifactId).resolve(version));
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is built by the package phase before the examples' tests run");
            }
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    /** Writes {@code content} to {@code relative} in the project. */
    UserProject file(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** Runs {@code script} in bash in the project, with this home and no AWS or Actions variables of the test's own. */
    Processes.Finished bash(String script, Map<String, String> env, long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ACTIONS_") || k.startsWith("GITHUB_")
                || k.startsWith("MAVEN_"));
        environment.put("HOME", home.toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.putAll(env);
        return Processes.run(builder, timeoutSeconds);
    }
}
