package org.reprise.report;

/**
 * Escaping for HTML text and attribute values (the same function serves both, since it escapes
 * quotes too), and shortening of long labels. Names from a FASTA header can hold any character:
 * {@code <}, {@code &}, quotes, even control characters. Control characters other than tab and
 * line feed, and lone UTF-16 surrogates, are parse errors in HTML or cannot be encoded as UTF-8;
 * they become U+FFFD, so a name is shown with a visible mark instead of breaking the page.
 */
final class Html {
    static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /**
     * @param s any string
     * @return {@code s} with {@code & < > " '} as character references and unencodable characters
     *         replaced, safe inside element content and inside a quoted attribute value
     */
    static String escape(String s) {
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = null;
            switch (c) {
                case '&' -> rep = "&amp;";
                case '<' -> rep = "&lt;";
                case '>' -> rep = "&gt;";
                case '"' -> rep = "&quot;";
                case '\'' -> rep = "&#39;";
                default -> {
                    if (bad(s, i, c)) {
                        rep = String.valueOf(REPLACEMENT);
                    } else if (Character.isHighSurrogate(c)) {
                        // a valid pair: copy both halves, skip the low one
                        if (b != null) {
                            b.append(c).append(s.charAt(i + 1));
                        }
                        i++;
                        continue;
                    }
                }
            }
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(n + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** True for a character HTML cannot carry: C0/C1 controls except tab, LF, CR; lone surrogates. */
    private static boolean bad(String s, int i, char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c >= 0x7f && c <= 0x9f) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    /**
     * Shortens a label for a chart axis.
     *
     * @param s   the label
     * @param max most code points to keep, {@code >= 2}
     * @return {@code s} if it has at most {@code max} code points, else its first {@code max - 1}
     *         code points and an ellipsis; not escaped
     */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
    }
}
