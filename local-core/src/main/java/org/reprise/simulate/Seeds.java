package org.reprise.simulate;

/**
 * Independent random streams from one seed. Every part of a simulation (a family, a copy, a
 * contig's background) takes its generator from {@link #derive}, keyed by what it is, so that
 * changing one option (say the number of copies) leaves the streams of everything else as they
 * were: the consensus of family 7 depends on the seed and on nothing else.
 */
final class Seeds {
    static final long CONTIG_SIZES = 1;
    static final long CLASS_MIX = 2;
    static final long FAMILY = 3;
    static final long COPY = 4;
    static final long SATELLITE = 5;
    static final long LOW_COMPLEXITY = 6;
    static final long CONTIG_ENDS = 7;
    static final long PLACEMENT = 8;
    static final long BACKGROUND = 9;
    static final long ASSIGNMENT = 10;
    static final long PRESET_CONTIGS = 11;

    private Seeds() {
    }

    /**
     * @param seed   the simulation's seed
     * @param stream what the generator is for (one of the constants above)
     * @param index  which one of them (family number, contig number...)
     * @return a seed for {@code new SplittableRandom(...)}
     */
    static long derive(long seed, long stream, long index) {
        long z = mix64(seed + 0x9E3779B97F4A7C15L * (stream + 1));
        return mix64(z ^ mix64(index + 0x632BE59BD9B4E019L));
    }

    /** @return a seed for the {@code index2}-th item within the {@code index}-th one (copy j of family i). */
    static long derive(long seed, long stream, long index, long index2) {
        return mix64(derive(seed, stream, index) + 0x9E3779B97F4A7C15L * (index2 + 1));
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that scatters nearby inputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
