package io.github.ghaoidc.emulator.aws.internal.sigv4;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.util.List;

/**
 * A parsed {@code AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=…,
 * Signature=…} header.
 */
public record AuthorizationHeader(String accessKeyId, String date, String region, String service,
        List<String> signedHeaders, String signature) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Parses the header, or throws AWS's {@code IncompleteSignature} error naming what is missing. */
    public static AuthorizationHeader parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw incomplete("Unsupported authorization type; only " + ALGORITHM + " is supported");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String item = part.trim();
            if (item.startsWith("Credential=")) {
                credential = item.substring("Credential=".length());
            } else if (item.startsWith("SignedHeaders=")) {
                signedHeaders = item.substring("SignedHeaders=".length());
            } else if (item.startsWith("Signature=")) {
                signature = item.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw incomplete("Credential should be scoped to a valid region and service, like "
                    + "AKID/20260101/us-east-1/sts/aws4_request");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")),
                signature);
    }

    private static AwsServiceException incomplete(String message) {
        return new AwsServiceException("IncompleteSignature", 400, message);
    }

    @Override
    public String toString() {
        return "AuthorizationHeader[accessKeyId=" + accessKeyId + ", service=" + service + ", region=" + region + "]";
    }
}
