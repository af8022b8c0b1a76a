package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimelinesTest {

    @Test
    void aWebWithoutTheEndpointHasNoHomeTimeline() {
        assertThat(Timelines.parse(404, "{\"type\":\"about:blank\",\"status\":404}")).isEmpty();
    }

    @Test
    void theEndpointsFiguresAreReadAndTheRestIgnored() {
        assertThat(Timelines.parse(200, "{\"pending\":3,\"entries\":120000,\"popularAuthors\":12,\"capacity\":800}"))
                .contains(new Timelines.State(3, 120_000));
    }

    @Test
    void anyOtherAnswerIsAFailureNotAMissingTimeline() {
        assertThatThrownBy(() -> Timelines.parse(500, "")).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> Timelines.parse(200, "{\"entries\":1}")).hasMessageContaining("no pending/entries");
    }

    @Test
    void aPostIsFoundOnAFeedPageByItsId() {
        var page = Json.tree("{\"items\":[{\"id\":7,\"content\":\"a\"},{\"id\":42}],\"nextCursor\":null}");

        assertThat(TimelineProbes.onFirstPage(page, 42)).isTrue();
        assertThat(TimelineProbes.onFirstPage(page, 4)).isFalse();
        assertThat(TimelineProbes.onFirstPage(Json.tree("{\"items\":[]}"), 42)).isFalse();
    }
}
