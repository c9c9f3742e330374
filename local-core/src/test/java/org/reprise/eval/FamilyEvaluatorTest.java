package org.reprise.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.align.Dna;
import org.reprise.library.LibraryEntry;
import org.reprise.parallel.Workers;
import org.reprise.testing.Sequences;

/** Family-level evaluation on a hand-built truth and library in which every status occurs. */
class FamilyEvaluatorTest {
    /** The truth and library of the test, as FASTA texts too (the command's test reads them). */
    static final class Case {
        final List<String[]> truth = new ArrayList<>(); // header word, sequence
        final List<String[]> library = new ArrayList<>();

        Case() {
            Random rnd = new Random(77);
            String t1 = Sequences.random(rnd, 1000), t2 = Sequences.random(rnd, 800), t3 = Sequences.random(rnd, 1200);
            String t4 = Sequences.random(rnd, 600), t5 = Sequences.random(rnd, 500);
            truth.add(new String[] {"T1#LTR/Copia", t1});
            truth.add(new String[] {"T2#DNA/hAT", t2});
            truth.add(new String[] {"T3#LINE/L1", t3});
            truth.add(new String[] {"T4#SINE/Alu", t4});
            truth.add(new String[] {"T5", t5});
            // T1 perfect: all of it, 2% substituted (identity 0.98 over the whole family)
            library.add(new String[] {"E1#LTR/Gypsy", every(t1, 50)});
            // T2 good: its first 720 bases (90%), 10% substituted (two bases in every 20: a base in
            // every 10 would leave no 11-mer intact, and no seed)
            library.add(new String[] {"E2#DNA/TcMar", every(every(t2.substring(0, 720), 20), 20, 11)});
            // T3 present: two halves overlapping by 50 bases, 5% substituted, the second reversed
            library.add(new String[] {"E3a#LINE/L2", every(t3.substring(0, 600), 20)});
            library.add(new String[] {"E3b#Unknown", Sequences.revcomp(every(t3.substring(550), 20))});
            // T4 missed: a copy at 70% identity (every third base changed), a false entry too
            library.add(new String[] {"E4#SINE/Alu", every(t4, 3)});
            // unrelated: a false entry
            library.add(new String[] {"E5#DNA", Sequences.random(rnd, 400)});
            // 40% of T1 at 97%: matches T1, with the wrong class
            library.add(new String[] {"E6#SINE", every(t1.substring(100, 500), 33)});
            // half of T2 at 100%, REPrise's header: matches T2, no class
            library.add(new String[] {"R=7,", t2.substring(400)});
        }

        /** s with every n-th base (from base n/2) changed. */
        static String every(String s, int n) {
            return every(s, n, n / 2);
        }

        /** s with every n-th base from base {@code from} changed. */
        static String every(String s, int n, int from) {
            char[] c = s.toCharArray();
            for (int i = from; i < c.length; i += n) {
                c[i] = "ACGT".charAt(("ACGT".indexOf(c[i]) + 1) % 4);
            }
            return new String(c);
        }

        static List<LibraryEntry> entries(List<String[]> records) {
            List<LibraryEntry> out = new ArrayList<>();
            for (String[] r : records) {
                out.add(LibraryEntry.fromHeaderWord(r[0], Dna.encode(r[1])));
            }
            return out;
        }

        static String fasta(List<String[]> records, String descriptionAfterName) {
            StringBuilder sb = new StringBuilder();
            for (String[] r : records) {
                sb.append('>').append(r[0]).append(descriptionAfterName).append('\n');
                for (int i = 0; i < r[1].length(); i += 60) {
                    sb.append(r[1], i, Math.min(r[1].length(), i + 60)).append('\n');
                }
            }
            return sb.toString();
        }
    }

    @Test
    void everyStatusOccurs() {
        Case c = new Case();
        FamilyReport report;
        try (Workers w = new Workers(2)) {
            report = new FamilyEvaluator().evaluate(Case.entries(c.truth), Case.entries(c.library), w);
        }
        List<FamilyReport.Row> rows = report.families();
        assertEquals(5, rows.size());

        FamilyReport.Row t1 = rows.get(0);
        assertEquals("T1", t1.name());
        assertEquals("LTR/Copia", t1.classification());
        assertEquals(1000, t1.length());
        assertEquals(FamilyStatus.PERFECT, t1.status());
        assertEquals("E1", t1.bestEntry());
        assertEquals(0.98, t1.identity(), 1e-9); // 20 of 1,000 bases changed, no gap
        assertEquals(1.0, t1.coverage(), 1e-9);

        FamilyReport.Row t2 = rows.get(1);
        assertEquals(FamilyStatus.GOOD, t2.status());
        assertEquals("E2", t2.bestEntry());
        assertEquals(0.9, t2.identity(), 1e-9);
        assertEquals(0.9, t2.coverage(), 1e-9);

        FamilyReport.Row t3 = rows.get(2);
        assertEquals(FamilyStatus.PRESENT, t3.status());
        assertTrue(t3.bestEntry().equals("E3b") || t3.bestEntry().equals("E3a"), t3.bestEntry());
        assertEquals(0.95, t3.identity(), 0.01);
        assertTrue(t3.coverage() >= 0.5 && t3.coverage() <= 0.55, Double.toString(t3.coverage()));

        FamilyReport.Row t4 = rows.get(3);
        assertEquals(FamilyStatus.MISSED, t4.status());

        FamilyReport.Row t5 = rows.get(4);
        assertEquals(FamilyStatus.MISSED, t5.status());
        assertNull(t5.classification());
        assertNull(t5.bestEntry());
        assertTrue(Double.isNaN(t5.identity()));

        FamilyReport.Totals t = report.totals();
        assertEquals(new FamilyReport.Totals(1, 1, 1, 2, 8, 2, 3, 1, 2), t);
        assertEquals(5, t.families());
    }

    @Test
    void sameReportOnOneAndThreeThreads() {
        Case c = new Case();
        try (Workers one = new Workers(1); Workers three = new Workers(3)) {
            assertEquals(new FamilyEvaluator().evaluate(Case.entries(c.truth), Case.entries(c.library), one),
                    new FamilyEvaluator().evaluate(Case.entries(c.truth), Case.entries(c.library), three));
        }
    }

    @Test
    void headersAndClasses() {
        LibraryEntry rm = LibraryEntry.fromHeaderWord("L1HS#LINE/L1", new byte[1]);
        assertEquals("L1HS", rm.name());
        assertEquals("LINE/L1", rm.classification());
        assertEquals("LINE", rm.repeatClass());
        LibraryEntry reprise = LibraryEntry.fromHeaderWord("R=12,", new byte[1]);
        assertEquals("R=12", reprise.name());
        assertNull(reprise.classification());
        assertTrue(reprise.isUnclassified());
        assertTrue(LibraryEntry.fromHeaderWord("x#Unknown", new byte[1]).isUnclassified());
        assertEquals("DNA", LibraryEntry.fromHeaderWord("x#DNA?/hAT", new byte[1]).repeatClass());
        assertEquals("Satellite", LibraryEntry.fromHeaderWord("sat#Satellite", new byte[1]).repeatClass());
        try (Workers w = new Workers(1)) {
            assertThrows(IllegalArgumentException.class, () -> new FamilyEvaluator().evaluate(
                    List.of(new LibraryEntry("empty", null, new byte[0])), List.of(), w));
        }
    }

    @Test
    void emptyLibraryMissesEverything() {
        Case c = new Case();
        try (Workers w = new Workers(1)) {
            FamilyReport r = new FamilyEvaluator().evaluate(Case.entries(c.truth), List.of(), w);
            assertEquals(new FamilyReport.Totals(0, 0, 0, 5, 0, 0, 0, 0, 0), r.totals());
        }
    }
}
