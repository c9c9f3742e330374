package org.reprise.extend;

/**
 * One side of a consensus: the bases chosen step by step outwards from the seed, cut at the best
 * step. {@code bestStep} is -1 when no step improved on the start; the side then adds no base.
 */
public final class Extension {
    private final byte[] bases;
    private final int bestStep;

    public Extension(byte[] bases, int bestStep) {
        this.bases = bases;
        this.bestStep = bestStep;
    }

    /** Bases 0..bestStep, outwards from the seed. */
    public byte[] bases() {
        return bases.clone();
    }

    public int bestStep() {
        return bestStep;
    }

    /** Number of consensus bases this side contributes: bestStep + 1. */
    public int length() {
        return bestStep + 1;
    }

    public byte base(int step) {
        return bases[step];
    }

    /** The whole consensus: the left side read back towards the seed, then the right side. */
    public static String consensus(Extension left, Extension right) {
        StringBuilder s = new StringBuilder(left.length() + right.length());
        for (int e = left.length() - 1; e >= 0; e--) {
            s.append(org.reprise.genome.BaseCode.toChar(left.base(e)));
        }
        for (int e = 0; e < right.length(); e++) {
            s.append(org.reprise.genome.BaseCode.toChar(right.base(e)));
        }
        return s.toString();
    }
}
