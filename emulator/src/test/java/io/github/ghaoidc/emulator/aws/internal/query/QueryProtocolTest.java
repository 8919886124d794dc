package io.github.ghaoidc.emulator.aws.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryProtocolTest {

    private static QueryRequest form(String body) {
        return QueryRequest.of("POST", "/", "", Map.of(), body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    @Test
    void formParametersAndMemberListsAreDecoded() {
        QueryRequest request = form("Action=CreateOpenIDConnectProvider&Url=https%3A%2F%2Fx.example"
                + "&ClientIDList.member.1=a&ClientIDList.member.2=b+c&PolicyArns.member.1.arn=arn%3Ap");
        assertThat(request.action()).isEqualTo("CreateOpenIDConnectProvider");
        assertThat(request.param("Url")).isEqualTo("https://x.example");
        assertThat(request.members("ClientIDList")).containsExactly("a", "b c");
        assertThat(request.members("PolicyArns", "arn")).containsExactly("arn:p");
    }

    @Test
    void successDocumentHasActionResultAndRequestIdInTheServiceNamespace() {
        String xml = QueryResponse.success("GetCallerIdentity", "https://sts.amazonaws.com/doc/2011-06-15/", "rid",
                out -> out.element("Account", "123456789012")).xml();
        assertThat(xml).contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult>")
                .contains("<ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata>");
    }

    @Test
    void errorDocumentCarriesTypeCodeMessageAndEscapesText() {
        QueryResponse response = QueryResponse.error(AwsServiceException.accessDenied("a <b> & c"),
                "https://iam.amazonaws.com/doc/2010-05-08/", "rid");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.xml()).contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>a &lt;b&gt; &amp; c</Message></Error>")
                .contains("<RequestId>rid</RequestId>");
    }

    @Test
    void validationErrorsAreCountedAndJoinedAsAwsWordsThem() {
        assertThatThrownBy(() -> new Validation().required("roleArn", null).length("roleSessionName", "x", 2, 64, false)
                .throwIfInvalid())
                .isInstanceOf(AwsServiceException.class)
                .hasMessage("2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: "
                        + "Member must not be null; Value 'x' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 2");
    }

    @Test
    void secretValuesAreNotEchoedInValidationMessages() {
        assertThatThrownBy(() -> new Validation().length("webIdentityToken", "abc", 4, 20000, true).throwIfInvalid())
                .hasMessage("1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 4");
    }

    @Test
    void requestIdsAreUuids() {
        assertThat(List.of(RequestIds.next(), RequestIds.next())).allSatisfy(id -> assertThat(id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }
}
