package org.vigil.ingest.posts;

/** Turns one non-blank line of a JSON-lines post file into posts and problems on the tally. */
interface JsonPostParser {
    void parseLine(String line, long lineNumber, Tally tally);
}
