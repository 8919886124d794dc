package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.issuer.internal.Json;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.xnio.Xnio;

/**
 * Initialises what every {@code serve} needs, on a daemon thread, while the main thread parses the command line:
 * the XNIO provider under Undertow (it registers MBeans, which builds the JVM's platform MBean server: the
 * single most expensive step of a cold start, 150–300 ms of CPU), the security providers (RSA key generation,
 * SHA-256 of the default job's IDs) and the JSON generator. Nothing here is specific to a configuration, and
 * all of it would otherwise run on the main thread before the server could answer. Failures are ignored: the
 * same work is done again, and reported, where it is really needed.
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
        } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            // only a warm-up: the server start reports whatever is really wrong
        }
    }
}
