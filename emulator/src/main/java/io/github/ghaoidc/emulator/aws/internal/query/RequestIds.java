package io.github.ghaoidc.emulator.aws.internal.query;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in AWS's UUID form. Not secret, so a fast non-cryptographic source is fine. */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }
}
