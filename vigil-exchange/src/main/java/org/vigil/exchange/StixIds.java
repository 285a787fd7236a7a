package org.vigil.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * STIX identifiers that follow from what an object is, not from when it was exported: UUIDv5
 * (RFC 9562, SHA-1 name-based) of a natural key, so exporting the same store again gives the same
 * ids and OpenCTI or MISP update their copies instead of adding new ones.
 */
final class StixIds {
    /** Vigil's namespace for the ids of its domain objects and relationships. */
    static final UUID VIGIL = UUID.fromString("6f1c7a4e-3b0d-5c2a-9e8f-1d2c3b4a5e6f");
    /** The namespace STIX 2.1 (section 2.9) fixes for deterministic cyber-observable ids. */
    static final UUID STIX_SCO = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private static final Pattern ID = Pattern.compile(
            "[a-z][a-z0-9-]*[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private StixIds() {
    }

    /** {@code type--uuid5(VIGIL, type|part|part...)}. */
    static String of(String type, String... key) {
        StringBuilder name = new StringBuilder(type);
        for (String k : key) {
            // the length prefix keeps ("ab","c") and ("a","bc") apart
            name.append('|').append(k.length()).append(':').append(k);
        }
        return type + "--" + uuid5(VIGIL, name.toString());
    }

    /** The id STIX prescribes for a cyber-observable: uuid5 of its id-contributing properties as canonical JSON. */
    static String observable(String type, String canonicalJson) {
        return type + "--" + uuid5(STIX_SCO, canonicalJson);
    }

    /** Whether {@code id} has the STIX form {@code type--uuid} for this type. */
    static boolean valid(String id, String type) {
        return id != null && ID.matcher(id).matches() && id.startsWith(type + "--");
    }

    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
