package org.reprise.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The runs of a mask: taken from a Bitmask, given as numbers, and asked as a Bitmask is asked. */
class MaskRunsTest {
    @Test
    void theRunsOfABitmaskAnswerAsTheBitmaskDoes() {
        Random rnd = new Random(9);
        for (int trial = 0; trial < 50; trial++) {
            int size = 1 + rnd.nextInt(500);
            Bitmask mask = new Bitmask(size);
            for (int i = rnd.nextInt(8); i > 0; i--) {
                long a = rnd.nextInt(size);
                mask.markRange(a, Math.min(size, a + 1 + rnd.nextInt(70)));
            }
            if (trial % 5 == 0) {
                mask.markRange(0, Math.min(size, 3)); // runs at the ends
                mask.markRange(size - 1, size);
            }
            MaskRuns runs = MaskRuns.of(mask);
            long[] numbers = runs.toArray();
            assertEquals(2 * runs.runCount(), numbers.length);
            long covered = 0;
            for (int i = 0; i < runs.runCount(); i++) {
                long s = numbers[2 * i], e = numbers[2 * i + 1];
                assertTrue(s < e && (i == 0 || s > numbers[2 * i - 1]), "sorted, disjoint, not adjacent");
                assertEquals(e - s, mask.cardinality(s, e), "a run is all set");
                covered += e - s;
            }
            assertEquals(mask.cardinality(), covered, "every set bit is in a run");
            assertArrayEquals(numbers, MaskRuns.of(numbers).toArray(), "the numbers give the runs back");
            for (int q = 0; q < 200; q++) {
                long a = rnd.nextInt(size + 1);
                long b = a + rnd.nextInt((int) (size - a) + 1);
                assertEquals(mask.isRangeFree(a, b), runs.isRangeFree(a, b), "[" + a + ", " + b + ") of " + mask);
            }
        }
    }

    @Test
    void anEmptyMaskHasNoRunAndEveryRangeIsFree() {
        MaskRuns none = MaskRuns.of(new Bitmask(100));
        assertEquals(0, none.runCount());
        assertTrue(none.isRangeFree(0, 100));
        assertTrue(MaskRuns.of(new long[] {10, 20}).isRangeFree(15, 15), "an empty range is free");
        assertTrue(MaskRuns.of(new long[] {10, 20}).isRangeFree(20, 30));
        assertTrue(!MaskRuns.of(new long[] {10, 20}).isRangeFree(19, 30));
        assertTrue(MaskRuns.of(new long[] {10, 20}).isRangeFree(0, 10));
    }

    @Test
    void badRunsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaskRuns.of(new long[] {1, 2, 3}), "odd count");
        assertThrows(IllegalArgumentException.class, () -> MaskRuns.of(new long[] {5, 5}), "empty run");
        assertThrows(IllegalArgumentException.class, () -> MaskRuns.of(new long[] {5, 4}), "reversed run");
        assertThrows(IllegalArgumentException.class, () -> MaskRuns.of(new long[] {1, 5, 5, 8}), "adjacent runs");
        assertThrows(IllegalArgumentException.class, () -> MaskRuns.of(new long[] {1, 5, 3, 8}), "overlapping runs");
        assertEquals(2, MaskRuns.of(new long[] {1, 5, 6, 8}).runCount());
    }
}
