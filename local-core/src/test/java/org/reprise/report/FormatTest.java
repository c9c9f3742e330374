package org.reprise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Number formatting: thousands separators, units, and agreement with the JDK's formatter. */
class FormatTest {
    @Test
    void countsHaveThousandsSeparators() {
        assertEquals("0", Format.count(0));
        assertEquals("999", Format.count(999));
        assertEquals("1,000", Format.count(1000));
        assertEquals("1,234,567", Format.count(1_234_567));
        assertEquals("-12,345", Format.count(-12_345));
        assertEquals("5,000,000,000", Format.count(5_000_000_000L));
        assertEquals(String.format(Locale.ROOT, "%,d", Long.MIN_VALUE), Format.count(Long.MIN_VALUE));
    }

    @Test
    void handWrittenFormattingAgreesWithTheJdk() {
        Random rnd = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            long n = rnd.nextLong() >> rnd.nextInt(63);
            assertEquals(String.format(Locale.ROOT, "%,d", n), Format.count(n));
            // values on a 1/1000 grid plus a little, away from ties, so both round the same way
            double v = (rnd.nextInt(2_000_000) - 1_000_000) / 1000.0 + 0.0001;
            if (v < 0 && v > -1) {
                continue; // the JDK writes "-0" for what rounds to zero; we write "0"
            }
            for (int d = 0; d <= 3; d++) {
                assertEquals(String.format(Locale.ROOT, "%,." + d + "f", v), Format.decimal(v, d), "v=" + v + " d=" + d);
            }
        }
    }

    @Test
    void unitsArePickedForReading() {
        assertEquals("9,999 bp", Format.bases(9_999));
        assertEquals("12.3 kb", Format.bases(12_345));
        assertEquals("273 Mb", Format.bases(273_048_012));
        assertEquals("3.1 Gb", Format.bases(3_100_000_000L));
        assertEquals("32.2%", Format.percent(0.3219, 1));
        assertEquals("2.20 s", Format.seconds(2.2));
        assertEquals("59.9 s", Format.seconds(59.94));
        assertEquals("2 min 15 s", Format.seconds(135.4));
        assertEquals("1 h 01 min", Format.seconds(3661));
        assertEquals("512 B", Format.bytes(512));
        assertEquals("6.0 GiB", Format.bytes(6_442_450_944L));
        assertEquals("1.5 KiB", Format.bytes(1536));
    }

    @Test
    void coordinatesHaveOneDecimalAtMost() {
        assertEquals("12", Format.coord(12.04));
        assertEquals("12.1", Format.coord(12.06));
        assertEquals("-0.5", Format.coord(-0.5));
        assertEquals("0", Format.coord(-0.01));
        assertEquals("1230", Format.coord(1230));
    }
}
