package org.reprise.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Randomized multi-thread tests. Exclusivity is checked independently of the mask: every
 * successful claim stamps an owner array with a CAS from 0 to its thread's id, so two claims
 * held at the same time on a shared base make one of those CASes fail; plain (unsynchronized)
 * payload writes made while holding a range must read back intact, which also exercises the
 * acquire/release pairing of claim and release.
 */
class BitmaskStressTest {

    private static final int THREADS = 6;
    private static final int SIZE = 64 * 64;                 // 64 words: plenty of contention

    /** A claim that succeeded and was kept (never released). */
    private record Kept(int start, int end) { }

    @Test
    void concurrentClaimsNeverOverlapAndFinalMaskEqualsKeptClaims() throws Exception {
        final Bitmask mask = new Bitmask(SIZE);
        final AtomicIntegerArray owner = new AtomicIntegerArray(SIZE);
        final long[] payload = new long[SIZE];               // plain: guarded by the mask
        final List<List<Kept>> kept = new ArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final int[] successes = new int[THREADS];
        final int[] failures = new int[THREADS];
        final CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int id = t + 1;
            final List<Kept> mine = new ArrayList<>();
            kept.add(mine);
            threads.add(new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(1234 + id);
                try {
                    start.await();
                    for (int i = 0; i < 60_000 && failure.get() == null; i++) {
                        int s = rnd.nextInt(SIZE);
                        int len = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(400) : 1 + rnd.nextInt(80);
                        int e = Math.min(SIZE, s + len);
                        boolean useGuard = rnd.nextBoolean();
                        ClaimGuard g = null;
                        boolean ok = useGuard ? (g = mask.tryClaim(s, e)) != null
                                : mask.claimRange(s, e);
                        if (!ok) {
                            failures[id - 1]++;
                            continue;
                        }
                        successes[id - 1]++;
                        long token = ((long) id << 32) | i;
                        for (int p = s; p < e; p++) {
                            if (!owner.compareAndSet(p, 0, id)) {
                                throw new AssertionError("base " + p + " held by thread "
                                        + owner.get(p) + " while thread " + id
                                        + " claimed [" + s + ", " + e + ")");
                            }
                            payload[p] = token;
                        }
                        Thread.onSpinWait();
                        for (int p = s; p < e; p++) {
                            if (payload[p] != token) {
                                throw new AssertionError("payload at " + p + " overwritten");
                            }
                        }
                        boolean keep = e - s <= 8 && rnd.nextInt(200) == 0;
                        if (keep) {
                            mine.add(new Kept(s, e));
                            if (g != null) {
                                g.commit();
                                g.close();
                            }
                            continue;
                        }
                        for (int p = s; p < e; p++) {
                            owner.set(p, 0);
                        }
                        if (g == null) {
                            mask.releaseRange(s, e);
                        } else if (rnd.nextBoolean()) {
                            g.close();
                        } else {
                            try (ClaimGuard closing = g) {   // released by the exception path
                                throw new IllegalStateException("worker failed on " + closing);
                            } catch (IllegalStateException expected) {
                                // the guard has released the range
                            }
                        }
                    }
                } catch (Throwable ex) {
                    failure.compareAndSet(null, ex);
                }
            }, "bitmask-stress-" + id));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }

        BitSet oracle = new BitSet(SIZE);
        for (List<Kept> mine : kept) {
            for (Kept k : mine) {
                assertTrue(oracle.get(k.start(), k.end()).isEmpty(), "kept claims overlap: " + k);
                oracle.set(k.start(), k.end());
            }
        }
        assertEquals(oracle.cardinality(), mask.cardinality());
        for (int p = 0; p < SIZE; p++) {
            assertEquals(oracle.get(p), mask.get(p), "bit " + p);
        }
        int totalOk = 0, totalFail = 0;
        for (int t = 0; t < THREADS; t++) {
            totalOk += successes[t];
            totalFail += failures[t];
        }
        assertTrue(totalOk > 1000 && totalFail > 0,
                "the test must exercise both outcomes: ok=" + totalOk + " failed=" + totalFail);
    }

    /**
     * jcstress-style: two threads released together by a barrier claim overlapping ranges that
     * cross word boundaries on a clear mask. Exactly one must win, and the loser must leave
     * nothing behind.
     */
    @Test
    void twoOverlappingClaimsOnAClearMaskExactlyOneWins() throws Exception {
        final int rounds = 20_000;
        final Bitmask mask = new Bitmask(512);
        final long[][] ranges = new long[rounds][4];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int r = 0; r < rounds; r++) {
            long s1 = rnd.nextInt(400);
            long e1 = s1 + 1 + rnd.nextInt(100);
            long s2 = Math.max(0, s1 + rnd.nextInt((int) (e1 - s1)) - rnd.nextInt(100));
            long e2 = Math.max(s2, Math.min(512, s1 + rnd.nextInt((int) (e1 - s1)))) + 1;
            if (e2 <= s1 || s2 >= e1) {                       // force an overlap
                s2 = s1;
                e2 = s1 + 1;
            }
            ranges[r] = new long[] {s1, e1, s2, e2};
        }
        final boolean[][] won = new boolean[2][rounds];
        final CyclicBarrier go = new CyclicBarrier(2);
        final CyclicBarrier done = new CyclicBarrier(2, () -> { });
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final int[] checked = new int[1];
        Thread[] th = new Thread[2];
        for (int t = 0; t < 2; t++) {
            final int side = t;
            th[t] = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        long s = ranges[r][2 * side], e = ranges[r][2 * side + 1];
                        go.await();
                        won[side][r] = mask.claimRange(s, e);
                        done.await();
                        if (side == 0) {                      // check, then reset for next round
                            long s1 = ranges[r][0], e1 = ranges[r][1];
                            long s2 = ranges[r][2], e2 = ranges[r][3];
                            if (won[0][r] == won[1][r]) {
                                throw new AssertionError("round " + r + ": [" + s1 + ", " + e1
                                        + ") vs [" + s2 + ", " + e2 + ") both " + won[0][r]);
                            }
                            long ws = won[0][r] ? s1 : s2, we = won[0][r] ? e1 : e2;
                            if (mask.cardinality() != we - ws || mask.cardinality(ws, we) != we - ws) {
                                throw new AssertionError("round " + r + ": loser left bits");
                            }
                            mask.releaseRange(0, 512);
                            checked[0]++;
                        }
                        done.await();
                    }
                } catch (Throwable ex) {
                    failure.compareAndSet(null, ex);
                    go.reset();
                    done.reset();
                }
            });
            th[t].start();
        }
        for (Thread t : th) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(rounds, checked[0]);
    }

    /** Concurrent overlapping marks lose nothing: the result is the union of all marks. */
    @Test
    void concurrentMarksEqualTheUnion() throws Exception {
        final Bitmask mask = new Bitmask(SIZE);
        final BitSet[] marked = new BitSet[THREADS];
        final CyclicBarrier start = new CyclicBarrier(THREADS);
        Thread[] th = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            final int id = t;
            marked[t] = new BitSet(SIZE);
            th[t] = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(99 + id);
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 3_000; i++) {
                    int s = rnd.nextInt(SIZE);
                    int e = Math.min(SIZE, s + 1 + rnd.nextInt(20));
                    mask.markRange(s, e);
                    marked[id].set(s, e);
                }
            });
            th[t].start();
        }
        BitSet union = new BitSet(SIZE);
        for (int t = 0; t < THREADS; t++) {
            th[t].join();
            union.or(marked[t]);
        }
        assertEquals(union.cardinality(), mask.cardinality());
        for (int p = 0; p < SIZE; p++) {
            assertEquals(union.get(p), mask.get(p), "bit " + p);
        }
    }
}
