package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The background: its G+C fraction, and bases that do not depend on how they are asked for. */
class BackgroundTest {
    @Test
    void theGenomeHasTheRequestedGc() throws IOException {
        for (double gc : new double[] {0.41, 0.6}) {
            GenomePlan plan = SimulationPlanner.plan(SimulationParameters.builder().length(1_000_000).contigs(3)
                    .gc(gc).families(0).satellites(0).lowComplexity(0).build());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GenomeWriter.write(plan, out, null);
            long strong = 0;
            long bases = 0;
            for (String line : out.toString(java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith(">")) {
                    continue;
                }
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    strong += c == 'G' || c == 'C' ? 1 : 0;
                    bases++;
                }
            }
            assertEquals(1_000_000, bases);
            // binomial sd of the fraction is about 0.0005 here
            assertEquals(gc, (double) strong / bases, 0.003, "gc " + gc);
        }
    }

    @Test
    void basesDoNotDependOnHowTheyAreCut() {
        byte[] whole = new BaseSource(0.41, 99).next(10_007);
        BaseSource pieces = new BaseSource(0.41, 99);
        byte[] cut = new byte[whole.length];
        int at = 0;
        int step = 1;
        while (at < cut.length) {
            int n = Math.min(step, cut.length - at);
            pieces.fill(cut, at, n);
            at += n;
            step = step % 7 + 1;
        }
        assertArrayEquals(whole, cut);
    }
}
