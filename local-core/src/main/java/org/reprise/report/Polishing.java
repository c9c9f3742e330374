package org.reprise.report;

import java.util.Objects;

/**
 * What polishing did to the library: the library before and after, and how many times each step
 * acted. The steps' counts are reported as given; they need not add up to the difference in
 * entries (merging three entries into one is one cluster merged and two entries fewer).
 *
 * @param before               the library as discovery produced it
 * @param after                the final library
 * @param clustersMerged       clusters of similar consensi merged into one entry, {@code >= 0}
 * @param fragmentsJoined      fragments joined into a longer entry, {@code >= 0}
 * @param droppedTandem        entries dropped as tandem repeats, {@code >= 0}
 * @param droppedLowComplexity entries dropped as low-complexity, {@code >= 0}
 * @param droppedTooFewCopies  entries dropped for too few copies, {@code >= 0}
 */
public record Polishing(LibrarySummary before, LibrarySummary after, long clustersMerged, long fragmentsJoined,
                        long droppedTandem, long droppedLowComplexity, long droppedTooFewCopies) {
    /** @throws IllegalArgumentException if a count is negative */
    public Polishing {
        Objects.requireNonNull(before, "library before polishing");
        Objects.requireNonNull(after, "library after polishing");
        if (clustersMerged < 0 || fragmentsJoined < 0 || droppedTandem < 0 || droppedLowComplexity < 0
                || droppedTooFewCopies < 0) {
            throw new IllegalArgumentException("negative polishing count: merged " + clustersMerged + ", joined "
                    + fragmentsJoined + ", tandem " + droppedTandem + ", low-complexity " + droppedLowComplexity
                    + ", too few copies " + droppedTooFewCopies);
        }
    }
}
