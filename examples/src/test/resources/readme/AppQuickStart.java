import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

// In a GitHub Actions job with "permissions: id-token: write" and AWS_ROLE_ARN, AWS_REGION set.
public class AppQuickStart {
    public static void main(String[] args) {
        try (GitHubOidcCredentialsProvider credentials = GitHubOidcCredentialsProvider.create();
             StsClient sts = StsClient.builder().credentialsProvider(credentials).build()) {
            System.out.println(sts.getCallerIdentity().arn());
        }
    }
}
