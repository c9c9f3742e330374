package org.reprise.util;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers of bases as a user types them: {@code 20000000}, {@code 20M}, {@code 2.5G},
 * {@code 800k} (decimal multipliers: k = 1,000, M = 10^6, G = 10^9, either case), and ranges
 * {@code MIN-MAX} of them.
 */
public final class BaseCount {
    private BaseCount() {
    }

    /**
     * @param text digits, optionally with a fraction, optionally followed by k, M or G
     * @return the number of bases
     * @throws IllegalArgumentException (message quoting the text) if it is not such a number, is
     *         negative, not a whole number of bases, or above 2^62
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim();
        long multiplier = 1;
        if (!t.isEmpty()) {
            char last = Character.toLowerCase(t.charAt(t.length() - 1));
            if (last == 'k' || last == 'm' || last == 'g') {
                multiplier = last == 'k' ? 1_000L : last == 'm' ? 1_000_000L : 1_000_000_000L;
                t = t.substring(0, t.length() - 1);
            }
        }
        if (t.isEmpty() || !t.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("'" + text + "' is not a number of bases (digits, optionally followed by k, M or G)");
        }
        BigDecimal value = new BigDecimal(t).multiply(BigDecimal.valueOf(multiplier));
        if (value.compareTo(BigDecimal.valueOf(1L << 62)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of bases");
        }
    }

    /**
     * @param text {@code MIN-MAX} (each as {@link #parse}) or a single value meaning MIN = MAX
     * @return {min, max}
     * @throws IllegalArgumentException if either end is not a number or MIN &gt; MAX
     */
    public static long[] parseRange(String text) {
        String t = text == null ? "" : text.trim();
        int dash = t.indexOf('-');
        long lo;
        long hi;
        if (dash < 0) {
            lo = hi = parse(t);
        } else {
            if (t.indexOf('-', dash + 1) >= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a range MIN-MAX");
            }
            lo = parse(t.substring(0, dash));
            hi = parse(t.substring(dash + 1));
        }
        if (lo > hi) {
            throw new IllegalArgumentException("'" + text + "': MIN is larger than MAX");
        }
        return new long[] {lo, hi};
    }

    /** @return {@code n} with a suffix where it is exact (20000000 as 20M), else the digits. */
    public static String format(long n) {
        if (n >= 1_000_000_000L && n % 1_000_000_000L == 0) {
            return (n / 1_000_000_000L) + "G";
        }
        if (n >= 1_000_000L && n % 1_000_000L == 0) {
            return (n / 1_000_000L) + "M";
        }
        if (n >= 1_000L && n % 1_000L == 0) {
            return (n / 1_000L) + "k";
        }
        return String.format(Locale.ROOT, "%d", n);
    }
}
