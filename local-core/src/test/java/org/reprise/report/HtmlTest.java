package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Escaping of names for HTML text and attributes, and the shortening of labels. */
class HtmlTest {
    @Test
    void specialCharactersBecomeReferences() {
        assertEquals("a&lt;b&gt;c&amp;d&quot;e&#39;f", Html.escape("a<b>c&d\"e'f"));
        assertEquals("&amp;amp;", Html.escape("&amp;"));
        assertEquals("&lt;/script&gt;&lt;script&gt;", Html.escape("</script><script>"));
    }

    @Test
    void plainTextIsReturnedAsIs() {
        String s = "chr1_random scaffold-12.3 \u00e9\u4e2d";
        assertSame(s, Html.escape(s));
        assertEquals("", Html.escape(""));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreReplaced() {
        assertEquals("a\uFFFDb\uFFFDc", Html.escape("a\u0000b\u0007c"));
        assertEquals("tab\tlf\ncr\r", Html.escape("tab\tlf\ncr\r"));
        assertEquals("x\uFFFDy", Html.escape("x\u0085y"));
        assertEquals("\uFFFDz", Html.escape("\uD800z"));
        assertEquals("z\uFFFD", Html.escape("z\uDC00"));
        assertEquals("end\uFFFD", Html.escape("end\uD83D"));
        // a valid pair (an emoji) is kept, also after an escape
        assertEquals("&lt;\uD83E\uDDEC&gt;", Html.escape("<\uD83E\uDDEC>"));
        assertEquals("\uD83E\uDDEC", Html.escape("\uD83E\uDDEC"));
    }

    @Test
    void shortenCountsCodePointsAndAddsAnEllipsis() {
        assertEquals("abc", Html.shorten("abc", 3));
        assertEquals("ab\u2026", Html.shorten("abcd", 3));
        // two emoji are two code points, not four chars
        assertEquals("\uD83E\uDDEC\uD83E\uDDEC", Html.shorten("\uD83E\uDDEC\uD83E\uDDEC", 2));
        assertEquals("\uD83E\uDDEC\u2026", Html.shorten("\uD83E\uDDEC\uD83E\uDDECx", 2));
    }
}
