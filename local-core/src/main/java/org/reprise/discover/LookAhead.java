package org.reprise.discover;

import org.reprise.util.LongBuffer;

/** What a {@link Drafter} may ask the family loop: the seeds next in the queue and their copies now. */
public interface LookAhead {
    /**
     * The codes of the up to {@code n} best queued seeds, best first, into {@code codes}, and their
     * queued priorities ({@link SeedPriority}) into {@code counts} when it is not null, without
     * removing them.
     *
     * @return how many were written
     */
    int peek(int n, long[] codes, int[] counts);

    /** The seed's copies that the repeat mask leaves free now. Thread-safe (the mask may be changing). */
    void unmaskedCopies(long seed, LongBuffer forward, LongBuffer reverse);

    /** The priority of a seed with so many copies (a seed is taken if that reaches the top of the queue). */
    int priority(long seed, int copies);

    /** Seeds queued. */
    int queued();
}
