package org.vigil.app.serve;

import java.util.Locale;

/** English names of the ISO 3166-1 alpha-2 codes the news side uses for foreign states. */
final class Countries {
    private Countries() {
    }

    static String name(String code) {
        if (code == null || code.length() != 2) {
            return code;
        }
        String n = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return n.isEmpty() || n.equalsIgnoreCase(code) ? code : n;
    }
}
