package io.github.ghaoidc.core.trust.source.internal.hcl;

import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import io.github.ghaoidc.core.trust.source.SourceLocation;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Terraform configuration as written: the {@code assume_role_policy} of each {@code aws_iam_role} of a module (and of
 * the local or initialised modules it calls), as a {@code data "aws_iam_policy_document"} reference,
 * {@code jsonencode(…)}, a heredoc or a plain string, with every JSON path mapped to the file and line it was written
 * at. Variables come from {@code --var} values, {@code --var-file}s, {@code terraform.tfvars} and
 * {@code *.auto.tfvars} (Terraform's precedence) and defaults. Thread-safe: it holds only settings.
 */
public final class TerraformHclReader {

    private final Map<String, String> variables;
    private final List<Path> varFiles;
    private final String account;
    private final String partition;

    public TerraformHclReader(Map<String, String> variables, List<Path> varFiles, String account, String partition) {
        this.variables = Map.copyOf(variables);
        this.varFiles = List.copyOf(varFiles);
        this.account = account;
        this.partition = partition;
    }

    /** The role {@code selector} picks (an address or a {@code name}; null: the only one) in the module of {@code path}. */
    public SourcedPolicy read(Path path, String display, String selector) {
        List<SourcedPolicy> roles = roles(path, display);
        if (roles.isEmpty() && Files.isDirectory(path) && !hasTerraformFiles(path)) {
            throw new PolicySourceException(display + ": no .tf files in this directory, which is read as one Terraform "
                    + "module; to find every policy under a directory, scan it as a tree (trust lint --dir)");
        }
        if (roles.isEmpty()) {
            throw new PolicySourceException(display + ": no aws_iam_role in this Terraform module");
        }
        if (selector == null) {
            if (roles.size() > 1) {
                throw new PolicySourceException(display + ": " + roles.size() + " roles (" + String.join(", ",
                        roles.stream().map(SourcedPolicy::origin).toList()) + "); choose one with --role ADDRESS_OR_NAME");
            }
            return roles.get(0);
        }
        for (SourcedPolicy role : roles) {
            if (role.origin().endsWith(" " + selector) || role.origin().contains(" " + selector + " ")
                    || role.origin().endsWith("(" + selector + ")")) {
                return role;
            }
        }
        throw new PolicySourceException(display + ": no role " + selector + "; roles: " + String.join(", ",
                roles.stream().map(SourcedPolicy::origin).toList()));
    }

    /** Every role of the module of {@code path} (a .tf file or a directory) and of the modules it calls. */
    public List<SourcedPolicy> roles(Path path, String display) {
        if (!Files.exists(path)) {
            throw new PolicySourceException(display + ": no such file or directory");
        }
        if (!Files.isDirectory(path) && !path.getFileName().toString().endsWith(".tf")) {
            throw new PolicySourceException(display + ": Terraform reads a module's .tf files only, and this file is "
                    + "not one; name it .tf or give its directory");
        }
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        String displayDir = Files.isDirectory(path) ? display : parentOf(display);
        return roles(TerraformModule.read(dir, displayDir));
    }

    /** Every role of a module already read, and of the modules it calls. */
    public List<SourcedPolicy> roles(TerraformModule module) {
        Path dir = module.dir;
        String displayDir = module.displayDir;
        TerraformHclContext context = new TerraformHclContext(dir.toAbsolutePath().normalize(), displayDir, account,
                partition);
        HclEvaluator root = new HclEvaluator(module, values(module, dir, displayDir), context, "");
        List<SourcedPolicy> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(HclEvaluator eval, List<SourcedPolicy> out) {
        for (Map.Entry<String, Hcl.Block> role : eval.module().roles()) {
            out.add(role(eval, role.getKey(), role.getValue()));
        }
        for (String child : eval.module().modules.keySet()) {
            collect(eval.context().child(eval, child), out);
        }
    }

    private SourcedPolicy role(HclEvaluator eval, String name, Hcl.Block block) {
        String address = eval.address() + "aws_iam_role." + name;
        TerraformHclContext.refuseMeta(block, address);
        Hcl.Attribute policy = block.body().attributes().get("assume_role_policy");
        if (policy == null) {
            throw new PolicySourceException(block.position() + ": " + address + " has no assume_role_policy");
        }
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        String document;
        if (policy.value() instanceof Hcl.Traversal t && t.root().equals("data") && t.steps().size() == 3
                && "aws_iam_policy_document".equals(t.steps().get(0))) {
            document = HclEvaluator.text(eval.evaluate(t), t);
            TerraformHclContext.Rendered rendered = eval.context().rendered(eval.address() + "data.aws_iam_policy_document."
                    + t.steps().get(1));
            rendered.positions().forEach((path, at) -> locations.put(path, location(at)));
        } else {
            Object value = eval.evaluate(policy.value());
            document = value instanceof String s ? s : HclEvaluator.writeJson(value, policy.value());
            locations.put("$", location(policy.position()));
        }
        locations.putIfAbsent("$", location(policy.position()));
        Hcl.Attribute roleName = block.body().attributes().get("name");
        String label = roleName == null ? "" : " (" + HclEvaluator.text(eval.evaluate(roleName.value()), roleName.value())
                + ")";
        return SourcedPolicy.builder().document(document).format(PolicyFormat.HCL)
                .origin(block.position() + ": " + address + label).locations(locations).build();
    }

    private static SourceLocation location(Hcl.Position at) {
        return new SourceLocation(at.file(), at.line(), 0);
    }

    /** Variable values by Terraform's precedence: tfvars files in the module, then --var-file, then --var. */
    private Map<String, Object> values(TerraformModule module, Path dir, String displayDir) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        Path tfvars = dir.resolve("terraform.tfvars");
        if (Files.isRegularFile(tfvars)) {
            files.add(tfvars);
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith(".auto.tfvars")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new PolicySourceException(displayDir + ": cannot list the module (" + e.getMessage() + ")", e);
        }
        files.addAll(varFiles);
        HclEvaluator literal = new HclEvaluator(module, Map.of(), new TerraformHclContext(dir, account, partition), "");
        for (Path file : files) {
            String name = varFiles.contains(file) ? file.toString() : (displayDir.isEmpty() ? "" : displayDir + "/")
                    + file.getFileName();
            if (!Files.isRegularFile(file)) {
                throw new PolicySourceException("--var-file " + file + ": no such file");
            }
            Hcl.Body body = HclParser.parse(TerraformModule.readText(file, name), name);
            body.attributes().forEach((key, attribute) -> out.put(key, literal.evaluate(attribute.value())));
        }
        out.putAll(variables);
        return out;
    }

    private static boolean hasTerraformFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(p -> p.getFileName().toString().endsWith(".tf"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String parentOf(String display) {
        int slash = display.lastIndexOf('/');
        return slash < 0 ? "" : display.substring(0, slash);
    }
}
