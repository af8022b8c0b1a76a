package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aBulkAnswersErrorsFlagIsReadWithoutItsItems() {
        assertThat(Json.topLevelFlag("{\"took\":30,\"errors\":true,\"items\":[{\"index\":{\"status\":400}}]}", "errors")).isTrue();
        assertThat(Json.topLevelFlag("{\"took\":30,\"items\":[{\"errors\":true}],\"errors\":false}", "errors")).isFalse();
        assertThat(Json.topLevelFlag("{\"took\":30}", "errors")).isFalse();
    }
}
