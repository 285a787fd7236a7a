package org.vigil.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated STIX bundle of a chosen size, for the large-bundle test and the import benchmark: one
 * identity, then notes of 4 KB each that reference it, one per line (line {@code n + 3} holds note
 * {@code n}), then optionally one last object as given. The content is fixed, so every run writes
 * the same file.
 */
public final class SyntheticBundle {
    /** The identity every note references. */
    public static final String IDENTITY = "identity--11111111-1111-4111-8111-111111111111";

    private SyntheticBundle() {
    }

    /** Writes at least {@code bytes} of notes to {@code file}, then {@code last} (a JSON object, or null); returns the notes written. */
    public static int write(Path file, long bytes, String last) throws IOException {
        String filler = "x".repeat(4000);
        int notes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\": \"bundle\", \"id\": \"bundle--33333333-3333-4333-8333-333333333333\", \"objects\": [\n");
            w.write("{\"type\": \"identity\", \"spec_version\": \"2.1\", \"id\": \"" + IDENTITY + "\","
                    + " \"created\": \"2024-01-01T00:00:00.000Z\", \"modified\": \"2024-01-01T00:00:00.000Z\", \"name\": \"Bulk\"}");
            long written = 0;
            while (written < bytes) {
                String note = String.format(",\n{\"type\": \"note\", \"spec_version\": \"2.1\", \"id\": \"note--%08x-0000-4000-8000-000000000000\","
                        + " \"created_by_ref\": \"%s\", \"created\": \"2024-01-01T00:00:00.000Z\","
                        + " \"modified\": \"2024-01-01T00:00:00.000Z\", \"content\": \"%s\", \"object_refs\": [\"%s\"]}",
                        notes++, IDENTITY, filler, IDENTITY);
                w.write(note);
                written += note.length();
            }
            if (last != null) {
                w.write(",\n" + last);
            }
            w.write("\n]}\n");
        }
        return notes;
    }
}
