package org.reprise.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ageing of a sequence: point substitutions and small indels (1-5 bases, insertion or deletion
 * alike) at a given rate of events per source base, one indel for every ten substitutions.
 * Each source base draws 32 random bits against an integer threshold (two bases per
 * {@code nextLong()}): no floating point in the loop, so the result is the same on every platform,
 * and about two nanoseconds a base.
 */
final class Mutation {
    /** One event in {@value} is an indel, the rest substitutions. */
    static final int EVENTS_PER_INDEL = 11;
    static final int MAX_INDEL = 5;

    /** A mutated sequence and the number of events that made it. */
    record Result(byte[] bases, int events) {
    }

    private Mutation() {
    }

    /**
     * @param src  upper-case source bases
     * @param from first source base used, 0-based
     * @param to   end of the source bases used, exclusive
     * @param rate expected events per source base, in [0, 0.5]
     * @param rng  the generator (consumed)
     * @return the mutated copy of {@code src[from, to)}; with rate 0, the bases unchanged
     */
    static Result apply(byte[] src, int from, int to, double rate, SplittableRandom rng) {
        long threshold = (long) StrictMath.floor(rate * 4294967296.0); // P(event) = threshold / 2^32
        if (threshold <= 0 || from >= to) {
            return new Result(Arrays.copyOfRange(src, from, to), 0);
        }
        // Invariant: out has room for the rest of the source copied as it is.
        byte[] out = new byte[(to - from) + (to - from) / 8 + 16];
        int n = 0;
        int events = 0;
        long bits = 0;
        int left = 0;
        for (int i = from; i < to; i++) {
            if (left == 0) {
                bits = rng.nextLong();
                left = 2;
            }
            long u = bits & 0xFFFFFFFFL;
            bits >>>= 32;
            left--;
            if (u >= threshold) {
                out[n++] = src[i];
                continue;
            }
            events++;
            if (out.length - n < (to - i) + MAX_INDEL) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + (to - i) + MAX_INDEL));
            }
            int kind = rng.nextInt(EVENTS_PER_INDEL);
            if (kind < EVENTS_PER_INDEL - 1) {
                out[n++] = Dna.ACGT[(Dna.code(src[i]) + 1 + rng.nextInt(3)) & 3];
            } else if (rng.nextBoolean()) {
                int len = 1 + rng.nextInt(MAX_INDEL);
                for (int k = 0; k < len; k++) {
                    out[n++] = Dna.ACGT[rng.nextInt(4)];
                }
                out[n++] = src[i];
            } else {
                i += Math.min(rng.nextInt(MAX_INDEL), to - 1 - i); // this base and up to 4 more
            }
        }
        return new Result(Arrays.copyOf(out, n), events);
    }
}
