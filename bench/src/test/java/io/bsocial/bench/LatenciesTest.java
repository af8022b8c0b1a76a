package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesOfUnsortedValues() {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            millis.add((double) i);
        }
        Collections.shuffle(millis);

        Latencies latencies = Latencies.of(millis);

        assertThat(latencies).isEqualTo(new Latencies(200, 100.0, 198.0, 200.0));
        assertThat(latencies).hasToString("received=200 p50_ms=100.0 p99_ms=198.0 max_ms=200.0");
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertThat(Latencies.of(List.of(4.25))).isEqualTo(new Latencies(1, 4.25, 4.25, 4.25));
        assertThat(Latencies.of(List.of(4.25)).p99()).isEqualTo("4.3");
    }

    @Test
    void nothingMeasuredIsReportedAsNotAvailable() {
        assertThat(Latencies.of(List.of())).isSameAs(Latencies.NONE);
        assertThat(Latencies.NONE).hasToString("received=0 p50_ms=n/a p99_ms=n/a max_ms=n/a");
    }
}
