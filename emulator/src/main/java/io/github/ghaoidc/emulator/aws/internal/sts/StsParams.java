package io.github.ghaoidc.emulator.aws.internal.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.Validation;
import java.io.IOException;
import java.util.regex.Pattern;

/** Parameter rules shared by the AssumeRole family, in AWS's wording. */
final class StsParams {

    static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:role/.+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StsParams() {
    }

    /** Validates the common parameters and returns the requested duration (default 3600). */
    static int validate(QueryRequest request, Validation validation) {
        String roleArn = request.param("RoleArn");
        String sessionName = request.param("RoleSessionName");
        Integer duration = Validation.integer("durationSeconds", request.param("DurationSeconds"));
        validation.required("roleArn", roleArn).length("roleArn", roleArn, 20, 2048, false)
                .required("roleSessionName", sessionName).length("roleSessionName", sessionName, 2, 64, false)
                .pattern("roleSessionName", sessionName, SESSION_NAME, "[\\w+=,.@-]*")
                .range("durationSeconds", duration, 900, 43200)
                .length("policy", request.param("Policy"), 1, 2048, true)
                .listSize("policyArns", request.members("PolicyArns", "arn").size(), 10)
                .throwIfInvalid();
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw AwsServiceException.validation("Request ARN is invalid");
        }
        return duration == null ? 3600 : duration;
    }

    /**
     * Checks the optional session policy and returns its packed size in percent of the allowance, or null
     * when none was sent.
     */
    static Integer packedPolicySize(QueryRequest request) {
        String policy = request.param("Policy");
        int arns = request.members("PolicyArns", "arn").size();
        if (policy == null && arns == 0) {
            return null;
        }
        int length = 0;
        if (policy != null) {
            try {
                length = JSON.writeValueAsString(JSON.readTree(policy)).length();
            } catch (IOException e) {
                throw AwsServiceException.malformedPolicy("Syntax errors in policy.");
            }
        }
        int percent = (int) Math.ceil((length + 64.0 * arns) * 100 / 2048);
        if (percent > 100) {
            throw new AwsServiceException("PackedPolicyTooLarge", 400, "Packed policy consumes " + percent
                    + "% of allotted space, please use smaller policy for assume role.");
        }
        return percent;
    }
}
