package org.vigil.extract.rules;

import java.util.regex.Pattern;

/** Word lists shared by the claim and incident rules; each is a case-insensitive pattern on word boundaries. */
public final class Lexicon {
    private Lexicon() {
    }

    static Pattern words(String alternation) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The article itself qualifies what it reports. */
    public static final Pattern HEDGE = words("allegedly|alleged|reportedly|purportedly|apparently|appears?|appeared|seems?|seemed"
            + "|might|may|possibly|perhaps|maybe|probably|likely|believed to|is believed|are believed|is seen as|are seen as"
            + "|suspected|if|indicators?|could|presumably|rumou?red|suggests?|suggested|suggesting");

    /** A speech act: the actor's own words. */
    public static final Pattern SPEECH = words("said|says|say|told|tells|stated|states|declared|announced|wrote|writes|posted"
            + "|tweeted|remarked|commented|called|calls|endorsed|praised|praises|wished|congratulated|insisted|added"
            + "|explained|noted|interview|press conference|remarks|comment|comments");

    /** Someone other than the actor infers it: intelligence, officials, experts, reports. */
    public static final Pattern ASSESSMENT_SOURCE = words("intelligence|officials?|assess(?:es|ed|ment)?|analysts?|experts?|according to"
            + "|report(?:s|ed)?|researchers?|indicators?|accus(?:ed|ing|es)|concluded|believes?|think|thinks|FBI|ODNI|DNI"
            + "|Microsoft|Justice Department|State Department");

    /** A denial of the claim by its holder. */
    public static final Pattern DENIAL = words("den(?:y|ies|ied|ying|ial|ials)|rejected|rejects|dismissed|dismisses|refuted|refutes"
            + "|unfounded|baseless|groundless|fabrication|retract(?:ed|ion)?");

    /** The claim was said in jest. */
    public static final Pattern JOKE = words("jok(?:e|es|ed|ing)|jest|in jest|mock|mocking|teasing|tongue-in-cheek|sarcastic(?:ally)?|tongue in cheek|ironic(?:ally)?|trolling");

    /** Negation just before a cue. */
    static final Pattern NEGATION_BEFORE = Pattern.compile(
            "(?:\\b(?:not|never|no longer|hardly)|n['’]t)\\s+(?:\\w+\\s+){0,2}$", Pattern.CASE_INSENSITIVE);

    /** A hypothetical or future frame: what could or might happen is not an incident. */
    static final Pattern HYPOTHETICAL = Pattern.compile("(?:\\b(?:could|might|may|would|will|potential(?:ly)?|possibl[ey]|if|likely to"
            + "|expected to|plans? to|seeks? to|aims? to|capable of|capabilit(?:y|ies)(?: in| of| for)?|prepared to|poised to|ready to"
            + "|threat of|risk of|scenarios?|whether)\\b)(?:\\s+\\S+){0,6}\\s*$", Pattern.CASE_INSENSITIVE);
}
