package io.github.ghaoidc.emulator.admin.internal;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.TrustDecisionRecord;
import io.github.ghaoidc.emulator.internal.Responses;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_admin/aws/decisions}: the STS's last trust decisions, newest first, with the trust engine's
 * explanation — the reason AWS's AccessDenied never gives. 404 when AWS emulation is off.
 */
final class AwsDecisions {

    private AwsDecisions() {
    }

    static void respond(HttpServerExchange exchange, GitHubOidcEmulator emulator) {
        List<TrustDecisionRecord> records;
        try {
            records = emulator.aws().decisions();
        } catch (IllegalStateException e) {
            Responses.error(exchange, 404, e.getMessage());
            return;
        }
        Responses.json(exchange, 200, Map.of("decisions", records.stream().map(AwsDecisions::json).toList()));
    }

    private static Map<String, Object> json(TrustDecisionRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", record.time().toString());
        out.put("action", record.action());
        out.put("roleArn", record.roleArn());
        out.put("principal", record.principal());
        out.put("sessionName", record.sessionName());
        out.put("allowed", record.allowed());
        out.put("decision", record.decision());
        out.put("explanation", record.explanation());
        return out;
    }
}
