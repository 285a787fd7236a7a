package org.vigil.coordination;

import org.vigil.coordination.detect.CoActionDetector;
import org.vigil.coordination.detect.NearDuplicateCheck;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.detect.ShareTable;
import org.vigil.coordination.detect.WindowedCoActionDetector;
import org.vigil.model.CoordinationKind;
import org.vigil.model.Post;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the raw co-actions one detector finds in a set of posts, before any scoring: for inspecting a
 * small case by hand ("why are these two accounts linked?") and for tests.
 */
public final class CoActions {
    /** Two accounts acting on the same object within the window: {@code a} at {@code timeA <= timeB} by {@code b}. */
    public record CoAction(CoordinationKind kind, String a, String b, long timeA, long timeB) {
    }

    private CoActions() {
    }

    public static List<CoAction> find(List<Post> posts, CoordinationSettings settings, CoordinationKind kind) {
        ShareExtractor x = new ShareExtractor(settings);
        for (Post p : posts) {
            if (p.accountId() != null && !p.accountId().isBlank()) {
                x.accept(p);
            }
        }
        return find(x, settings, kind);
    }

    static List<CoAction> find(ShareExtractor x, CoordinationSettings settings, CoordinationKind kind) {
        CoActionDetector detector = detector(x, settings, kind);
        ShareTable table = x.table(kind);
        ShareTable.Groups groups = table.objects();
        ObjectShares s = new ObjectShares();
        List<CoAction> out = new ArrayList<>();
        for (int g = 0; g < groups.count(); g++) {
            table.load(groups, g, s);
            detector.detect(s, (a, b, ta, tb, ra, rb) -> out.add(new CoAction(kind, x.accountId(a), x.accountId(b), ta, tb)));
        }
        return out;
    }

    /** The detector Vigil's method runs for {@code kind}. */
    static CoActionDetector detector(ShareExtractor x, CoordinationSettings settings, CoordinationKind kind) {
        NearDuplicateCheck check = kind == CoordinationKind.CO_SIMILAR_TEXT
                ? new NearDuplicateCheck(x.hasher(), x.signatures(), settings.similarity()) : null;
        return new WindowedCoActionDetector(kind, settings.windowSeconds(), settings.maxPartners(), check);
    }
}
