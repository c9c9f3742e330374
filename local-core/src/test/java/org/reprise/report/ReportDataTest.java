package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The data model's checks: each bad value is refused with a message naming it; values are copies. */
class ReportDataTest {
    private static final double[] NONE = new double[0];

    private static RunInfo.Builder run(long bases, long contigs) {
        return RunInfo.builder().toolVersion("1").input("g.fa").strategy("exact")
                .date(ZonedDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))
                .genome(new GenomeSize(bases, contigs, bases)).k(13);
    }

    private static FamilySummary family(String name, RepeatClass c, long length) {
        return new FamilySummary(name, c, length, 3, 3 * length, "ACGTACGTACGTA", 3, new double[] {0.1, 0.2});
    }

    private static void refused(String messagePart, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(messagePart), "message '" + x.getMessage() + "' lacks '" + messagePart + "'");
    }

    @Test
    void contigCountsAreChecked() {
        refused("-1", () -> new ContigMasking("c", -1, 0));
        refused("11 not in 0..10", () -> new ContigMasking("c", 10, 11));
        refused("-2 not in", () -> new ContigMasking("c", 10, -2));
        refused("empty contig name", () -> new ContigMasking("", 10, 0));
        assertEquals(0.25, new ContigMasking("c", 8, 2).maskedFraction());
        assertEquals(0, new ContigMasking("c", 0, 0).maskedFraction());
    }

    @Test
    void genomeSizeIsChecked() {
        refused("valid bases 11 exceed bases 10", () -> new GenomeSize(10, 1, 11));
        refused("negative", () -> new GenomeSize(10, -1, 5));
        // positions are long: a genome beyond 2^31 bases is fine
        assertEquals(5_000_000_000L, new GenomeSize(5_000_000_000L, 2, 4_000_000_000L).bases());
    }

    @Test
    void familyValuesAreChecked() {
        refused("consensus length 0", () -> new FamilySummary("f", RepeatClass.DNA, 0, 3, 0, "A", 3, NONE));
        refused("negative copies -1", () -> new FamilySummary("f", RepeatClass.DNA, 10, -1, 0, "A", 3, NONE));
        refused("3 divergences for 2 copies",
                () -> new FamilySummary("f", RepeatClass.DNA, 10, 2, 0, "A", 3, new double[] {0, 0, 0}));
        refused("divergence 1.5", () -> new FamilySummary("f", RepeatClass.DNA, 10, 2, 0, "A", 3, new double[] {1.5}));
        refused("divergence -0.1", () -> new FamilySummary("f", RepeatClass.DNA, 10, 2, 0, "A", 3, new double[] {-0.1}));
        refused("divergence NaN",
                () -> new FamilySummary("f", RepeatClass.DNA, 10, 2, 0, "A", 3, new double[] {Double.NaN}));
        refused("empty family name", () -> new FamilySummary("", RepeatClass.DNA, 10, 2, 0, "A", 3, NONE));
        assertThrows(NullPointerException.class, () -> new FamilySummary("f", null, 10, 2, 0, "A", 3, NONE));
    }

    @Test
    void divergencesAreCopiedSortedAndGiveTheMedian() {
        double[] d = {0.3, 0.1, 0.2, 0.4};
        FamilySummary f = new FamilySummary("f", RepeatClass.LTR, 100, 5, 400, "ACGT", 9, d);
        d[0] = 0.9;
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, f.divergences());
        f.divergences()[0] = 0.7;
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, f.divergences());
        assertEquals(0.25, f.medianDivergence(), 1e-12);
        assertEquals(0.2, new FamilySummary("g", RepeatClass.LTR, 100, 3, 0, "", 0, new double[] {0.3, 0.2, 0.1})
                .medianDivergence(), 1e-12);
        assertTrue(Double.isNaN(new FamilySummary("h", RepeatClass.LTR, 100, 3, 0, "", 0, NONE).medianDivergence()));
    }

    @Test
    void libraryClassesMustSumToEntries() {
        Map<RepeatClass, Long> m = new EnumMap<>(RepeatClass.class);
        m.put(RepeatClass.DNA, 2L);
        m.put(RepeatClass.LTR, 3L);
        refused("sum to 5, not to the 6 entries", () -> new LibrarySummary(6, 100, m));
        m.put(RepeatClass.SINE, -1L);
        refused("negative entries for class SINE/Unknown", () -> new LibrarySummary(4, 100, m));
        LibrarySummary s = LibrarySummary.of(List.of(family("a", RepeatClass.DNA, 10), family("b", RepeatClass.DNA, 20),
                family("c", RepeatClass.LINE, 5)));
        assertEquals(3, s.entries());
        assertEquals(35, s.totalBases());
        assertEquals(2, s.entries(RepeatClass.DNA));
        assertEquals(0, s.entries(RepeatClass.SATELLITE));
        assertThrows(UnsupportedOperationException.class, () -> s.entriesPerClass().put(RepeatClass.LTR, 1L));
    }

    @Test
    void polishingCountsAreChecked() {
        LibrarySummary empty = new LibrarySummary(0, 0, Map.of());
        refused("tandem -1", () -> new Polishing(empty, empty, 0, 0, -1, 0, 0));
    }

    @Test
    void runInfoKeepsOrderAndChecksValues() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zeta", 1);
        params.put("alpha", -5);
        params.put("mid", "x");
        RunInfo r = run(10, 1).parameters(params).phase("b", 2).phase("a", 1).wallSeconds(3.5).build();
        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(r.parameters().keySet()));
        assertEquals("-5", r.parameters().get("alpha"));
        assertEquals(List.of("b", "a"), List.copyOf(r.phaseSeconds().keySet()));
        assertTrue(r.peakMemoryBytes().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> r.parameters().put("x", "y"));
        refused("parameter given twice: zeta", () -> run(10, 1).parameter("zeta", 1).parameter("zeta", 2));
        refused("phase a: seconds -1.0", () -> run(10, 1).phase("a", -1));
        refused("phase a: seconds NaN", () -> run(10, 1).phase("a", Double.NaN));
        refused("wall time: seconds Infinity", () -> run(10, 1).wallSeconds(Double.POSITIVE_INFINITY).build());
        refused("k must be positive: 0", () -> run(10, 1).k(0).build());
        refused("negative peak memory", () -> run(10, 1).peakMemoryBytes(-3));
        assertThrows(NullPointerException.class, () -> RunInfo.builder().k(3).build());
    }

    @Test
    void reportDataChecksContigsAgainstTheGenome() {
        RunInfo r = run(30, 2).build();
        ContigMasking a = new ContigMasking("a", 10, 1);
        refused("1 contigs given for a genome of 2 contigs", () -> ReportData.builder().run(r).contig(a).build());
        refused("contig lengths sum to 20, not to the genome's 30 bases",
                () -> ReportData.builder().run(r).contig(a).contig(new ContigMasking("b", 10, 0)).build());
        refused("contig name given twice: a",
                () -> ReportData.builder().run(r).contig(a).contig(new ContigMasking("a", 20, 0)).build());
        ReportData d = ReportData.builder().run(r).contig(a).contig(new ContigMasking("b", 20, 5)).build();
        assertEquals(6, d.maskedBases());
        assertTrue(d.polishing().isEmpty());
    }

    @Test
    void reportDataChecksFamiliesAndPolishing() {
        RunInfo r = run(10, 1).build();
        ContigMasking c = new ContigMasking("c", 10, 0);
        FamilySummary f = family("f", RepeatClass.DNA, 10);
        refused("family name given twice: f",
                () -> ReportData.builder().run(r).contig(c).family(f).family(family("f", RepeatClass.LTR, 5)).build());
        LibrarySummary one = LibrarySummary.of(List.of(f));
        LibrarySummary two = LibrarySummary.of(List.of(f, family("g", RepeatClass.LTR, 5)));
        refused("library after polishing has 2 entries, but 1 families were given", () -> ReportData.builder().run(r)
                .contig(c).family(f).polishing(new Polishing(two, two, 0, 0, 0, 0, 0)).build());
        ReportData d = ReportData.builder().run(r).contig(c).family(f).polishing(new Polishing(two, one, 1, 0, 0, 0, 0))
                .note("n").build();
        assertEquals(3, d.elements());
        assertEquals(List.of("n"), d.notes());
        assertThrows(UnsupportedOperationException.class, () -> d.families().add(f));
        assertThrows(NullPointerException.class, () -> ReportData.builder().build());
    }

    @Test
    void repeatClassLabelsRoundTrip() {
        for (RepeatClass c : RepeatClass.values()) {
            assertEquals(c, RepeatClass.fromLabel(c.label()));
        }
        refused("unknown repeat class label: LTR/Gypsy", () -> RepeatClass.fromLabel("LTR/Gypsy"));
    }
}
