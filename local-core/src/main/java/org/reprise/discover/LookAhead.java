package org.reprise.discover;

import org.reprise.util.LongBuffer;

/** What a {@link Drafter} may ask the family loop: the seeds next in the queue and their copies now. */
public interface LookAhead {
    /**
     * The codes of the up to {@code n} best queued seeds, best first, into {@code codes}, and their
     * queued counts into {@code counts} when it is not null, without removing them.
     *
     * @return how many were written
     */
    int peek(int n, long[] codes, int[] counts);

    /** The seed's copies that the repeat mask leaves free now. Thread-safe (the mask may be changing). */
    void unmaskedCopies(long seed, LongBuffer forward, LongBuffer reverse);

    /** Seeds queued. */
    int queued();
}
