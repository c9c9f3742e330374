package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The HTML itself, without a browser: self-contained, escaped, deterministic, and capped as documented. */
class RunReportTest {
    private static String html(ReportData d) throws IOException {
        StringWriter w = new StringWriter();
        RunReport.write(d, w);
        return w.toString();
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void sameDataGivesTheSameBytes() throws IOException {
        assertEquals(html(ReportFixture.realistic(5)), html(ReportFixture.realistic(5)));
    }

    @Test
    void thePageLoadsNothing() throws IOException {
        String h = html(ReportFixture.realistic(1));
        for (String external : new String[] {"http:", "https:", "//", "<link", "url(", "@import"}) {
            // "//" would also be a comment in the scripts: they have none
            assertFalse(h.contains(external), "the report refers to something outside itself: " + external);
        }
        // no element has a src attribute, and links only lead within the page (the fixture's
        // names hold "src=" as text only)
        assertFalse(Pattern.compile("<[a-zA-Z][^<>]*\\s(src|xlink:href)\\s*=").matcher(h).find());
        assertFalse(Pattern.compile("<[a-zA-Z][^<>]*\\shref\\s*=\\s*\"(?!#)").matcher(h).find());
        assertTrue(h.contains("<a href=\"#families\">"));
        assertTrue(h.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void namesAreEscapedEverywhere() throws IOException {
        String h = html(ReportFixture.realistic(1));
        assertFalse(h.contains(ReportFixture.NASTY_CONTIG), "raw contig name");
        assertFalse(h.contains(ReportFixture.NASTY_FAMILY), "raw family name");
        assertFalse(h.contains("<img"));
        assertFalse(h.contains("genome<v2>"));
        assertTrue(h.contains(Html.escape(ReportFixture.NASTY_FAMILY)));
        assertTrue(h.contains(Html.escape(ReportFixture.NASTY_CONTIG)));
        // every script element is one of the page's own two
        assertEquals(2, count(h, "<script>"));
        assertEquals(2, count(h, "</script>"));
    }

    @Test
    void capsAreAsDocumented() throws IOException {
        ReportData d = ReportFixture.realistic(3);
        String h = html(d);
        assertEquals(8 + RunReport.SMALL_MULTIPLES + RunReport.SPARKLINES, count(h, "<svg "));
        // one table row per family
        int table = h.indexOf("<table id=\"family-table\"");
        String rows = h.substring(table, h.indexOf("</table>", table));
        assertEquals(d.families().size(), count(rows, "<tr><td>"));
        // the longest contigs get a bar, the next one does not (the fixture's lengths are all distinct)
        List<ContigMasking> byLength = new ArrayList<>(d.contigs());
        byLength.sort(Comparator.comparingLong(ContigMasking::length).reversed());
        assertTrue(byLength.get(RunReport.LONGEST_CONTIGS - 1).length() > byLength.get(RunReport.LONGEST_CONTIGS).length());
        for (int i = 0; i < RunReport.LONGEST_CONTIGS; i++) {
            assertTrue(h.contains(">" + Html.escape(byLength.get(i).name()) + ": "), "contig " + i);
        }
        assertFalse(h.contains(">" + byLength.get(RunReport.LONGEST_CONTIGS).name() + ": "));
        // the first table row is the family masking the most bases
        FamilySummary top = d.families().stream().max(Comparator.comparingLong(FamilySummary::maskedBases)).get();
        assertTrue(rows.contains("<tr><td>1<td>" + Html.escape(top.name()) + "<td>"));
    }

    @Test
    void numbersHaveThousandsSeparators() throws IOException {
        ReportData d = ReportFixture.realistic(2);
        String h = html(d);
        assertTrue(h.contains(Format.count(d.run().genome().bases()) + " bases"));
        assertTrue(h.contains(">" + Format.count(d.elements()) + "<"));
    }

    @Test
    void aRunWithoutFamiliesPolishingOrContigsStillWritesAPage() throws IOException {
        RunInfo run = RunInfo.builder().toolVersion("v").input("hdfs:/x/empty.fa").strategy("exact")
                .date(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).genome(new GenomeSize(0, 0, 0)).k(11)
                .build();
        String h = html(ReportData.builder().run(run).build());
        assertTrue(h.contains("The run found no family."));
        assertTrue(h.contains("did not polish"));
        assertTrue(h.contains("No phase times were given."));
        assertTrue(h.endsWith("</html>\n"));
        assertTrue(h.contains("data-report-status=\"pending\""));
    }

    @Test
    void aLargeLibraryStaysSmall() throws IOException {
        // 20,000 families and 50,000 contigs: the per-family cost is the table row, the rest is capped
        ReportData d = ReportFixture.realistic(9, 20_000, 50_000);
        String h = html(d);
        Matcher m = Pattern.compile("<svg ").matcher(h);
        int svgs = 0;
        while (m.find()) {
            svgs++;
        }
        assertEquals(8 + RunReport.SMALL_MULTIPLES + RunReport.SPARKLINES, svgs);
        int table = h.indexOf("<table id=\"family-table\"");
        int tableBytes = h.indexOf("</table>", table) - table;
        int rest = h.length() - tableBytes;
        assertTrue(tableBytes < 20_000 * 140 + 200 * 700, "table of " + tableBytes + " characters");
        assertTrue(rest < 1_200_000, "everything but the table: " + rest + " characters");
    }
}
