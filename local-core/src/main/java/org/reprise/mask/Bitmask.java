package org.reprise.mask;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size mask with one bit per base of a genome, shared by worker threads that claim
 * ranges of bases exclusively (the "used" mask of the discovery loop) or mark them
 * unconditionally (the repeat mask, where overlapping elements are normal).
 *
 * <p><b>Invariant.</b> Bit {@code p} lives in word {@code p >>> 6} at bit {@code p & 63} of an
 * {@link AtomicLongArray} of {@code ceil(size / 64)} words. Bits at or beyond {@link #size()}
 * in the last word are never set. Every change to a word is a single atomic write (a CAS, or a
 * release store of a word whose every bit belongs to the caller), so no update to one bit is
 * ever lost because of a concurrent update to another bit of the same word. A successful
 * {@link #claimRange} sets every bit of its range that was clear at the instant it was set,
 * and no bit of the range was set by anyone else at that instant; hence two claims that both
 * succeed and are both still held never share a bit. A failed claim clears, before it
 * returns, exactly the bits it set itself and no others.
 *
 * <p><b>All-or-nothing without blocking.</b> {@code claimRange} visits the words of its range
 * in ascending order and claims each one with one CAS; the first word in which any bit of the
 * range is already set makes it roll back the words it has already taken and return
 * {@code false}. Nobody ever waits for a bit, so there is no deadlock; and because every claim
 * takes words in the same (ascending) order, of two overlapping claims racing on an otherwise
 * clear mask exactly one succeeds: the first word holding a shared bit is taken by exactly
 * one of them, and the other has not yet touched any later word.
 *
 * <p><b>Claims ascend, releases descend.</b> {@link #releaseRange} and the roll-back of a
 * failed claim clear words in descending order. A claim racing with a release of an
 * overlapping range therefore cannot get ahead of the releaser: the first word they share is
 * the last one the releaser clears, so the claim either fails on that word before it has
 * taken any shared word, or gets there after every shared word is already clear. Releasing in
 * ascending order would let such a claim take the freed low words, fail on a still-held high
 * word, and make another claim (even the releaser's next one) fail on bits that are about to
 * be rolled back; Lincheck found exactly that interleaving.
 *
 * <p><b>Spurious failure.</b> Like {@code tryLock}, a claim may still fail because of bits
 * that another in-flight claim sets and then rolls back, when that other claim itself fails
 * on a bit already held (by a third party, or by the observing thread under another range).
 * The contract is therefore: success implies exclusive ownership of the whole range; failure
 * implies that some bit of the range was set by someone else at some instant during the call.
 * With two parties that each claim and release only their own range, claims are linearizable
 * (model-checked). Callers that need a definite answer retry, or use {@link #isRangeFree} as
 * a hint.
 *
 * <p><b>Memory ordering.</b> A claim is a lock acquisition and a release is a lock release,
 * for whatever per-base data the caller protects with the range:
 * <ul>
 *   <li>Each word of a successful claim is taken with {@code compareAndExchangeAcquire}. That
 *       CAS reads the value written by the previous holder's release of that word (or a later
 *       value in the word's modification order produced by atomic read-modify-writes of
 *       neighbouring ranges, which continue the release sequence in the C++11 model that the
 *       VarHandle access modes follow), so everything the previous holder wrote before
 *       {@link #releaseRange} happens-before everything the new holder does after
 *       {@code claimRange} returns {@code true}. Acquire is enough: mutual exclusion
 *       itself comes from the atomicity of the CAS on one word (all read-modify-writes of one
 *       word are totally ordered), not from any ordering between different words.</li>
 *   <li>{@link #releaseRange} clears partial words with {@code compareAndExchangeRelease} and
 *       whole words with {@code setRelease(w, 0)}; writes made while holding the range cannot
 *       be reordered after the clearing write. A whole word may be cleared by a plain release
 *       store because all its 64 bits belong to the releasing owner, so no other thread can
 *       successfully write that word in the meantime (a concurrent claim's CAS on it fails).
 *       AtomicLongArray has no {@code getAndBitwiseAndRelease} (that exists only on
 *       {@code VarHandle}), hence explicit CAS loops.</li>
 *   <li>Rolling back a failed claim also uses release writes, so that "a bit goes from set to
 *       clear" is always a release, with no exceptions to reason about.</li>
 *   <li>{@link #markRange} sets bits with release CAS (and {@code setRelease(w, -1)} for whole
 *       words, harmless because OR-ing anything into an all-ones word leaves it all ones), so
 *       a reader that sees a mark with {@link #get} (a volatile read) also sees what the
 *       marker wrote before marking.</li>
 *   <li>{@link #isRangeFree} and {@link #cardinality} use opaque reads: they are
 *       advisory snapshots that may be stale the moment they return whatever ordering is used,
 *       and they protect no data. Opaque still guarantees that each read returns a value some
 *       thread actually wrote to that word and is not hoisted out of a polling loop.</li>
 * </ul>
 *
 * <p>{@code markRange} and {@code claimRange}/{@code releaseRange} are meant for different
 * masks. Mixed on the same bits, a rollback or release may clear a bit that was also marked.
 *
 * <p><b>Memory.</b> {@code ceil(size / 64) * 8} bytes for the words ({@link #wordBytes}), plus
 * a constant: this object, the AtomicLongArray object and the array header, 56 bytes in all on
 * a 64-bit JVM with compressed oops (measured with JOL). A 3.1 Gbp genome needs
 * 3,100,000,000 bits = 48,437,500 words = 387,500,000 bytes (about 369.5 MiB), 387,500,056
 * bytes with the constant.
 *
 * <p>All ranges are half-open, {@code [start, end)}, with {@code 0 <= start <= end <= size()};
 * an empty range is valid (it is free, a claim of it succeeds trivially).
 */
public final class Bitmask implements RangeMask {

    /** Largest size accepted: the array of words is indexed by an {@code int}. */
    public static final long MAX_SIZE_IN_BITS = (long) Integer.MAX_VALUE << 6;

    private static final long ALL_ONES = -1L;

    private final long size;
    private final AtomicLongArray words;

    /**
     * Creates a mask of {@code sizeInBits} clear bits.
     *
     * @throws IllegalArgumentException if {@code sizeInBits} is negative or exceeds
     *                                  {@link #MAX_SIZE_IN_BITS}
     */
    public Bitmask(long sizeInBits) {
        if (sizeInBits < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + sizeInBits);
        }
        if (sizeInBits > MAX_SIZE_IN_BITS) {
            throw new IllegalArgumentException(
                    "size must be <= " + MAX_SIZE_IN_BITS + " bits, was " + sizeInBits);
        }
        this.size = sizeInBits;
        this.words = new AtomicLongArray((int) ((sizeInBits + 63) >>> 6));
    }

    /** Number of bits (bases) in this mask. */
    public long size() {
        return size;
    }

    /** Bytes used by the words of a mask of {@code sizeInBits}: {@code ceil(size / 64) * 8}. */
    public static long wordBytes(long sizeInBits) {
        if (sizeInBits < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + sizeInBits);
        }
        return ((sizeInBits + 63) >>> 6) * Long.BYTES;
    }

    /** Whether bit {@code pos} is set (a volatile read). */
    public boolean get(long pos) {
        if (pos < 0 || pos >= size) {
            throw new IllegalArgumentException(
                    "position " + pos + " out of bounds [0, " + size + ")");
        }
        return (words.get(wordIndex(pos)) & (1L << pos)) != 0;
    }

    /**
     * Whether no bit of {@code [start, end)} is set at the instants each word is read. A relaxed
     * pre-check: words are read with opaque mode and not as one atomic snapshot, because the
     * answer can be out of date the moment it is returned anyway; only {@link #claimRange} is
     * authoritative. Useful to skip a claim that would obviously fail without writing to
     * (and bouncing the cache lines of) any word.
     */
    @Override
    public boolean isRangeFree(long start, long end) {
        checkRange(start, end);
        if (start == end) {
            return true;
        }
        final int first = wordIndex(start);
        final int last = wordIndex(end - 1);
        for (int w = first; w <= last; w++) {
            if ((words.getOpaque(w) & mask(w, first, last, start, end)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Claims every bit of {@code [start, end)} or none of them. On success the caller owns the
     * range until it calls {@link #releaseRange} with the same bounds (acquire semantics: see
     * the class comment). On failure no bit has been changed by this call.
     *
     * @return {@code true} if the whole range was clear and is now set by this call
     */
    public boolean claimRange(long start, long end) {
        checkRange(start, end);
        if (start == end) {
            return true;
        }
        final int first = wordIndex(start);
        final int last = wordIndex(end - 1);
        for (int w = first; w <= last; w++) {
            final long m = mask(w, first, last, start, end);
            if (!claimWord(w, m)) {
                // Words first..w-1 are wholly ours within the range; word w was not written.
                rollBack(first, w, last, start, end);
                return false;
            }
        }
        return true;
    }

    /**
     * Sets the bits {@code m} of word {@code w} if none of them is set; acquire on success.
     * Returns false, without writing, if any of them is set.
     */
    private boolean claimWord(int w, long m) {
        if (m == ALL_ONES) {
            // A whole word is free only if it is zero, so one CAS decides: a witness other than
            // zero means some bit of the range is set, which is a conflict, not a retry.
            return words.compareAndExchangeAcquire(w, 0L, ALL_ONES) == 0L;
        }
        long cur = words.getOpaque(w);
        while ((cur & m) == 0) {
            final long witness = words.compareAndExchangeAcquire(w, cur, cur | m);
            if (witness == cur) {
                return true;
            }
            // Failed CAS: another thread changed this word between our read and our CAS, either
            // bits outside our mask (a neighbour's claim, release or mark: retry with the fresh
            // value) or bits inside it (then the loop condition reports the conflict).
            cur = witness;
        }
        return false;
    }

    /** Clears, with release semantics, the bits this claim set in words {@code first..upTo-1}. */
    private void rollBack(int first, int upTo, int last, long start, long end) {
        for (int w = upTo - 1; w >= first; w--) {        // descending: see the class comment
            clearWord(w, mask(w, first, last, start, end));
        }
    }

    /**
     * Clears the bits of {@code [start, end)}, with release semantics. Idempotent: clearing
     * bits that are already clear changes nothing. Only the owner of a claim should release
     * it; releasing bits held by someone else breaks their exclusivity.
     */
    public void releaseRange(long start, long end) {
        checkRange(start, end);
        if (start == end) {
            return;
        }
        final int first = wordIndex(start);
        final int last = wordIndex(end - 1);
        for (int w = last; w >= first; w--) {            // descending: see the class comment
            clearWord(w, mask(w, first, last, start, end));
        }
    }

    /** Clears the bits {@code m} of word {@code w}, release semantics. */
    private void clearWord(int w, long m) {
        if (m == ALL_ONES) {
            // Every bit of the word is the caller's, so no one else can write this word
            // successfully until we clear it: a plain release store loses nothing.
            words.setRelease(w, 0L);
            return;
        }
        long cur = words.getOpaque(w);
        while ((cur & m) != 0) {
            final long witness = words.compareAndExchangeRelease(w, cur, cur & ~m);
            if (witness == cur) {
                return;
            }
            // Failed CAS: a neighbour changed bits of this word outside our mask (our own bits
            // are ours and do not change under us); retry with the fresh value.
            cur = witness;
        }
    }

    /**
     * Sets every bit of {@code [start, end)} whatever its previous value (an atomic OR per
     * word, release semantics). For the repeat mask, where elements may overlap.
     */
    public void markRange(long start, long end) {
        checkRange(start, end);
        if (start == end) {
            return;
        }
        final int first = wordIndex(start);
        final int last = wordIndex(end - 1);
        for (int w = first; w <= last; w++) {
            final long m = mask(w, first, last, start, end);
            if (m == ALL_ONES) {
                // OR-ing anything into all ones gives all ones, so a store is an atomic OR.
                words.setRelease(w, ALL_ONES);
                continue;
            }
            long cur = words.getOpaque(w);
            while ((cur & m) != m) {
                final long witness = words.compareAndExchangeRelease(w, cur, cur | m);
                if (witness == cur) {
                    break;
                }
                // Failed CAS: another thread changed this word in between; OR into its value.
                cur = witness;
            }
        }
    }

    /** Number of set bits (opaque reads, not an atomic snapshot under concurrent updates). */
    public long cardinality() {
        long n = 0;
        for (int w = 0, len = words.length(); w < len; w++) {
            n += Long.bitCount(words.getOpaque(w));
        }
        return n;
    }

    /** Number of set bits in {@code [start, end)} (same caveat as {@link #cardinality()}). */
    public long cardinality(long start, long end) {
        checkRange(start, end);
        if (start == end) {
            return 0;
        }
        final int first = wordIndex(start);
        final int last = wordIndex(end - 1);
        long n = 0;
        for (int w = first; w <= last; w++) {
            n += Long.bitCount(words.getOpaque(w) & mask(w, first, last, start, end));
        }
        return n;
    }

    /**
     * The first set bit at or after {@code from}, or {@link #size()} when there is none (opaque
     * reads: for a mask no one is changing, e.g. to list a finished mask's runs).
     */
    public long nextSetBit(long from) {
        return next(from, false);
    }

    /** The first clear bit at or after {@code from}, or {@link #size()} when there is none (as {@link #nextSetBit}). */
    public long nextClearBit(long from) {
        return next(from, true);
    }

    private long next(long from, boolean clear) {
        if (from < 0) {
            throw new IllegalArgumentException("position " + from + " is negative");
        }
        if (from >= size) {
            return size;
        }
        int w = wordIndex(from);
        long word = words.getOpaque(w);
        if (clear) {
            word = ~word;
        }
        word &= ALL_ONES << from;
        int n = words.length();
        while (word == 0) {
            if (++w == n) {
                return size;
            }
            word = words.getOpaque(w);
            if (clear) {
                word = ~word;
            }
        }
        return Math.min(size, ((long) w << 6) + Long.numberOfTrailingZeros(word));
    }

    /**
     * Claims {@code [start, end)} like {@link #claimRange} and returns a guard that releases it
     * on {@link ClaimGuard#close()} unless {@link ClaimGuard#commit()} was called; returns
     * {@code null} if the claim failed. Meant for try-with-resources.
     */
    public ClaimGuard tryClaim(long start, long end) {
        return claimRange(start, end) ? new ClaimGuard(this, start, end) : null;
    }

    @Override
    public String toString() {
        return "Bitmask[size=" + size + "]";
    }

    // ---- helpers -------------------------------------------------------------------------

    private static int wordIndex(long pos) {
        return (int) (pos >>> 6);
    }

    /**
     * The bits of word {@code w} that lie in {@code [start, end)}, where {@code first} and
     * {@code last} are the words of {@code start} and {@code end - 1}. Shifts use the low six
     * bits of the position, as Java's {@code long} shifts do.
     */
    private static long mask(int w, int first, int last, long start, long end) {
        long m = ALL_ONES;
        if (w == first) {
            m &= ALL_ONES << start;           // bits start&63 .. 63
        }
        if (w == last) {
            m &= ALL_ONES >>> -end;           // bits 0 .. (end-1)&63
        }
        return m;
    }

    private void checkRange(long start, long end) {
        if (start < 0 || end > size || start > end) {
            throw new IllegalArgumentException(
                    "range [" + start + ", " + end + ") is not within [0, " + size + ")"
                            + (start > end ? ": start > end" : ""));
        }
    }
}
