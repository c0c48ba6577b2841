package com.hyperlocal.flashsale.cli;

import org.jspecify.annotations.Nullable;

/**
 * Text from outside (the server, a CSV file, a voucher) made inert before it is printed: a deal
 * title carrying {@code ESC [2J}, an OSC sequence that retitles the window or writes a hyperlink,
 * or a bidirectional override that reorders what follows would otherwise act on the merchant's
 * terminal. C0 controls, DEL, C1 controls and the bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) are shown as six-character escapes, the way JSON writes them (ESC as backslash,
 * {@code u001B}).
 */
public final class Terminal {

    private Terminal() {}

    /**
     * For one line (a table cell, a message): tabs and line feeds become spaces, every other
     * control is shown escaped. {@code null} is the empty string.
     */
    public static String line(@Nullable Object value) {
        return value == null ? "" : inert(value.toString(), false);
    }

    /** For text printed over several lines: line feeds and tabs are kept, other controls escaped. */
    public static String text(String value) {
        return inert(value, true);
    }

    /**
     * Where the first character is that the server refuses in a title or description (a control
     * other than line feed and tab, or a bidi override), or -1.
     */
    public static int firstRefused(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && control(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a character must not reach the terminal as it is. */
    static boolean control(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String inert(String s, boolean multiLine) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = null;
            if (c == '\n' || c == '\t') {
                replacement = multiLine ? null : " ";
            } else if (control(c)) {
                replacement = String.format("\\u%04X", (int) c);
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
