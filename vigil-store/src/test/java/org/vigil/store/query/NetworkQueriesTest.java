package org.vigil.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.VigilStore;

class NetworkQueriesTest {
    @TempDir
    Path dir;
    VigilStore store;
    NetworkQueries q;

    @BeforeEach
    void open() {
        store = VigilStore.open(dir.resolve("v.duckdb"));
        q = new NetworkQueries(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aStoreWithoutCoordinationRunsAnswersEmptyNotWithAnError() {
        assertThat(q.runs()).isEmpty();
        assertThat(q.latestRunId()).isEmpty();
        assertThat(q.networks("any", NetworkFilter.all(), 0, 10).total()).isZero();
        assertThat(q.network("any", 1)).isEmpty();
        assertThat(q.members("any", 1, 0, 10).items()).isEmpty();
        assertThat(q.graph("any", 1, 10, 10).nodes()).isEmpty();
        assertThat(q.account("any", "alice")).isEmpty();
    }

    @Test
    void theLatestRunIsTheOneThatStartedLast() {
        QueryFixtures.coordination(store, "old", Instant.parse("2024-01-01T00:00:00Z"));
        QueryFixtures.coordination(store, "new", Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(q.runs()).extracting(CoordinationRunRow::runId).containsExactly("new", "old");
        assertThat(q.latestRunId()).contains("new");
        assertThat(q.runs().get(0).networks()).isEqualTo(2);
        assertThat(q.runs().get(0).inputs()).containsExactly("posts.csv");
        assertThat(q.hasRun("old")).isTrue();
        assertThat(q.hasRun("nope")).isFalse();
    }

    @Test
    void networksCarryTheirOutletsCoActionsAndLeansAndSortAsAsked() {
        String run = QueryFixtures.coordination(store, "r", Instant.now());
        Page<NetworkRow> page = q.networks(run, NetworkFilter.all(), 0, 10);
        assertThat(page.total()).isEqualTo(2);
        NetworkRow first = page.items().get(0);
        assertThat(first.networkId()).isEqualTo(1);
        assertThat(first.stateMediaOutlets()).containsExactly("RT", "Sputnik");
        assertThat(first.coActions()).containsEntry("co-retweet", 5).containsEntry("co-link", 2).containsEntry("co-tweet", 0);
        assertThat(first.leans()).singleElement().satisfies(l -> {
            assertThat(l.candidate()).isEqualTo("trump");
            assertThat(l.lean()).isEqualTo("push");
            assertThat(l.cues()).containsExactly("#maga");
        });
        assertThat(first.firstActive()).isEqualTo(Instant.ofEpochSecond(QueryFixtures.T0));
        NetworkFilter byStart = new NetworkFilter(null, null, List.of(), null, null, NetworkSort.FIRST_ACTIVE);
        assertThat(q.networks(run, byStart, 0, 10).items()).extracting(NetworkRow::networkId).containsExactly(1, 2);
        NetworkFilter bySize = new NetworkFilter(null, null, List.of(), null, null, NetworkSort.SIZE);
        assertThat(q.networks(run, bySize, 1, 1).items()).extracting(NetworkRow::networkId).containsExactly(2);
    }

    @Test
    void filtersNarrowByOutletCandidateLeanSizeAndScore() {
        String run = QueryFixtures.coordination(store, "r", Instant.now());
        assertThat(ids(q.networks(run, new NetworkFilter(null, null, List.of("Sputnik"), null, null, null), 0, 10))).containsExactly(1);
        assertThat(ids(q.networks(run, new NetworkFilter(null, null, List.of("PressTV", "RT"), null, null, null), 0, 10))).containsExactly(1);
        assertThat(ids(q.networks(run, new NetworkFilter(null, null, List.of("PressTV"), null, null, null), 0, 10))).isEmpty();
        assertThat(ids(q.networks(run, new NetworkFilter(null, null, List.of(), "harris", "attack", null), 0, 10))).containsExactly(2);
        assertThat(ids(q.networks(run, new NetworkFilter(null, null, List.of(), "harris", "push", null), 0, 10))).isEmpty();
        assertThat(ids(q.networks(run, new NetworkFilter(3, null, List.of(), null, null, null), 0, 10))).containsExactly(1);
        assertThat(ids(q.networks(run, new NetworkFilter(null, 0.6, List.of(), null, null, null), 0, 10))).containsExactly(1);
        // a hostile value is a value to compare, not SQL
        assertThat(ids(q.networks(run, new NetworkFilter(null, null, List.of("RT' OR '1'='1"), null, null, null), 0, 10))).isEmpty();
    }

    @Test
    void membersArePagedFirmestFirstAndTheGraphKeepsTheStrongestLinks() {
        String run = QueryFixtures.coordination(store, "r", Instant.now());
        Page<AccountRow> members = q.members(run, 1, 0, 2);
        assertThat(members.total()).isEqualTo(3);
        assertThat(QueryFixtures.ids(members.items())).containsExactly("alice", "bob");
        assertThat(QueryFixtures.ids(q.members(run, 1, 2, 2).items())).containsExactly("carol<script>");

        NetworkGraph all = q.graph(run, 1, 10, 10);
        assertThat(all.nodes()).hasSize(3);
        assertThat(all.edges()).extracting(EdgeRow::weight).containsExactly(9.0, 7.0, 5.0);
        assertThat(all.truncated()).isFalse();
        NetworkGraph top2 = q.graph(run, 1, 2, 10);
        assertThat(QueryFixtures.ids(top2.nodes())).containsExactly("alice", "bob");
        assertThat(top2.edges()).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("bob"));
        assertThat(top2.truncated()).isTrue();
        assertThatThrownBy(() -> q.graph(run, 1, 0, 10)).hasMessageContaining("'maxNodes'");
    }

    @Test
    void sharedObjectsComeByKindAndRankOrByTime() {
        String run = QueryFixtures.coordination(store, "r", Instant.now());
        Page<SharedObjectRow> all = q.sharedObjects(run, 1, null, false, 0, 10);
        assertThat(all.items()).extracting(SharedObjectRow::kind).containsExactly("link", "domain", "hashtag");
        assertThat(q.sharedObjects(run, 1, null, true, 0, 10).items()).extracting(SharedObjectRow::value)
                .startsWith("maga");
        assertThat(q.sharedObjects(run, 1, "hashtag", false, 0, 10).items()).singleElement()
                .satisfies(o -> assertThat(o.shares()).isEqualTo(12));
        assertThatThrownBy(() -> q.sharedObjects(run, 1, "emoji", false, 0, 10)).hasMessageContaining("'kind'");
    }

    @Test
    void accountsAreFoundBySubstringAndTheirLinksPointOutward() {
        String run = QueryFixtures.coordination(store, "r", Instant.now());
        assertThat(QueryFixtures.ids(q.accounts(run, "AR", null, 0, 10).items())).containsExactly("carol<script>");
        assertThat(q.accounts(run, null, 2, 0, 10).total()).isEqualTo(2);
        assertThat(q.accounts(run, "%", null, 0, 10).total()).isZero();
        assertThat(q.account(run, "carol<script>")).get().extracting(AccountRow::networkId).isEqualTo(1);
        Page<EdgeRow> links = q.links(run, "alice", 0, 10);
        assertThat(links.total()).isEqualTo(3);
        assertThat(links.items()).allSatisfy(e -> assertThat(e.source()).isEqualTo("alice"));
        assertThat(links.items()).extracting(EdgeRow::target).containsExactly("bob", "carol<script>", "erin");
        assertThat(links.items().get(2).networkId()).isEqualTo(-1);
    }

    @Test
    void pagesAreBounded() {
        assertThatThrownBy(() -> q.members("r", 1, 0, 1001)).hasMessageContaining("'limit' must be between 1 and 1000");
        assertThatThrownBy(() -> q.members("r", 1, -1, 10)).hasMessageContaining("'offset'");
    }

    private static List<Integer> ids(Page<NetworkRow> page) {
        return page.items().stream().map(NetworkRow::networkId).toList();
    }
}
