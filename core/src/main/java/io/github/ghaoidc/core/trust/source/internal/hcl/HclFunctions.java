package io.github.ghaoidc.core.trust.source.internal.hcl;

import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The Terraform functions evaluated before plan: {@code jsonencode}, {@code format}, {@code join}, {@code concat}, {@code tolist}, {@code toset}. */
final class HclFunctions {

    private HclFunctions() {
    }

    static Object call(Hcl.Call c, HclEvaluator eval) {
        List<Object> args = new ArrayList<>();
        c.args().forEach(a -> args.add(eval.evaluate(a)));
        switch (c.name()) {
            case "jsonencode": {
                arity(c, 1);
                String json = HclEvaluator.writeJson(args.get(0), c);
                eval.charge(json.length(), c.position());
                return json;
            }
            case "format":
                return format(c, args);
            case "join": {
                arity(c, 2);
                List<Object> items = list(c, args.get(1));
                List<String> texts = new ArrayList<>();
                items.forEach(i -> texts.add(HclEvaluator.text(i, c)));
                return String.join(HclEvaluator.text(args.get(0), c), texts);
            }
            case "concat": {
                List<Object> out = new ArrayList<>();
                args.forEach(a -> out.addAll(list(c, a)));
                return out;
            }
            case "tolist":
                arity(c, 1);
                return new ArrayList<>(list(c, args.get(0)));
            case "toset":
                arity(c, 1);
                return new ArrayList<>(new LinkedHashSet<>(list(c, args.get(0))));
            default:
                throw new PolicySourceException(c.position() + ": " + c.name() + "() cannot be evaluated before plan "
                        + "(supported: jsonencode, format, join, concat, tolist, toset); use terraform show -json "
                        + "output of a plan instead");
        }
    }

    private static String format(Hcl.Call c, List<Object> args) {
        if (args.isEmpty()) {
            throw new PolicySourceException(c.position() + ": format() needs a format string");
        }
        String spec = HclEvaluator.text(args.get(0), c);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw new PolicySourceException(c.position() + ": format() string ends with '%'");
            }
            char verb = spec.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (verb != 's' && verb != 'd' && verb != 'v') {
                throw new PolicySourceException(c.position() + ": format() verb %" + verb + " is not supported "
                        + "(supported: %s, %d, %v, %%)");
            }
            if (next >= args.size()) {
                throw new PolicySourceException(c.position() + ": format() has more verbs than values");
            }
            out.append(HclEvaluator.text(args.get(next++), c));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Hcl.Call c, Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new PolicySourceException(c.position() + ": " + c.name() + "() expects a list");
    }

    private static void arity(Hcl.Call c, int n) {
        if (c.args().size() != n) {
            throw new PolicySourceException(c.position() + ": " + c.name() + "() takes " + n + " argument"
                    + (n == 1 ? "" : "s") + ", got " + c.args().size());
        }
    }
}
