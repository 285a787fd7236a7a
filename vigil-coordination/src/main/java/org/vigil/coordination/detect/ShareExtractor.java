package org.vigil.coordination.detect;

import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.internal.IntArray;
import org.vigil.coordination.internal.LongIntMap;
import org.vigil.coordination.internal.LongLongMap;
import org.vigil.coordination.internal.LongObjectMap;
import org.vigil.model.CoordinationKind;
import org.vigil.model.Post;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * Turns posts into shares: which objects each post acts on, per kind.
 * <ul>
 * <li>co-retweet: the id of the re-shared post. A re-share acts on nothing else: its text, links and
 * hashtags are the original's, and counting them again would count one act several times.</li>
 * <li>co-link: each distinct normalised URL ({@link UrlNormalizer}); from the post's URL list, or from
 * its text when the list is empty. Empty cells give no object (an empty URL is not a shared link).</li>
 * <li>co-hashtag: each distinct lower-cased hashtag, from the post's list or else from its text.</li>
 * <li>co-tweet: the normalised word sequence ({@link TextTokens}) of texts with enough words.</li>
 * <li>co-similar-text: the LSH band buckets of the text's MinHash signature.</li>
 * </ul>
 * Not thread-safe: one extractor per run, fed from one thread.
 */
public final class ShareExtractor {
    private final CoordinationSettings settings;
    private final AccountBook book;
    private final boolean countPosts;
    private final IntArray postAccount = new IntArray(1 << 16);
    private final org.vigil.coordination.internal.LongArray postKeys = new org.vigil.coordination.internal.LongArray(1 << 16);
    private final EnumMap<CoordinationKind, ShareTable> tables = new EnumMap<>(CoordinationKind.class);
    private final EnumMap<CoordinationKind, LongObjectMap<String>> labels = new EnumMap<>(CoordinationKind.class);
    // co-tweet labels are the texts of every distinct post: kept as bytes, not as strings (see TextArena)
    private final LongLongMap textLabels = new LongLongMap(1 << 12);
    private final org.vigil.coordination.internal.TextArena texts = new org.vigil.coordination.internal.TextArena();
    private final LongIntMap originalAuthor = new LongIntMap(1 << 16);
    private final LongLongMap originalText = new LongLongMap(1 << 16);
    private final IntArray signatureAccount = new IntArray(1 << 12);
    private final org.vigil.coordination.internal.LongArray signatureTime = new org.vigil.coordination.internal.LongArray(1 << 12);
    private final LongObjectMap<String> resharedHandle = new LongObjectMap<>(1 << 12);
    private final MinHasher hasher;
    private final SignatureTable signatures;
    private final PostFeatures.Maker maker;
    private int posts;
    private long granularity;

    public ShareExtractor(CoordinationSettings settings) {
        this(settings, new AccountBook(), true);
    }

    /**
     * An extractor that numbers accounts in a shared {@code book}; with {@code countPosts} false the book's
     * post counts are left alone (a caller replaying posts it already counted, slice by slice).
     */
    public ShareExtractor(CoordinationSettings settings, AccountBook book, boolean countPosts) {
        this.settings = settings;
        this.book = book;
        this.countPosts = countPosts;
        for (CoordinationKind k : CoordinationKind.values()) {
            tables.put(k, k == CoordinationKind.CO_SIMILAR_TEXT ? new ShareTable(k, signatureAccount, signatureTime) : new ShareTable(k));
            labels.put(k, new LongObjectMap<>(1 << 12));
        }
        this.hasher = new MinHasher(settings.minhashBands(), settings.minhashRows(), settings.seed());
        this.signatures = new SignatureTable(hasher.length());
        this.maker = new PostFeatures.Maker(settings, hasher, 1);
    }

    /** Adds one post; returns its ordinal. The caller has checked that it has an account id. */
    public int accept(Post p) {
        return accept(p, posts);
    }

    /** Adds one post under a caller-given ordinal (unique per run); returns it. */
    public int accept(Post p, int ordinal) {
        return accept(maker.make(p), ordinal);
    }

    /**
     * A feature maker for another thread, matching this extractor's settings. It signs every other text
     * and leaves the rest to this extractor: measured, that balances the two threads of the intake.
     */
    public PostFeatures.Maker newMaker() {
        return new PostFeatures.Maker(settings, hasher, 2);
    }

    /** Adds a post whose features were made elsewhere (see {@link PostFeatures}); uses the next ordinal. */
    public int accept(PostFeatures f) {
        return accept(f, posts);
    }

    /** Adds a post whose features were made elsewhere, under a caller-given ordinal. */
    public int accept(PostFeatures f, int ordinal) {
        maker.sign(f);
        Post p = f.post;
        posts++;
        int account = book.intern(p.accountId());
        if (countPosts) {
            book.countPost(account);
        }
        postAccount.add(account);
        postKeys.add(f.postKey);
        long t = p.timestamp();
        if (granularity != 1) {
            granularity = gcd(granularity, Math.abs(t));
        }
        if (f.retweetKey != 0L) {
            tables.get(CoordinationKind.CO_RETWEET).add(f.retweetKey, account, t, ordinal);
            labels.get(CoordinationKind.CO_RETWEET).putIfAbsent(f.retweetKey, f.retweetId);
            if (f.retweetHandle != null) {
                resharedHandle.putIfAbsent(f.retweetKey, f.retweetHandle);
            }
            return ordinal;
        }
        if (f.originalKey != 0L) {
            originalAuthor.put(f.originalKey, account);
        }
        ShareTable links = tables.get(CoordinationKind.CO_LINK);
        for (int i = 0; i < f.urlKeys.length; i++) {
            links.add(f.urlKeys[i], account, t, ordinal);
            labels.get(CoordinationKind.CO_LINK).putIfAbsent(f.urlKeys[i], f.urls[i]);
        }
        ShareTable hashtags = tables.get(CoordinationKind.CO_HASHTAG);
        for (int i = 0; i < f.tagKeys.length; i++) {
            hashtags.add(f.tagKeys[i], account, t, ordinal);
            labels.get(CoordinationKind.CO_HASHTAG).putIfAbsent(f.tagKeys[i], f.tags[i]);
        }
        if (f.textKey != 0L) {
            tables.get(CoordinationKind.CO_TWEET).add(f.textKey, account, t, ordinal);
            if (textLabels.get(f.textKey, -1L) < 0) {
                textLabels.put(f.textKey, texts.add(clip(f.text)));
            }
            if (f.originalKey != 0L) {
                originalText.put(f.originalKey, f.textKey);
            }
            if (f.signature != null) {
                int sig = signatures.next();
                signatureAccount.add(account);
                signatureTime.add(t);
                System.arraycopy(f.signature, 0, signatures.raw(), sig * hasher.length(), hasher.length());
                ShareTable similar = tables.get(CoordinationKind.CO_SIMILAR_TEXT);
                for (long bandKey : f.bandKeys) {
                    similar.add(bandKey, sig);
                }
            }
        }
        return ordinal;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /**
     * The resolution of the timestamps seen: the greatest common divisor of all of them (60 for data given to
     * the minute, 1 for seconds; 0 before any post).
     */
    public long granularity() {
        return granularity;
    }

    static List<String> linksInText(String text) {
        List<String> out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int h = text.indexOf("http", i);
            if (h < 0) {
                break;
            }
            boolean boundary = h == 0 || Character.isWhitespace(text.charAt(h - 1)) || text.charAt(h - 1) == '(';
            if (boundary && (text.startsWith("http://", h) || text.startsWith("https://", h))) {
                int e = h;
                while (e < n && !Character.isWhitespace(text.charAt(e))) {
                    e++;
                }
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(text.substring(h, e));
                i = e;
            } else {
                i = h + 4;
            }
        }
        return out == null ? List.of() : out;
    }

    /** The co-retweet key a re-share of the post with this id has. */
    public static long retweetKey(String postId) {
        return org.vigil.coordination.internal.Hashing.combine(1, org.vigil.coordination.internal.Hashing.hash(postId.strip()));
    }

    /** The handle in a leading "RT @handle:", which names the re-shared post's author; or null. */
    static String retweetedHandle(String text) {
        if (text == null || text.length() < 5 || !text.startsWith("RT @")) {
            return null;
        }
        int end = 4;
        while (end < text.length() && end < 60 && text.charAt(end) != ':' && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end < text.length() && text.charAt(end) == ':' && end > 4 ? text.substring(4, end) : null;
    }

    private static String clip(String text) {
        String s = text.strip();
        return s.length() <= 500 ? s : s.substring(0, 500) + "\u2026";
    }

    public ShareTable table(CoordinationKind kind) {
        return tables.get(kind);
    }

    /** The display value of an object (URL, hashtag, text, re-shared post id), or null. */
    public String label(CoordinationKind kind, long objectKey) {
        if (kind == CoordinationKind.CO_TWEET) {
            long handle = textLabels.get(objectKey, -1L);
            return handle < 0 ? null : texts.get(handle);
        }
        return labels.get(kind).get(objectKey);
    }

    /** The author of a post seen in the input, by the key co-retweet gives the post id; -1 if unseen. */
    public int originalAuthor(long retweetKey) {
        return originalAuthor.get(retweetKey, -1);
    }

    /** The handle of a re-shared post's author as its re-shares name it ("RT @handle:"), or null. */
    public String resharedHandle(long retweetKey) {
        return resharedHandle.get(retweetKey);
    }

    /** The text of a post seen in the input, by its co-retweet key; null if unseen or too short. */
    public String originalText(long retweetKey) {
        long textKey = originalText.get(retweetKey, 0L);
        return textKey == 0L ? null : label(CoordinationKind.CO_TWEET, textKey);
    }

    public MinHasher hasher() {
        return hasher;
    }

    public SignatureTable signatures() {
        return signatures;
    }

    public int accounts() {
        return book.size();
    }

    public String accountId(int account) {
        return book.id(account);
    }

    public int postsOf(int account) {
        return book.posts(account);
    }

    public AccountBook book() {
        return book;
    }

    /** Every post seen whose id was retweeted-able: calls {@code f(retweetKey, author, textOrNull)}. */
    public void forEachOriginal(OriginalSink f) {
        for (int s = 0; s < originalAuthor.capacity(); s++) {
            if (originalAuthor.occupied(s)) {
                long key = originalAuthor.keyAt(s);
                f.original(key, originalAuthor.valueAt(s), originalText(key));
            }
        }
    }

    /** Receives originals from {@link #forEachOriginal}. */
    @FunctionalInterface
    public interface OriginalSink {
        void original(long retweetKey, int author, String text);
    }

    /** The account of the {@code i}-th post accepted (in-memory runs, where ordinals are 0..posts-1). */
    public int postAccount(int i) {
        return postAccount.get(i);
    }

    /** A hash of the id of the {@code i}-th post accepted (0 when it had none); equal ids give equal hashes. */
    public long postKey(int i) {
        return postKeys.get(i);
    }

    public int posts() {
        return posts;
    }
}
