package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.QueryResponse;

/** Gateway mode: sends a request, unchanged, to the upstream AWS endpoint and returns its answer. */
public interface Forwarder {

    QueryResponse forward(QueryRequest request);
}
