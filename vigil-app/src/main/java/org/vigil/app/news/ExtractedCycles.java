package org.vigil.app.news;

import java.time.LocalDate;
import java.util.function.Function;
import org.vigil.extract.cycle.CycleInference;
import org.vigil.model.Article;
import org.vigil.store.CycleLabeller;

/**
 * The store's {@link CycleLabeller} in the application (registered in META-INF/services): every
 * command that writes articles labels their claims and incidents with {@link CycleInference}, over
 * the title and text, against the earliest publication date of the story.
 */
public final class ExtractedCycles implements CycleLabeller {
    @Override
    public Function<String, Integer> forArticle(Article article, LocalDate published) {
        String text = article.title() == null ? article.text() : article.title() + "\n" + article.text();
        CycleInference cycles = CycleInference.of(text, published);
        return sentence -> {
            CycleInference.Cycle c = cycles.cycleOf(sentence);
            return c == null ? null : c.year();
        };
    }
}
