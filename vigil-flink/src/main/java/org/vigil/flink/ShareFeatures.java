package org.vigil.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationStages;
import org.vigil.coordination.detect.PostFeatures;
import org.vigil.model.CoordinationKind;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Stage one, post &rarr; shares: the post's features by the in-process feature maker, one event per object it acts on. */
final class ShareFeatures extends RichFlatMapFunction<SequencedPost, ShareEvent> {
    private final HashMap<String, String> settings;
    private transient PostFeatures.Maker maker;
    private transient Set<CoordinationKind> kinds;

    ShareFeatures(Map<String, String> settings) {
        this.settings = new HashMap<>(settings);
    }

    @Override
    public void open(OpenContext context) {
        CoordinationStages stages = new CoordinationStages(CoordinationSettings.fromMap(settings));
        maker = stages.featureMaker();
        kinds = stages.kinds();
    }

    @Override
    public void flatMap(SequencedPost p, Collector<ShareEvent> out) {
        PostFeatures f = maker.make(p.toPost());
        f.forEachShare((kind, key) -> {
            if (!kinds.contains(kind)) {
                return;
            }
            ShareEvent e = new ShareEvent();
            e.kind = kind.ordinal();
            e.objectKey = key;
            e.account = p.accountId;
            e.time = p.timestamp;
            e.ordinal = p.ordinal;
            e.signature = kind == CoordinationKind.CO_SIMILAR_TEXT ? f.signature() : null;
            out.collect(e);
        });
    }
}
