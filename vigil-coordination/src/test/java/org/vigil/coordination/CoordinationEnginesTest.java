package org.vigil.coordination;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoordinationEnginesTest {
    @Test
    void findsTheInProcessEngineByItsName() {
        assertThat(CoordinationEngines.available()).containsKey(CoordinationEngines.DEFAULT);
        assertThat(CoordinationEngines.named(CoordinationEngines.DEFAULT)).isInstanceOf(InProcessCoordinationEngine.class);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> CoordinationEngines.named("no-such-engine"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-engine")
                .hasMessageContaining("in-process");
    }
}
