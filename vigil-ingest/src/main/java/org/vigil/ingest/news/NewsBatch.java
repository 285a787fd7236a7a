package org.vigil.ingest.news;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Article;
import org.vigil.model.Problem;

/**
 * The result of reading news inputs: one {@link Article} per document that yielded text, in input
 * order, and one {@link FileOutcome} per file or JSONL record, including the ones that did not.
 */
public record NewsBatch(List<Article> articles, List<FileOutcome> outcomes) {

    private static final Pattern FILE_AND_LINE = Pattern.compile("^(.*):(\\d+)$");

    public NewsBatch {
        articles = List.copyOf(articles);
        outcomes = List.copyOf(outcomes);
    }

    public long ok() {
        return count(FileOutcome.Status.OK);
    }

    public long skipped() {
        return count(FileOutcome.Status.SKIPPED);
    }

    public long failed() {
        return count(FileOutcome.Status.FAILED);
    }

    /**
     * The skipped and failed inputs as {@link Problem}s for the quarantine. The raw record is not
     * kept here; {@link NewsIngest#read(java.nio.file.Path, java.util.function.Consumer)} hands it over.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            if (o.status() == FileOutcome.Status.OK) {
                continue;
            }
            Matcher m = FILE_AND_LINE.matcher(o.origin());
            if (m.matches()) {
                problems.add(new Problem(m.group(1), Long.parseLong(m.group(2)), o.message(), ""));
            } else {
                problems.add(new Problem(o.origin(), 0, o.message(), ""));
            }
        }
        return problems;
    }

    private long count(FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
