package org.vigil.extract;

import org.vigil.testing.Needs;
import org.junit.jupiter.api.Test;
import org.vigil.model.Technique;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DisarmMappingTest {
    /** ../shared/reference, or a skip (a failure under CI=true) saying why. */
    private static Path reference(String file) {
        return Needs.shared("reference/" + file);
    }

    @Test
    void shippedTechniqueTableIsWhatTheGeneratorMakesFromDisarmsOwnBundle() throws IOException {
        List<String> generated;
        try (InputStream in = Files.newInputStream(reference("disarm/DISARM.json"))) {
            generated = DisarmMapping.tableFromBundle(in);
        }
        List<String> shipped;
        try (InputStream in = DisarmMapping.class.getResourceAsStream(DisarmMapping.TABLE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(shipped).as("regenerate with DisarmMapping's main").isEqualTo(generated);
        assertThat(shipped).hasSize(392); // header + 103 techniques + 288 sub-techniques
    }

    @Test
    void phishingIsReportedAsObtainPrivateDocumentsAndAttackPhishing() {
        DisarmMapping.DisarmTechnique t = DisarmMapping.of(Technique.PHISHING);
        assertThat(t.id()).isEqualTo("T0089");
        assertThat(t.name()).isEqualTo("Obtain Private Documents");
        assertThat(t.attackId()).isEqualTo("T1566");
        assertThat(t.entry().tacticId()).isEqualTo("TA06");
        assertThat(t.entry().stixId()).isEqualTo("attack-pattern--8c7832cb-8877-4f54-8e05-7e6df9a3d2b4");
    }

    @Test
    void hackAndLeakIsASubTechniqueWithItsParent() {
        DisarmMapping.DisarmTechnique t = DisarmMapping.of(Technique.HACK_AND_LEAK);
        assertThat(t.id()).isEqualTo("T0089.001");
        assertThat(t.name()).isEqualTo("Obtain Authentic Documents");
        assertThat(t.entry().parentId()).isEqualTo("T0089");
    }

    @Test
    void anUnspecifiedInfluenceOperationHasNoDisarmTechnique() {
        DisarmMapping.DisarmTechnique t = DisarmMapping.of(Technique.INFLUENCE_OPERATION);
        assertThat(t.id()).isNull();
        assertThat(t.name()).isNull();
        assertThat(t.attackId()).isNull();
    }

    @Test
    void everyAttackIdInTheMapIsALiveEnterpriseTechnique() throws IOException {
        Map<String, String[]> attack = Files.readAllLines(reference("attack/enterprise_techniques_flat.tsv")).stream()
                .skip(1).map(l -> l.split("\t")).collect(Collectors.toMap(f -> f[0], Function.identity()));
        int mapped = 0;
        for (Technique t : Technique.values()) {
            String id = DisarmMapping.of(t).attackId();
            if (id == null) {
                continue;
            }
            mapped++;
            assertThat(attack).as(t + " -> " + id).containsKey(id);
            assertThat(attack.get(id)[4]).as(id + " revoked").isEqualTo("False");
            assertThat(attack.get(id)[5]).as(id + " deprecated").isEqualTo("False");
        }
        assertThat(mapped).isEqualTo(4);
    }
}
