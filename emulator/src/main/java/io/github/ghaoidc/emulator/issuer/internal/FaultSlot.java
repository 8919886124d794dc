package io.github.ghaoidc.emulator.issuer.internal;

import io.github.ghaoidc.emulator.issuer.Fault;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the fault currently set (globally or for one job) and counts down {@link Fault#times()}. Not API. */
public final class FaultSlot {

    private record Armed(Fault fault, int remaining) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    public void set(Fault fault) {
        armed.set(fault == null ? null : new Armed(fault, fault.times()));
    }

    public Fault current() {
        Armed a = armed.get();
        return a == null ? null : a.fault();
    }

    /** The fault to apply to one request, counting it against {@code times}; {@code null} for none. */
    public Fault take() {
        while (true) {
            Armed a = armed.get();
            if (a == null) {
                return null;
            }
            if (a.remaining() == 0) {
                return a.fault();
            }
            Armed next = a.remaining() == 1 ? null : new Armed(a.fault(), a.remaining() - 1);
            if (armed.compareAndSet(a, next)) {
                return a.fault();
            }
        }
    }
}
