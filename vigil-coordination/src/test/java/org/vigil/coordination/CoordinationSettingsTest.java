package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinationKind;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoordinationSettingsTest {
    @Test
    void defaultsBuildAllFiveNetworksOverSixtySeconds() {
        CoordinationSettings s = CoordinationSettings.defaults();
        assertThat(s.windowSeconds()).isEqualTo(60);
        assertThat(s.kinds()).containsExactlyInAnyOrder(CoordinationKind.values());
        assertThat(s.method()).isEqualTo("vigil");
    }

    @Test
    void everyKeyHasADefaultAndADescriptionAndRoundTrips() {
        CoordinationSettings s = CoordinationSettings.defaults();
        assertThat(s.asMap().keySet()).containsExactlyElementsOf(CoordinationSettings.KEYS.stream().map(CoordinationSettings.Key::name).toList());
        assertThat(CoordinationSettings.KEYS).allSatisfy(k -> assertThat(k.description()).isNotBlank());
        assertThat(CoordinationSettings.fromMap(s.asMap())).isEqualTo(s);
    }

    @Test
    void errorsNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> CoordinationSettings.fromMap(Map.of("coordination.window.seconds", "soon")))
                .hasMessage("coordination.window.seconds must be a whole number, got 'soon'");
        assertThatThrownBy(() -> CoordinationSettings.fromMap(Map.of("coordination.windw.seconds", "60")))
                .hasMessageStartingWith("unknown setting 'coordination.windw.seconds'");
        assertThatThrownBy(() -> CoordinationSettings.fromMap(Map.of("coordination.kinds", "co-like")))
                .hasMessageContaining("unknown co-action kind 'co-like'");
        assertThatThrownBy(() -> CoordinationSettings.fromMap(Map.of("coordination.edge.alpha", "2")))
                .hasMessage("coordination.edge.alpha must be in (0,1), got 2.0");
    }

    @Test
    void kindsAcceptNamesInAnyCase() {
        CoordinationSettings s = CoordinationSettings.fromMap(Map.of("coordination.kinds", "CO_RETWEET, co-link"));
        assertThat(s.kinds()).containsExactlyInAnyOrder(CoordinationKind.CO_RETWEET, CoordinationKind.CO_LINK);
        assertThat(s.with("coordination.kinds", "all").kinds()).hasSize(5);
    }
}
