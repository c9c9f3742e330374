package org.reprise.polish;

/**
 * The settings of library polishing ({@link LibraryPolisher}).
 *
 * @param minCopies       fewest elements a polished family keeps (after its fragments are joined and
 *                        its redundant entries merged), {@code >= 1}
 * @param maxJoinGap      most bases between two elements that sit end to end in a copy, {@code >= 0}
 * @param maxJoinOverlap  most bases two such elements may overlap, {@code >= 0}
 * @param joinFraction    share of the smaller family's elements that must sit end to end with the
 *                        other's for the two to be joined, in (0, 1]
 * @param minIdentity     identity of redundant consensi (cd-hit-est's {@code -c}), in (0, 1]
 * @param minCoverage     share of the shorter consensus they align over (cd-hit-est's {@code -aS}), in (0, 1]
 */
public record PolishParameters(int minCopies, int maxJoinGap, int maxJoinOverlap, double joinFraction,
                               double minIdentity, double minCoverage) {
    /** Three copies, 50 bases of gap or 30 of overlap, half the copies, 0.8 over 0.8. */
    public static final PolishParameters DEFAULT = new PolishParameters(3, 50, 30, 0.5, 0.8, 0.8);

    /** @throws IllegalArgumentException naming the first value out of range */
    public PolishParameters {
        if (minCopies < 1) {
            throw new IllegalArgumentException("--min-copies must be >= 1, got " + minCopies);
        }
        if (maxJoinGap < 0 || maxJoinOverlap < 0) {
            throw new IllegalArgumentException("join gap and overlap must be >= 0, got " + maxJoinGap + ", " + maxJoinOverlap);
        }
        if (!(joinFraction > 0 && joinFraction <= 1)) {
            throw new IllegalArgumentException("join fraction must be in (0, 1], got " + joinFraction);
        }
        if (!(minIdentity > 0 && minIdentity <= 1) || !(minCoverage > 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("identity and coverage must be in (0, 1], got " + minIdentity + ", " + minCoverage);
        }
    }

    /** @return these settings with another {@link #minCopies()} */
    public PolishParameters withMinCopies(int n) {
        return new PolishParameters(n, maxJoinGap, maxJoinOverlap, joinFraction, minIdentity, minCoverage);
    }
}
