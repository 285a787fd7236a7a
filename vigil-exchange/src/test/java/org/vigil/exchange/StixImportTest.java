package org.vigil.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixImportTest {
    @TempDir
    Path dir;

    private static final String IDENTITY = """
            {"type": "identity", "spec_version": "2.1", "id": "identity--11111111-1111-4111-8111-111111111111",
             "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "Some CTI team"}""";

    private static String report(String modified, String... refs) {
        return """
                {"type": "report", "spec_version": "2.1", "id": "report--22222222-2222-4222-8222-222222222222",
                 "created_by_ref": "identity--11111111-1111-4111-8111-111111111111",
                 "created": "2024-01-01T00:00:00.000Z", "modified": "%s", "name": "Storm-1516 targets voters",
                 "published": "2024-01-01T00:00:00.000Z", "object_refs": [%s]}""".formatted(modified,
                String.join(", ", java.util.Arrays.stream(refs).map(r -> "\"" + r + "\"").toList()));
    }

    private Path bundle(String... objects) throws Exception {
        Path f = dir.resolve("in.json");
        Files.writeString(f, "{\"type\": \"bundle\", \"id\": \"bundle--33333333-3333-4333-8333-333333333333\", \"objects\": [\n"
                + String.join(",\n", objects) + "\n]}\n");
        return f;
    }

    private static long rows(VigilStore store) {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM stix_objects")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private StixImporter.Refused refused(VigilStore store, Path file) {
        try {
            new StixImporter(store).importBundle(file);
        } catch (StixImporter.Refused e) {
            return e;
        }
        throw new AssertionError("the bundle was not refused");
    }

    @Test
    void anotherProducersReportAndIdentityAreImported() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            StixImporter.Result r = new StixImporter(store).importBundle(
                    bundle(IDENTITY, report("2024-01-01T00:00:00.000Z", "identity--11111111-1111-4111-8111-111111111111")));
            assertThat(r.objects()).isEqualTo(2);
            assertThat(r.added()).isEqualTo(2);
            assertThat(r.byType()).containsEntry("report", 1).containsEntry("identity", 1);
            assertThat(CuratedIntel.list(store, null, 10)).extracting(CuratedIntel.Item::name, CuratedIntel.Item::producer)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Storm-1516 targets voters", "Some CTI team"));
        }
    }

    @Test
    void aNewerVersionReplacesTheOlderAndAnOlderOneIsLeftAlone() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            StixImporter importer = new StixImporter(store);
            importer.importBundle(bundle(IDENTITY, report("2024-02-01T00:00:00.000Z")
                    .replace("\"object_refs\": []", "\"object_refs\": [\"identity--11111111-1111-4111-8111-111111111111\"]")));
            StixImporter.Result newer = importer.importBundle(bundle(report("2024-03-01T00:00:00.000Z",
                    "identity--11111111-1111-4111-8111-111111111111")));
            assertThat(newer.replaced()).isEqualTo(1);
            StixImporter.Result older = importer.importBundle(bundle(report("2024-01-15T00:00:00.000Z",
                    "identity--11111111-1111-4111-8111-111111111111")));
            assertThat(older.unchanged()).isEqualTo(1);
            assertThat(rows(store)).isEqualTo(2);
        }
    }

    @Test
    void invalidJsonIsRefusedWithItsLineAndColumn() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"type\": \"bundle\",\n \"objects\": [\n  {\"type\": \"report\",, }\n]}");
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            StixImporter.Refused e = refused(store, f);
            assertThat(e.getMessage()).isEqualTo(f + ": 1 problem; nothing was imported: fix the bundle (or export it again"
                    + " from its producer) and import it again");
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0)).isEqualTo(f + " line 3 column 21: not valid JSON (Unexpected character (',' (code 44)):"
                    + " was expecting double-quote to start field name)");
            assertThat(rows(store)).isZero();
        }
    }

    @Test
    void unknownTypesAreRefusedAndNothingIsImported() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            Path f = bundle(IDENTITY, """
                    {"type": "gossip", "spec_version": "2.1", "id": "gossip--44444444-4444-4444-8444-444444444444",
                     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z"}""");
            StixImporter.Refused e = refused(store, f);
            assertThat(e.problems()).containsExactly(f + " line 4, object 1 (gossip--44444444-4444-4444-8444-444444444444): "
                    + "'gossip' is not a STIX 2.1 type (custom types start with 'x-')");
            assertThat(rows(store)).isZero();
        }
    }

    @Test
    void danglingReferencesAreRefusedNamingTheObjectAndTheMissingId() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            Path f = bundle(IDENTITY, report("2024-01-01T00:00:00.000Z", "campaign--55555555-5555-4555-8555-555555555555"));
            StixImporter.Refused e = refused(store, f);
            assertThat(e.problems()).containsExactly(f + " line 4, object 1 (report--22222222-2222-4222-8222-222222222222) "
                    + "object_refs refers to campaign--55555555-5555-4555-8555-555555555555, which is neither in the bundle nor in the store");
            assertThat(rows(store)).isZero();
        }
    }

    @Test
    void aReferenceToAnObjectAlreadyInTheStoreResolves() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            new StixImporter(store).importBundle(bundle(IDENTITY));
            StixImporter.Result r = new StixImporter(store).importBundle(
                    bundle(report("2024-01-01T00:00:00.000Z", "identity--11111111-1111-4111-8111-111111111111")));
            assertThat(r.added()).isEqualTo(1);
        }
    }

    @Test
    void badIdsTimestampsAndShapesAreEachNamed() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            Path f = bundle("""
                    {"type": "report", "spec_version": "2.1", "id": "campaign--22222222-2222-4222-8222-222222222222",
                     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z"}""", """
                    {"type": "note", "spec_version": "2.1", "id": "note--66666666-6666-4666-8666-666666666666",
                     "created": "yesterday", "modified": "2024-01-01T00:00:00.000Z", "content": "x", "object_refs": []}""",
                    "[1, 2]", """
                    {"type": "campaign", "spec_version": "2.0", "id": "campaign--77777777-7777-4777-8777-777777777777",
                     "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "name": "old"}""");
            StixImporter.Refused e = refused(store, f);
            assertThat(e.problems()).containsExactly(
                    f + " line 2, object 0 (campaign--22222222-2222-4222-8222-222222222222): 'id' must be report--UUID, got 'campaign--22222222-2222-4222-8222-222222222222'",
                    f + " line 4, object 1 (note--66666666-6666-4666-8666-666666666666): 'created' must be an RFC 3339 UTC timestamp such as 2024-10-01T12:00:00.000Z, got 'yesterday'",
                    f + " line 6, object 2: not a JSON object",
                    f + " line 7, object 3 (campaign--77777777-7777-4777-8777-777777777777): spec_version '2.0' is not 2.1; convert STIX 2.0 content to 2.1 first");
            assertThat(e.getMessage()).contains(": 4 problems; nothing was imported");
            assertThat(rows(store)).isZero();
        }
    }

    @Test
    void somethingThatIsNotABundleIsRefused() throws Exception {
        Path f = dir.resolve("list.json");
        Files.writeString(f, "{\"type\": \"report\", \"id\": \"x\"}");
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            assertThat(refused(store, f).problems()).containsExactly(
                    f + ": the top-level object is not a STIX bundle (it needs \"type\": \"bundle\")",
                    f + ": the bundle has no list \"objects\"");
        }
    }

    @Test
    void aFileThatChangesBetweenTheTwoPassesLeavesTheStoreAsItWas() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            new StixImporter(store).importBundle(bundle(IDENTITY));
            Path f = bundle(report("2024-01-01T00:00:00.000Z", "identity--11111111-1111-4111-8111-111111111111"), """
                    {"type": "campaign", "spec_version": "2.1", "id": "campaign--77777777-7777-4777-8777-777777777777",
                     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "name": "c"}""");
            StixImporter importer = new StixImporter(store);
            importer.betweenPasses = () -> {
                try {
                    // the report and half the campaign stay, then the file ends: the second pass writes the report, then fails
                    String text = Files.readString(f);
                    Files.writeString(f, text.substring(0, text.indexOf("\"name\": \"c\"")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            assertThatThrownBy(() -> importer.importBundle(f)).isInstanceOf(VigilException.class)
                    .hasMessageStartingWith("cannot read " + f + " a second time: ")
                    .hasMessageEndingWith("; nothing was imported");
            assertThat(rows(store)).isEqualTo(1);
            assertThat(CuratedIntel.list(store, null, 10)).isEmpty();
            long staging = store.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'stix_import_%'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(staging).as("staging tables rolled back too").isZero();
        }
    }

    @Test
    void aMissingFileSaysSo() {
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            assertThatThrownBy(() -> new StixImporter(store).importBundle(dir.resolve("nope.json")))
                    .isInstanceOf(VigilException.class)
                    .hasMessage("no file " + dir.resolve("nope.json") + ": pass the path of a STIX 2.1 bundle (.json)");
        }
    }

    @Test
    void disarmsOwnBundleImportsWhole() throws Exception {
        Path disarm = ExchangeFixtures.reference("disarm/DISARM.json");
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            StixImporter.Result r = new StixImporter(store).importBundle(disarm);
            assertThat(r.byType()).containsEntry("attack-pattern", 391).containsEntry("x-mitre-tactic", 16)
                    .containsEntry("relationship", 288).containsEntry("identity", 1).containsEntry("marking-definition", 1);
            assertThat(r.added()).isEqualTo(r.objects());
            CuratedIntel.Item t0089 = CuratedIntel.list(store, "attack-pattern", 1000).stream()
                    .filter(i -> "mitre-attack T0089".equals(i.externalIds())).findFirst().orElseThrow();
            assertThat(t0089.name()).isEqualTo("Obtain Private Documents");
            assertThat(t0089.producer()).isEqualTo("DISARM Foundation");
        }
    }

    @Test
    void attacksElectionSubsetImportsWhole() throws Exception {
        Path attack = ExchangeFixtures.reference("attack/attack_election_subset_bundle.json");
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            StixImporter.Result r = new StixImporter(store).importBundle(attack);
            assertThat(r.byType()).containsEntry("attack-pattern", 52).containsEntry("intrusion-set", 15);
        }
    }
}
