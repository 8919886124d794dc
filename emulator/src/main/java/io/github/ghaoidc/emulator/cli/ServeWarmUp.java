package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.issuer.internal.DiscoveryDocument;
import io.github.ghaoidc.emulator.issuer.internal.Json;
import io.github.ghaoidc.emulator.issuer.internal.RequestTokens;
import io.undertow.util.DateUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import org.xnio.Xnio;

/**
 * Initialises what every {@code serve} needs, on a daemon thread, while the main thread parses the command line:
 * the XNIO provider under Undertow (it registers MBeans, which builds the JVM's platform MBean server: the
 * single most expensive step of a cold start, 150–300 ms of CPU), the security providers (RSA key generation,
 * SHA-256 of the default job's IDs), the JSON generator with the request-token and discovery writers, and what
 * Undertow's first response needs (its {@code Date} header loads the JDK's calendar and locale data). Nothing here
 * is specific to a configuration, and all of it would otherwise run on the main thread, or on the first request,
 * before the server could answer. Failures are ignored: the same work is done again, and reported, where it is
 * really needed.
 */
final class ServeWarmUp {

    private ServeWarmUp() {
    }

    /** Starts the warm-up when {@code args} run {@code serve}; otherwise does nothing. */
    static void startFor(String[] args) {
        if (args.length == 0 || !"serve".equals(args[0])) {
            return;
        }
        Thread t = new Thread(ServeWarmUp::run, "gha-oidc-serve-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Xnio.getInstance(Xnio.class.getClassLoader());
            KeyPairGenerator.getInstance("RSA");
            Json.warmUp();
            Instant now = Instant.now();
            new RequestTokens("http://127.0.0.1/_apis").issue("warm-up", "0", now, now.plusSeconds(60));
            DiscoveryDocument.bytes("https://warm.up", "https://warm.up/.well-known/jwks");
            DateUtils.toDateString(new Date()); // Undertow's Date header: the JDK's calendar and locale data
            StatusCodes.getReason(200);
            new HeaderMap().put(Headers.CONTENT_TYPE, "application/json");
        } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            // only a warm-up: the server start reports whatever is really wrong
        }
    }
}
