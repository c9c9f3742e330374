package org.reprise.polish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SequenceComplexityTest {
    @Test
    void randomSequenceIsNeitherTandemNorLowComplexity() {
        Random r = new Random(1);
        for (int len : new int[] {100, 1000, 8000}) {
            byte[] s = Seqs.random(r, len);
            assertFalse(SequenceComplexity.isTandem(s), "length " + len);
            assertFalse(SequenceComplexity.isLowComplexity(s), "length " + len);
        }
    }

    @Test
    void satelliteArraysAreTandemAtTheirUnit() {
        Random r = new Random(2);
        for (int unit : new int[] {5, 37, 171, 480}) {
            // four units: periodicity about 3/4 whatever the unit. A consensus' units differ little
            // (each is the vote of many units of the arrays): 0.5% from a common unit.
            byte[] s = Seqs.tandem(r, Seqs.random(r, unit), 4, 0.005);
            assertTrue(SequenceComplexity.isTandem(s), "unit " + unit + ": " + SequenceComplexity.periodicity(s));
            assertEquals(unit, SequenceComplexity.period(s), 1, "unit " + unit);
        }
    }

    @Test
    void simpleRepeatsAreTandem() {
        assertTrue(SequenceComplexity.isTandem(Seqs.repeat((byte) 0, 200)), "(A)n");
        byte[] ca = new byte[300];
        for (int i = 0; i < ca.length; i++) {
            ca[i] = (byte) (i % 2 == 0 ? 1 : 0);
        }
        assertTrue(SequenceComplexity.isTandem(ca), "(CA)n");
        assertEquals(2, SequenceComplexity.period(ca), 1);
    }

    @Test
    void anLtrElementIsNotTandem() {
        Random r = new Random(3);
        byte[] ltr = Seqs.random(r, 800);
        byte[] s = Seqs.concat(ltr, Seqs.random(r, 2400), ltr); // the largest LTR share simulate plants
        assertTrue(SequenceComplexity.periodicity(s) > 0.15, "the LTRs repeat: " + SequenceComplexity.periodicity(s));
        assertFalse(SequenceComplexity.isTandem(s));
    }

    @Test
    void atRichSequenceIsLowComplexity() {
        Random r = new Random(4);
        byte[] s = new byte[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (r.nextDouble() < 0.9 ? (r.nextBoolean() ? 0 : 3) : (r.nextBoolean() ? 1 : 2));
        }
        assertTrue(SequenceComplexity.dinucleotideEntropy(s) < SequenceComplexity.LOW_COMPLEXITY_BITS,
                "entropy " + SequenceComplexity.dinucleotideEntropy(s));
        assertTrue(SequenceComplexity.isLowComplexity(s));
        // four equal bases at random: 4 bits, within sampling error
        assertEquals(4.0, SequenceComplexity.dinucleotideEntropy(Seqs.random(r, 20000)), 0.01);
    }
}
