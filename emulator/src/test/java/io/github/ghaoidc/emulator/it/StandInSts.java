package io.github.ghaoidc.emulator.it;

/** STS answers for a stand-in server, in the Query protocol's XML, for faults the emulator cannot produce. */
final class StandInSts {

    private StandInSts() {
    }

    static String assumed(String assumedRoleArn) {
        return "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIASTANDIN0000001</AccessKeyId>"
                + "<SecretAccessKey>standin-secret</SecretAccessKey><SessionToken>standin-session</SessionToken>"
                + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<SubjectFromWebIdentityToken>repo:octo-org/octo-repo:ref:refs/heads/main</SubjectFromWebIdentityToken>"
                + "<AssumedRoleUser><AssumedRoleId>AROASTANDIN:GithubActionsSession</AssumedRoleId><Arn>" + assumedRoleArn
                + "</Arn></AssumedRoleUser><Provider>token.actions.githubusercontent.com</Provider>"
                + "<Audience>sts.amazonaws.com</Audience></AssumeRoleWithWebIdentityResult>"
                + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>";
    }

    static String callerIdentity(String arn) {
        return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                + "<Arn>" + arn + "</Arn><UserId>AROASTANDIN:GithubActionsSession</UserId><Account>123456789100</Account>"
                + "</GetCallerIdentityResult><ResponseMetadata><RequestId>2</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>";
    }
}
