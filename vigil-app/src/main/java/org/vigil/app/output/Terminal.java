package org.vigil.app.output;

/**
 * Text made safe to echo to a terminal. Messages quote file names and raw lines from hostile
 * input; an escape sequence in them could move the cursor, retitle the window or hide the lines
 * before it, so every control character is shown as {@code \xNN} (or {@code \u2028}-style for the
 * Unicode line and direction controls) instead of being sent.
 */
public final class Terminal {
    private Terminal() {
    }

    /** {@code s} with every C0 and C1 control (tab kept), DEL and bidi override shown escaped; null stays null. */
    public static String safe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)
                    || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (!bad) {
                    b.append(c);
                } else if (c <= 0xFF) {
                    b.append(String.format("\\x%02X", (int) c));
                } else {
                    b.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
