package io.github.ghaoidc.core.token.internal;

/** Turns a non-retryable token-endpoint status into a message that names the likely cause. */
final class TokenEndpointErrors {

    private TokenEndpointErrors() {
    }

    static String describe(int status, String host, String location, String message) {
        String head = "The GitHub Actions token endpoint at " + host + " answered HTTP " + status + message + ": ";
        if (status >= 300 && status < 400) {
            String target = location == null ? "another location" : hostOf(location);
            return head + "it redirected to " + target + ", which is not followed (the request token is sent "
                    + "only to " + host + "); check ACTIONS_ID_TOKEN_REQUEST_URL";
        }
        return head + switch (status) {
            case 400 -> "the request was malformed; check the audience and ACTIONS_ID_TOKEN_REQUEST_URL";
            case 401, 403 -> "the request token was refused; ACTIONS_ID_TOKEN_REQUEST_TOKEN is wrong or expired "
                    + "(it is valid only for the running job)";
            case 404 -> "no ID token here; check ACTIONS_ID_TOKEN_REQUEST_URL is the runner's value, unmodified";
            case 429 -> "rate limited; too many token requests in a short time";
            default -> status >= 500 ? "server error at the token endpoint; try again later"
                    : "unexpected status; expected 200 with {\"value\":\"<jwt>\"}";
        };
    }

    private static String hostOf(String location) {
        try {
            String host = java.net.URI.create(location).getHost();
            return host == null ? "a relative location" : host;
        } catch (IllegalArgumentException e) {
            return "an unparseable location";
        }
    }
}
