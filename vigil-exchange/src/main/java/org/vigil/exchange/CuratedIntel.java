package org.vigil.exchange;

import org.vigil.store.VigilStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Intelligence imported from other producers, for showing beside Vigil's own findings: reports,
 * threat actors, intrusion sets, campaigns and attack patterns, with who published them. Objects
 * Vigil itself produced (a re-imported export) are not listed: they are Vigil's findings already.
 */
public final class CuratedIntel {
    /** The types listed. */
    public static final List<String> TYPES = List.of("report", "threat-actor", "intrusion-set", "campaign", "attack-pattern");

    /** One imported object; {@code producer} is the name of the identity that created it, when the store has it. */
    public record Item(String id, String type, String name, String producer, String externalIds, String modified,
                       String description, String source) {
    }

    private CuratedIntel() {
    }

    /** Up to {@code limit} imported objects of {@code type} (one of {@link #TYPES}, or null for all of them), newest first. */
    public static List<Item> list(VigilStore store, String type, int limit) {
        Objects.requireNonNull(store, "The parameter 'store' must not be null.");
        if (type != null && !TYPES.contains(type)) {
            throw new IllegalArgumentException("The parameter 'type' must be one of " + String.join(", ", TYPES) + ", got '" + type + "'.");
        }
        if (limit < 1 || limit > VigilStore.MAX_LIMIT) {
            throw new IllegalArgumentException("The parameter 'limit' must be between 1 and " + VigilStore.MAX_LIMIT + ", got " + limit + ".");
        }
        return store.read(c -> {
            List<Item> items = new ArrayList<>();
            if (!ExchangeSchema.present(c)) {
                return items;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT o.id, o.type, o.name, p.name, o.external_ids, o.modified, o.description, o.source
                    FROM stix_objects o LEFT JOIN stix_objects p ON p.id = o.created_by_ref AND p.type = 'identity'
                    WHERE o.type IN ('report', 'threat-actor', 'intrusion-set', 'campaign', 'attack-pattern')
                      AND (? IS NULL OR o.type = ?) AND (o.created_by_ref IS NULL OR o.created_by_ref <> ?)
                    ORDER BY o.modified DESC NULLS LAST, o.id LIMIT ?""")) {
                ps.setString(1, type);
                ps.setString(2, type);
                ps.setString(3, StixExporter.IDENTITY);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return items;
        });
    }
}
