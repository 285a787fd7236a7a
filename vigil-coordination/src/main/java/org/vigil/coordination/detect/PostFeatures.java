package org.vigil.coordination.detect;

import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.internal.Hashing;
import org.vigil.model.CoordinationKind;
import org.vigil.model.Post;

import java.util.Arrays;
import java.util.List;

/**
 * What a post acts on, computed without touching any shared table: object keys and labels per kind,
 * the text's MinHash signature and band keys. Making these is most of the cost of extraction and needs
 * no shared state, so it can run on the reading thread while another thread fills the tables.
 */
public final class PostFeatures {
    final Post post;
    final long postKey;          // hash of the post id (0 when none)
    final long retweetKey;       // 0 when not a re-share
    final String retweetId;
    final String retweetHandle;
    final long originalKey;      // the key a re-share of this post would have (0 when no id)
    final String[] urls;
    final long[] urlKeys;
    final String[] tags;
    final long[] tagKeys;
    final long textKey;          // 0 when the text is too short
    final String text;
    int[] signature;             // null unless co-similar-text runs and the text is long enough
    long[] bandKeys;
    final long[] tokenHashes;    // kept when the signature is left to the filing thread

    private PostFeatures(Post post, long postKey, long retweetKey, String retweetId, String retweetHandle, long originalKey,
                         String[] urls, long[] urlKeys, String[] tags, long[] tagKeys, long textKey, String text,
                         int[] signature, long[] bandKeys, long[] tokenHashes) {
        this.post = post;
        this.postKey = postKey;
        this.retweetKey = retweetKey;
        this.retweetId = retweetId;
        this.retweetHandle = retweetHandle;
        this.originalKey = originalKey;
        this.urls = urls;
        this.urlKeys = urlKeys;
        this.tags = tags;
        this.tagKeys = tagKeys;
        this.textKey = textKey;
        this.text = text;
        this.signature = signature;
        this.bandKeys = bandKeys;
        this.tokenHashes = tokenHashes;
    }

    public Post post() {
        return post;
    }

    /** Receives the shares of one post: the kind and the 64-bit key of each object it acts on. */
    @FunctionalInterface
    public interface ShareVisitor {
        void share(CoordinationKind kind, long objectKey);
    }

    /**
     * The objects this post acts on, in the order {@link ShareExtractor} files them: a re-share acts on the
     * re-shared post only; otherwise each distinct link, each distinct hashtag, the text (when long enough)
     * and, once signed, the text's LSH band buckets. An engine that files shares itself (keyed by object)
     * calls this instead of {@link ShareExtractor#accept(PostFeatures)}.
     */
    public void forEachShare(ShareVisitor visitor) {
        if (retweetKey != 0L) {
            visitor.share(CoordinationKind.CO_RETWEET, retweetKey);
            return;
        }
        for (long k : urlKeys) {
            visitor.share(CoordinationKind.CO_LINK, k);
        }
        for (long k : tagKeys) {
            visitor.share(CoordinationKind.CO_HASHTAG, k);
        }
        if (textKey != 0L) {
            visitor.share(CoordinationKind.CO_TWEET, textKey);
            if (signature != null) {
                for (long bandKey : bandKeys) {
                    visitor.share(CoordinationKind.CO_SIMILAR_TEXT, bandKey);
                }
            }
        }
    }

    /** A hash of the post id (0 when it has none); equal ids give equal keys. */
    public long postKey() {
        return postKey;
    }

    /**
     * The text's MinHash signature (shared, do not change it), or null when co-similar-text does not run,
     * the text is too short, or the features are not signed yet ({@link Maker#sign}).
     */
    public int[] signature() {
        return signature;
    }

    /** Makes features; one maker per thread (it keeps scratch space). */
    public static final class Maker {
        private static final String[] NO_STRINGS = new String[0];
        private static final long[] NO_KEYS = new long[0];
        private final CoordinationSettings settings;
        private final MinHasher hasher;
        private final boolean wantSimilar;
        private final TextTokens tokens = new TextTokens();
        private final int signEvery;
        private int made;
        private long[] scratch = new long[128];

        /**
         * A maker that signs one text in {@code signEvery} itself (1: all) and leaves the rest to
         * {@link #sign(PostFeatures)} on another thread (0: none).
         */
        public Maker(CoordinationSettings settings, MinHasher hasher, int signEvery) {
            this.settings = settings;
            this.hasher = hasher;
            this.signEvery = signEvery;
            this.wantSimilar = settings.kinds().contains(org.vigil.model.CoordinationKind.CO_SIMILAR_TEXT);
        }

        public PostFeatures make(Post p) {
            String id = p.postId() == null ? null : p.postId().strip();
            long postKey = id == null || id.isEmpty() ? 0L : Hashing.hash(id);
            String retweetOf = p.retweetOf();
            if (retweetOf != null && !retweetOf.isBlank()) {
                String rid = retweetOf.strip();
                return new PostFeatures(p, postKey, Hashing.combine(1, Hashing.hash(rid)), rid, ShareExtractor.retweetedHandle(p.text()),
                        0L, NO_STRINGS, NO_KEYS, NO_STRINGS, NO_KEYS, 0L, null, null, null, null);
            }
            long originalKey = postKey == 0L ? 0L : Hashing.combine(1, postKey);
            String text = p.text() == null ? "" : p.text();
            List<String> rawUrls = p.urls().isEmpty() ? ShareExtractor.linksInText(text) : p.urls();
            String[] urls = new String[rawUrls.size()];
            long[] urlKeys = new long[rawUrls.size()];
            int nu = 0;
            for (String raw : rawUrls) {
                String url = UrlNormalizer.normalize(raw);
                if (url == null) {
                    continue;
                }
                long key = Hashing.combine(2, Hashing.hash(url));
                if (!contains(urlKeys, nu, key)) {
                    urls[nu] = url;
                    urlKeys[nu++] = key;
                }
            }
            tokens.tokenize(text);
            List<String> given = p.hashtags();
            List<String> rawTags = given.isEmpty() ? tokens.hashtags() : given;
            String[] tags = new String[rawTags.size()];
            long[] tagKeys = new long[rawTags.size()];
            int nt = 0;
            for (String raw : rawTags) {
                String tag = given.isEmpty() ? raw : TextTokens.normalizeHashtag(raw);
                if (tag == null) {
                    continue;
                }
                long key = Hashing.combine(3, Hashing.hash(tag));
                if (!contains(tagKeys, nt, key)) {
                    tags[nt] = tag;
                    tagKeys[nt++] = key;
                }
            }
            long textKey = 0L;
            int[] signature = null;
            long[] bandKeys = null;
            long[] tokenHashes = null;
            if (tokens.count() >= settings.minTextTokens()) {
                textKey = Hashing.combine(4, tokens.sequenceKey());
                if (textKey == 0L) {
                    textKey = 1L;
                }
                if (wantSimilar) {
                    tokenHashes = Arrays.copyOf(tokens.hashes(), tokens.count());
                }
            }
            PostFeatures f = new PostFeatures(p, postKey, 0L, null, null, originalKey,
                    nu == urls.length ? urls : Arrays.copyOf(urls, nu), nu == urlKeys.length ? urlKeys : Arrays.copyOf(urlKeys, nu),
                    nt == tags.length ? tags : Arrays.copyOf(tags, nt), nt == tagKeys.length ? tagKeys : Arrays.copyOf(tagKeys, nt),
                    textKey, textKey == 0L ? null : text, signature, bandKeys, tokenHashes);
            if (signEvery > 0 && ++made % signEvery == 0) {
                sign(f);
            }
            return f;
        }

        /** Computes the MinHash signature and band keys if the features carry tokens but no signature yet. */
        public void sign(PostFeatures f) {
            if (f.signature != null || f.tokenHashes == null) {
                return;
            }
            int[] signature = new int[hasher.length()];
            scratch = hasher.signature(f.tokenHashes, f.tokenHashes.length, signature, 0, scratch);
            long[] bandKeys = new long[hasher.bands()];
            for (int b = 0; b < hasher.bands(); b++) {
                bandKeys[b] = NearDuplicateCheck.bandObjectKey(b, hasher.bandKey(signature, 0, b));
            }
            f.signature = signature;
            f.bandKeys = bandKeys;
        }

        private static boolean contains(long[] keys, int n, long key) {
            for (int i = 0; i < n; i++) {
                if (keys[i] == key) {
                    return true;
                }
            }
            return false;
        }
    }
}
