package org.vigil.store;

import java.time.LocalDate;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.vigil.model.Article;

/**
 * Says which election cycle each claim and incident of an article is about, as the article is
 * written to the store. The store cannot read text itself (it does not depend on the extractor), so
 * the application registers one with {@link ServiceLoader} (a
 * {@code META-INF/services/org.vigil.store.CycleLabeller} file); without one the store writes no
 * cycle and the queries fall back to the publication date ({@link CycleSql}).
 */
public interface CycleLabeller {
    /**
     * The labeller of one article's sentences: sentence (null for none kept) to its cycle, null when
     * nothing tells.
     *
     * @param published the date the store keeps for it: the earliest any copy of the story carried
     */
    Function<String, Integer> forArticle(Article article, LocalDate published);

    /** The registered labeller, or one that labels nothing. */
    static CycleLabeller installed() {
        return ServiceLoader.load(CycleLabeller.class).findFirst().orElse((article, published) -> sentence -> null);
    }
}
