package org.vigil.store;

import java.util.List;
import java.util.Objects;

/**
 * One step of a component's schema, applied once per store in version order and recorded in the
 * {@code schema_migrations} table. A component ({@code news}, {@code coordination}) owns its own
 * version sequence, so modules can grow their tables independently; a released step is never edited,
 * a change is a new step.
 */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("The parameter 'version' must be at least 1, got " + version + ".");
        }
        Objects.requireNonNull(description, "The parameter 'description' must not be null.");
        statements = List.copyOf(statements);
    }
}
