package org.reprise.report;

/**
 * Maps data values to SVG pixels along one axis, linearly or in log10, and chooses the ticks. A
 * linear scale widens its domain to whole tick steps (1, 2 or 5 times a power of ten), so the
 * axis ends on a labelled tick; a log scale widens it to whole decades.
 */
final class Scale {
    private final boolean log;
    private final double d0;
    private final double d1;
    private final double r0;
    private final double r1;
    private final double[] ticks;

    private Scale(boolean log, double d0, double d1, double r0, double r1, double[] ticks) {
        this.log = log;
        this.d0 = d0;
        this.d1 = d1;
        this.r0 = r0;
        this.r1 = r1;
        this.ticks = ticks;
    }

    /**
     * A linear scale from 0 (or {@code min}) to at least {@code max}, with about {@code targetTicks} ticks.
     *
     * @param min         smallest value shown
     * @param max         largest value shown; a scale of an empty range is widened to [min, min + 1]
     * @param r0          pixel of the domain's start
     * @param r1          pixel of the domain's end (may be below {@code r0}, as for a y axis)
     * @param targetTicks tick count to aim at, {@code >= 2}
     */
    static Scale linear(double min, double max, double r0, double r1, int targetTicks) {
        return linear(min, max, r0, r1, targetTicks, 0);
    }

    /**
     * As {@link #linear(double, double, double, double, int)}, with ticks at least {@code minStep}
     * apart (1 for an axis of counts, so that no two ticks read the same).
     */
    static Scale linear(double min, double max, double r0, double r1, int targetTicks, double minStep) {
        if (!(max > min)) {
            max = min + Math.max(1, minStep);
        }
        double step = Math.max(minStep, niceStep((max - min) / Math.max(1, targetTicks - 1)));
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = lo + i * step;
        }
        return new Scale(false, lo, hi, r0, r1, t);
    }

    /** A linear scale over exactly [min, max] with the given ticks (e.g. 0..100%). */
    static Scale fixed(double min, double max, double r0, double r1, double[] ticks) {
        return new Scale(false, min, max, r0, r1, ticks.clone());
    }

    /**
     * A log10 scale over whole decades containing [min, max], both {@code > 0}. Ticks at each
     * decade, and at 2 and 5 times it when the scale spans at most two decades.
     */
    static Scale log(double min, double max, double r0, double r1) {
        min = Math.max(min, 1e-12);
        max = Math.max(max, min);
        int e0 = (int) Math.floor(Math.log10(min) + 1e-9);
        int e1 = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (e1 <= e0) {
            e1 = e0 + 1;
        }
        boolean fine = e1 - e0 <= 2;
        double[] t = new double[(e1 - e0) * (fine ? 3 : 1) + 1];
        int n = 0;
        for (int e = e0; e <= e1; e++) {
            double p = Math.pow(10, e);
            t[n++] = p;
            if (fine && e < e1) {
                t[n++] = 2 * p;
                t[n++] = 5 * p;
            }
        }
        return new Scale(true, Math.pow(10, e0), Math.pow(10, e1), r0, r1, java.util.Arrays.copyOf(t, n));
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double m = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return m * p;
    }

    /** @return the pixel of value {@code v}; values outside the domain map outside the range */
    double map(double v) {
        double t = log ? (Math.log10(Math.max(v, 1e-12)) - Math.log10(d0)) / (Math.log10(d1) - Math.log10(d0))
                : (v - d0) / (d1 - d0);
        return r0 + t * (r1 - r0);
    }

    double[] ticks() {
        return ticks.clone();
    }

    double min() {
        return d0;
    }

    double max() {
        return d1;
    }
}
