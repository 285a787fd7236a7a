package org.vigil.ingest.news;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the story and drops the page around it, line by line, for text that a scraper already
 * flattened (or that {@link HtmlText} flattened from HTML).
 *
 * <p>Two kinds of evidence are used. Some lines are boilerplate by their wording alone
 * ("Advertisement", share-button rows, cookie and newsletter notices, copyright lines). Others
 * only by their company: a menu is a run of short lines without sentence punctuation, and a
 * related-stories list is a run of headlines after a "Related" or "More from" header. A line
 * that reads as a sentence is never dropped for its company, because losing a sentence that
 * reports a claim costs more downstream than keeping a stray menu entry.
 */
final class BoilerplateFilter {

    /** The kept blocks, and counts of non-blank lines in and dropped (for the run summary). */
    record Result(List<String> blocks, int linesIn, int linesDropped) {
        String text() {
            return String.join("\n\n", blocks);
        }
    }

    private static final int LONG_LINE_WORDS = 12;
    private static final int MIN_ARTICLE_WORDS = 40;
    private static final int MIN_SENTENCE_WORDS = 5;
    private static final int MIN_NAV_RUN = 3;
    /** A related-stories list ends at a line this long even without punctuation (scrapes cut lines). */
    private static final int RELATED_EXIT_WORDS = 20;

    private static final Pattern BULLET = Pattern.compile("^[\\s•·▪►▸◦‣●*>|/\\\\-]+");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern SHORT_SENTENCE_END = Pattern.compile("\\p{Ll}{2}[.!?][\"”’]?$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;][\\s\"”’'»)\\]*]*$");
    /** "difference.Russian leaders": a sentence end whose following space the scraper lost. */
    private static final Pattern GLUED_SENTENCES = Pattern.compile("(?<=\\p{Ll}{2}[.!?][\"”’]?)(?=\\p{Lu}\\p{Ll}{3})");

    /** An ad label flattened into the middle of running text, between two sentences. */
    private static final Pattern INLINE_AD = Pattern.compile(
            "(^|(?<=[.!?\"”’]\\s))(ADVERTISEMENT|Advertisement|STORY CONTINUES BELOW THIS AD|Story continues below advertisement"
            + "|Article continues below advertisement)\\s+(?=\\p{Lu}|[\"“])");
    private static final Pattern AD = Pattern.compile(
            "^(advertisements?|advertising|ads?|ad feedback|advertisement feedback|sponsored( content| links?| stories)?"
            + "|paid (content|post|partner content)|promoted( content| stories)?|partner content"
            + "|(the )?(story|article|content|text|report) continues (below|after)( this| the)?( ad| advert| advertisement)?"
            + "|continue reading( below| the main story| the article)?|scroll (down )?to continue( reading| with content)?"
            + "|advertisement continue reading below)$");
    private static final Pattern SKIP_LINKS = Pattern.compile(
            "^(skip to (the )?(main )?(content|navigation|search|menu|footer|article|main)\\s*)+$");
    private static final Pattern COPYRIGHT = Pattern.compile("^(©|\\(c\\)|copyright\\b|all rights reserved)");
    private static final Pattern COMMENTS = Pattern.compile(
            "^(leave a (reply|comment)|post a comment|add a comment|comments? are closed|join the conversation"
            + "|your email address will not be published.*|required fields are marked.*|\\d+ comments?"
            + "|show comments|view comments|load comments|cancel reply)$");
    private static final Pattern END_OF_ARTICLE = Pattern.compile(
            "^(end of (the )?(article|story)|leave a (reply|comment)|post a comment|comments are closed|post navigation)$");
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "^(photo|image|picture|cover photo|cover image|illustration|graphic|photograph|video|file photo)s?"
            + "( credits?)?\\s*(:|/|\\||\\bby\\b|\\bcourtesy\\b|$)");
    private static final Pattern URL_ONLY = Pattern.compile(
            "^(https?://\\S+|www\\.\\S+|[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)*\\.(com|org|net|gov|edu|info|news|co|uk|io|in)(/\\S*)?)$");
    private static final Pattern DATELINE = Pattern.compile(
            "^(last updated|updated|published|first published|posted|modified)\\b.*(\\d|\\bby\\b)");
    private static final Pattern AGE_NOTICE = Pattern.compile(
            "^this (article|story|content|page) is (more than|over) .{1,30} old$");
    private static final Pattern READING_TIME = Pattern.compile(
            "^(\\d+\\s*(min|mins|minutes?)( read| listen)?|listen to (this )?(article|story)( \\d+ min(utes)?)?"
            + "|\\d{1,2}:\\d{2}( \\d{1,2}:\\d{2})*)$");
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Ee]dited by|[Ww]ords by)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+(\\p{Lu}[\\p{L}.'’-]*|and|&|,|de|van|von|da|al|bin))*\\s*$");
    private static final Pattern COOKIE_CONTEXT = Pattern.compile(
            "\\b(we use|this (web)?site|our (web)?site|accept|consent|settings|preferences|policy|browsing|experience|third[- ]party)\\b");
    private static final Pattern PROMO = Pattern.compile(
            "\\b(sign up (for|to|now)|subscribe (to|for|now|today|here)|newsletters?|get (our|the) (latest|daily|best|top)"
            + "|(straight |directly )?to your inbox|already (a subscriber|have an account)|create (a |an |your )?(free )?account"
            + "|log ?in to|sign in to|register (now|for free|to)|download (our|the) app|follow us|like us on"
            + "|your (support|donation|contribution)|support (our|independent|quality) journalism|donate|make a (donation|contribution)"
            + "|become a (member|subscriber|supporter|patron)|reader[- ]funded|paywall|free trial|unlimited access)\\b");
    private static final Pattern PROMO_ADDRESS = Pattern.compile(
            "^(sign|subscribe|get|join|register|create|log|download|follow|like|support|donate|become|to support|your|don't miss|never miss)\\b"
            + "|\\b(you|your|we|us|our)\\b");
    /** Footer contact blocks: phone numbers, street addresses, "City, ST 12345". */
    private static final Pattern CONTACT = Pattern.compile(
            "(\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b|^\\d{1,5} (\\p{Lu}\\p{L}* ){1,4}(st|street|ave|avenue|road|rd|blvd|boulevard|lane|ln|drive|dr|way|place|pl|suite|floor)\\b"
            + "|^[\\p{Lu}][\\p{L} .]+, [A-Z]{2} \\d{5}(-\\d{4})?$|^(physical|postal|mailing) address$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATED_HEADER = Pattern.compile(
            "^(related|more from|more on|more in|more about|more stories|more news|more shorts|more videos|read more|read next|read also"
            + "|also read|see also|also see|recommended|you (may|might) (also )?like|top stories|top news|latest news|latest stories"
            + "|latest|most read|most popular|most viewed|most shared|popular|trending|editor'?s picks|don'?t miss|must read"
            + "|tags|topics|in case you missed it|what to read next|further reading|more coverage|other stories)\\b");
    private static final Pattern INLINE_RELATED = Pattern.compile(
            "^(read more|also read|read also|see also|related|recommended|watch|listen|more|more from [^:]{1,60}|also on [^:]{1,60})\\s*:");

    /** Words that make up menus, share rows and footers but rarely a story line on their own. */
    private static final Set<String> INTERFACE_WORDS = Set.of(
            "home", "menu", "search", "share", "shares", "sharing", "facebook", "twitter", "x", "whatsapp",
            "linkedin", "email", "mail", "e", "copy", "copied", "link", "links", "print", "reddit", "pinterest",
            "telegram", "messenger", "flipboard", "tumblr", "instagram", "youtube", "tiktok", "threads", "bluesky",
            "mastodon", "sms", "rss", "feed", "feeds", "subscribe", "subscription", "subscriptions", "unsubscribe",
            "join", "sign", "signin", "signup", "log", "login", "logout", "register", "newsletter", "newsletters",
            "follow", "read", "next", "previous", "prev", "back", "top", "skip", "content", "comments", "comment",
            "reply", "replies", "like", "save", "bookmark", "close", "open", "expand", "collapse", "video", "videos",
            "watch", "live", "tv", "radio", "listen", "audio", "podcast", "podcasts", "play", "pause", "shows",
            "show", "news", "latest", "trending", "sections", "section", "view", "see", "hide", "toggle",
            "navigation", "nav", "main", "account", "profile", "settings", "edit", "download", "app", "apps", "get",
            "click", "tap", "gift", "send", "tweet", "advertisement", "advertise", "ad", "ads", "sponsored", "photos",
            "photo", "gallery", "galleries", "shorts", "featured", "about", "contact", "privacy", "policy",
            "policies", "cookie", "cookies", "terms", "use", "conditions", "sitemap", "careers", "help", "faq", "feedback",
            "accessibility", "preferences", "manage", "accept", "reject", "ok", "continue", "go", "submit", "loading",
            "min", "mins", "minute", "minutes", "upcoming", "free", "today", "trial", "premium", "epaper",
            "notifications", "alerts", "edition", "select", "cancel", "opinion", "explainers", "world", "business",
            "politics", "sports", "sport", "entertainment", "lifestyle", "weather", "markets", "stories", "story",
            "article", "articles", "page", "post", "posts", "web", "quick", "subscribers", "contribute", "donate",
            "support", "us", "url", "short", "more", "logo", "image", "images", "credit", "credits", "getty", "afp",
            "reuters", "ap", "file", "via", "istock", "shutterstock", "epa");
    /** Words that may join interface words in a menu line but do not make one by themselves. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "our", "on", "and", "or", "of", "for", "with", "to", "in", "up", "out", "a", "an", "your",
            "my", "this", "it", "here", "now", "all", "at", "by", "from", "us", "more", "e", "x");

    private BoilerplateFilter() {
    }

    static Result filter(List<String> rawLines) {
        List<String> lines = unflatten(rawLines);
        Result strict = filter(lines, true);
        // A page so unusual that the context rules ate nearly everything: keep what only the
        // wording rules drop, rather than hand the extractor an empty article. Menus average a
        // couple of words a line, so a lenient result made of them does not count.
        if (wordCount(strict.blocks()) < MIN_ARTICLE_WORDS) {
            Result lenient = filter(lines, false);
            int words = wordCount(lenient.blocks());
            if (words >= 2 * MIN_ARTICLE_WORDS && words >= 6 * lenient.blocks().size()) {
                return lenient;
            }
        }
        return strict;
    }

    private static Result filter(List<String> lines, boolean useContext) {
        int n = lines.size();
        String[] text = new String[n];
        String[] norm = new String[n];
        Kind[] kind = new Kind[n];
        int linesIn = 0;
        for (int i = 0; i < n; i++) {
            text[i] = tidy(lines.get(i));
            norm[i] = normalise(text[i]);
            kind[i] = classify(text[i], norm[i]);
            if (kind[i] != Kind.BLANK) {
                linesIn++;
            }
        }
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = kind[i] == Kind.SHORT || kind[i] == Kind.CONTENT;
        }
        if (useContext) {
            dropMenuRuns(text, kind, keep);
            dropRelatedLists(text, norm, kind, keep);
            dropAfterEndOfArticle(norm, kind, keep);
        }
        dropRepeats(norm, keep);

        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                blocks.add(text[i]);
            }
        }
        return new Result(List.copyOf(blocks), linesIn, linesIn - blocks.size());
    }

    enum Kind { BLANK, BOILERPLATE, SHORT, CONTENT }

    /** What a line is by its own wording: blank, certainly boilerplate, or short or long text. */
    static Kind classify(String line) {
        return classify(line, normalise(line));
    }

    /** Cheap checks and short-line patterns first: most lines of a page are long story lines. */
    private static Kind classify(String line, String norm) {
        if (line.isEmpty()) {
            return Kind.BLANK;
        }
        if (!LETTER.matcher(line).find()) {
            return Kind.BOILERPLATE;
        }
        int words = words(line);
        String lower = line.toLowerCase(Locale.ROOT);
        if (words <= 20 && (AD.matcher(norm).matches() || SKIP_LINKS.matcher(norm).matches()
                || COMMENTS.matcher(norm).matches() || AGE_NOTICE.matcher(norm).matches()
                || READING_TIME.matcher(norm).matches() || URL_ONLY.matcher(lower).matches()
                || isInterfaceLine(norm))) {
            return Kind.BOILERPLATE;
        }
        if (words <= 25 && (COPYRIGHT.matcher(lower).find() || lower.contains("all rights reserved"))) {
            return Kind.BOILERPLATE;
        }
        if (words <= 60 && lower.contains("cookie") && COOKIE_CONTEXT.matcher(lower).find()) {
            return Kind.BOILERPLATE;
        }
        boolean quoted = lower.indexOf('“') >= 0 || lower.indexOf('"') >= 0 || lower.indexOf('”') >= 0;
        if (!quoted && words <= 40 && PROMO.matcher(lower).find()
                && (words <= 8 || PROMO_ADDRESS.matcher(lower).find())) {
            return Kind.BOILERPLATE;
        }
        boolean sentenceEnd = endsSentence(line);
        if (!sentenceEnd && words <= 30 && (
                (words <= 25 && PHOTO_CREDIT.matcher(lower).find())
                || (words <= 15 && DATELINE.matcher(lower).find())
                || INLINE_RELATED.matcher(lower).find())) {
            return Kind.BOILERPLATE;
        }
        if (words <= 10 && BYLINE.matcher(line).matches()) {
            return Kind.BOILERPLATE;
        }
        if (!sentenceEnd && lower.startsWith("more from ")) {
            return Kind.BOILERPLATE;
        }
        if (words <= 12 && CONTACT.matcher(line).find()) {
            return Kind.BOILERPLATE;
        }
        if (words >= 12 && repeatsAPhrase(norm)) {
            return Kind.BOILERPLATE;
        }
        return isSentenceLike(line, words) ? Kind.CONTENT : Kind.SHORT;
    }

    /**
     * Teaser lists flatten to "Headline A Headline A Headline B Headline B" (image caption and
     * link text side by side). Running text does not repeat six words back to back.
     */
    static boolean repeatsAPhrase(String norm) {
        String[] t = norm.split(" ");
        if (t.length < 12 || t.length > 400) {
            return false;
        }
        for (int len = 6; len <= t.length / 2; len++) {
            for (int i = 0; i + 2 * len <= t.length; i++) {
                boolean same = true;
                for (int k = 0; k < len && same; k++) {
                    same = t[i + k].equals(t[i + len + k]);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether any of the kept blocks reads as running text (a sentence): a page reduced to a few
     * labels and menu words ("x", "HomeNews") is not an article, however little was dropped.
     */
    static boolean hasRunningText(List<String> blocks) {
        for (String b : blocks) {
            if (classify(b) == Kind.CONTENT || isShortSentence(b)) {
                return true;
            }
        }
        return false;
    }

    /** A line that reads as running text, not as a label, menu entry or headline. */
    private static boolean isSentenceLike(String line, int words) {
        if (words >= MIN_SENTENCE_WORDS && endsSentence(line)) {
            return true;
        }
        return words >= LONG_LINE_WORDS && !isTitleCaseSoup(line, words);
    }

    /** "Russia denied it." is short but a sentence, and menus do not end in full stops. */
    private static boolean isShortSentence(String line) {
        if (words(line) < 3 || !SHORT_SENTENCE_END.matcher(line).find()) {
            return false;
        }
        int first = line.codePointAt(0);
        return Character.isUpperCase(first) || first == '“' || first == '"';
    }

    /** A long line of capitalised words and no sentence punctuation: a menu flattened onto one line. */
    private static boolean isTitleCaseSoup(String line, int words) {
        if (endsSentence(line) || line.contains(", ")) {
            return false;
        }
        int capitalised = 0;
        for (String w : SPACES.split(line.strip())) {
            if (!w.isEmpty() && (Character.isUpperCase(w.codePointAt(0)) || !Character.isLetter(w.codePointAt(0)))) {
                capitalised++;
            }
        }
        return capitalised >= words * 0.85;
    }

    private static boolean isInterfaceLine(String norm) {
        if (norm.isEmpty()) {
            return false;
        }
        String[] tokens = norm.split(" ");
        if (tokens.length > 12) {
            return false;
        }
        boolean substantive = false;
        for (String t : tokens) {
            if (!INTERFACE_WORDS.contains(t) && !FUNCTION_WORDS.contains(t)) {
                return false;
            }
            if (!FUNCTION_WORDS.contains(t)) {
                substantive = true;
            }
        }
        return substantive;
    }

    /**
     * Runs of three or more short lines or notices (menus, section lists, footers) lose their
     * short lines, blank lines between them or not; a run needs two short lines, so a lone
     * subheading between two "Advertisement" lines stays.
     */
    private static void dropMenuRuns(String[] text, Kind[] kind, boolean[] keep) {
        int n = kind.length;
        int i = 0;
        while (i < n) {
            if (kind[i] != Kind.SHORT && kind[i] != Kind.BOILERPLATE) {
                i++;
                continue;
            }
            int j = i;
            int shortLines = 0;
            int members = 0;
            while (j < n && kind[j] != Kind.CONTENT) {
                if (kind[j] == Kind.SHORT) {
                    shortLines++;
                }
                if (kind[j] != Kind.BLANK) {
                    members++;
                }
                j++;
            }
            // A run that closes the page is a footer even with one short line among the notices.
            boolean closesPage = j == n;
            if (members >= MIN_NAV_RUN && (shortLines >= 2 || closesPage)) {
                for (int k = i; k < j; k++) {
                    if (kind[k] == Kind.SHORT && !isShortSentence(text[k])) {
                        keep[k] = false;
                    }
                }
            }
            i = j;
        }
    }

    /**
     * After a "Related", "More from ..." or "Tags" header, headlines follow until the story
     * resumes with a sentence (or a line too long to be a headline).
     */
    private static void dropRelatedLists(String[] text, String[] norm, Kind[] kind, boolean[] keep) {
        boolean inList = false;
        for (int i = 0; i < text.length; i++) {
            if (kind[i] == Kind.BLANK) {
                continue;
            }
            boolean header = kind[i] != Kind.CONTENT && !endsSentence(text[i]) && words(text[i]) <= 8
                    && RELATED_HEADER.matcher(norm[i]).find();
            if (header) {
                keep[i] = false;
                inList = true;
                continue;
            }
            if (!inList) {
                continue;
            }
            boolean resumes = (kind[i] == Kind.CONTENT && endsSentence(text[i]))
                    || words(text[i]) >= RELATED_EXIT_WORDS;
            if (resumes) {
                inList = false;
            } else {
                keep[i] = false;
            }
        }
    }

    /** "End of Article", "Leave a Reply": nothing after such a line is the story, once the story was seen. */
    private static void dropAfterEndOfArticle(String[] norm, Kind[] kind, boolean[] keep) {
        int sentencesSeen = 0;
        for (int i = 0; i < norm.length; i++) {
            if (kind[i] == Kind.CONTENT && keep[i]) {
                sentencesSeen++;
            }
            if (sentencesSeen >= 2 && kind[i] != Kind.CONTENT && END_OF_ARTICLE.matcher(norm[i]).matches()) {
                for (int k = i; k < norm.length; k++) {
                    keep[k] = false;
                }
                return;
            }
        }
    }

    /** A headline or teaser repeated on the page is kept once, where it first appears. */
    private static void dropRepeats(String[] norm, boolean[] keep) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < norm.length; i++) {
            String key = norm[i];
            if (key.isEmpty()) {
                continue;
            }
            if (!seen.add(key)) {
                keep[i] = false;
            }
        }
    }

    /** Undoes two kinds of flattening damage: ad labels inside text, and sentences glued together. */
    private static List<String> unflatten(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String raw : lines) {
            String line = INLINE_AD.matcher(raw).replaceAll("");
            if (line.length() > 20 && GLUED_SENTENCES.matcher(line).find()) {
                for (String part : GLUED_SENTENCES.split(line)) {
                    out.add(part);
                }
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /** The line without list bullets and with single spaces. */
    static String tidy(String line) {
        String s = line.indexOf('\t') >= 0 || line.contains("  ") ? SPACES.matcher(line).replaceAll(" ") : line;
        s = s.strip();
        return s.isEmpty() || Character.isLetterOrDigit(s.charAt(0)) ? s : BULLET.matcher(s).replaceFirst("");
    }

    /** Lower case, letters and digits only, single spaces: the form lines are compared in. */
    static String normalise(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean gap = false;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.appendCodePoint(Character.toLowerCase(cp));
                gap = false;
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    static boolean endsSentence(String line) {
        return SENTENCE_END.matcher(line).find();
    }

    static int words(String line) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static int wordCount(List<String> blocks) {
        int total = 0;
        for (String b : blocks) {
            total += words(b);
        }
        return total;
    }
}
