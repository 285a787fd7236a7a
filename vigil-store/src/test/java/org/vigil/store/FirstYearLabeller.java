package org.vigil.store;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Article;

/** The store tests' labeller (registered in META-INF/services): the first 20xx year of a sentence, else none. */
public final class FirstYearLabeller implements CycleLabeller {
    private static final Pattern YEAR = Pattern.compile("\\b(20[0-9]{2})\\b");

    @Override
    public Function<String, Integer> forArticle(Article article, LocalDate published) {
        return sentence -> {
            if (sentence == null) {
                return null;
            }
            Matcher m = YEAR.matcher(sentence);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        };
    }
}
