package org.reprise.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The bases of a planted copy, made again whenever they are needed from the copy's seed: the
 * planner makes them once to learn the copy's length (indels change it) and drops them; the
 * writer makes them again when it reaches the copy. So the bases of the genome are never held,
 * only those of the copies being written.
 */
final class CopySequence {
    /** G + C fraction of an {@code AT_rich} stretch. */
    static final double AT_RICH_GC = 0.1;

    private CopySequence() {
    }

    /**
     * @param family     the copy's family
     * @param sourceFrom first consensus base (interspersed families)
     * @param sourceTo   end of the consensus interval; for tandem and low-complexity pieces, the length
     * @param rate       mutation rate (events per source base)
     * @param seed       the copy's seed
     * @param reverse    reverse-complement the result
     * @return the copy's bases as planted (upper case) and the number of mutation events
     */
    static Mutation.Result generate(RepeatFamily family, int sourceFrom, int sourceTo, double rate, long seed,
            boolean reverse) {
        SplittableRandom rng = new SplittableRandom(seed);
        Mutation.Result r;
        RepeatClass c = family.repeatClass();
        if (c == RepeatClass.SATELLITE) {
            r = tandem(family.bases(), sourceTo, rate, rng, true);
        } else if (c == RepeatClass.LOW_COMPLEXITY) {
            r = family.length() == 0
                    ? new Mutation.Result(new BaseSource(AT_RICH_GC, rng.nextLong()).next(sourceTo), 0)
                    : tandem(family.bases(), sourceTo, rate, rng, false);
        } else {
            r = Mutation.apply(family.bases(), sourceFrom, sourceTo, rate, rng);
        }
        if (reverse) {
            Dna.reverseComplementInPlace(r.bases());
        }
        return r;
    }

    /** @return copy {@code copy}'s bases as planted. */
    static byte[] of(GenomePlan plan, PlantedCopy copy) {
        return generate(plan.families().get(copy.family()), copy.sourceFrom(), copy.sourceTo(), copy.rate(),
                copy.seed(), copy.reverse()).bases();
    }

    /**
     * A tandem array of exactly {@code length} bases. A satellite's units diverge from the unit
     * each on its own ({@code perUnit}); a simple repeat is mutated as one stretch.
     */
    private static Mutation.Result tandem(byte[] unit, int length, double rate, SplittableRandom rng, boolean perUnit) {
        byte[] out = new byte[length];
        int n = 0;
        int events = 0;
        if (perUnit) {
            while (n < length) {
                Mutation.Result u = Mutation.apply(unit, 0, unit.length, rate, rng);
                int take = Math.min(u.bases().length, length - n);
                System.arraycopy(u.bases(), 0, out, n, take);
                n += take;
                events += u.events();
            }
            return new Mutation.Result(out, events);
        }
        byte[] plain = new byte[length];
        for (int i = 0; i < length; i++) {
            plain[i] = unit[i % unit.length];
        }
        Mutation.Result m = Mutation.apply(plain, 0, length, rate, rng);
        return new Mutation.Result(Arrays.copyOf(m.bases(), Math.min(length, m.bases().length)), m.events());
    }
}
