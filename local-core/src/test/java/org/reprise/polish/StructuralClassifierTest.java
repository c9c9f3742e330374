package org.reprise.polish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.report.RepeatClass;

/**
 * Classification of consensi built here the way simulate plants families: an LTR element is its
 * LTR, an internal part and the LTR again; a DNA transposon starts with the reverse complement of
 * its end; LINEs and SINEs end in poly-A.
 */
class StructuralClassifierTest {
    private final StructuralClassifier classifier = new StructuralClassifier();

    private RepeatClass classOf(byte[] s) {
        return classifier.classify(s, 0, 0, false, false).repeatClass();
    }

    @Test
    void ltrElementsAreLtrWithTheirLtrLength() {
        Random r = new Random(11);
        int ok = 0;
        int trials = 20;
        for (int t = 0; t < trials; t++) {
            int ltrLength = 150 + r.nextInt(650);
            byte[] ltr = Seqs.random(r, ltrLength);
            // the two LTRs of a consensus differ a little (each end is voted on by other copies)
            byte[] s = Seqs.concat(Seqs.random(r, r.nextInt(20)), ltr, Seqs.random(r, 2500 + r.nextInt(4000)),
                    Seqs.mutate(r, ltr, 0.03), Seqs.random(r, r.nextInt(20)));
            Classification c = classifier.classify(s, 0, 0, false, false);
            if (c.repeatClass() == RepeatClass.LTR && Math.abs(c.terminalDirect() - ltrLength) <= 20) {
                ok++;
            }
        }
        assertEquals(trials, ok);
    }

    @Test
    void tirElementsAreDna() {
        Random r = new Random(12);
        int trials = 20;
        for (int t = 0; t < trials; t++) {
            int tirLength = 20 + r.nextInt(280);
            byte[] tir = Seqs.random(r, tirLength);
            byte[] s = Seqs.concat(tir, Seqs.random(r, 200 + r.nextInt(2800)), Seqs.revComp(Seqs.mutate(r, tir, 0.03)));
            Classification c = classifier.classify(s, 0, 0, false, false);
            assertEquals(RepeatClass.DNA, c.repeatClass(), "TIR of " + tirLength);
            assertTrue(c.terminalInverted() >= Math.min(tirLength, StructuralClassifier.MIN_TIR) - 3,
                    "TIR of " + tirLength + " found as " + c.terminalInverted());
        }
    }

    @Test
    void polyATailsMakeSinesAndLinesByLength() {
        Random r = new Random(13);
        byte[] sine = Seqs.concat(Seqs.random(r, 280), Seqs.repeat((byte) 0, 25));
        byte[] line = Seqs.concat(Seqs.random(r, 5000), Seqs.repeat((byte) 0, 18), Seqs.random(r, 3));
        assertEquals(RepeatClass.SINE, classOf(sine));
        assertEquals(RepeatClass.LINE, classOf(line));
        Classification reversed = classifier.classify(Seqs.revComp(sine), 0, 0, false, false);
        assertEquals(RepeatClass.SINE, reversed.repeatClass());
        assertTrue(reversed.reverse(), "a poly-T head: reported reverse-complemented");
        assertTrue(reversed.polyA() >= 25);
    }

    @Test
    void randomConsensiAreUnknown() {
        Random r = new Random(14);
        int unknown = 0;
        for (int t = 0; t < 50; t++) {
            if (classOf(Seqs.random(r, 100 + r.nextInt(6000))) == RepeatClass.UNKNOWN) {
                unknown++;
            }
        }
        assertTrue(unknown >= 49, unknown + " of 50");
    }

    @Test
    void tandemElementsAreSatellite() {
        Random r = new Random(15);
        byte[] unit = Seqs.random(r, 300);
        assertEquals(RepeatClass.SATELLITE, classifier.classify(unit, 0, 0, true, false).repeatClass());
        // a tandem array's consensus has no terminal repeat anchored at both ends of its own unit
        assertFalse(classOf(unit) == RepeatClass.LTR);
    }

    @Test
    void tsdSupportAcceptsAWeakerTerminalRepeat() {
        Random r = new Random(16);
        byte[] ltr = Seqs.random(r, 300);
        byte[] s = Seqs.concat(ltr, Seqs.random(r, 3000), Seqs.mutate(r, ltr, 0.24)); // about 0.76 identity
        assertEquals(0, classifier.terminalRepeat(s, org.reprise.align.Strand.PLUS, StructuralClassifier.MIN_LTR, false));
        assertEquals(RepeatClass.UNKNOWN, classOf(s));
        org.reprise.align.Alignment a = new org.reprise.align.PairwiseAligner().align(
                java.util.Arrays.copyOfRange(s, 0, s.length / 2), java.util.Arrays.copyOfRange(s, s.length - s.length / 2, s.length));
        assertTrue(classifier.terminalRepeat(s, org.reprise.align.Strand.PLUS, StructuralClassifier.MIN_LTR, true) > 0, a.toString());
        assertEquals(RepeatClass.LTR, classifier.classify(s, 5, 0.6, false, false).repeatClass());
        assertEquals(RepeatClass.UNKNOWN, classifier.classify(s, 5, 0.1, false, false).repeatClass(), "weak TSD share");
    }

    @Test
    void ltrLayoutMakesAnyConsensusLtr() {
        Random r = new Random(17);
        assertEquals(RepeatClass.LTR, classifier.classify(Seqs.random(r, 330), 0, 0, false, true).repeatClass());
    }
}
