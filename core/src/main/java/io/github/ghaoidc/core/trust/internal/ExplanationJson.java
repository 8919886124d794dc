package io.github.ghaoidc.core.trust.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.ConditionExplanation;
import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.PolicyValueCheck;
import io.github.ghaoidc.core.trust.StatementExplanation;

/** Renders an {@link Explanation} as a Jackson tree. */
public final class ExplanationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExplanationJson() {
    }

    public static ObjectNode render(Explanation e) {
        ObjectNode root = NODES.objectNode();
        root.put("decision", e.decision().name());
        root.put("action", e.action());
        root.put("caller", e.caller());
        ObjectNode context = root.putObject("requestContext");
        e.requestContext().forEach((k, v) -> {
            ArrayNode values = context.putArray(k);
            v.forEach(values::add);
        });
        ArrayNode deciding = root.putArray("decidingStatements");
        e.decidingStatements().forEach(s -> deciding.add(s.index()));
        ArrayNode statements = root.putArray("statements");
        for (StatementExplanation s : e.statements()) {
            ObjectNode st = statements.addObject();
            st.put("index", s.index());
            if (s.sid() != null) {
                st.put("sid", s.sid());
            }
            st.put("effect", s.effect().jsonName());
            st.put("path", s.path());
            st.put("matched", s.matched());
            st.put("principalMatched", s.principalMatched());
            st.put("principalNote", s.principalNote());
            st.put("actionMatched", s.actionMatched());
            ArrayNode conditions = st.putArray("conditions");
            for (ConditionExplanation c : s.conditions()) {
                ObjectNode cn = conditions.addObject();
                cn.put("path", c.path());
                cn.put("operator", c.operator());
                cn.put("key", c.key());
                cn.put("satisfied", c.satisfied());
                cn.put("keyPresent", c.keyPresent());
                ArrayNode req = cn.putArray("requestValues");
                c.requestValues().forEach(req::add);
                ArrayNode values = cn.putArray("policyValues");
                for (PolicyValueCheck v : c.policyValues()) {
                    ObjectNode vn = values.addObject();
                    vn.put("value", v.value());
                    if (v.resolved() != null) {
                        vn.put("resolved", v.resolved());
                    }
                    vn.put("matched", v.matched());
                }
                if (!c.note().isEmpty()) {
                    cn.put("note", c.note());
                }
            }
        }
        return root;
    }
}
