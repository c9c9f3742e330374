package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The writer streams a contig of 2.2 Gbp (past 2^31) into a sink that keeps only windows around
 * intact copies past 2^31, found at the file offsets their truth coordinates give: the bases there
 * are the family's consensus (or its reverse complement), flanked by the TSD. Nothing is written
 * to disk; the run costs the background generation of 2.2 G bases (a few seconds).
 */
class LongContigWindowTest {
    private static final long TWO_31 = 1L << 31;
    private static final int FLANK = 30;

    /** Keeps the bytes of some file offset windows [from, to), drops the rest. */
    private static final class WindowSink extends OutputStream {
        final long[] from;
        final long[] to;
        final byte[][] kept;
        long at;

        WindowSink(long[] from, long[] to) {
            this.from = from;
            this.to = to;
            this.kept = new byte[from.length][];
            for (int i = 0; i < from.length; i++) {
                kept[i] = new byte[(int) (to[i] - from[i])];
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long end = at + len;
            for (int i = 0; i < from.length; i++) {
                long s = Math.max(at, from[i]);
                long e = Math.min(end, to[i]);
                if (s < e) {
                    System.arraycopy(b, off + (int) (s - at), kept[i], (int) (s - from[i]), (int) (e - s));
                }
            }
            at = end;
        }

        /** Window i without its newlines. */
        String bases(int i) {
            return new String(kept[i], StandardCharsets.US_ASCII).replace("\n", "");
        }
    }

    @Test
    void intactCopiesPastTwoToThe31AreWhereTheTruthSays() throws IOException {
        SimulationParameters p = SimulationParameters.builder().contigSizes(2_200_000_000L).families(6).copies(250, 300)
                .maxDivergence(0).nested(0).truncated(0).satellites(0).lowComplexity(0).build();
        GenomePlan plan = SimulationPlanner.plan(p);
        List<PlantedCopy> chosen = new ArrayList<>();
        for (PlantedCopy c : plan.copies()) {
            if (c.start() > TWO_31 + 1000 && c.cut() == PlantedCopy.ContigEnd.NONE && chosen.size() < 5) {
                chosen.add(c);
            }
        }
        assertTrue(chosen.size() == 5, chosen.size() + " copies past 2^31");
        // Offsets computed here from the FASTA layout in words: ">chr1\n" then 60 bases + newline a line.
        long[] from = new long[chosen.size()];
        long[] to = new long[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            long s = chosen.get(i).start() - FLANK;
            long e = chosen.get(i).end() + FLANK;
            from[i] = 6 + s + s / 60;
            to[i] = 6 + e + e / 60 + 1;
        }
        WindowSink sink = new WindowSink(from, to);
        GenomeWriter.write(plan, sink, null);
        assertEquals(6 + 2_200_000_000L + 36_666_667L, sink.at, "file size: header, bases, a newline per line");
        for (int i = 0; i < chosen.size(); i++) {
            PlantedCopy c = chosen.get(i);
            long s = c.start() - FLANK;
            String window = sink.bases(i);
            String seq = window.substring(0, (int) (c.end() - c.start() + 2 * FLANK));
            String consensus = plan.families().get(c.family()).consensusString().substring(c.sourceFrom(), c.sourceTo());
            String expected = c.reverse() ? SimulatedFiles.revcomp(consensus) : consensus;
            assertEquals(expected, seq.substring(FLANK, FLANK + expected.length()), "copy " + c.id() + " at " + c.start());
            int t = c.tsd();
            assertEquals(seq.substring(FLANK - t, FLANK), seq.substring(FLANK + expected.length(), FLANK + expected.length() + t),
                    "TSD of copy " + c.id());
            assertTrue(s > TWO_31);
        }
    }
}
