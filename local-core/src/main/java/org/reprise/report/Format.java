package org.reprise.report;

import java.util.Locale;

/**
 * Numbers as the report writes them: counts with thousands separators, lengths in bp/kb/Mb/Gb,
 * fractions as percentages, seconds and bytes in the unit a person reads at a glance. Always
 * {@link Locale#ROOT}, so the same data gives the same bytes on every machine.
 */
final class Format {
    private Format() {
    }

    /**
     * @return {@code n} with comma thousands separators, e.g. {@code 1,234,567}. By hand rather
     *         than {@code String.format}: a 100,000-family table calls it half a million times.
     */
    static String count(long n) {
        if (n == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        String digits = Long.toString(Math.abs(n));
        int len = digits.length();
        StringBuilder b = new StringBuilder(len + len / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        int head = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, 0, head);
        for (int i = head; i < len; i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** @return {@code v} rounded half up to {@code decimals} (0..3) decimals, with comma thousands separators */
    static String decimal(double v, int decimals) {
        if (decimals < 0 || decimals > 3 || !(Math.abs(v) < 1e15)) {
            return String.format(Locale.ROOT, "%,." + decimals + "f", v);
        }
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long r = Math.round(Math.abs(v) * scale);
        String sign = v < 0 && r != 0 ? "-" : "";
        if (decimals == 0) {
            return sign + count(r);
        }
        String frac = Long.toString(scale + r % scale).substring(1);
        return sign + count(r / scale) + "." + frac;
    }

    /** @return a length in bases: exact below 10 kb ({@code 9,999 bp}), else 3 significant-ish digits ({@code 12.3 Mb}) */
    static String bases(long n) {
        if (n < 10_000) {
            return count(n) + " bp";
        }
        Unit u = Unit.of(n);
        double v = n / u.divisor;
        return (v >= 100 ? decimal(v, 0) : decimal(v, 1)) + " " + u.symbol;
    }

    /** @return a fraction as a percentage with {@code decimals} decimals, e.g. {@code 12.3%} */
    static String percent(double fraction, int decimals) {
        return decimal(100 * fraction, decimals) + "%";
    }

    /** @return seconds as {@code 12.3 s}, {@code 4 min 05 s} or {@code 2 h 03 min} */
    static String seconds(double s) {
        if (s < 60) {
            return decimal(s, s < 10 ? 2 : 1) + " s";
        }
        long t = Math.round(s);
        if (t < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
        }
        return String.format(Locale.ROOT, "%,d h %02d min", t / 3600, (t % 3600) / 60);
    }

    /** @return bytes in binary units, e.g. {@code 1.4 GiB} */
    static String bytes(long b) {
        if (b < 1024) {
            return count(b) + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b / 1024.0;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return decimal(v, v >= 100 ? 0 : 1) + " " + units[i];
    }

    /** A coordinate for SVG: at most one decimal, no trailing {@code .0}, no exponent. */
    static String coord(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return sign + (a / 10) + "." + (a % 10);
    }

    /** A unit of length for axes: the largest of bp, kb, Mb, Gb not above the value. */
    enum Unit {
        BP("bp", 1), KB("kb", 1e3), MB("Mb", 1e6), GB("Gb", 1e9);

        final String symbol;
        final double divisor;

        Unit(String symbol, double divisor) {
            this.symbol = symbol;
            this.divisor = divisor;
        }

        static Unit of(double max) {
            Unit u = BP;
            for (Unit c : values()) {
                if (max >= c.divisor) {
                    u = c;
                }
            }
            return u;
        }
    }
}
