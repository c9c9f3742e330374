package org.reprise.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One family of the final library as the report shows it: name, class, consensus length, copies
 * (elements), bases they mask, the seed k-mer and its copy count, and the divergence of each
 * copy from the consensus. Immutable.
 *
 * <p>The divergences are kept sorted ascending (the report needs their distribution, not which
 * copy had which), so the median and the histogram cost nothing more. A family may carry fewer
 * divergences than copies (a driver that aligns a sample of them), never more.
 */
public final class FamilySummary {
    private final String name;
    private final RepeatClass repeatClass;
    private final long consensusLength;
    private final long copies;
    private final long maskedBases;
    private final String seed;
    private final long seedCopies;
    private final double[] divergences;

    /**
     * @param name            the library name, e.g. {@code rnd1_family-12}; not empty
     * @param repeatClass     its class
     * @param consensusLength consensus length in bases, {@code >= 1}
     * @param copies          number of elements, {@code >= 0}
     * @param maskedBases     genome bases covered by its elements, {@code >= 0}
     * @param seed            the seed k-mer the family grew from (may be empty when a merge lost it)
     * @param seedCopies      copies of the seed in the genome, {@code >= 0}
     * @param divergences     divergence of each copy from the consensus, fractions in [0, 1]; at most
     *                        {@code copies} values; copied
     * @throws IllegalArgumentException if a value is out of range
     */
    public FamilySummary(String name, RepeatClass repeatClass, long consensusLength, long copies, long maskedBases,
                         String seed, long seedCopies, double[] divergences) {
        Objects.requireNonNull(name, "family name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty family name");
        }
        this.name = name;
        this.repeatClass = Objects.requireNonNull(repeatClass, "repeat class of " + name);
        this.seed = Objects.requireNonNull(seed, "seed of " + name);
        Objects.requireNonNull(divergences, "divergences of " + name);
        if (consensusLength < 1) {
            throw new IllegalArgumentException("family " + name + ": consensus length " + consensusLength + " < 1");
        }
        if (copies < 0 || maskedBases < 0 || seedCopies < 0) {
            throw new IllegalArgumentException("family " + name + ": negative copies " + copies + ", masked bases "
                    + maskedBases + " or seed copies " + seedCopies);
        }
        if (divergences.length > copies) {
            throw new IllegalArgumentException("family " + name + ": " + divergences.length
                    + " divergences for " + copies + " copies");
        }
        double[] sorted = divergences.clone();
        for (double d : sorted) {
            // written as a negation so that NaN fails too
            if (!(d >= 0 && d <= 1)) {
                throw new IllegalArgumentException("family " + name + ": divergence " + d + " not in [0, 1]");
            }
        }
        Arrays.sort(sorted);
        this.consensusLength = consensusLength;
        this.copies = copies;
        this.maskedBases = maskedBases;
        this.seedCopies = seedCopies;
        this.divergences = sorted;
    }

    public String name() {
        return name;
    }

    public RepeatClass repeatClass() {
        return repeatClass;
    }

    /** @return consensus length in bases */
    public long consensusLength() {
        return consensusLength;
    }

    /** @return number of elements (copies) of the family */
    public long copies() {
        return copies;
    }

    /** @return genome bases covered by the family's elements */
    public long maskedBases() {
        return maskedBases;
    }

    public String seed() {
        return seed;
    }

    /** @return copies of the seed k-mer in the genome */
    public long seedCopies() {
        return seedCopies;
    }

    /** @return a copy of the divergences, ascending */
    public double[] divergences() {
        return divergences.clone();
    }

    /** @return how many copies have a divergence */
    public int divergenceCount() {
        return divergences.length;
    }

    /** @return the median divergence, or NaN when there is none */
    public double medianDivergence() {
        int n = divergences.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? divergences[n / 2] : (divergences[n / 2 - 1] + divergences[n / 2]) / 2;
    }

    /** The sorted divergences without a copy, for the writer, which must not change them. */
    double[] sortedDivergences() {
        return divergences;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FamilySummary f && name.equals(f.name) && repeatClass == f.repeatClass
                && consensusLength == f.consensusLength && copies == f.copies && maskedBases == f.maskedBases
                && seed.equals(f.seed) && seedCopies == f.seedCopies && Arrays.equals(divergences, f.divergences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, repeatClass, consensusLength, copies, maskedBases, seed, seedCopies)
                * 31 + Arrays.hashCode(divergences);
    }

    @Override
    public String toString() {
        return name + " (" + repeatClass.label() + ", " + consensusLength + " bp, " + copies + " copies)";
    }
}
