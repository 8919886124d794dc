package io.github.ghaoidc.emulator.aws.internal.query;

import java.util.function.Consumer;

/** A rendered Query protocol response: HTTP status and XML body. */
public record QueryResponse(int status, String xml, String requestId) {

    /** {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…}. */
    public static QueryResponse success(String action, String namespace, String requestId, Consumer<XmlOut> result) {
        XmlOut out = new XmlOut();
        out.start(action + "Response").defaultNamespace(namespace);
        if (result != null) {
            out.start(action + "Result");
            result.accept(out);
            out.end();
        }
        out.start("ResponseMetadata").element("RequestId", requestId).end();
        out.end();
        return new QueryResponse(200, out.finish(), requestId);
    }

    /** {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}. */
    public static QueryResponse error(AwsServiceException error, String namespace, String requestId) {
        XmlOut out = new XmlOut();
        out.start("ErrorResponse").defaultNamespace(namespace);
        out.start("Error")
                .element("Type", error.faultType())
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .end();
        out.element("RequestId", requestId);
        out.end();
        return new QueryResponse(error.httpStatus(), out.finish(), requestId);
    }
}
