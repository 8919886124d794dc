package io.github.ghaoidc.core.trust.source;

import io.github.ghaoidc.core.trust.source.internal.TreeFiles;
import io.github.ghaoidc.core.trust.source.internal.hcl.TerraformModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds every role trust policy under directories and files, as {@code trust lint --dir} does: each directory holding
 * {@code .tf} files is one Terraform module (read with the local modules it calls, which are not read again on their
 * own); JSON, YAML and {@code .template} files are read when they are CloudFormation templates with an
 * {@code AWS::IAM::Role} (CDK's {@code cdk.out/*.template.json} included), {@code terraform show -json} output with an
 * {@code aws_iam_role}, or trust policies ({@code Federated}/{@code AWS}/{@code Service} principal, {@code sts:Assume*}
 * action, no {@code Resource}); everything else is skipped. Directories named {@code node_modules}, {@code .git} and
 * {@code .terraform} are not entered (modules under {@code .terraform/modules} are read through the module that
 * calls them). Symbolic links are not followed. Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicyTree tree = PolicyTreeReader.builder()
 *         .reader(PolicySourceReader.builder().variable("GitHubOrg", "octo-org").build())
 *         .build()
 *         .read(List.of(Path.of("infra")));
 * }</pre>
 */
public final class PolicyTreeReader {

    /** Default largest number of files looked at in one scan; a larger tree is refused, not cut short silently. */
    public static final int DEFAULT_MAX_FILES = 50_000;
    /** Deepest directory nesting entered. */
    public static final int MAX_DEPTH = 64;

    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", ".terraform");

    private final PolicySourceReader reader;
    private final int maxFiles;

    private PolicyTreeReader(Builder builder) {
        this.reader = builder.reader;
        this.maxFiles = builder.maxFiles;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().reader(reader).maxFiles(maxFiles);
    }

    /**
     * Reads every policy under {@code paths}. A path that is a file is read as {@code --policy} reads it (it must hold
     * a policy); a directory is scanned.
     *
     * @throws PolicySourceException when a path does not exist, or a scan meets more than the file limit
     */
    public PolicyTree read(List<Path> paths) {
        Scan scan = new Scan();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new PolicySourceException(path + ": no such file or directory");
            }
            if (Files.isDirectory(path)) {
                walk(path, scan);
            } else {
                scan.files++;
                String name = path.toString();
                try {
                    if (reader.isTerraformConfiguration(path)) {
                        scan.policies.addAll(reader.readTerraformModule(path));
                    } else {
                        scan.policies.add(reader.read(path));
                    }
                } catch (PolicySourceException e) {
                    scan.problems.add(new PolicyTree.Problem(name, e.getMessage()));
                }
            }
        }
        return new PolicyTree(scan.policies, scan.problems, scan.files);
    }

    private void walk(Path root, Scan scan) {
        TreeMap<String, Path> modules = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (++scan.files > maxFiles) {
                        throw new PolicySourceException(root + ": more than " + maxFiles + " files under it; scan "
                                + "smaller directories, or raise the limit");
                    }
                    String name = file.getFileName().toString();
                    if (name.endsWith(".tf")) {
                        modules.put(display(root, file.getParent()), file.getParent());
                    } else if (TreeFiles.candidate(name)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    scan.problems.add(new PolicyTree.Problem(display(root, file), display(root, file)
                            + ": cannot read (" + e.getMessage() + ")"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PolicySourceException(root + ": cannot scan (" + e.getMessage() + ")", e);
        }
        readModules(modules, scan);
        files.sort(null);
        for (Path file : files) {
            readFile(display(root, file), file, scan);
        }
    }

    private void readModules(TreeMap<String, Path> modules, Scan scan) {
        Set<Path> called = new LinkedHashSet<>();
        List<TerraformModule> read = new ArrayList<>();
        for (var module : modules.entrySet()) {
            try {
                TerraformModule parsed = TerraformModule.read(module.getValue(),
                        module.getKey().equals(".") ? "" : module.getKey());
                called.addAll(parsed.localModuleDirs());
                read.add(parsed);
            } catch (PolicySourceException e) {
                scan.problems.add(new PolicyTree.Problem(module.getKey(), e.getMessage()));
            }
        }
        for (TerraformModule module : read) {
            if (called.contains(module.directory())) {
                continue;
            }
            try {
                scan.policies.addAll(reader.readTerraformModule(module));
            } catch (PolicySourceException e) {
                scan.problems.add(new PolicyTree.Problem(module.displayName(), e.getMessage()));
            }
        }
    }

    private void readFile(String name, Path file, Scan scan) {
        try {
            if (Files.size(file) > PolicySourceReader.MAX_BYTES) {
                throw new PolicySourceException(name + ": larger than the limit of " + PolicySourceReader.MAX_BYTES
                        + " bytes (32 MiB)");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            TreeFiles.Contents contents = TreeFiles.classify(text, name);
            switch (contents.kind()) {
                case TRUST_POLICY -> scan.policies.add(reader.toBuilder().format(PolicyFormat.JSON).role(null).build()
                        .read(text, name));
                case TEMPLATE, PLAN -> {
                    PolicyFormat format = contents.kind() == TreeFiles.Kind.TEMPLATE ? PolicyFormat.CLOUDFORMATION
                            : PolicyFormat.TERRAFORM;
                    for (String role : contents.roles()) {
                        scan.policies.add(reader.toBuilder().format(format).role(role).build().read(text, name));
                    }
                }
                default -> {
                    // not a policy, template or plan: skipped
                }
            }
        } catch (PolicySourceException e) {
            scan.problems.add(new PolicyTree.Problem(name, e.getMessage()));
        } catch (IOException e) {
            scan.problems.add(new PolicyTree.Problem(name, name + ": cannot read (" + e.getMessage() + ")"));
        }
    }

    /** A path under the root as the user named it: {@code infra/main.tf}, or {@code main.tf} under {@code .}. */
    private static String display(Path root, Path path) {
        Path relative = root.relativize(path);
        String r = relative.toString().replace('\\', '/');
        String base = root.toString().replace('\\', '/');
        if (base.equals(".") || base.isEmpty()) {
            return r.isEmpty() ? "." : r;
        }
        return r.isEmpty() ? base : base + "/" + r;
    }

    @Override
    public String toString() {
        return "PolicyTreeReader[reader=" + reader + ", maxFiles=" + maxFiles + "]";
    }

    private static final class Scan {
        final List<SourcedPolicy> policies = new ArrayList<>();
        final List<PolicyTree.Problem> problems = new ArrayList<>();
        int files;
    }

    /** Builds a {@link PolicyTreeReader}. */
    public static final class Builder {
        private PolicySourceReader reader = PolicySourceReader.create();
        private int maxFiles = DEFAULT_MAX_FILES;

        private Builder() {
        }

        /** How each policy is read: Terraform variables, CloudFormation parameters, the account. Default no values. */
        public Builder reader(PolicySourceReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** Largest number of files one scan looks at (1 to 1,000,000); default {@value #DEFAULT_MAX_FILES}. */
        public Builder maxFiles(int maxFiles) {
            if (maxFiles < 1 || maxFiles > 1_000_000) {
                throw new IllegalArgumentException("maxFiles must be 1 to 1000000, got " + maxFiles);
            }
            this.maxFiles = maxFiles;
            return this;
        }

        public PolicyTreeReader build() {
            return new PolicyTreeReader(this);
        }
    }
}
