package org.reprise.mask;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * Model checking of {@link Bitmask} and {@link ClaimGuard} with Lincheck: every interleaving
 * (up to the model checker's budget) of two worker threads, each owning one of two
 * overlapping ranges that cross word boundaries, must be linearizable with respect to the
 * same operations run one after another, and after every run the mask must hold exactly the
 * ranges that the threads believe they hold.
 *
 * <p>Two more scenarios run three threads on one mask: claims and releases of overlapping ranges
 * that start and end at different offsets within words, while a third thread marks (as the repeat
 * mask does) bits of the same words outside every claimed range and all threads read those marks
 * with {@code get} and {@code isRangeFree}: no claim may lose a mark, no mark a claim, and reads of
 * marks are linearizable. With three claimers a claim may fail spuriously (see {@link Bitmask}), so
 * there the claims' answers are not compared with a sequential run; instead every run must end
 * with pairwise disjoint holdings and a mask that is exactly their union plus the marks.
 *
 * <p>Why each range has its own thread ({@code nonParallelGroup}): only the owner of a claim
 * releases it, as in production. Releasing someone else's bits, or observing single bits
 * while a claim that will fail is in flight, is outside {@code Bitmask}'s contract (a failed
 * claim's transient bits are visible until it rolls back; see the class comment), so those
 * operations are not offered to the checker.
 */
class BitmaskLincheckTest {

    // Range A = [10, 140) covers words 0..2; range B = [100, 200) covers words 1..3; they
    // share bits 100..139, so the first shared word is word 1.
    static final long A_START = 10, A_END = 140, B_START = 100, B_END = 200;
    static final long SIZE = 256;

    /** What one thread holds of its range. */
    private enum Held { NONE, RAW, GUARD, COMMITTED }

    /** Scenario 1: many operations per thread (claim/release/claim cycles, guards). */
    public static class Cycles {
        private final Bitmask mask = new Bitmask(SIZE);
        private final Side a = new Side(mask, A_START, A_END);
        private final Side b = new Side(mask, B_START, B_END);

        @Operation(nonParallelGroup = "a") public boolean claimA() { return a.claim(); }
        @Operation(nonParallelGroup = "a") public boolean tryClaimA() { return a.tryClaim(); }
        @Operation(nonParallelGroup = "a") public boolean releaseA() { return a.release(); }
        @Operation(nonParallelGroup = "a") public boolean failInsideGuardA() { return a.failInsideGuard(); }
        @Operation(nonParallelGroup = "a") public boolean commitGuardA() { return a.commitGuard(); }

        @Operation(nonParallelGroup = "b") public boolean claimB() { return b.claim(); }
        @Operation(nonParallelGroup = "b") public boolean tryClaimB() { return b.tryClaim(); }
        @Operation(nonParallelGroup = "b") public boolean releaseB() { return b.release(); }
        @Operation(nonParallelGroup = "b") public boolean failInsideGuardB() { return b.failInsideGuard(); }
        @Operation(nonParallelGroup = "b") public boolean commitGuardB() { return b.commitGuard(); }

        /** After each run: the mask is exactly the union of what the two sides hold. */
        @Validate
        public void maskMatchesHoldings() {
            checkMask(mask, a, b);
        }
    }

    /** Scenario 2: the two overlapping claims race once on a clear mask. */
    public static class TwoClaims {
        private final Bitmask mask = new Bitmask(SIZE);
        private final Side a = new Side(mask, A_START, A_END);
        private final Side b = new Side(mask, B_START, B_END);

        @Operation(nonParallelGroup = "a") public boolean claimA() { return a.claim(); }
        @Operation(nonParallelGroup = "b") public boolean claimB() { return b.claim(); }
        @Operation(nonParallelGroup = "b") public boolean tryClaimB() { return b.tryClaim(); }

        @Validate
        public void exactlyOneWinsAndLoserLeavesNothing() {
            if ((a.held == Held.NONE) == (b.held == Held.NONE)) {
                throw new AssertionError("exactly one of two overlapping claims must win: a="
                        + a.held + " b=" + b.held);
            }
            checkMask(mask, a, b);
        }
    }

    // Marks: bits of words 0 and 3 that no claim covers, [0, 10) beside A's first bit and
    // [200, 230) beside B's last, so that a mark and a claim write different bits of one word.
    static final long LOW_START = 0, LOW_END = 10, HIGH_START = 200, HIGH_END = 230;
    // A third claim, [60, 130): it starts inside word 0 and ends inside word 2, overlapping A and B.
    static final long C_START = 60, C_END = 130;

    /** Scenario 3: two claimers and a marker on shared words; every answer linearizable. */
    public static class ClaimsBesideMarks {
        private final Bitmask mask = new Bitmask(SIZE);
        private final Side a = new Side(mask, A_START, A_END);
        private final Side b = new Side(mask, B_START, B_END);
        private final Marks marks = new Marks(mask);

        @Operation(nonParallelGroup = "a") public boolean claimA() { return a.claim(); }
        @Operation(nonParallelGroup = "a") public boolean releaseA() { return a.release(); }
        @Operation(nonParallelGroup = "a") public boolean lowFreeSeenByA() { return mask.isRangeFree(LOW_START, LOW_END); }

        @Operation(nonParallelGroup = "b") public boolean claimB() { return b.claim(); }
        @Operation(nonParallelGroup = "b") public boolean releaseB() { return b.release(); }
        @Operation(nonParallelGroup = "b") public boolean highMarkSeenByB() { return mask.get(215); }

        @Operation(nonParallelGroup = "c") public void markLow() { marks.markLow(); }
        @Operation(nonParallelGroup = "c") public void markHigh() { marks.markHigh(); }
        @Operation(nonParallelGroup = "c") public boolean highFree() { return mask.isRangeFree(HIGH_START, HIGH_END); }
        @Operation(nonParallelGroup = "c") public boolean lowMarkSeen() { return mask.get(LOW_END - 1); }

        @Validate
        public void maskIsHoldingsPlusMarks() {
            checkHoldingsAndMarks(mask, marks, a, b);
        }
    }

    /** Scenario 4: three claimers on mutually overlapping ranges, beside marks. */
    public static class ThreeClaimersBesideMarks {
        private final Bitmask mask = new Bitmask(SIZE);
        private final Side a = new Side(mask, A_START, A_END);
        private final Side b = new Side(mask, B_START, B_END);
        private final Side c = new Side(mask, C_START, C_END);
        private final Marks marks = new Marks(mask);

        // Claims may fail spuriously with three parties: their answers are not compared.
        @Operation(nonParallelGroup = "a") public void claimA() { a.claim(); }
        @Operation(nonParallelGroup = "a") public void releaseA() { a.release(); }
        @Operation(nonParallelGroup = "a") public void markLow() { marks.markLow(); }

        @Operation(nonParallelGroup = "b") public void claimB() { b.claim(); }
        @Operation(nonParallelGroup = "b") public void releaseB() { b.release(); }
        @Operation(nonParallelGroup = "b") public void markHigh() { marks.markHigh(); }

        @Operation(nonParallelGroup = "c") public void claimC() { c.claim(); }
        @Operation(nonParallelGroup = "c") public void releaseC() { c.release(); }
        @Operation(nonParallelGroup = "c") public boolean lowMarkSeen() { return mask.get(LOW_START); }
        @Operation(nonParallelGroup = "c") public boolean highFree() { return mask.isRangeFree(HIGH_START, HIGH_END); }

        @Validate
        public void holdingsDisjointAndMaskIsTheirUnionPlusMarks() {
            checkHoldingsAndMarks(mask, marks, a, b, c);
        }
    }

    /** What the marking thread has marked; marks are only ever added. */
    static final class Marks {
        final Bitmask mask;
        boolean low, high;

        Marks(Bitmask mask) {
            this.mask = mask;
        }

        void markLow() {
            mask.markRange(LOW_START, LOW_END);
            low = true;
        }

        void markHigh() {
            mask.markRange(HIGH_START, HIGH_END);
            high = true;
        }
    }

    /**
     * Holdings pairwise disjoint, and every bit of the mask set exactly when a holding or a mark
     * covers it.
     */
    static void checkHoldingsAndMarks(Bitmask mask, Marks marks, Side... sides) {
        for (int i = 0; i < sides.length; i++) {
            for (int j = i + 1; j < sides.length; j++) {
                Side x = sides[i], y = sides[j];
                if (x.held != Held.NONE && y.held != Held.NONE && x.start < y.end && y.start < x.end) {
                    throw new AssertionError("overlapping ranges held at once: [" + x.start + ", " + x.end + ") and ["
                            + y.start + ", " + y.end + ")");
                }
            }
        }
        // Every range and mark starts and ends at one of these bits, so each piece between two of
        // them is wholly expected set or wholly expected clear (word-wise counts: the model
        // checker explores each read, so a bit-by-bit walk would swamp it).
        long[] cuts = {0, LOW_END, A_START, C_START, B_START, C_END, A_END, HIGH_START, HIGH_END, SIZE};
        for (int i = 0; i + 1 < cuts.length; i++) {
            long from = cuts[i], to = cuts[i + 1];
            boolean want = (marks.low && from >= LOW_START && to <= LOW_END)
                    || (marks.high && from >= HIGH_START && to <= HIGH_END);
            for (Side s : sides) {
                want |= s.held != Held.NONE && from >= s.start && to <= s.end;
            }
            long n = mask.cardinality(from, to);
            if (n != (want ? to - from : 0)) {
                throw new AssertionError("[" + from + ", " + to + ") has " + n + " bits set, expected "
                        + (want ? to - from : 0) + " (marks low=" + marks.low + " high=" + marks.high + ")");
            }
        }
    }

    /** One thread's view of its range; fields are touched only by that thread. */
    static final class Side {
        final Bitmask mask;
        final long start, end;
        Held held = Held.NONE;
        ClaimGuard guard;

        Side(Bitmask mask, long start, long end) {
            this.mask = mask;
            this.start = start;
            this.end = end;
        }

        boolean claim() {
            boolean ok = mask.claimRange(start, end);
            if (ok) {
                if (held != Held.NONE) {
                    throw new AssertionError("claimed a range this side already holds");
                }
                held = Held.RAW;
            }
            return ok;
        }

        boolean tryClaim() {
            ClaimGuard g = mask.tryClaim(start, end);
            if (g != null) {
                if (held != Held.NONE) {
                    throw new AssertionError("claimed a range this side already holds");
                }
                guard = g;
                held = Held.GUARD;
            }
            return g != null;
        }

        boolean release() {
            if (held != Held.RAW) {
                return false;
            }
            mask.releaseRange(start, end);
            held = Held.NONE;
            return true;
        }

        /** A worker fails with an exception inside try-with-resources: the claim is released. */
        boolean failInsideGuard() {
            if (held != Held.GUARD) {
                return false;
            }
            try (ClaimGuard g = guard) {
                held = Held.NONE;
                guard = null;
                throw new IllegalStateException("worker failed on " + g);
            } catch (IllegalStateException expected) {
                return true;
            }
        }

        /** A worker succeeds: commit, close; the bits stay set for good. */
        boolean commitGuard() {
            if (held != Held.GUARD) {
                return false;
            }
            try (ClaimGuard g = guard) {
                g.commit();
            }
            guard = null;
            held = Held.COMMITTED;
            return true;
        }
    }

    /**
     * The mask holds exactly the union of what the two sides hold. Checked through the
     * word-wise {@code cardinality} of the three pieces [0, B_START), [B_START, A_END),
     * [A_END, SIZE) plus the complement, which with both ranges fixed pins every bit: each
     * piece is either wholly expected set or wholly expected clear.
     */
    static void checkMask(Bitmask mask, Side a, Side b) {
        boolean ha = a.held != Held.NONE, hb = b.held != Held.NONE;
        long[][] pieces = {{0, A_START}, {A_START, B_START}, {B_START, A_END}, {A_END, B_END},
                {B_END, SIZE}};
        boolean[] expectSet = {false, ha, ha || hb, hb, false};
        for (int i = 0; i < pieces.length; i++) {
            long n = mask.cardinality(pieces[i][0], pieces[i][1]);
            long want = expectSet[i] ? pieces[i][1] - pieces[i][0] : 0;
            if (n != want) {
                throw new AssertionError("[" + pieces[i][0] + ", " + pieces[i][1] + ") has " + n
                        + " bits set, expected " + want + " (a=" + a.held + ", b=" + b.held + ")");
            }
        }
    }

    @Test
    void claimReleaseCyclesAndGuardsAreLinearizable() {
        ModelCheckingOptions opts = new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .iterations(10)
                .invocationsPerIteration(150);
        LinChecker.check(Cycles.class, opts);
    }

    @Test
    void claimsAndMarksOnSharedWordsAreLinearizable() {
        ModelCheckingOptions opts = new ModelCheckingOptions()
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .iterations(6)
                .invocationsPerIteration(150);
        LinChecker.check(ClaimsBesideMarks.class, opts);
    }

    @Test
    void threeOverlappingClaimersNeverShareBitsNorLoseMarks() {
        ModelCheckingOptions opts = new ModelCheckingOptions()
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .iterations(6)
                .invocationsPerIteration(150);
        LinChecker.check(ThreeClaimersBesideMarks.class, opts);
    }

    @Test
    void twoOverlappingClaimsExactlyOneWins() {
        ModelCheckingOptions opts = new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(1)
                .actorsBefore(0)
                .actorsAfter(0)
                .iterations(1)
                .invocationsPerIteration(500);
        LinChecker.check(TwoClaims.class, opts);
    }
}
