package io.github.ghaoidc.core.trust.source.internal.hcl;

import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Terraform module: every {@code .tf} file of a directory, parsed, with its variables, locals, resources, data
 * sources, modules and outputs by name. Files over {@value #MAX_FILE_BYTES} bytes, and modules of more than
 * {@value #MAX_FILES} files, are refused.
 */
public final class TerraformModule {

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 500;

    final Path dir;
    final String displayDir;
    final Map<String, Hcl.Block> variables = new LinkedHashMap<>();
    final Map<String, Hcl.Attribute> locals = new LinkedHashMap<>();
    final Map<String, Hcl.Block> resources = new LinkedHashMap<>();
    final Map<String, Hcl.Block> data = new LinkedHashMap<>();
    final Map<String, Hcl.Block> modules = new LinkedHashMap<>();
    final Map<String, Hcl.Attribute> outputs = new LinkedHashMap<>();

    private TerraformModule(Path dir, String displayDir) {
        this.dir = dir;
        this.displayDir = displayDir;
    }

    /** Reads the module in {@code dir}; file names in messages start with {@code displayDir}. */
    public static TerraformModule read(Path dir, String displayDir) {
        TerraformModule module = new TerraformModule(dir, displayDir);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p)).sorted()
                    .limit(MAX_FILES + 1L).toList();
        } catch (IOException e) {
            throw new PolicySourceException(displayDir + ": cannot list the module's .tf files (" + e.getMessage() + ")", e);
        }
        if (files.size() > MAX_FILES) {
            throw new PolicySourceException(displayDir + ": more than " + MAX_FILES + " .tf files in one module");
        }
        for (Path file : files) {
            module.add(HclParser.parse(readText(file, module.name(file)), module.name(file)));
        }
        return module;
    }

    /** The module's directory, absolute and normalised. */
    public Path directory() {
        return dir.toAbsolutePath().normalize();
    }

    /** The module's directory as named in messages ({@code "."} for the working directory). */
    public String displayName() {
        return displayDir.isEmpty() ? "." : displayDir;
    }

    String name(Path file) {
        return displayDir.isEmpty() ? file.getFileName().toString() : displayDir + "/" + file.getFileName();
    }

    static String readText(Path file, String name) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PolicySourceException(name + ": larger than " + MAX_FILE_BYTES + " bytes (10 MiB), the limit "
                        + "for one Terraform file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PolicySourceException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new PolicySourceException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void add(Hcl.Body body) {
        for (Hcl.Block block : body.blocks()) {
            List<String> l = block.labels();
            switch (block.type()) {
                case "variable" -> put(variables, label(block, 0), block);
                case "locals" -> block.body().attributes().forEach((name, attribute) -> {
                    if (locals.putIfAbsent(name, attribute) != null) {
                        throw new PolicySourceException(attribute.position() + ": local." + name + " is defined twice");
                    }
                });
                case "resource" -> put(resources, label(block, 0) + "." + label(block, 1), block);
                case "data" -> put(data, label(block, 0) + "." + label(block, 1), block);
                case "module" -> put(modules, label(block, 0), block);
                case "output" -> {
                    Hcl.Attribute value = block.body().attributes().get("value");
                    if (value != null) {
                        outputs.put(label(block, 0), value);
                    }
                }
                default -> {
                    // terraform, provider, moved, import, check blocks name no trust policy
                }
            }
            if (l.isEmpty() && !List.of("locals", "terraform", "provider").contains(block.type())) {
                throw new PolicySourceException(block.position() + ": a " + block.type() + " block needs a label");
            }
        }
    }

    private static String label(Hcl.Block block, int i) {
        if (block.labels().size() <= i) {
            throw new PolicySourceException(block.position() + ": a " + block.type() + " block needs "
                    + (i + 1) + " label" + (i == 0 ? "" : "s"));
        }
        return block.labels().get(i);
    }

    private static void put(Map<String, Hcl.Block> map, String key, Hcl.Block block) {
        if (map.putIfAbsent(key, block) != null) {
            throw new PolicySourceException(block.position() + ": " + block.type() + " " + key + " is declared twice");
        }
    }

    /**
     * The directories of the local modules ({@code source = "./…"} or {@code "../…"} written as a literal) that this
     * module calls: a tree scan reads them through their caller, with its inputs, not as roots of their own.
     */
    public List<Path> localModuleDirs() {
        List<Path> out = new ArrayList<>();
        for (Hcl.Block block : modules.values()) {
            Hcl.Attribute source = block.body().attributes().get("source");
            String where = source == null ? null : literalText(source.value());
            if (where != null && (where.startsWith("./") || where.startsWith("../"))) {
                out.add(dir.resolve(where).toAbsolutePath().normalize());
            }
        }
        return out;
    }

    private static String literalText(Hcl.Expr expr) {
        if (expr instanceof Hcl.Literal l && l.value() instanceof String s) {
            return s;
        }
        if (expr instanceof Hcl.Template t && t.parts().size() == 1 && t.parts().get(0) instanceof String s) {
            return s;
        }
        return null;
    }

    /** The {@code aws_iam_role} resources, in file order, by name label. */
    List<Map.Entry<String, Hcl.Block>> roles() {
        List<Map.Entry<String, Hcl.Block>> out = new ArrayList<>();
        resources.forEach((key, block) -> {
            if (key.startsWith("aws_iam_role.")) {
                out.add(Map.entry(key.substring("aws_iam_role.".length()), block));
            }
        });
        return out;
    }
}
