package io.github.ghaoidc.core.trust.source.internal.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the evaluation of one Terraform configuration shares across its modules: the account and partition that
 * stand in for what a plan would know, the rendered policy documents with the positions of their elements, the
 * module directories ({@code ./…} sources, and those {@code terraform init} lists in
 * {@code .terraform/modules/modules.json}), and the child modules evaluated so far. Not thread-safe.
 */
final class TerraformHclContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MODULE_DEPTH = 8;

    final String account;
    final String partition;
    private final Path root;
    private final String rootDisplay;
    private final Map<String, Rendered> documents = new HashMap<>();
    private final Map<String, HclEvaluator> children = new HashMap<>();
    private Map<String, String> initialised;

    /** A rendered {@code aws_iam_policy_document}: its JSON and where each JSON path was written. */
    record Rendered(String json, Map<String, Hcl.Position> positions) {
    }

    TerraformHclContext(Path root, String account, String partition) {
        this(root, "", account, partition);
    }

    /** {@code rootDisplay} names the root module's directory in messages; child modules are named from it. */
    TerraformHclContext(Path root, String rootDisplay, String account, String partition) {
        this.root = root;
        this.rootDisplay = rootDisplay;
        this.account = account;
        this.partition = partition;
    }

    Rendered rendered(String address) {
        return documents.get(address);
    }

    Object dataValue(HclEvaluator eval, Hcl.Traversal t) {
        String type = HclEvaluator.name(t, 0);
        String name = HclEvaluator.name(t, 1);
        String attribute = HclEvaluator.name(t, 2);
        String key = type + "." + name;
        switch (type) {
            case "aws_caller_identity":
                if (attribute.equals("account_id")) {
                    return account;
                }
                break;
            case "aws_partition":
                if (attribute.equals("partition")) {
                    return partition;
                }
                if (attribute.equals("dns_suffix")) {
                    return partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
                }
                break;
            case "aws_iam_policy_document": {
                Hcl.Block block = eval.module().data.get(key);
                if (block == null) {
                    throw new PolicySourceException(t.position() + ": data." + key + " is not declared in this module");
                }
                if (attribute.equals("json") || attribute.equals("minified_json")) {
                    return document(eval, block, eval.address() + "data." + key).json();
                }
                break;
            }
            default:
                break;
        }
        throw HclEvaluator.refuse(t, "data." + key + "." + attribute + " is read from AWS during plan");
    }

    Rendered document(HclEvaluator eval, Hcl.Block block, String address) {
        Rendered done = documents.get(address);
        if (done == null) {
            refuseMeta(block, "data." + address);
            done = PolicyDocumentRenderer.render(eval, block);
            documents.put(address, done);
        }
        return done;
    }

    Object resourceValue(HclEvaluator eval, String type, String name, String attribute, Hcl.Traversal t) {
        Hcl.Block block = eval.module().resources.get(type + "." + name);
        if (block == null) {
            throw new PolicySourceException(t.position() + ": " + type + "." + name + " is not declared in this module");
        }
        if (type.equals("aws_iam_openid_connect_provider") && attribute.equals("arn")) {
            refuseMeta(block, type + "." + name);
            Hcl.Attribute url = block.body().attributes().get("url");
            if (url == null) {
                throw new PolicySourceException(block.position() + ": " + type + "." + name + " has no url");
            }
            String text = HclEvaluator.text(eval.evaluate(url.value()), url.value());
            String host = text.startsWith("https://") ? text.substring("https://".length()) : text;
            return "arn:" + partition + ":iam::" + account + ":oidc-provider/" + host;
        }
        throw HclEvaluator.refuse(t, type + "." + name + "." + attribute + " is known only after apply");
    }

    Object moduleOutput(HclEvaluator parent, String moduleName, String output, Hcl.Traversal t) {
        HclEvaluator child = child(parent, moduleName);
        Hcl.Attribute value = child.module().outputs.get(output);
        if (value == null) {
            throw new PolicySourceException(t.position() + ": module." + moduleName + " has no output " + output);
        }
        return child.evaluate(value.value());
    }

    /** The evaluator of a child module, its inputs evaluated in {@code parent}. */
    HclEvaluator child(HclEvaluator parent, String moduleName) {
        String address = parent.address() + "module." + moduleName + ".";
        HclEvaluator done = children.get(address);
        if (done != null) {
            return done;
        }
        if (address.split("module\\.").length > MAX_MODULE_DEPTH + 1) {
            throw new PolicySourceException(parent.module().displayDir + ": modules nest deeper than " + MAX_MODULE_DEPTH);
        }
        Hcl.Block block = parent.module().modules.get(moduleName);
        if (block == null) {
            throw new PolicySourceException(parent.module().displayDir + ": module." + moduleName + " is not declared");
        }
        refuseMeta(block, "module." + moduleName);
        Hcl.Attribute source = block.body().attributes().get("source");
        if (source == null) {
            throw new PolicySourceException(block.position() + ": module " + moduleName + " has no source");
        }
        String where = HclEvaluator.text(parent.evaluate(source.value()), source.value());
        Path dir = where.startsWith("./") || where.startsWith("../") ? parent.module().dir.resolve(where).normalize()
                : initialisedDir(address.substring(0, address.length() - 1), block, where);
        if (!Files.isDirectory(dir)) {
            throw new PolicySourceException(block.position() + ": module " + moduleName + " (source " + where
                    + ") has no directory " + dir);
        }
        TerraformModule module = TerraformModule.read(dir, display(dir));
        Map<String, Object> inputs = new LinkedHashMap<>();
        block.body().attributes().forEach((name, attribute) -> {
            if (!java.util.Set.of("source", "version", "providers", "depends_on").contains(name)) {
                inputs.put(name, parent.evaluate(attribute.value()));
            }
        });
        HclEvaluator child = new HclEvaluator(module, inputs, this, address);
        children.put(address, child);
        return child;
    }

    private String display(Path dir) {
        Path relative = root.relativize(dir.toAbsolutePath().normalize());
        String shown = rootDisplay.isEmpty() || rootDisplay.equals(".") ? relative.toString()
                : Path.of(rootDisplay).resolve(relative).normalize().toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }

    /** A module {@code terraform init} fetched: its directory from {@code .terraform/modules/modules.json}. */
    private Path initialisedDir(String key, Hcl.Block block, String source) {
        if (initialised == null) {
            initialised = new HashMap<>();
            Path manifest = root.resolve(".terraform/modules/modules.json");
            if (Files.isRegularFile(manifest)) {
                try {
                    for (JsonNode m : JSON.readTree(TerraformModule.readText(manifest, ".terraform/modules/modules.json"))
                            .path("Modules")) {
                        initialised.put(m.path("Key").asText(), m.path("Dir").asText());
                    }
                } catch (IOException e) {
                    throw new PolicySourceException(".terraform/modules/modules.json: not JSON", e);
                }
            }
        }
        // modules.json keys name nested modules "outer.inner": the address without its "module." steps
        String manifestKey = key.replace("module.", "");
        String dir = initialised.get(manifestKey);
        if (dir == null) {
            throw new PolicySourceException(block.position() + ": module " + key.substring(key.lastIndexOf('.') + 1)
                    + " (source " + source + ") is not available here: run terraform init (it records fetched modules "
                    + "in .terraform/modules/modules.json), or use terraform show -json output of a plan");
        }
        return root.resolve(dir).normalize();
    }

    /** for_each and count make several instances, whose values only a plan knows. */
    static void refuseMeta(Hcl.Block block, String what) {
        for (String meta : new String[] {"for_each", "count"}) {
            Hcl.Attribute a = block.body().attributes().get(meta);
            if (a != null) {
                throw new PolicySourceException(a.position() + ": " + meta + " needs terraform plan (" + what
                        + " has several instances); use terraform show -json");
            }
        }
    }
}
