package io.github.ghaoidc.emulator.aws.internal.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery ({@code <issuer>/.well-known/openid-configuration}) then {@code jwks_uri} over HTTP, with Nimbus's
 * caching {@link JWKSourceBuilder} per issuer. Only successful discoveries are cached, so a provider that was
 * down is asked again on the next call. Thread-safe.
 */
public final class RemoteJwks implements KeySourceResolver {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);

    /**
     * Made on the first remote issuer: building an {@link HttpClient} initialises TLS (the default trust store),
     * several hundred milliseconds of CPU that in-process issuers never need, so it stays off the start-up path.
     */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final Map<String, String> locations;

    /**
     * @param locations where an issuer's discovery is actually served, by issuer URL (for an issuer hosted
     *                  elsewhere, e.g. another emulator process impersonating GitHub); others are fetched at their
     *                  own URL
     */
    public RemoteJwks(Map<String, String> locations) {
        this.locations = Map.copyOf(locations);
    }

    @Override
    public JWKSource<SecurityContext> keysFor(String issuerUrl) {
        JWKSource<SecurityContext> cached = sources.get(issuerUrl);
        if (cached != null) {
            return cached;
        }
        JWKSource<SecurityContext> source = JWKSourceBuilder.create(jwksUri(issuerUrl))
                .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(15).toMillis())
                .rateLimited(false)
                .retrying(false)
                .build();
        sources.putIfAbsent(issuerUrl, source);
        return sources.get(issuerUrl);
    }

    private URL jwksUri(String issuerUrl) {
        String base = locations.getOrDefault(issuerUrl, issuerUrl);
        String discovery = (base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration";
        try {
            HttpResponse<String> response = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(discovery))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new KeyRetrievalException("discovery document " + discovery + " answered HTTP "
                        + response.statusCode(), null);
            }
            JsonNode jwksUri = Http.JSON.readTree(response.body()).get("jwks_uri");
            if (jwksUri == null || !jwksUri.isTextual()) {
                throw new KeyRetrievalException("discovery document " + discovery + " has no jwks_uri", null);
            }
            LOG.debug("discovered JWKS [issuer={}, jwksUri={}]", issuerUrl, jwksUri.asText());
            return URI.create(jwksUri.asText()).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyRetrievalException("cannot read discovery document " + discovery + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyRetrievalException("interrupted while reading " + discovery, e);
        }
    }
}
