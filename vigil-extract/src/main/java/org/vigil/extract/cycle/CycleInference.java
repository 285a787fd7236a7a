package org.vigil.extract.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The US election cycle (the year of a November general election, always even) that a sentence of
 * an article is about. A 2024 article recalling the 2016 hack is about 2016, so the text speaks first:
 *
 * <ol>
 *   <li>a year the sentence ties to an election: "the 2020 race", "2016 presidential election",
 *       "the midterms of 2018";</li>
 *   <li>a relative phrase in the sentence, read against the publication date: "this November",
 *       "next month's vote", "the last presidential election";</li>
 *   <li>any other year in the sentence ("in 2016, ..."), an odd one taken as the run-up to the next
 *       election unless a month of its first half comes with it ("in January 2017": the aftermath);</li>
 *   <li>the election years the whole article names: the publication date's cycle when it is among
 *       them, else the one named most often if named at least twice (the latest on a tie), the
 *       subject of a look back; without a date the latest year the article mentions stands in for it;</li>
 *   <li>the publication date: an even year is its own cycle; January to June of an odd year are the
 *       aftermath of the election just held, July to December the run-up to the next.</li>
 * </ol>
 *
 * <pre>{@code
 * CycleInference article = CycleInference.of(title + "\n" + text, published);
 * Cycle c = article.cycleOf(evidenceSentence);   // null when neither text nor date says
 * }</pre>
 */
public final class CycleInference {
    /** Where a cycle was read from, strongest first. */
    public enum Basis {
        SENTENCE_ELECTION, SENTENCE_RELATIVE, SENTENCE_YEAR, ARTICLE, PUBLISHED;

        /** The lower-case form written to stores and JSON. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A cycle and what it was read from. */
    public record Cycle(int year, Basis basis) {
    }

    private static final String YEAR = "((?:19[5-9]|20[0-9])[0-9])";
    private static final String CONTEST = "(?:elections?|races?|campaigns?|votes?|voting|midterms?|cycles?|contests?|"
            + "primar(?:y|ies)|ballots?|polls|caucus(?:es)?)";
    // "2016 presidential election", "2020 U.S. race", "2018 midterm elections", "2024 White House race"
    private static final Pattern YEAR_THEN_CONTEST = Pattern.compile("\\b" + YEAR + "(?:['’]s)?[\\s-]+"
            + "(?:(?:u\\.?s\\.?|american|presidential|general|federal|national|white\\s+house|congressional|midterm|election)[\\s-]+){0,3}"
            + CONTEST + "\\b", Pattern.CASE_INSENSITIVE);
    // "the election of 2016", "the elections in 2020", "the vote in November 2024"
    private static final Pattern CONTEST_THEN_YEAR = Pattern.compile("\\b" + CONTEST
            + "\\s+(?:of|in)\\s+(?:(?:november|the\\s+fall\\s+of)\\s+)?" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d$€£.,/-])" + YEAR + "(?![\\d%]|[.,][0-9])");
    // phrases that mean "the election at hand when this was published"
    private static final Pattern CURRENT = Pattern.compile("\\b(?:this\\s+(?:november|fall|autumn|year['’]s\\s+"
            + "(?:(?:presidential|general|u\\.?s\\.?)\\s+)?" + CONTEST + ")|november['’]s\\s+" + CONTEST
            + "|the\\s+(?:upcoming|coming|november|forthcoming|looming)\\s+(?:(?:presidential|general|u\\.?s\\.?)\\s+)?" + CONTEST
            + "|next\\s+month['’]s\\s+" + CONTEST + "|" + CONTEST + "\\s+this\\s+(?:year|november|fall))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVIOUS = Pattern.compile("\\b(?:the\\s+)?(?:last|previous|prior)\\s+"
            + "((?:presidential|general|u\\.?s\\.?|american)\\s+)?" + CONTEST + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT = Pattern.compile("\\b(?:the\\s+)?next\\s+"
            + "((?:presidential|general|u\\.?s\\.?|american)\\s+)?(?:elections?|races?|votes?|midterms?)\\b", Pattern.CASE_INSENSITIVE);

    private final LocalDate published;
    private final Cycle articleCycle;

    private CycleInference(LocalDate published, Cycle articleCycle) {
        this.published = published;
        this.articleCycle = articleCycle;
    }

    /**
     * Reads the election years an article names once, for all its sentences.
     *
     * @param text      the article text (title included, if wanted); null reads as empty
     * @param published its publication date, null when unknown
     */
    public static CycleInference of(String text, LocalDate published) {
        Map<Integer, Integer> named = new LinkedHashMap<>();
        for (int year : electionYears(text == null ? "" : text, published)) {
            named.merge(year, 1, Integer::sum);
        }
        // without a date, the latest year the article mentions at all stands in for when it was written
        Integer atDate = published != null ? (Integer) cycleOfDate(published) : latestCycle(text == null ? "" : text);
        Cycle fromArticle = null;
        if (atDate != null && named.containsKey(atDate)) {
            fromArticle = new Cycle(atDate, Basis.ARTICLE);
        } else if (!named.isEmpty() && named.values().stream().mapToInt(Integer::intValue).max().getAsInt() >= 2) {
            int best = 0;
            int count = 0;
            for (Map.Entry<Integer, Integer> e : named.entrySet()) {
                if (e.getValue() > count || (e.getValue() == count && e.getKey() > best)) {
                    best = e.getKey();
                    count = e.getValue();
                }
            }
            fromArticle = new Cycle(best, Basis.ARTICLE);
        } else if (atDate != null) {
            fromArticle = new Cycle(atDate, published != null ? Basis.PUBLISHED : Basis.ARTICLE);
        }
        return new CycleInference(published, fromArticle);
    }

    /** The cycle {@code sentence} of this article is about; null when neither the text nor the date says. */
    public Cycle cycleOf(String sentence) {
        if (sentence != null && !sentence.isEmpty()) {
            List<Integer> years = electionYears(sentence, published);
            if (!years.isEmpty()) {
                return new Cycle(years.get(0), Basis.SENTENCE_ELECTION);
            }
            Integer relative = relative(sentence);
            if (relative != null) {
                return new Cycle(relative, Basis.SENTENCE_RELATIVE);
            }
            Matcher m = BARE_YEAR.matcher(sentence);
            while (m.find()) {
                int year = Integer.parseInt(m.group(1));
                if (plausible(year, published)) {
                    return new Cycle(year % 2 == 0 ? year : oddYear(sentence, m.start(), year), Basis.SENTENCE_YEAR);
                }
            }
        }
        return articleCycle;
    }

    private static Integer latestCycle(String text) {
        Matcher m = BARE_YEAR.matcher(text);
        int latest = 0;
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            if (plausible(year, null) && year <= 2040 && year > latest) {
                latest = year;
            }
        }
        return latest == 0 ? null : latest % 2 == 0 ? latest : latest + 1;
    }

    private static final Pattern MONTH_BEFORE = Pattern.compile("(?i)\\b(january|february|march|april|may|june|july|august|"
            + "september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+(?:[0-9]{1,2},?\\s+)?$");
    private static final List<String> FIRST_HALF = List.of("jan", "feb", "mar", "apr", "may", "jun");

    /** An odd year's cycle: a month in its first half ("January 2017") is the aftermath of the last election, else the run-up. */
    private static int oddYear(String sentence, int at, int year) {
        Matcher month = MONTH_BEFORE.matcher(sentence.substring(Math.max(0, at - 20), at));
        if (month.find() && FIRST_HALF.contains(month.group(1).substring(0, 3).toLowerCase(java.util.Locale.ROOT))) {
            return year - 1;
        }
        return year + 1;
    }

    /** The cycle of a publication date alone: see the class comment, step 5. */
    public static int cycleOfDate(LocalDate date) {
        int y = date.getYear();
        if (y % 2 == 0) {
            return y;
        }
        return date.getMonthValue() <= 6 ? y - 1 : y + 1;
    }

    private Integer relative(String sentence) {
        if (published == null) {
            return null;
        }
        if (CURRENT.matcher(sentence).find()) {
            return upcoming(published);
        }
        Matcher prev = PREVIOUS.matcher(sentence);
        if (prev.find()) {
            int step = prev.group(1) != null && prev.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("presidential") ? 4 : 2;
            return held(published, step);
        }
        Matcher next = NEXT.matcher(sentence);
        if (next.find()) {
            int step = next.group(1) != null && next.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("presidential") ? 4 : 2;
            return coming(published, step);
        }
        return null;
    }

    /** The election at hand: this year's if the year is even (before or just after its November), else the next. */
    private static int upcoming(LocalDate d) {
        return d.getYear() % 2 == 0 ? d.getYear() : d.getYear() + 1;
    }

    /** The latest election (every {@code step} years) whose day is before {@code d}. */
    private static int held(LocalDate d, int step) {
        int y = d.getYear();
        if (d.isBefore(electionDay(y)) || y % step != 0) {
            y--;
        }
        while (y % step != 0) {
            y--;
        }
        return y;
    }

    /** The first election (every {@code step} years) whose day is on or after {@code d}. */
    private static int coming(LocalDate d, int step) {
        int y = d.getYear();
        if (y % step == 0 && !d.isAfter(electionDay(y))) {
            return y;
        }
        y++;
        while (y % step != 0) {
            y++;
        }
        return y;
    }

    /** The Tuesday after the first Monday in November. */
    static LocalDate electionDay(int year) {
        LocalDate d = LocalDate.of(year, 11, 2);
        while (d.getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static boolean plausible(int year, LocalDate published) {
        return year >= 1990 && (published == null ? year <= 2100 : year <= published.getYear() + 4);
    }

    /** Even years tied to an election word, in text order; odd ones (no November election) are left out. */
    private static List<Integer> electionYears(String text, LocalDate published) {
        record At(int position, int year) {
        }
        List<At> found = new ArrayList<>();
        for (Pattern p : List.of(YEAR_THEN_CONTEST, CONTEST_THEN_YEAR)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int year = Integer.parseInt(m.group(1));
                if (year % 2 == 0 && plausible(year, published)) {
                    found.add(new At(m.start(1), year));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(At::position));
        return found.stream().map(At::year).toList();
    }
}
