package io.github.ghaoidc.emulator.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.emulator.issuer.internal.FaultSlot;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void statusMustBeAnHttpError() {
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fault status must be an HTTP error 400-599 (e.g. 401, 404, 429, 500, 503), got: 200");
    }

    @Test
    void expiredAndNotYetValidAreExclusive() {
        assertThatThrownBy(() -> Fault.builder().expired().notYetValid().build()).hasMessageContaining("choose one");
    }

    @Test
    void faultWithTimesClearsItselfAfterThatManyRequests() {
        FaultSlot slot = new FaultSlot();
        slot.set(Fault.builder().status(503).times(2).build());
        assertThat(slot.take()).isNotNull();
        assertThat(slot.take()).isNotNull();
        assertThat(slot.take()).isNull();
    }

    @Test
    void faultWithoutTimesStaysUntilCleared() {
        FaultSlot slot = new FaultSlot();
        slot.set(Fault.status(500));
        for (int i = 0; i < 5; i++) {
            assertThat(slot.take()).isNotNull();
        }
        slot.set(null);
        assertThat(slot.take()).isNull();
    }

    @Test
    void toStringListsWhatIsOn() {
        assertThat(Fault.builder().status(429).unknownKid().times(1).build().toString())
                .isEqualTo("Fault[status=429, unknownKid, times=1]");
    }
}
