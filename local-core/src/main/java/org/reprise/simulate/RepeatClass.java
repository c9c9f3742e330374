package org.reprise.simulate;

/**
 * The classes of planted repeats, with the names the truth files use: the BED's class column
 * ({@link #label()}) and the {@code name#Class/Family} tag of a RepeatMasker library
 * ({@link #libraryTag()}). Interspersed classes make target-site duplications of their usual
 * length when they insert; tandem and low-complexity pieces make none.
 */
public enum RepeatClass {
    /** LTR retrotransposon: LTR + internal part + LTR, target-site duplications of 4-6 bases. */
    LTR("LTR", "LTR/Unknown", 4, 6),
    /** DNA transposon: terminal inverted repeats around an internal part, TSDs of 2-10 bases. */
    DNA("DNA", "DNA/Unknown", 2, 10),
    /** Long interspersed element: long, ends in a poly-A tail, often 5'-truncated, TSDs of 7-20. */
    LINE("LINE", "LINE/Unknown", 7, 20),
    /** Short interspersed element: 100-500 bases ending in a poly-A tail, TSDs of 7-20. */
    SINE("SINE", "SINE/Unknown", 7, 20),
    /** An interspersed family without structure, TSDs of 0-10. */
    UNKNOWN("Unknown", "Unknown", 0, 10),
    /** A tandem array of a unit. */
    SATELLITE("Satellite", "Satellite", 0, 0),
    /** Poly-A, (CA)n and AT-rich stretches. */
    LOW_COMPLEXITY("Low_complexity", "Low_complexity", 0, 0);

    private final String label;
    private final String libraryTag;
    private final int tsdMin;
    private final int tsdMax;

    RepeatClass(String label, String libraryTag, int tsdMin, int tsdMax) {
        this.label = label;
        this.libraryTag = libraryTag;
        this.tsdMin = tsdMin;
        this.tsdMax = tsdMax;
    }

    /** @return the class as the truth BED and TSV write it ({@code LTR}, {@code DNA}, ...). */
    public String label() {
        return label;
    }

    /** @return the part after {@code #} in a RepeatMasker library header ({@code LTR/Unknown}). */
    public String libraryTag() {
        return libraryTag;
    }

    /** @return the shortest target-site duplication an insertion of this class makes. */
    public int tsdMin() {
        return tsdMin;
    }

    /** @return the longest target-site duplication an insertion of this class makes. */
    public int tsdMax() {
        return tsdMax;
    }

    /** @return whether copies of this class are transposon insertions (with TSDs, nesting). */
    public boolean interspersed() {
        return this != SATELLITE && this != LOW_COMPLEXITY;
    }
}
