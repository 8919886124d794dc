package io.github.ghaoidc.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.RecordedRequest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestRecorderTest {

    private static RecordedRequest request(RequestRecorder recorder) {
        return RecordedRequest.of(recorder.nextSequence(), Instant.EPOCH, "GET", "/", "", Map.of(), "", false);
    }

    @Test
    void keepsAtMostTheLimitDroppingTheOldestAndCountingThem() throws Exception {
        RequestRecorder recorder = new RequestRecorder(true, 2);
        for (int i = 0; i < 5; i++) {
            recorder.add(request(recorder));
        }
        assertThat(recorder.count()).isEqualTo(5);
        assertThat(recorder.dropped()).isEqualTo(3);
        assertThat(recorder.take(0, TimeUnit.SECONDS).sequenceNumber()).isEqualTo(3);
        assertThat(recorder.take(0, TimeUnit.SECONDS).sequenceNumber()).isEqualTo(4);
    }

    @Test
    void takeReturnsNullWhenNothingArrivesInTime() throws Exception {
        assertThat(new RequestRecorder(true, 10).take(20, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void takeWaitsForARequestAddedByAnotherThread() throws Exception {
        RequestRecorder recorder = new RequestRecorder(true, 10);
        Thread t = new Thread(() -> recorder.add(request(recorder)));
        t.start();
        assertThat(recorder.take(10, TimeUnit.SECONDS)).isNotNull();
        t.join();
    }
}
