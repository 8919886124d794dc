package io.github.ghaoidc.emulator.admin.internal;

import io.github.ghaoidc.emulator.config.FaultJson;
import io.github.ghaoidc.emulator.config.WorkflowContextJson;
import java.util.Map;

/** Request bodies of the admin API. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** {@code POST /_admin/jobs}: {@code {"id": "deploy", "context": {...}, "lifetimeSeconds": 600}}; all optional. */
    public record CreateJob(String id, WorkflowContextJson context, Long lifetimeSeconds) {
    }

    /**
     * {@code POST /_admin/mint}: a token for a job's context ({@code job}) or an explicit {@code context}
     * (default: the default context), with optional {@code audience}, claim overrides ({@code null} removes)
     * and a token-altering {@code fault}.
     */
    public record Mint(String job, WorkflowContextJson context, String audience, Map<String, Object> claims,
                       FaultJson fault) {
    }
}
