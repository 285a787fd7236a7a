package org.vigil.coordination.characterise;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.InProcessCoordinationEngine;
import org.vigil.model.CandidateLean;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Stance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterisationTest {
    @Test
    void registryMatchesDomainsWithSubdomainsAndHandlesCaseInsensitively() {
        StateMediaRegistry r = StateMediaRegistry.bundled();
        assertThat(r.outletOfDomain("rt.com")).isEqualTo("RT");
        assertThat(r.outletOfDomain("de.rt.com")).isEqualTo("RT");
        assertThat(r.outletOfDomain("sputnikglobe.com")).isEqualTo("Sputnik");
        assertThat(r.outletOfDomain("art.com")).isNull();
        assertThat(r.outletOfDomain("com")).isNull();
        assertThat(r.outletOfAccount("@rt_COM")).isEqualTo("RT");
        assertThat(r.outletOfAccount("cgtnofficial")).isEqualTo("CGTN");
        assertThat(r.outletOfAccount("nobody")).isNull();
        assertThat(r.outlets()).contains("RT", "Sputnik", "PressTV", "CGTN", "Global Times", "Xinhua", "TASS");
    }

    @Test
    void lexiconReadsHashtagsPhrasesAndNamedCandidatesWithPolarityWords() {
        CandidateLexicon l = CandidateLexicon.bundled();
        assertThat(l.hashtag("crookedhillary")).satisfies(c -> {
            assertThat(c.candidate()).isEqualTo("clinton");
            assertThat(c.lean()).isEqualTo(Stance.OPPOSES);
        });
        assertThat(l.hashtag("maga").lean()).isEqualTo(Stance.FAVORS);
        assertThat(l.text("Biden is corrupt and everyone knows it")).extracting(CandidateLexicon.Cue::candidate, CandidateLexicon.Cue::lean)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("biden", Stance.OPPOSES));
        assertThat(l.text("Vote for Kamala on Tuesday")).extracting(CandidateLexicon.Cue::lean).containsExactly(Stance.FAVORS);
        assertThat(l.text("corrupt officials everywhere")).isEmpty();
        assertThat(l.text("the trumpet sounded great")).isEmpty();
    }

    /**
     * A group that retweets RT's posts and links to sputnikglobe.com with #crookedhillary, in unison,
     * inside a generated organic background (without one, a group's meetings are all there is to compare with).
     */
    @Test
    void aNetworkAmplifyingStateMediaShowsItsShareOutletsEvidenceAndLean() {
        List<Post> posts = new ArrayList<>();
        long t = 1_700_000_000L;
        int id = 0;
        for (int e = 0; e < 12; e++) {
            long base = t + e * 7200L;
            String orig = "rt" + e;
            posts.add(new Post(orig, "RT_com", base, "breaking story number " + e + " from the outlet", null, null, List.of(), List.of(), "en"));
            for (int m = 0; m < 6; m++) {
                posts.add(new Post("r" + (id++), "member" + m, base + 5 + m, "", orig, null, List.of(), List.of(), "en"));
                String url = "https://sputnikglobe.com/story/" + e;
                posts.add(new Post("l" + (id++), "member" + m, base + 600 + m, "hillary lies again read this " + url,
                        null, null, List.of(url), List.of("#CrookedHillary"), "en"));
            }
        }
        posts.addAll(new org.vigil.coordination.synthetic.SyntheticPosts(30_000, 3_000, 1, 11, false).generate().posts());
        posts.sort(java.util.Comparator.comparingLong(Post::timestamp));
        CoordinationResult r = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.defaults(), p -> { });
        CoordinatedNetwork n = r.networks().stream().filter(x -> x.accounts().contains("member0")).findFirst().orElseThrow();
        assertThat(n.accounts()).containsExactlyInAnyOrder("member0", "member1", "member2", "member3", "member4", "member5");
        assertThat(n.stateMediaShare()).isEqualTo(1.0);
        assertThat(n.stateMediaOutlets()).containsExactlyInAnyOrder("RT", "Sputnik");
        assertThat(n.evidence().hashtags()).first().satisfies(h -> {
            assertThat(h.value()).isEqualTo("crookedhillary");
            assertThat(h.accounts()).isEqualTo(6);
            assertThat(h.firstSeen()).isLessThanOrEqualTo(h.lastSeen());
        });
        assertThat(n.evidence().domains()).first().satisfies(d -> {
            assertThat(d.value()).isEqualTo("sputnikglobe.com");
            assertThat(d.detail()).isEqualTo("Sputnik");
        });
        assertThat(n.evidence().reshared()).isNotEmpty().allSatisfy(x -> assertThat(x.detail()).startsWith("@RT_com: breaking story"));
        assertThat(n.leans()).first().extracting(CandidateLean::candidate, CandidateLean::lean)
                .containsExactly("clinton", Stance.OPPOSES);
        assertThat(n.firstActive()).isLessThan(n.lastActive());
    }
}
