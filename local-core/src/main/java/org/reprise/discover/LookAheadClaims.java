package org.reprise.discover;

import org.reprise.mask.Bitmask;
import org.reprise.util.LongBuffer;

/**
 * Which seeds are worth drafting ahead: many seeds next in the queue are other k-mers of the
 * family being committed, whose copies that family is about to mask, so drafting them would be
 * wasted. Every seed being drafted or committed claims its copies' k-mers here; a seed whose
 * copies meet a claim is not drafted ahead. Claims only steer the work, never what is committed.
 * Used by both drivers' drafters. Thread-safe (a {@link Bitmask} of claims).
 *
 * <p>Only the k-mer itself is claimed: on fly chr2R with 2 threads, claiming 100 or 1,000 bases
 * around each copy kept helpers off seeds that were in fact safe (26,000 of 53,000 families
 * drafted ahead and used with k-mer claims; 14,000 and 11,000 with the wider ones).
 */
public final class LookAheadClaims {
    private static final long[] NONE = new long[0];

    private final Bitmask claims;
    private final int k;

    /** Claims over a genome of {@code genomeLength} bases, for k-mers of length k. */
    public LookAheadClaims(long genomeLength, int k) {
        this.claims = new Bitmask(genomeLength);
        this.k = k;
    }

    /**
     * Claims the k-mer of every copy, all or nothing: when a copy's k-mer meets a claim that is not
     * this call's own (copies of one seed may overlap, a palindrome's two strands always do),
     * releases what it took and returns null. Otherwise returns the ranges it holds, for
     * {@link #release}.
     */
    public long[] claimAll(long[] forward, long[] reverse) {
        LongBuffer held = new LongBuffer(2 * (forward.length + reverse.length));
        java.util.TreeMap<Long, Long> own = new java.util.TreeMap<>();
        for (long[] side : new long[][] {forward, reverse}) {
            for (long p : side) {
                long from = p, to = p + k;
                if (claims.claimRange(from, to)) {
                    hold(held, own, from, to);
                    continue;
                }
                // A conflict: claim the parts this call does not hold yet; any of them taken by
                // someone else is a real conflict.
                long at = from;
                java.util.Map.Entry<Long, Long> e = own.floorEntry(from);
                if (e != null && e.getValue() > at) {
                    at = e.getValue();
                }
                while (at < to) {
                    java.util.Map.Entry<Long, Long> next = own.ceilingEntry(at);
                    long gapEnd = next == null ? to : Math.min(to, next.getKey());
                    if (gapEnd > at) {
                        if (!claims.claimRange(at, gapEnd)) {
                            release(held.toArray());
                            return null;
                        }
                        hold(held, own, at, gapEnd);
                    }
                    at = next == null ? to : Math.max(gapEnd, next.getValue());
                }
            }
        }
        return held.toArray();
    }

    private static void hold(LongBuffer held, java.util.TreeMap<Long, Long> own, long from, long to) {
        held.add(from);
        held.add(to);
        own.merge(from, to, Math::max);
    }

    /** Claims what is free of the copies' k-mers; returns the ranges it holds, for {@link #release}. */
    public long[] claimFree(long[] forward, long[] reverse) {
        LongBuffer held = new LongBuffer(2 * (forward.length + reverse.length));
        for (long[] side : new long[][] {forward, reverse}) {
            for (long p : side) {
                if (claims.claimRange(p, p + k)) {
                    held.add(p);
                    held.add(p + k);
                }
            }
        }
        return held.size() == 0 ? NONE : held.toArray();
    }

    /** Releases what {@link #claimAll} or {@link #claimFree} returned (start, end pairs); null is nothing. */
    public void release(long[] held) {
        if (held != null) {
            for (int i = 0; i < held.length; i += 2) {
                claims.releaseRange(held[i], held[i + 1]);
            }
        }
    }
}
