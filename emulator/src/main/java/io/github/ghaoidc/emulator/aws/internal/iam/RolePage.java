package io.github.ghaoidc.emulator.aws.internal.iam;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import io.github.ghaoidc.emulator.aws.internal.query.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of {@code ListRoles}, as IAM pages: {@code MaxItems} (1–1000, default 100), {@code Marker} from the
 * previous page's answer, {@code IsTruncated} and the next {@code Marker}, and an optional {@code PathPrefix}.
 * The marker is opaque to clients (here: the next role's name, Base64-encoded); roles are listed by name.
 *
 * @param roles the roles of this page
 * @param nextMarker the marker of the next page, or null when this is the last
 */
record RolePage(List<Role> roles, String nextMarker) {

    static final int DEFAULT_MAX_ITEMS = 100;
    static final int MAX_ITEMS = 1000;

    static RolePage of(List<Role> sortedByName, QueryRequest request) {
        Integer maxItems = Validation.integer("maxItems", request.param("MaxItems"));
        String marker = request.param("Marker");
        String pathPrefix = request.param("PathPrefix");
        new Validation().range("maxItems", maxItems, 1, MAX_ITEMS)
                .length("marker", marker, 1, 320, false)
                .length("pathPrefix", pathPrefix, 1, 512, false)
                .throwIfInvalid();
        String from = marker == null ? null : decode(marker);
        int limit = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        List<Role> matching = sortedByName.stream()
                .filter(r -> pathPrefix == null || r.path().startsWith(pathPrefix))
                .filter(r -> from == null || r.roleName().compareTo(from) >= 0)
                .limit(limit + 1L)
                .toList();
        if (matching.size() <= limit) {
            return new RolePage(matching, null);
        }
        return new RolePage(matching.subList(0, limit), encode(matching.get(limit).roleName()));
    }

    private static String encode(String roleName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(roleName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsServiceException.invalidInput("Invalid Marker: pass the Marker of the previous ListRoles answer "
                    + "unchanged");
        }
    }
}
