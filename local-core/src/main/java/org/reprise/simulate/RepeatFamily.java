package org.reprise.simulate;

import java.nio.charset.StandardCharsets;

/**
 * One planted family and its true consensus, forward strand. For an LTR family the consensus is
 * LTR + internal + LTR (the two LTRs identical); for a DNA family the last {@link #tirLength()}
 * bases are the reverse complement of the first; LINE and SINE consensi end in
 * {@link #polyALength()} A's. A satellite's consensus is its unit; a low-complexity "family"
 * ({@code (A)n}, {@code (CA)n}) has its motif as consensus, or none for {@code AT_rich}, which is
 * defined by composition only. Immutable.
 */
public final class RepeatFamily {
    private final String name;
    private final RepeatClass repeatClass;
    private final byte[] consensus;
    private final int ltrLength;
    private final int tirLength;
    private final int polyALength;
    private final int tsdMin;
    private final int tsdMax;
    private final double divergence;

    RepeatFamily(String name, RepeatClass repeatClass, byte[] consensus, int ltrLength, int tirLength,
            int polyALength, int tsdMin, int tsdMax, double divergence) {
        if (ltrLength < 0 || tirLength < 0 || polyALength < 0 || tsdMin < 0 || tsdMax < tsdMin) {
            throw new IllegalArgumentException("bad structure for family " + name);
        }
        this.name = name;
        this.repeatClass = repeatClass;
        this.consensus = consensus.clone();
        this.ltrLength = ltrLength;
        this.tirLength = tirLength;
        this.polyALength = polyALength;
        this.tsdMin = tsdMin;
        this.tsdMax = tsdMax;
        this.divergence = divergence;
    }

    /** @return the name the truth files use ({@code fam007}, {@code sat003}, {@code (A)n}). */
    public String name() { return name; }

    /** @return the class. */
    public RepeatClass repeatClass() { return repeatClass; }

    /** @return a copy of the consensus, upper case, forward strand. */
    public byte[] consensus() { return consensus.clone(); }

    /** @return the consensus as a string. */
    public String consensusString() { return new String(consensus, StandardCharsets.US_ASCII); }

    /** The consensus without a copy, for the planner and the writers, which do not change it. */
    byte[] bases() { return consensus; }

    /** @return the consensus length in bases. */
    public int length() { return consensus.length; }

    /** @return the length of each LTR (LTR families), else 0. */
    public int ltrLength() { return ltrLength; }

    /** @return the length of each terminal inverted repeat (DNA families), else 0. */
    public int tirLength() { return tirLength; }

    /** @return the length of the poly-A tail at the consensus' 3' end (LINE, SINE), else 0. */
    public int polyALength() { return polyALength; }

    /** @return the shortest target-site duplication of a copy (0: none). */
    public int tsdMin() { return tsdMin; }

    /** @return the longest target-site duplication of a copy. */
    public int tsdMax() { return tsdMax; }

    /** @return the family's divergence (its age): copies' divergences are drawn around it. */
    public double divergence() { return divergence; }

    /** @return the RepeatMasker library header without {@code >}: {@code fam007#LTR/Unknown}. */
    public String libraryHeader() {
        return name + "#" + repeatClass.libraryTag();
    }
}
