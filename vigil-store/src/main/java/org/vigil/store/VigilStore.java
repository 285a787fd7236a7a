package org.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import org.apache.lucene.store.LockObtainFailedException;
import org.vigil.model.Article;
import org.vigil.model.Extraction;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

/**
 * Vigil's embedded store: a DuckDB file plus a Lucene index in a folder beside it (for
 * {@code vigil-data/vigil.duckdb}, {@code vigil-data/vigil.lucene/}).
 *
 * <p>DuckDB lets one process write a file at a time. Within the process, writes are serialised
 * here and reads run on their own connections, in parallel with each other but not with a write,
 * so the dashboard can read from many threads. Every method is thread-safe.
 */
public final class VigilStore implements AutoCloseable {
    public static final Path DEFAULT_PATH = Path.of("vigil-data", "vigil.duckdb");

    /** Largest page any paginated read returns; the dashboard's bounds are checked here too. */
    public static final int MAX_LIMIT = 1000;
    /** Search results are ranked, so paging deeper than this is not useful and only costs memory. */
    public static final int MAX_SEARCH_DEPTH = 10_000;
    /** Longest search query accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 500;
    /** The full-text index is committed at least this often during a long ingest. */
    private static final int COMMIT_EVERY = 1000;

    /** Work on a JDBC connection, for {@link #read} and {@link #write}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path dbFile;
    private final boolean readOnly;
    private final Database db;
    private NewsWriter writer;
    private volatile FullTextIndex index;
    /** The store's write counter as of the last save; changed only under the write lock. */
    private long version;
    private int uncommitted;

    private VigilStore(Path dbFile, boolean readOnly, Database db) {
        this.dbFile = dbFile;
        this.readOnly = readOnly;
        this.db = db;
    }

    /** Opens the store at {@code dbFile} for reading and writing, creating its folder, file and tables as needed. */
    public static VigilStore open(Path dbFile) {
        Objects.requireNonNull(dbFile, "The parameter 'dbFile' must not be null.");
        Path file = dbFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new VigilException("cannot create the folder " + file.getParent() + " for the Vigil store: "
                    + e.getMessage() + "; check permissions or pass another --db", e);
        }
        VigilStore store = new VigilStore(file, false, Database.connect(file, false));
        try {
            store.migrate(NewsSchema.COMPONENT, NewsSchema.MIGRATIONS);
            store.writer = new NewsWriter(store.db.writeConnection());
            store.version = store.indexVersion();
            store.index = FullTextIndex.openWritable(luceneFolder(file), store.version, store::forEachIndexed);
            return store;
        } catch (LockObtainFailedException e) {
            store.closeQuietly();
            throw new VigilException("the search index at " + luceneFolder(file) + " is in use by another open Vigil store"
                    + ": close that one first, or pass another --db", e);
        } catch (IOException e) {
            store.closeQuietly();
            throw new VigilException("cannot open the search index at " + luceneFolder(file) + ": " + e.getMessage()
                    + "; delete that folder and it is rebuilt from the store", e);
        } catch (RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
    }

    /**
     * Opens an existing store for reading only, without changing it: several processes may read a
     * store at once, but not while one writes it. Fails with a one-line message when the file is
     * missing or its tables are not the version this Vigil reads.
     */
    public static VigilStore openReadOnly(Path dbFile) {
        Objects.requireNonNull(dbFile, "The parameter 'dbFile' must not be null.");
        Path file = dbFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new VigilException("no Vigil store at " + dbFile + ": run 'vigil ingest news DIR' first");
        }
        VigilStore store = new VigilStore(file, true, Database.connect(file, true));
        try {
            int known = NewsSchema.MIGRATIONS.get(NewsSchema.MIGRATIONS.size() - 1).version();
            int current = store.db.read("read the schema version",
                    c -> new Migrator(c, file.toString()).currentVersion(NewsSchema.COMPONENT));
            if (current != known) {
                throw new VigilException("the Vigil store at " + file + " has news schema version " + current
                        + " but this Vigil reads version " + known + ": open it once for writing (e.g. 'vigil ingest') "
                        + (current < known ? "to upgrade it" : "with the newer Vigil that wrote it"));
            }
            return store;
        } catch (RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
    }

    /** Where the Lucene index of the store at {@code dbFile} lives: {@code x.duckdb} → {@code x.lucene/}. */
    static Path luceneFolder(Path dbFile) {
        String name = dbFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dbFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".lucene");
    }

    public Path path() {
        return dbFile;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * The store's write connection, for modules that keep their own tables here (create them with
     * {@link #migrate}). Do not close it. Prefer {@link #write} and {@link #read}: they keep
     * writes from overlapping reads, which DuckDB 1.4.1 does not survive intact (see {@code Database}).
     */
    public Connection connection() {
        return db.writeConnection();
    }

    /** Runs {@code work} on the write connection in one transaction, committed when it returns. */
    public <T> T write(SqlWork<T> work) {
        Objects.requireNonNull(work, "The parameter 'work' must not be null.");
        requireWritable("write");
        try {
            return db.write(work::run);
        } catch (SQLException e) {
            throw db.failure("write", e);
        }
    }

    /** Runs {@code work} on a connection of its own; it may run alongside other reads, never alongside a write. */
    public <T> T read(SqlWork<T> work) {
        Objects.requireNonNull(work, "The parameter 'work' must not be null.");
        return db.read("read", work::run);
    }

    /**
     * Brings the tables of {@code component} up to date: applies, in version order and one
     * transaction each, the migrations not yet recorded in {@code schema_migrations}. Fails when the
     * store already has a newer version than {@code migrations} knows.
     */
    public void migrate(String component, List<Migration> migrations) {
        Objects.requireNonNull(component, "The parameter 'component' must not be null.");
        Objects.requireNonNull(migrations, "The parameter 'migrations' must not be null.");
        requireWritable("migrate");
        Lock lock = db.writeLock();
        lock.lock();
        try {
            new Migrator(db.writeConnection(), dbFile.toString()).migrate(component, migrations);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores one article with its claims and incidents. Idempotent: keyed by the article's content
     * hash ({@link Article#id()}), so storing the same text again adds its new sources only and
     * replaces its claims and incidents.
     */
    public void saveExtraction(Extraction extraction) {
        Objects.requireNonNull(extraction, "The parameter 'extraction' must not be null.");
        requireWritable("save an article");
        Article a = extraction.article();
        Lock lock = db.writeLock();
        lock.lock();
        try {
            IndexedArticle indexed;
            try {
                indexed = db.write(c -> {
                    IndexedArticle saved = writer.save(extraction);
                    writer.setIndexVersion(version + 1);
                    return saved;
                });
            } catch (SQLException e) {
                throw new VigilException("could not store article " + a.doc() + " (id " + a.id() + "): "
                        + Sql.firstLine(e) + "; the store is unchanged, fix the record and ingest it again", e);
            }
            version++;
            putInIndex(indexed);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores many articles as {@link #saveExtraction} would one by one, but in one transaction:
     * a single save spends about half its time starting and committing its transaction, so an
     * ingest should hand over a few dozen articles at a time. When the batch fails, each article
     * is tried on its own, so one bad record costs only itself; those that still fail come back
     * as problems (origin = the article's doc) for the caller to report and quarantine.
     */
    public List<Problem> saveExtractions(List<Extraction> extractions) {
        Objects.requireNonNull(extractions, "The parameter 'extractions' must not be null.");
        requireWritable("save articles");
        if (extractions.isEmpty()) {
            return List.of();
        }
        Lock lock = db.writeLock();
        lock.lock();
        try {
            List<IndexedArticle> indexed = new ArrayList<>(extractions.size());
            try {
                db.write(c -> {
                    for (Extraction e : extractions) {
                        indexed.add(writer.save(Objects.requireNonNull(e, "The list 'extractions' must not hold null.")));
                    }
                    writer.setIndexVersion(version + extractions.size());
                    return null;
                });
            } catch (SQLException | RuntimeException batchFailed) {
                return oneByOne(extractions);
            }
            version += indexed.size();
            for (IndexedArticle a : indexed) {
                putInIndex(a);
            }
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private List<Problem> oneByOne(List<Extraction> extractions) {
        List<Problem> problems = new ArrayList<>();
        for (Extraction e : extractions) {
            if (e == null) {
                problems.add(new Problem("(batch)", 0, "a null extraction was passed: nothing to store", null));
                continue;
            }
            try {
                saveExtraction(e);
            } catch (VigilException one) {
                problems.add(new Problem(e.article().doc(), 0, one.getMessage(), e.article().text()));
            }
        }
        return problems;
    }

    private void putInIndex(IndexedArticle a) {
        try {
            index.put(a);
            if (++uncommitted >= COMMIT_EVERY) {
                index.commit(version);
                uncommitted = 0;
            }
        } catch (IOException e) {
            throw new VigilException("article " + a.id() + " was stored but could not be added to the search index at "
                    + luceneFolder(dbFile) + ": " + e.getMessage() + "; it is re-indexed the next time the store opens", e);
        }
    }

    /** Keeps bad input records in the quarantine table, under the run that met them. */
    public void saveProblems(String runId, List<Problem> problems) {
        Objects.requireNonNull(runId, "The parameter 'runId' must not be null.");
        Objects.requireNonNull(problems, "The parameter 'problems' must not be null.");
        requireWritable("quarantine problems");
        if (problems.isEmpty()) {
            return;
        }
        try {
            db.write(c -> {
                writer.saveProblems(runId, problems);
                return null;
            });
        } catch (SQLException e) {
            throw new VigilException("could not quarantine " + problems.size() + " problem records of run " + runId
                    + " in the Vigil store at " + dbFile + ": " + Sql.firstLine(e), e);
        }
    }

    /** Records the start of a command run and returns its id, for {@link #saveProblems} and {@link #finishRun}. */
    public String startRun(String command) {
        Objects.requireNonNull(command, "The parameter 'command' must not be null.");
        requireWritable("record a run");
        String id = UUID.randomUUID().toString();
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO runs (id, command, started_at) VALUES (?, ?, current_timestamp)")) {
                    ps.setString(1, id);
                    ps.setString(2, command);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw db.failure("record the start of run '" + command + "'", e);
        }
        return id;
    }

    /** Records a run's counts and makes everything it stored durable, the search index included. */
    public void finishRun(String runId, long ok, long skipped, long failed) {
        Objects.requireNonNull(runId, "The parameter 'runId' must not be null.");
        requireWritable("record a run");
        int updated;
        Lock lock = db.writeLock();
        lock.lock();
        try {
            updated = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE runs SET finished_at = current_timestamp, ok = ?, skipped = ?, failed = ? WHERE id = ?")) {
                    ps.setLong(1, ok);
                    ps.setLong(2, skipped);
                    ps.setLong(3, failed);
                    ps.setString(4, runId);
                    return ps.executeUpdate();
                }
            });
            commitIndex();
        } catch (SQLException e) {
            throw db.failure("record the end of run " + runId, e);
        } finally {
            lock.unlock();
        }
        if (updated != 1) {
            throw new VigilException("no run " + runId + " in the Vigil store at " + dbFile + ": pass the id that startRun returned");
        }
    }

    /** The problems quarantined under {@code runId}, in the order they were saved. */
    public List<Problem> problems(String runId) {
        Objects.requireNonNull(runId, "The parameter 'runId' must not be null.");
        return db.read("read quarantined records", c -> NewsQueries.problems(c, runId));
    }

    /** The who-wants-whom matrix: one row per (holder, target) cell with any claim passing {@code filter}. */
    public List<MatrixRow> matrix(ReportFilter filter) {
        Objects.requireNonNull(filter, "The parameter 'filter' must not be null.");
        return db.read("compute the matrix", c -> NewsQueries.matrix(c, filter));
    }

    /** Every incident passing {@code filter}, in the order they happened (see {@link TimelineRow}). */
    public List<TimelineRow> timeline(ReportFilter filter) {
        return timeline(filter, 0, Integer.MAX_VALUE);
    }

    /** One page of {@link #timeline(ReportFilter)}. */
    public List<TimelineRow> timeline(ReportFilter filter, int offset, int limit) {
        Objects.requireNonNull(filter, "The parameter 'filter' must not be null.");
        checkPage(offset, limit, Integer.MAX_VALUE);
        return db.read("compute the timeline", c -> NewsQueries.timeline(c, filter, offset, limit));
    }

    /** The claims behind the cells selected by {@code filter}, newest article first, with evidence and sources. */
    public List<ClaimRow> claims(ReportFilter filter, int offset, int limit) {
        Objects.requireNonNull(filter, "The parameter 'filter' must not be null.");
        checkPage(offset, limit, MAX_LIMIT);
        return db.read("read claims", c -> NewsQueries.claims(c, filter, offset, limit));
    }

    /** The claim with this id, with its evidence, article and sources; empty when the store has none. */
    public Optional<ClaimRow> claim(long id) {
        return db.read("read claim " + id, c -> NewsQueries.claim(c, id));
    }

    /** The claims of one article, in the order their evidence appears in it. */
    public List<ClaimRow> claimsOfArticle(String articleId) {
        Objects.requireNonNull(articleId, "The parameter 'articleId' must not be null.");
        return db.read("read the claims of article " + articleId, c -> NewsQueries.claimsOfArticle(c, articleId));
    }

    /** How many claims {@link #claims} would page through. */
    public long claimCount(ReportFilter filter) {
        Objects.requireNonNull(filter, "The parameter 'filter' must not be null.");
        return db.read("count claims", c -> NewsQueries.claimCount(c, filter));
    }

    /** The article with this content hash, with its sources; empty when the store has none. */
    public Optional<Article> article(String id) {
        Objects.requireNonNull(id, "The parameter 'id' must not be null.");
        return db.read("read article " + id, c -> NewsQueries.article(c, id));
    }

    /**
     * Full-text search over article titles, texts and evidence sentences. {@code query} holds words
     * (all required), {@code "phrases"} and {@code -excluded} words; nothing else in it is syntax,
     * so any string is a valid query.
     */
    public SearchHits search(String query, int offset, int limit) {
        Objects.requireNonNull(query, "The parameter 'query' must not be null.");
        if (query.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("The parameter 'query' must be at most " + MAX_QUERY_CHARS
                    + " characters, got " + query.length() + ".");
        }
        checkPage(offset, limit, MAX_LIMIT);
        if ((long) offset + limit > MAX_SEARCH_DEPTH) {
            throw new IllegalArgumentException("The parameters 'offset' + 'limit' must be at most " + MAX_SEARCH_DEPTH
                    + ", got " + ((long) offset + limit) + ": narrow the query instead of paging this deep.");
        }
        FullTextIndex.Page page;
        try {
            page = searchIndex().search(query, offset, limit);
        } catch (IOException e) {
            throw new VigilException("search failed on the index at " + luceneFolder(dbFile) + ": " + e.getMessage()
                    + "; delete that folder and it is rebuilt from the store", e);
        }
        List<String> ids = page.hits().stream().map(FullTextIndex.Hit::articleId).toList();
        Map<String, Article> headers = db.read("read search hits", c -> NewsQueries.headers(c, ids));
        List<SearchHit> hits = new ArrayList<>();
        for (FullTextIndex.Hit h : page.hits()) {
            Article a = headers.get(h.articleId());
            if (a == null) {
                continue; // indexed, but its DuckDB transaction never committed
            }
            hits.add(new SearchHit(a.id(), a.doc(), a.title(), a.url(), a.published(), h.score(), h.snippet(), h.evidence()));
        }
        return new SearchHits(query, page.total(), offset, limit, hits);
    }

    private FullTextIndex searchIndex() throws IOException {
        FullTextIndex i = index;
        if (i != null) {
            return i;
        }
        synchronized (this) {
            if (index == null) {
                // a read-only store opens (or builds) its index on first search, so a report never pays for it
                index = FullTextIndex.openReadOnly(luceneFolder(dbFile), indexVersion(), this::forEachIndexed);
            }
            return index;
        }
    }

    private static void checkPage(int offset, int limit, int maxLimit) {
        if (offset < 0) {
            throw new IllegalArgumentException("The parameter 'offset' must be at least 0, got " + offset + ".");
        }
        if (limit < 1 || limit > maxLimit) {
            throw new IllegalArgumentException("The parameter 'limit' must be between 1 and " + maxLimit + ", got " + limit + ".");
        }
    }

    private long indexVersion() {
        return db.read("read the index version", NewsWriter::indexVersion);
    }

    private void forEachIndexed(Consumer<IndexedArticle> sink) {
        db.read("read articles to rebuild the search index", c -> {
            NewsQueries.forEachIndexed(c, sink);
            return null;
        });
    }

    private void commitIndex() {
        if (index == null || readOnly) {
            return;
        }
        try {
            index.commit(version);
            uncommitted = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("committing the search index at " + luceneFolder(dbFile), e);
        }
    }

    private void requireWritable(String action) {
        if (readOnly) {
            throw new IllegalStateException("cannot " + action + ": the Vigil store at " + dbFile + " was opened read-only");
        }
    }

    /** Commits the search index and closes everything; the store is unusable afterwards. */
    @Override
    public void close() {
        Lock lock = db.writeLock();
        lock.lock();
        try {
            if (index != null) {
                commitIndex();
                index.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing the search index at " + luceneFolder(dbFile), e);
        } finally {
            index = null;
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (SQLException e) {
                throw db.failure("close", e);
            } finally {
                db.close();
                lock.unlock();
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // already failing with a better message
        }
    }
}
