package org.reprise.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Single-threaded behaviour of {@link Bitmask}, checked against {@link BitSet}. */
class BitmaskTest {

    @Test
    void newMaskIsClearAndSized() {
        Bitmask m = new Bitmask(1000);
        assertEquals(1000, m.size());
        assertEquals(0, m.cardinality());
        assertTrue(m.isRangeFree(0, 1000));
        assertFalse(m.get(999));
    }

    @Test
    void zeroSizedMaskAcceptsOnlyEmptyRange() {
        Bitmask m = new Bitmask(0);
        assertEquals(0, m.cardinality());
        assertTrue(m.claimRange(0, 0));
        assertTrue(m.isRangeFree(0, 0));
        assertThrows(IllegalArgumentException.class, () -> m.get(0));
        assertThrows(IllegalArgumentException.class, () -> m.claimRange(0, 1));
    }

    @Test
    void rejectsNegativeAndTooLargeSizes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Bitmask(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Bitmask(Bitmask.MAX_SIZE_IN_BITS + 1));
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"0,63", "0,64", "0,65", "63,64", "63,65", "64,128", "63,127", "63,128",
            "64,127", "65,127", "127,128", "127,129", "128,129", "1,255", "0,256", "5,5",
            "64,64", "100,300"})
    void claimSetsExactlyTheRangeAtWordBoundaries(long start, long end) {
        Bitmask m = new Bitmask(320);
        assertTrue(m.claimRange(start, end));
        assertEquals(end - start, m.cardinality());
        assertEquals(end - start, m.cardinality(start, end));
        for (long p = 0; p < m.size(); p++) {
            assertEquals(p >= start && p < end, m.get(p), "bit " + p);
        }
        if (start > 0) {
            assertTrue(m.isRangeFree(0, start));
            assertTrue(m.claimRange(start - 1, start), "left neighbour is free");
            m.releaseRange(start - 1, start);
        }
        if (end < m.size()) {
            assertTrue(m.claimRange(end, end + 1), "right neighbour is free");
            m.releaseRange(end, end + 1);
        }
        m.releaseRange(start, end);
        assertEquals(0, m.cardinality());
    }

    @ParameterizedTest(name = "held [64, 128), claim [{0}, {1}) -> {2}")
    @CsvSource({"0,64,true", "0,65,false", "63,64,true", "63,65,false", "127,128,false",
            "128,129,true", "128,300,true", "0,300,false", "100,101,false", "64,64,true"})
    void conflictingClaimFailsAndLeavesNoBit(long start, long end, boolean expected) {
        Bitmask m = new Bitmask(320);
        assertTrue(m.claimRange(64, 128));
        assertEquals(expected, m.claimRange(start, end));
        long extra = expected ? end - start : 0;
        assertEquals(64 + extra, m.cardinality());
        assertEquals(64, m.cardinality(64, 128));
    }

    @Test
    void failedClaimRollsBackOnlyItsOwnBitsAcrossManyWords() {
        Bitmask m = new Bitmask(64 * 20);
        assertTrue(m.claimRange(10, 20));        // neighbour in the first word of the claim
        assertTrue(m.claimRange(1000, 1001));    // the conflict, far into the claim
        assertFalse(m.claimRange(30, 1200));
        assertEquals(11, m.cardinality());
        assertEquals(10, m.cardinality(10, 20));
        assertTrue(m.get(1000));
        assertTrue(m.isRangeFree(20, 1000));
        assertTrue(m.isRangeFree(1001, 1280));
    }

    @Test
    void emptyRangesAreValidEverywhereIncludingTheEnd() {
        Bitmask m = new Bitmask(130);
        m.markRange(0, 130);
        for (long p : new long[] {0, 63, 64, 65, 128, 130}) {
            assertTrue(m.isRangeFree(p, p));
            assertTrue(m.claimRange(p, p));
            assertEquals(0, m.cardinality(p, p));
            m.releaseRange(p, p);
            m.markRange(p, p);
            ClaimGuard g = m.tryClaim(p, p);
            assertNotNull(g);
            g.close();
        }
        assertEquals(130, m.cardinality());
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"-1,5", "0,131", "5,4", "130,131", "131,131", "-5,-1",
            "-9223372036854775808,0", "0,9223372036854775807"})
    void outOfBoundsOrReversedRangesAreRejectedWithTheirBounds(long start, long end) {
        Bitmask m = new Bitmask(130);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.claimRange(start, end));
        assertTrue(e.getMessage().contains("[" + start + ", " + end + ")"), e.getMessage());
        // the reason is given only when it is the order (mutation testing found it unchecked)
        assertEquals(start > end, e.getMessage().endsWith(": start > end"), e.getMessage());
        assertTrue(m.toString().contains("130"), m.toString());
        assertThrows(IllegalArgumentException.class, () -> m.releaseRange(start, end));
        assertThrows(IllegalArgumentException.class, () -> m.markRange(start, end));
        assertThrows(IllegalArgumentException.class, () -> m.isRangeFree(start, end));
        assertThrows(IllegalArgumentException.class, () -> m.cardinality(start, end));
        assertThrows(IllegalArgumentException.class, () -> m.tryClaim(start, end));
        assertEquals(0, m.cardinality(), "a rejected call changes nothing");
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 130, Long.MAX_VALUE, Long.MIN_VALUE})
    void getRejectsOutOfBoundsPositions(long pos) {
        Bitmask m = new Bitmask(130);
        assertThrows(IllegalArgumentException.class, () -> m.get(pos));
    }

    @Test
    void releaseIsIdempotentAndMarkOverlaps() {
        Bitmask m = new Bitmask(200);
        m.markRange(10, 100);
        m.markRange(50, 150);                    // overlapping marks are normal
        assertEquals(140, m.cardinality());
        assertFalse(m.claimRange(140, 160));
        m.releaseRange(0, 200);
        m.releaseRange(0, 200);
        assertEquals(0, m.cardinality());
    }

    @Test
    void lastPartialWordNeverGetsBitsBeyondSize() {
        Bitmask m = new Bitmask(70);
        m.markRange(0, 70);
        assertEquals(70, m.cardinality());
        assertEquals(6, m.cardinality(64, 70));
        assertFalse(m.isRangeFree(69, 70));
    }

    @Test
    void randomSequentialOperationsMatchBitSet() {
        SplittableRandom rnd = new SplittableRandom(42);
        int size = 1000;
        Bitmask m = new Bitmask(size);
        BitSet oracle = new BitSet(size);
        for (int i = 0; i < 20_000; i++) {
            int s = rnd.nextInt(size + 1);
            int e = Math.min(size, s + rnd.nextInt(rnd.nextBoolean() ? 8 : 300));
            int op = rnd.nextInt(10);
            if (op < 4) {
                boolean free = oracle.get(s, e).isEmpty();
                assertEquals(free, m.isRangeFree(s, e));
                assertEquals(free, m.claimRange(s, e), "claim [" + s + ", " + e + ")");
                if (free) {
                    oracle.set(s, e);
                }
            } else if (op < 7) {
                m.releaseRange(s, e);
                oracle.clear(s, e);
            } else if (op < 8) {
                m.markRange(s, e);
                oracle.set(s, e);
            } else {
                assertEquals(oracle.get(s, e).cardinality(), m.cardinality(s, e));
            }
        }
        assertEquals(oracle.cardinality(), m.cardinality());
        for (int p = 0; p < size; p++) {
            assertEquals(oracle.get(p), m.get(p), "bit " + p);
        }
    }

    @Test
    void tryClaimReturnsNullOnConflict() {
        Bitmask m = new Bitmask(100);
        assertTrue(m.claimRange(40, 50));
        assertNull(m.tryClaim(0, 41));
        assertEquals(10, m.cardinality());
    }

    @Test
    void wordBytesIsCeilingOfSizeOver64TimesEight() {
        assertEquals(0, Bitmask.wordBytes(0));
        assertEquals(8, Bitmask.wordBytes(1));
        assertEquals(8, Bitmask.wordBytes(64));
        assertEquals(16, Bitmask.wordBytes(65));
        // a 3.1 Gbp genome: 3,100,000,000 bits -> 48,437,500 words -> 387,500,000 bytes
        assertEquals(387_500_000L, Bitmask.wordBytes(3_100_000_000L));
    }

    @Test
    void nextSetAndClearBitsWalkTheRuns() {
        Bitmask m = new Bitmask(300);
        assertEquals(300, m.nextSetBit(0));
        assertEquals(0, m.nextClearBit(0));
        m.markRange(5, 70);
        m.markRange(128, 130);
        m.markRange(299, 300);
        assertEquals(5, m.nextSetBit(0));
        assertEquals(5, m.nextSetBit(5));
        assertEquals(70, m.nextClearBit(5));
        assertEquals(128, m.nextSetBit(70));
        assertEquals(130, m.nextClearBit(128));
        assertEquals(299, m.nextSetBit(130));
        assertEquals(300, m.nextClearBit(299));
        assertEquals(300, m.nextSetBit(300));
        // against a bit-by-bit walk on random masks
        java.util.Random rnd = new java.util.Random(3);
        for (int t = 0; t < 50; t++) {
            int size = 1 + rnd.nextInt(700);
            Bitmask r = new Bitmask(size);
            for (int i = 0; i < 5; i++) {
                int a = rnd.nextInt(size), b = a + rnd.nextInt(size - a + 1);
                r.markRange(a, b);
            }
            for (int from = 0; from <= size; from++) {
                long set = from, clear = from;
                while (set < size && !r.get(set)) {
                    set++;
                }
                while (clear < size && r.get(clear)) {
                    clear++;
                }
                assertEquals(set, r.nextSetBit(from), "set from " + from + " of " + size);
                assertEquals(clear, r.nextClearBit(from), "clear from " + from + " of " + size);
            }
        }
    }
}
