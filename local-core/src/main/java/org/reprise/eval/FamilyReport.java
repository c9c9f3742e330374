package org.reprise.eval;

import java.util.List;

/**
 * The family-level evaluation of a repeat library against true families: one row per true
 * family, in the order of the truth file, and the totals. Immutable.
 *
 * @param families one row per true family
 * @param totals   the counts over all of them and over the library
 */
public record FamilyReport(List<Row> families, Totals totals) {
    public FamilyReport {
        families = List.copyOf(families);
    }

    /**
     * One true family.
     *
     * @param name           its name
     * @param classification its classification ({@code LTR/Copia}), or null
     * @param length         its length in bases
     * @param status         how well the library recovers it
     * @param bestEntry      the library entry that recovers it best (the one that makes it
     *                       perfect or good; else the one with the most identical bases aligned),
     *                       or null when no entry aligns
     * @param identity       that entry's alignment identity (matches over columns), NaN if none
     * @param coverage       the fraction of the family that alignment covers, NaN if none
     */
    public record Row(String name, String classification, int length, FamilyStatus status, String bestEntry,
                      double identity, double coverage) {
    }

    /**
     * @param perfect             families perfect
     * @param good                families good (and not perfect)
     * @param present             families present (and not good)
     * @param missed              families missed
     * @param libraryEntries      entries in the library
     * @param falseEntries        entries with no alignment at &gt;= 80% identity covering &gt;= 50%
     *                            of the entry to any true family
     * @param classifiedCorrectly entries that match a family whose class is known, with the same
     *                            class (the top-level class: LTR, DNA, LINE...)
     * @param classifiedWrongly   entries that match such a family, with another class
     * @param unclassified        entries that match such a family, without a class or Unknown
     */
    public record Totals(int perfect, int good, int present, int missed, int libraryEntries, int falseEntries,
                         int classifiedCorrectly, int classifiedWrongly, int unclassified) {
        /** The number of true families. */
        public int families() {
            return perfect + good + present + missed;
        }
    }
}
