package io.github.ghaoidc.emulator.aws.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void credentialScopeNamesKeyRegionAndService() {
        AuthorizationHeader header = AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260101/"
                + "us-east-2/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=abc123");
        assertThat(header.accessKeyId()).isEqualTo("ASIAEXAMPLE");
        assertThat(header.region()).isEqualTo("us-east-2");
        assertThat(header.service()).isEqualTo("iam");
        assertThat(header.signedHeaders()).containsExactly("content-type", "host", "x-amz-date");
        assertThat(header.signature()).isEqualTo("abc123");
    }

    @Test
    void headerWithoutSignatureIsIncompleteSignature() {
        assertThatThrownBy(() -> AuthorizationHeader.parse("AWS4-HMAC-SHA256 Credential=A/20260101/us-east-1/sts/"
                + "aws4_request, SignedHeaders=host"))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).code()).isEqualTo("IncompleteSignature"));
    }
}
