package org.reprise.report;

/**
 * Binning for the report's histograms: bins of equal width over [lo, hi], the last bin closed
 * (a value equal to {@code hi} counts in it), values outside the range clamped to the end bins.
 */
final class Histograms {
    private Histograms() {
    }

    /**
     * @param values the values, any order
     * @param lo     left edge of bin 0
     * @param hi     right edge of the last bin, {@code > lo}
     * @param bins   number of bins, {@code >= 1}
     * @return the count of values in each bin
     */
    static long[] bin(double[] values, double lo, double hi, int bins) {
        long[] counts = new long[bins];
        for (double v : values) {
            counts[index(v, lo, hi, bins)]++;
        }
        return counts;
    }

    /** @return the bin of {@code v}, clamped to 0..bins-1 */
    static int index(double v, double lo, double hi, int bins) {
        int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }
}
