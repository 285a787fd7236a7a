package org.vigil.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing resource fails a CI run, skips loudly elsewhere, and is refused in @BeforeAll. */
class NeedsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Needs needs(Map<String, String> env) {
        return new Needs(env, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A test's own helper: Needs names the test method above it, not the helper. */
    private static void corpusIsMissing(Needs needs) {
        needs.require(false, "../shared/corpus/dev", "put it there");
    }

    @Test
    void aPresentResourceLetsTheTestGoOnSilently() {
        needs(Map.of("CI", "true")).require(true, "the corpus", "fetch it");
        needs(Map.of()).require(true, "the corpus", "fetch it");
        assertEquals("", printed());
    }

    @Test
    void aMissingResourceUnderCiIsAFailure() {
        Needs underCi = needs(Map.of("CI", "true"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> corpusIsMissing(underCi));
        assertEquals("NeedsTest.aMissingResourceUnderCiIsAFailure needs ../shared/corpus/dev, which is missing (put it there); "
                + "CI=true, so this is a failure, not a skip", e.getMessage());
        assertThrows(AssertionFailedError.class, () -> needs(Map.of("CI", " TRUE ")).require(false, "x", "y"));
        assertEquals("", printed());
    }

    @Test
    void aMissingResourceElsewhereIsASkipThatSaysWhy() {
        Needs outsideCi = needs(Map.of("CI", "false"));
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> corpusIsMissing(outsideCi));
        String message = "NeedsTest.aMissingResourceElsewhereIsASkipThatSaysWhy needs ../shared/corpus/dev, which is missing "
                + "(put it there); skipped here, and a failure when CI=true";
        assertEquals(message, e.getMessage());
        assertEquals("SKIPPED " + message + System.lineSeparator(), printed());
        assertThrows(TestAbortedException.class, () -> needs(Map.of()).require(false, "x", "y"));
    }

    static IllegalStateException fromBeforeAll;

    @BeforeAll
    static void checkInBeforeAll() {
        try {
            new Needs(Map.of(), System.err).require(true, "anything", "nothing");
        } catch (IllegalStateException e) {
            fromBeforeAll = e;
        }
    }

    @Test
    void askingInBeforeAllIsRefusedBecauseASkipThereHidesTheTests() {
        assertEquals("NeedsTest.checkInBeforeAll is a @BeforeAll method: check what a test needs in the test or a @BeforeEach, "
                + "where a skip is counted per test instead of hiding the class from the count", fromBeforeAll.getMessage());
    }

    @Test
    void theSharedFolderIsFoundOrTheTestSkipsOrFails() {
        // outside CI this either finds the folder or skips saying why; under CI the folder must be there
        assertEquals(true, Needs.shared("").toFile().isDirectory());
    }
}
