package org.vigil.flink;

import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.DependencyParseAnnotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Article;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each news slot builds in open(): an analyzer with CoreNLP pipelines of its own shares no annotator and no
 * model (tagger, dependency parser) with another such analyzer or with the JVM's shared pipelines, and all three
 * give vigil extract's lines byte for byte. Three pipeline sets live at once, about 1 GiB of the 3 GiB test heap.
 */
class OwnPipelinesTest {

    @Test
    void ownedPipelinesShareNothingAndGiveTheSameLines(@TempDir Path tmp) throws Exception {
        CoreNlpAnalyzer a = CoreNlpAnalyzer.withOwnPipelines();
        CoreNlpAnalyzer b = CoreNlpAnalyzer.withOwnPipelines();
        CoreNlpAnalyzer shared = new CoreNlpAnalyzer();
        assertThat(a.ownsPipelines()).isTrue();
        assertThat(shared.ownsPipelines()).isFalse();

        assertThat(a.sharesAnnotatorsWith(b)).isFalse();
        assertThat(a.sharesAnnotatorsWith(shared)).isFalse();
        assertThat(shared.sharesAnnotatorsWith(new CoreNlpAnalyzer())).as("the per-JVM pipelines are one").isTrue();
        List<Object> models = new ArrayList<>();
        for (CoreNlpAnalyzer x : List.of(a, b, shared)) {
            List<Object> mine = models(x);
            assertThat(mine).as("a tagger and a dependency parser").hasSize(2);
            models.addAll(mine);
        }
        Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(models);
        assertThat(distinct).as("no tagger or parser object in common").hasSize(6);

        for (String[] f : NewsJobTest.ARTICLES) {
            Path p = tmp.resolve(f[0]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f[1], StandardCharsets.UTF_8);
        }
        NewsBatch batch = new NewsIngest().read(tmp);
        assertThat(batch.articles()).hasSize(NewsJobTest.ARTICLES.length);
        List<String> viaShared = lines(new NewsExtractor(shared, Gazetteer.standard()), batch);
        assertThat(String.join("\n", viaShared)).contains("\"claims\":[{").contains("\"incidents\":[{");
        assertThat(lines(new NewsExtractor(a, Gazetteer.standard()), batch)).isEqualTo(viaShared);
        assertThat(lines(new NewsExtractor(b, Gazetteer.standard()), batch)).isEqualTo(viaShared);
    }

    private static List<String> lines(NewsExtractor extractor, NewsBatch batch) {
        List<String> out = new ArrayList<>();
        for (Article article : batch.articles()) {
            out.add(GoldFormat.line(article.doc(), extractor.extract(article), false));
        }
        return out;
    }

    /** The tagger and dependency parser inside an analyzer's annotators (private fields of CoreNLP's annotators). */
    private static List<Object> models(CoreNlpAnalyzer analyzer) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        for (Annotator an : analyzer.annotators()) {
            if (an instanceof POSTaggerAnnotator) {
                out.add(field(an, POSTaggerAnnotator.class, "pos"));
            } else if (an instanceof DependencyParseAnnotator) {
                out.add(field(an, DependencyParseAnnotator.class, "parser"));
            }
        }
        return out;
    }

    private static Object field(Object o, Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        Object v = f.get(o);
        assertThat(v).as("%s.%s", type.getSimpleName(), name).isNotNull();
        return v;
    }
}
