package org.reprise.extend;

import org.junit.jupiter.api.Test;
import org.reprise.params.Parameters;
import org.reprise.genome.Genome;

import java.util.Arrays;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Element ends against a literal transcription of REPrise 1.0.1's masking_align and
 * mask_extention_score: the consensus laid out around REPrise's MAXEXTEND as its buffer holds it,
 * one M/I/D column per copy and side, the next I and D columns starting at 0 (REPrise's
 * value-initialised vectors), genome reads written out for each strand and side, separators as
 * invalid bases. Random families with substitutions and indels on both strands, some cut by a
 * contig end, under several parameter sets; consensi from the extension and mutated ones.
 */
class ElementAlignerOracleTest {
    private static final int MINUS_INF = -100_000;

    @Test
    void matchesLiteralMaskingAlignOnRandomFamilies() {
        Random rnd = new Random(7);
        int copiesChecked = 0;
        for (int trial = 0; trial < 60; trial++) {
            Parameters p = switch (trial % 4) {
                case 0 -> Parameters.defaults();
                case 1 -> Parameters.builder().maxGap(1 + rnd.nextInt(6)).stopAfter(10 + rnd.nextInt(60)).build();
                case 2 -> Parameters.builder().match(2).mismatch(-2).gap(-3).gapex(-2).build();
                default -> Parameters.builder().gap(-2).gapex(0).maxGap(3).stopAfter(40).build();
            };
            PlantedFamilies.Family f = PlantedFamilies.plant(rnd, 3 + rnd.nextInt(10), 12);
            ConsensusExtender extender = new ConsensusExtender(p);
            Extension right = extender.extend(f.copies(), true);
            Extension left = extender.extend(f.copies(), false);
            if (trial % 5 == 4) {
                // A consensus the extension would not give: mutated, so alignments end elsewhere.
                right = mutate(rnd, right);
                left = mutate(rnd, left);
            }
            ElementAligner aligner = new ElementAligner(p);
            for (int i = 0; i < f.copies().size(); i++) {
                long[] fast = aligner.align(f.copies(), i, right, left);
                long[] slow = literal(p, f.copies(), f.genome(), i, right, left);
                assertArrayEquals(slow, fast, "element of copy " + i + ", trial " + trial);
                copiesChecked++;
            }
        }
        assertTrue(copiesChecked > 300, "copies checked: " + copiesChecked);
    }

    private static Extension mutate(Random rnd, Extension side) {
        byte[] b = side.bases();
        for (int i = 0; i < b.length; i++) {
            if (rnd.nextInt(8) == 0) {
                b[i] = (byte) rnd.nextInt(4);
            }
        }
        return new Extension(b, side.bestStep());
    }

    /**
     * REPrise's masking_align for copy i, in its own terms: MAXEXTEND is the consensus buffer's
     * centre (REPrise's default; any value above the consensus length lays it out alike), the
     * right side at MAXEXTEND.., the left side at ..MAXEXTEND-1. Returns {elementstart, elementend}
     * relative to the copy's position.
     */
    private static long[] literal(Parameters p, SeedCopies copies, Genome g, int i, Extension right, Extension left) {
        final int maxExtend = 10_000;
        int w = p.maxGap;
        int band = 2 * w + 1;
        int[] consensus = new int[2 * maxExtend + 2];
        for (int e = 0; e < right.length(); e++) {
            consensus[maxExtend + e] = right.base(e);
        }
        for (int e = 0; e < left.length(); e++) {
            consensus[maxExtend - 1 - e] = left.base(e);
        }
        int consensusEnd = maxExtend + right.bestStep();
        int consensusStart = maxExtend - 1 - left.bestStep();

        int[] rScore = new int[band], lScore = new int[band], bestR = new int[band], bestL = new int[band];
        int[] rm = new int[band], ri = new int[band], rd = new int[band];
        int[] lm = new int[band], li = new int[band], ld = new int[band];
        for (int[] a : new int[][] {rScore, lScore, bestR, bestL, rm, ri, rd, lm, li, ld}) {
            Arrays.fill(a, MINUS_INF);
        }
        int rightBestExt = maxExtend, leftBestExt = maxExtend - 1;
        int rightBestScore = 0, leftBestScore = 0;

        rm[w] = 0;
        for (int offset = w; offset > 0; offset--) {
            rd[offset + w] = p.gap + p.gapex * (offset - 1);
        }
        for (int ext = maxExtend; ext <= consensusEnd; ext++) {
            int s = step(p, g, copies, i, true, ext, maxExtend, consensus, rScore, rm, ri, rd);
            if (s > rightBestScore) {
                rightBestScore = s;
                rightBestExt = ext;
                bestR = rScore.clone();
            }
            if (ext - rightBestExt >= p.stopAfter) {
                break;
            }
        }
        lm[w] = 0;
        for (int offset = w; offset > 0; offset--) {
            ld[offset + w] = p.gap + p.gapex * (offset - 1);
        }
        for (int ext = maxExtend - 1; ext >= consensusStart; ext--) {
            int s = step(p, g, copies, i, false, ext, maxExtend, consensus, lScore, lm, li, ld);
            if (s > leftBestScore) {
                leftBestScore = s;
                leftBestExt = ext;
                bestL = lScore.clone();
            }
            if (leftBestExt - ext >= p.stopAfter) {
                break;
            }
        }
        int bestRightOffset = -w, bestLeftOffset = -w;
        for (int o = -w; o <= w; o++) {
            if (bestR[bestRightOffset + w] < bestR[o + w]) {
                bestRightOffset = o;
            }
        }
        for (int o = -w; o <= w; o++) {
            if (bestL[bestLeftOffset + w] < bestL[o + w]) {
                bestLeftOffset = o;
            }
        }
        int k = copies.k();
        if (!copies.isReverse(i)) {
            return new long[] {leftBestExt - maxExtend - bestLeftOffset, rightBestExt - maxExtend + bestRightOffset};
        }
        return new long[] {-rightBestExt + k - 1 + maxExtend - bestRightOffset,
            -leftBestExt + k - 1 + maxExtend + bestLeftOffset};
    }

    /** mask_extention_score: one column; the next I and D start at 0, as REPrise's new vectors do. */
    private static int step(Parameters p, Genome g, SeedCopies copies, int i, boolean isRight, int ext, int maxExtend,
                            int[] consensus, int[] score, int[] m, int[] ins, int[] del) {
        int w = p.maxGap;
        int band = 2 * w + 1;
        int[] nm = new int[band], ni = new int[band], nd = new int[band];
        long pos = copies.position(i);
        int k = copies.k();
        boolean rev = copies.isReverse(i);
        for (int offset = -w; offset <= w; offset++) {
            int base;
            if (!rev && isRight) {
                base = read(g, pos, pos + offset + ext - maxExtend, false);
            } else if (rev && isRight) {
                base = read(g, pos, pos + k - 1 - (-offset + ext - maxExtend), true);
            } else if (!rev) {
                base = read(g, pos, pos - offset + (ext - maxExtend), false);
            } else {
                base = read(g, pos, pos + k - 1 - (offset + ext - maxExtend), true);
            }
            int h = Math.max(m[offset + w], Math.max(ins[offset + w], del[offset + w]));
            nm[offset + w] = h + (consensus[ext] == base ? p.match : p.mismatch);
        }
        for (int offset = -w; offset < w; offset++) {
            ni[offset + w] = Math.max(m[offset + 1 + w] + p.gap, ins[offset + 1 + w] + p.gapex);
        }
        for (int offset = -w + 1; offset <= w; offset++) {
            nd[offset + w] = Math.max(nm[offset - 1 + w] + p.gap, nd[offset - 1 + w] + p.gapex);
        }
        int best = MINUS_INF;
        for (int o = 0; o < band; o++) {
            m[o] = nm[o];
            ins[o] = ni[o];
            del[o] = nd[o];
            score[o] = Math.max(m[o], Math.max(ins[o], del[o]));
            best = Math.max(best, score[o]);
        }
        return best;
    }

    /** The genome base at {@code at} (complemented when asked); 4, matching nothing, outside the copy's contig. */
    private static int read(Genome g, long copyPosition, long at, boolean complement) {
        var contig = g.contigAt(copyPosition);
        if (at < contig.start() || at >= contig.end()) {
            return 4;
        }
        int b = g.base(at);
        return complement && b < 4 ? 3 - b : b;
    }
}
