package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Axis scales and ticks, and the histogram bins. */
class ScaleTest {
    @Test
    void linearScalesEndOnANiceTick() {
        Scale s = Scale.linear(0, 87, 0, 100, 6);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, s.ticks(), 1e-9);
        assertEquals(100, s.max(), 1e-9);
        assertEquals(50, s.map(50), 1e-9);
        // y axes run downwards
        Scale y = Scale.linear(0, 1.6, 200, 0, 6);
        assertEquals(0.5, y.ticks()[1] - y.ticks()[0], 1e-9);
        assertEquals(200, y.map(0), 1e-9);
        assertEquals(0, y.map(y.max()), 1e-9);
        // an empty range still gives an axis
        assertEquals(2, Scale.linear(0, 0, 0, 1, 2).ticks().length);
        // counts: no two ticks may read the same
        assertArrayEquals(new double[] {0, 0.5, 1}, Scale.linear(0, 1, 0, 1, 3).ticks(), 1e-9);
        assertArrayEquals(new double[] {0, 1}, Scale.linear(0, 1, 0, 1, 3, 1).ticks(), 1e-9);
        assertArrayEquals(new double[] {0, 1}, Scale.linear(0, 0, 0, 1, 3, 1).ticks(), 1e-9);
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(20, Scale.niceStep(17.4), 1e-9);
        assertEquals(5, Scale.niceStep(2.01), 1e-9);
        assertEquals(0.1, Scale.niceStep(0.1), 1e-12);
        assertEquals(10_000, Scale.niceStep(6000), 1e-9);
    }

    @Test
    void logScalesSpanWholeDecades() {
        Scale s = Scale.log(3, 1735, 0, 300);
        assertArrayEquals(new double[] {1, 10, 100, 1000, 10000}, s.ticks(), 1e-9);
        assertEquals(0, s.map(1), 1e-9);
        assertEquals(150, s.map(100), 1e-9);
        // two decades or fewer get 2 and 5 ticks too
        assertArrayEquals(new double[] {10, 20, 50, 100, 200, 500, 1000}, Scale.log(12, 900, 0, 1).ticks(), 1e-9);
    }

    @Test
    void binsAreHalfOpenButTheLastIsClosed() {
        assertArrayEquals(new long[] {2, 1, 0, 2}, Histograms.bin(new double[] {0, 0.2, 0.25, 1, 0.9}, 0, 1, 4));
        assertEquals(0, Histograms.index(-3, 0, 1, 4));
        assertEquals(3, Histograms.index(7, 0, 1, 4));
    }
}
