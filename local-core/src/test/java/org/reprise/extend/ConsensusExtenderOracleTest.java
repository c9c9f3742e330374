package org.reprise.extend;

import org.junit.jupiter.api.Test;
import org.reprise.params.Parameters;
import org.reprise.genome.Genome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optimised extension against a literal transcription of REPrise's: four full M/I/D columns per
 * copy and candidate base, genome reads written out per strand and side, separators as invalid
 * bases. Random families with substitutions and indels, on both strands, some at contig ends.
 */
class ConsensusExtenderOracleTest {
    private static final int MINUS_INF = -100_000;

    @Test
    void matchesLiteralExtensionOnRandomFamilies() {
        Random rnd = new Random(42);
        int cases = 0;
        for (int trial = 0; trial < 40; trial++) {
            Parameters p = trial % 3 == 0
                    ? Parameters.builder().maxGap(2 + rnd.nextInt(5)).stopAfter(30 + rnd.nextInt(80)).build()
                    : Parameters.defaults();
            PlantedFamilies.Family f = PlantedFamilies.plant(rnd, 3 + rnd.nextInt(12), 12);
            for (boolean right : new boolean[] {true, false}) {
                assertMatchesLiteral(p, f, right, "trial " + trial);
                cases++;
            }
        }
        assertEquals(80, cases);
    }

    /**
     * Families longer than the extender's first consensus buffer (1,024 bases, then doubled), and
     * an extension that runs until maxextend because stopafter is longer (found by mutation
     * testing: neither was exercised by the random families above).
     */
    @Test
    void matchesLiteralExtensionOfLongFamiliesAndStopsAtMaxExtend() {
        Random rnd = new Random(7);
        PlantedFamilies.Family f = PlantedFamilies.identicalCopies(rnd, 4, 12, 3000);
        int longest = 0;
        for (Parameters p : List.of(Parameters.defaults(), Parameters.builder().maxExtend(40).build())) {
            for (boolean right : new boolean[] {true, false}) {
                Extension fast = assertMatchesLiteral(p, f, right, "maxextend " + p.maxExtend);
                if (p.maxExtend == 40) {
                    // stopafter (100) cannot end it first: every step up to maxextend is taken
                    assertTrue(fast.bases().length <= 40, "longer than maxextend: " + fast.bases().length);
                } else {
                    longest = Math.max(longest, fast.bases().length);
                }
            }
        }
        assertTrue(longest > 1024, "an extension past the first buffer: " + longest);
    }

    /** The extender's side of {@code f} after checking it against {@link #literal}'s: best step and bases. */
    private static Extension assertMatchesLiteral(Parameters p, PlantedFamilies.Family f, boolean right, String label) {
        Extension fast = new ConsensusExtender(p).extend(f.copies(), right);
        int[] slow = literal(p, f.copies(), f.genome(), right);
        byte[] slowBases = new byte[slow.length - 1];
        for (int i = 0; i < slowBases.length; i++) {
            slowBases[i] = (byte) slow[i + 1];
        }
        assertEquals(slow[0], fast.bestStep(), "best step, " + label + (right ? " right" : " left"));
        assertArrayEquals(slowBases, fast.bases(), "bases, " + label + (right ? " right" : " left"));
        return fast;
    }

    /** Returns {bestStep, bases 0..bestStep}. */
    private static int[] literal(Parameters p, SeedCopies copies, Genome g, boolean right) {
        int n = copies.size();
        int w = p.maxGap;
        int band = 2 * w + 1;
        int[][] m = new int[n][band], ins = new int[n][band], del = new int[n][band];
        int[] best = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(m[i], MINUS_INF);
            Arrays.fill(ins[i], MINUS_INF);
            Arrays.fill(del[i], MINUS_INF);
            m[i][w] = 0;
            for (int o = 1; o <= w; o++) {
                del[i][w + o] = p.gap + p.gapex * (o - 1);
            }
        }
        List<Integer> cons = new ArrayList<>();
        int bestStep = -1;
        long bestTotal = 0;
        for (int e = 0; e < p.maxExtend; e++) {
            int[][][] nm = new int[4][n][band], ni = new int[4][n][band], nd = new int[4][n][band];
            long[] total = new long[4];
            for (int b = 0; b < 4; b++) {
                for (int i = 0; i < n; i++) {
                    Arrays.fill(ni[b][i], MINUS_INF);
                    Arrays.fill(nd[b][i], MINUS_INF);
                    int s = MINUS_INF;
                    for (int o = -w; o <= w; o++) {
                        int h = Math.max(m[i][o + w], Math.max(ins[i][o + w], del[i][o + w]));
                        nm[b][i][o + w] = h + (b == copyBase(g, copies, i, right, e, o) ? p.match : p.mismatch);
                    }
                    for (int o = -w; o < w; o++) {
                        ni[b][i][o + w] = Math.max(m[i][o + 1 + w] + p.gap, ins[i][o + 1 + w] + p.gapex);
                    }
                    for (int o = -w + 1; o <= w; o++) {
                        nd[b][i][o + w] = Math.max(nm[b][i][o - 1 + w] + p.gap, nd[b][i][o - 1 + w] + p.gapex);
                    }
                    for (int o = 0; o < band; o++) {
                        s = Math.max(s, Math.max(nm[b][i][o], Math.max(ni[b][i][o], nd[b][i][o])));
                    }
                    total[b] += Math.max(0, Math.max(best[i] + p.capPenalty, s));
                }
            }
            int chosen = 0;
            for (int b = 1; b < 4; b++) {
                if (total[b] > total[chosen]) {
                    chosen = b;
                }
            }
            cons.add(chosen);
            long t = 0;
            for (int i = 0; i < n; i++) {
                m[i] = nm[chosen][i];
                ins[i] = ni[chosen][i];
                del[i] = nd[chosen][i];
                int cur = MINUS_INF * 2;
                for (int o = 0; o < band; o++) {
                    cur = Math.max(cur, Math.max(m[i][o], Math.max(ins[i][o], del[i][o])));
                }
                if (cur > best[i]) {
                    best[i] = cur;
                }
                t += Math.max(cur, best[i] + p.capPenalty);
            }
            if (t >= bestTotal + (long) (e - bestStep) * p.minImprovement) {
                bestStep = e;
                bestTotal = t;
            }
            if (e - bestStep >= p.stopAfter) {
                break;
            }
        }
        int[] out = new int[bestStep + 2];
        out[0] = bestStep;
        for (int i = 0; i <= bestStep; i++) {
            out[i + 1] = cons.get(i);
        }
        return out;
    }

    /** REPrise's reads, written out per strand and side; 4 (matches nothing) outside the contig. */
    private static int copyBase(Genome g, SeedCopies copies, int i, boolean right, int e, int o) {
        long pos = copies.position(i);
        int k = copies.k();
        boolean rev = copies.isReverse(i);
        long at;
        if (right) {
            at = rev ? pos + k - 1 - (o + e) : pos + o + e;
        } else {
            at = rev ? pos + k + o + e : pos - 1 - o - e;
        }
        var contig = g.contigAt(pos);
        if (at < contig.start() || at >= contig.end()) {
            return 4;
        }
        int b = g.base(at);
        return rev && b < 4 ? 3 - b : b;
    }

}
