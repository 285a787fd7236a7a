package org.vigil.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index beside the DuckDB file: one document per article with its title, text and
 * evidence sentences. It is derived data. Each Lucene commit records the store's write counter
 * ({@code store_meta.index_version}); when the two disagree on open (a crash between the DuckDB
 * commit and the Lucene commit, or a deleted index folder) the index is rebuilt from DuckDB, and so
 * it is when the index was analysed differently ({@value #ANALYZER_ID}, English with Porter stemming,
 * so "hack" finds "hacked" and "hacking").
 */
final class FullTextIndex implements AutoCloseable {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String EVIDENCE = "evidence";
    static final String EVIDENCE_ID = "evidence_id";
    static final String VERSION_KEY = "index_version";
    static final String ANALYZER_KEY = "analyzer";
    /** Names the analysis; change it whenever the analyser changes, and every index is rebuilt on open. */
    static final String ANALYZER_ID = "english-porter-1";
    static final int SNIPPET_CHARS = 240;
    static final int EVIDENCE_SNIPPET_CHARS = 320;
    static final int EVIDENCE_PER_HIT = 3;

    /** Where to rebuild the index from: every article with its evidence. */
    interface Source {
        void forEach(Consumer<IndexedArticle> sink);
    }

    /** A hit before the store joins in the article's metadata. */
    record Hit(String articleId, float score, Snippet snippet, List<SearchHit.EvidenceHit> evidence) {
    }

    record Page(long total, List<Hit> hits) {
    }

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Highlights passages = new Highlights(analyzer, SNIPPET_CHARS);
    private final Highlights sentences = new Highlights(analyzer, EVIDENCE_SNIPPET_CHARS);
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private FullTextIndex(Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Opens (creating if needed) the index in {@code folder} for writing, rebuilding it if it lags {@code version}. */
    static FullTextIndex openWritable(Path folder, long version, Source source) throws IOException {
        Directory dir = FSDirectory.open(folder);
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            if (committedVersion(dir) != version) {
                rebuild(writer, version, source);
            }
            return new FullTextIndex(dir, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            dir.close();
            throw e;
        }
    }

    /**
     * Opens the index for reading only. A missing or stale index cannot be repaired without the
     * write lock, so a correct one is built in memory from DuckDB instead.
     */
    static FullTextIndex openReadOnly(Path folder, long version, Source source) throws IOException {
        if (java.nio.file.Files.isDirectory(folder)) {
            // FSDirectory.open creates a missing folder, which a read-only store must not do
            Directory dir = FSDirectory.open(folder);
            if (committedVersion(dir) == version) {
                return new FullTextIndex(dir, null, new SearcherManager(dir, null));
            }
            dir.close();
        }
        Directory memory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(memory, new IndexWriterConfig(new EnglishAnalyzer()))) {
            rebuild(writer, version, source);
        }
        return new FullTextIndex(memory, null, new SearcherManager(memory, null));
    }

    private static long committedVersion(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return -1;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
        if (!ANALYZER_ID.equals(data.get(ANALYZER_KEY))) {
            return -1; // analysed another way: its terms would not meet this analyser's queries
        }
        String v = data.get(VERSION_KEY);
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void rebuild(IndexWriter writer, long version, Source source) throws IOException {
        writer.deleteAll();
        source.forEach(a -> {
            try {
                writer.addDocument(document(a));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setLiveCommitData(Map.of(VERSION_KEY, Long.toString(version), ANALYZER_KEY, ANALYZER_ID).entrySet());
        writer.commit();
    }

    private static Document document(IndexedArticle a) {
        Document d = new Document();
        d.add(new StringField(ID, a.id(), Field.Store.YES));
        if (a.title() != null) {
            d.add(new TextField(TITLE, a.title(), Field.Store.YES));
        }
        d.add(new TextField(TEXT, a.text(), Field.Store.YES));
        // stored values of one field keep their order, so the i-th id belongs to the i-th sentence
        for (IndexedArticle.Sentence s : a.evidence()) {
            d.add(new TextField(EVIDENCE, s.text(), Field.Store.YES));
            d.add(new StoredField(EVIDENCE_ID, s.id()));
        }
        return d;
    }

    void put(IndexedArticle a) throws IOException {
        writer.updateDocument(new Term(ID, a.id()), document(a));
    }

    /** Makes every put so far durable and records that the index now matches store write {@code version}. */
    void commit(long version) throws IOException {
        if (writer == null) {
            return;
        }
        writer.setLiveCommitData(Map.of(VERSION_KEY, Long.toString(version), ANALYZER_KEY, ANALYZER_ID).entrySet());
        writer.commit();
    }

    /**
     * The search box's text as a query, by Lucene's {@link SimpleQueryParser} restricted to words
     * (all required), {@code "quoted phrases"} and {@code -excluded} words: anything else the user
     * types ({@code ' OR 1=1 --}, {@code *:*}, unbalanced quotes) is words to look for, never an
     * error. Each word is looked for in the title, the text and the evidence sentences; the title
     * and evidence weigh more, because a match there says more.
     */
    Query parse(String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(TITLE, 2f, TEXT, 1f, EVIDENCE, 1.5f),
                SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    Page search(String text, int offset, int limit) throws IOException {
        Query query = parse(text);
        refresh();
        IndexSearcher searcher = searchers.acquire();
        try {
            long total;
            TopDocs top;
            try {
                total = searcher.count(query);
                if (offset >= total) {
                    return new Page(total, List.of());
                }
                top = searcher.search(query, offset + limit);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new IllegalArgumentException("the query has too many words for one search (at most "
                        + IndexSearcher.getMaxClauseCount() / 4 + " or so); search for fewer");
            }
            List<Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < docs.length; i++) {
                Document d = searcher.storedFields().document(docs[i].doc);
                hits.add(hit(d, docs[i].score, query));
            }
            return new Page(total, hits);
        } finally {
            searchers.release(searcher);
        }
    }

    private Hit hit(Document d, float score, Query query) {
        Snippet snippet = passages.passage(TEXT, query, d.get(TEXT));
        String[] texts = d.getValues(EVIDENCE);
        IndexableField[] ids = d.getFields(EVIDENCE_ID);
        record Ranked(SearchHit.EvidenceHit hit, int distinct, int count) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < texts.length && i < ids.length; i++) {
            Highlights.Match m = sentences.sentence(EVIDENCE, query, texts[i]);
            if (m != null) {
                ranked.add(new Ranked(new SearchHit.EvidenceHit(ids[i].numericValue().longValue(), m.snippet()),
                        m.distinctTerms(), m.matches()));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::distinct).thenComparingInt(Ranked::count).reversed());
        List<SearchHit.EvidenceHit> evidence = ranked.stream().limit(EVIDENCE_PER_HIT).map(Ranked::hit).toList();
        return new Hit(d.get(ID), score, snippet, evidence);
    }

    private void refresh() throws IOException {
        if (writer != null) {
            searchers.maybeRefreshBlocking();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                directory.close();
            }
        }
    }
}
