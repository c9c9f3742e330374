package org.reprise.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * The report's charts, each one inline SVG drawn here (no script needed to see them): horizontal
 * bars, (stacked) histograms, a log-log scatter, grouped bars and sparklines. Sizes are in CSS
 * pixels; text widths are estimated from character counts (about 6.5 px a character at the
 * 11-12 px the page uses), which is enough to keep labels apart.
 */
final class Charts {
    private static final double CHAR = 6.5;
    private static final double SMALL_CHAR = 5.6;

    private Charts() {
    }

    /**
     * A value axis: its title (with the unit), how a tick is printed, and the smallest step
     * between ticks (1 for counts).
     */
    record Axis(String label, DoubleFunction<String> format, double minStep) {
        /** An axis of counts: whole ticks with thousands separators. */
        static Axis counts(String label) {
            return new Axis(label, v -> Format.count(Math.round(v)), 1);
        }

        /** An axis of any values, printed with no decimal where the tick is whole, else one. */
        static Axis decimals(String label) {
            return new Axis(label, v -> Format.decimal(v, v == Math.rint(v) ? 0 : 1), 0);
        }
    }

    /** One bar of {@link #horizontalBars}: label on the left, value text at the bar's end. */
    record Bar(String label, double value, String colour, String valueText, String tooltip) {
    }

    /**
     * Horizontal bars, one row each, on a common linear axis from 0.
     *
     * @param aria       what the chart shows
     * @param bars       the rows, top to bottom
     * @param width      chart width
     * @param max        axis maximum, or NaN to fit the largest value
     * @param track      whether to draw a light track to {@code max} behind each bar (for percentages)
     * @param axis       the x axis
     * @param labelChars most characters of a row label before it is shortened
     */
    static String horizontalBars(String aria, List<Bar> bars, double width, double max, boolean track,
                                 Axis axis, int labelChars) {
        int longestLabel = 1;
        int longestValue = 1;
        double largest = 0;
        for (Bar bar : bars) {
            longestLabel = Math.max(longestLabel, Math.min(labelChars, bar.label().length()));
            longestValue = Math.max(longestValue, bar.valueText().length());
            largest = Math.max(largest, bar.value());
        }
        // rows thin out a little when there are many, so 50 contigs stay on one screen
        double rowH = bars.size() > 20 ? 16 : 20;
        double top = 6;
        double left = 12 + longestLabel * CHAR;
        double right = 10 + longestValue * SMALL_CHAR;
        double plotH = rowH * bars.size();
        double height = top + plotH + 44;
        Scale x = Double.isNaN(max) ? Scale.linear(0, largest, left, width - right, 6, axis.minStep())
                : Scale.fixed(0, max, left, width - right, ticksTo(max, 5));
        Svg s = new Svg(width, height, aria);
        xAxis(s, x, top, top + plotH, axis.format(), axis.label());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * rowH;
            if (track) {
                s.rect(x.map(0), y + 2.5, x.map(x.max()) - x.map(0), rowH - 5, Palette.TRACK);
            }
            double end = x.map(bar.value());
            s.rect(x.map(0), y + 2.5, end - x.map(0), rowH - 5, bar.colour(), null, bar.tooltip());
            String shown = Html.shorten(bar.label(), labelChars);
            s.text(left - 6, y + rowH / 2 + 4, shown, "lb", "end", shown.equals(bar.label()) ? null : bar.label());
            s.text((track ? x.map(x.max()) : end) + 4, y + rowH / 2 + 4, bar.valueText(), "v", "start");
        }
        return s.end();
    }

    /**
     * A histogram, or a stacked one when there are several series (bins of equal width).
     *
     * @param aria      what the chart shows
     * @param heights   {@code heights[series][bin]}, {@code >= 0}, all series with the same bins
     * @param colours   one colour per series
     * @param x0        left edge of the first bin
     * @param x1        right edge of the last bin
     * @param xTicks    values to label on the x axis
     * @param xAxis     the x axis (its minimum step is not used: the ticks are given)
     * @param yAxis     the y axis
     * @param tooltips  one per bin (or null), e.g. the bin's range and counts
     * @param compact   small-multiple style: thin axes, few ticks, no axis titles
     */
    static String histogram(String aria, double[][] heights, String[] colours, double x0, double x1,
                            double[] xTicks, Axis xAxis, Axis yAxis, String[] tooltips,
                            double width, double height, boolean compact) {
        int bins = heights[0].length;
        double[] totals = new double[bins];
        double largest = 0;
        for (double[] series : heights) {
            for (int b = 0; b < bins; b++) {
                totals[b] += series[b];
            }
        }
        for (double t : totals) {
            largest = Math.max(largest, t);
        }
        double top = compact ? 4 : 8;
        double bottom = compact ? 16 : 40;
        Scale yProbe = Scale.linear(0, largest, 0, 1, compact ? 3 : 6, yAxis.minStep());
        int tickChars = 1;
        for (double t : yProbe.ticks()) {
            tickChars = Math.max(tickChars, yAxis.format().apply(t).length());
        }
        double left = compact ? 6 + tickChars * SMALL_CHAR : 28 + tickChars * CHAR;
        double right = compact ? 6 : 14;
        Scale y = Scale.linear(0, largest, height - bottom, top, compact ? 3 : 6, yAxis.minStep());
        Scale x = Scale.fixed(x0, x1, left, width - right, xTicks);
        Svg s = new Svg(width, height, aria);
        yAxis(s, y, left, width - right, yAxis.format(), compact ? null : yAxis.label(), compact);
        double binW = (x1 - x0) / bins;
        for (int b = 0; b < bins; b++) {
            double xa = x.map(x0 + b * binW);
            double xb = x.map(x0 + (b + 1) * binW);
            double base = 0;
            for (int k = 0; k < heights.length; k++) {
                double h = heights[k][b];
                if (h <= 0) {
                    continue;
                }
                double ya = y.map(base + h);
                double yb = y.map(base);
                // a 1-px gap between bins once they are wide enough to spare it
                double gap = xb - xa > 4 ? 0.5 : 0;
                // the tooltip goes on the whole column's top rectangle only, to keep the file small
                boolean topSeries = isTopSeries(heights, k, b);
                s.rect(xa + gap, ya, xb - xa - 2 * gap, Math.max(yb - ya, 0.6), colours[k], null,
                        topSeries && tooltips != null ? tooltips[b] : null);
                base += h;
            }
        }
        xAxisAt(s, x, height - bottom, xAxis.format(), compact ? null : xAxis.label(), compact);
        return s.end();
    }

    private static boolean isTopSeries(double[][] heights, int k, int b) {
        for (int j = k + 1; j < heights.length; j++) {
            if (heights[j][b] > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Consensus length against copies, both on log axes, one dot per family coloured by class.
     * Of the dots of one class that fall in the same cell of a 1.5-px grid only the first is
     * drawn: the others could not be told apart, and the skip bounds the SVG's size by the plot
     * area instead of the family count. The families come largest first, so a skipped dot hides
     * behind one of at least its masked bases. The first {@code tooltips} families get a hover title.
     *
     * @param families the families, sorted by masked bases, largest first
     */
    static String scatter(List<FamilySummary> families, double width, double height, int tooltips) {
        double maxLen = 1;
        double maxCopies = 1;
        double minLen = Double.MAX_VALUE;
        double minCopies = Double.MAX_VALUE;
        for (FamilySummary f : families) {
            maxLen = Math.max(maxLen, f.consensusLength());
            minLen = Math.min(minLen, f.consensusLength());
            maxCopies = Math.max(maxCopies, f.copies());
            minCopies = Math.min(minCopies, Math.max(1, f.copies()));
        }
        if (families.isEmpty()) {
            minLen = 1;
            minCopies = 1;
        }
        Scale xProbe = Scale.log(minLen, maxLen, 0, 1);
        Scale yProbe = Scale.log(minCopies, maxCopies, 0, 1);
        int tickChars = 1;
        for (double t : yProbe.ticks()) {
            tickChars = Math.max(tickChars, Format.count(Math.round(t)).length());
        }
        double left = 28 + tickChars * CHAR;
        double top = 10;
        double bottom = 40;
        double right = 14;
        Scale x = Scale.log(xProbe.min(), xProbe.max(), left, width - right);
        Scale y = Scale.log(yProbe.min(), yProbe.max(), height - bottom, top);
        Svg s = new Svg(width, height, "consensus length against copies, log axes, one dot per family");
        yAxis(s, y, left, width - right, v -> Format.count(Math.round(v)), "copies (elements)", false);
        xAxisAt(s, x, height - bottom, v -> Format.count(Math.round(v)), "consensus length (bp)", false);

        RepeatClass[] classes = RepeatClass.values();
        StringBuilder[] dots = new StringBuilder[classes.length];
        for (int c = 0; c < classes.length; c++) {
            dots[c] = new StringBuilder();
        }
        Set<Long> taken = new HashSet<>();
        int n = families.size();
        int withTitle = Math.min(tooltips, n);
        // plain dots first (drawn underneath), the titled ones of the largest families on top
        for (int i = withTitle; i < n; i++) {
            FamilySummary f = families.get(i);
            double px = x.map(f.consensusLength());
            double py = y.map(Math.max(1, f.copies()));
            long cell = ((long) Math.round(px / 1.5) * 4096 + Math.round(py / 1.5)) * 8 + f.repeatClass().ordinal();
            if (taken.add(cell)) {
                dots[f.repeatClass().ordinal()].append('M').append(Format.coord(px)).append(' ')
                        .append(Format.coord(py)).append("h0");
            }
        }
        // smaller, fainter dots as the families grow many, so that dense regions keep their colours
        String size = n <= 2_000 ? "4.5" : n <= 20_000 ? "3" : "2";
        String opacity = n <= 2_000 ? ".6" : ".4";
        for (int c = 0; c < classes.length; c++) {
            if (dots[c].length() > 0) {
                s.path(dots[c], "class=\"dots\" stroke-width=\"" + size + "\" stroke-opacity=\"" + opacity
                        + "\" stroke=\"" + Palette.colour(classes[c]) + "\"");
            }
        }
        for (int i = withTitle - 1; i >= 0; i--) {
            FamilySummary f = families.get(i);
            s.circle(x.map(f.consensusLength()), y.map(Math.max(1, f.copies())), 3.4,
                    Palette.colour(f.repeatClass()), "pt",
                    f.name() + " (" + f.repeatClass().label() + "): " + Format.count(f.consensusLength()) + " bp, "
                            + Format.count(f.copies()) + " copies, " + Format.bases(f.maskedBases()) + " masked");
        }
        return s.end();
    }

    /**
     * Entries per class before and after polishing, as pairs of vertical bars (before pale,
     * after in full colour).
     */
    static String beforeAfter(LibrarySummary before, LibrarySummary after, double width, double height) {
        RepeatClass[] classes = RepeatClass.values();
        double largest = 1;
        for (RepeatClass c : classes) {
            largest = Math.max(largest, Math.max(before.entries(c), after.entries(c)));
        }
        Scale probe = Scale.linear(0, largest, 0, 1, 6, 1);
        int tickChars = 1;
        for (double t : probe.ticks()) {
            tickChars = Math.max(tickChars, Format.count(Math.round(t)).length());
        }
        double left = 28 + tickChars * CHAR;
        double top = 16;
        double bottom = 40;
        double right = 10;
        Scale y = Scale.linear(0, largest, height - bottom, top, 6, 1);
        Svg s = new Svg(width, height, "library entries per class before and after polishing");
        yAxis(s, y, left, width - right, v -> Format.count(Math.round(v)), "entries", false);
        double slot = (width - right - left) / classes.length;
        double barW = Math.min(28, slot * 0.36);
        for (int i = 0; i < classes.length; i++) {
            RepeatClass c = classes[i];
            double cx = left + slot * (i + 0.5);
            long b = before.entries(c);
            long a = after.entries(c);
            String colour = Palette.colour(c);
            s.rect(cx - barW - 1, y.map(b), barW, y.map(0) - y.map(b), colour, "pale",
                    c.label() + " before polishing: " + Format.count(b) + " entries");
            s.rect(cx + 1, y.map(a), barW, y.map(0) - y.map(a), colour, null,
                    c.label() + " after polishing: " + Format.count(a) + " entries");
            s.text(cx - barW / 2 - 1, y.map(b) - 3, Format.count(b), "vs", "middle");
            s.text(cx + barW / 2 + 1, y.map(a) - 3, Format.count(a), "vs", "middle");
            s.text(cx, height - bottom + 15, c.label(), "t", "middle");
        }
        s.line(left, y.map(0), width - right, y.map(0), "ax");
        return s.end();
    }

    /**
     * A sparkline of a family's divergences: 25 bins over [0, maxDivergence], as a filled area
     * scaled to the family's fullest bin.
     */
    static String sparkline(double[] sorted, double maxDivergence, String colour, String tooltip) {
        int bins = 25;
        long[] counts = Histograms.bin(sorted, 0, maxDivergence, bins);
        long top = 1;
        for (long c : counts) {
            top = Math.max(top, c);
        }
        double w = 100;
        double h = 16;
        StringBuilder d = new StringBuilder("M0 ").append(Format.coord(h));
        for (int b = 0; b < bins; b++) {
            double yv = h - (h - 1) * counts[b] / top;
            d.append('V').append(Format.coord(yv)).append('H').append(Format.coord(w * (b + 1) / bins));
        }
        d.append('V').append(Format.coord(h)).append('Z');
        Svg s = new Svg(w, h, tooltip);
        s.line(0, h - 0.5, w, h - 0.5, "gl");
        s.path(d, "fill=\"" + colour + "\"");
        return s.end();
    }

    /** Ticks 0, max/n, ..., max. */
    static double[] ticksTo(double max, int n) {
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = max * i / n;
        }
        return t;
    }

    /** Vertical grid lines and x tick labels for a horizontal-bar chart spanning y0..y1. */
    private static void xAxis(Svg s, Scale x, double y0, double y1, DoubleFunction<String> fmt, String label) {
        for (double t : x.ticks()) {
            double px = x.map(t);
            s.line(px, y0, px, y1, t == x.min() ? "ax" : "gl");
            s.text(px, y1 + 14, fmt.apply(t), "t", "middle");
        }
        double mid = (x.map(x.min()) + x.map(x.max())) / 2;
        s.text(mid, y1 + 34, label, "al", "middle");
    }

    /** The x axis line, ticks and labels at pixel row {@code y}. */
    private static void xAxisAt(Svg s, Scale x, double y, DoubleFunction<String> fmt, String label, boolean compact) {
        s.line(x.map(x.min()), y, x.map(x.max()), y, "ax");
        for (double t : x.ticks()) {
            double px = x.map(t);
            s.line(px, y, px, y + 4, "ax");
            s.text(px, y + (compact ? 12 : 15), fmt.apply(t), compact ? "ts" : "t", "middle");
        }
        if (label != null) {
            s.text((x.map(x.min()) + x.map(x.max())) / 2, y + 34, label, "al", "middle");
        }
    }

    /** Horizontal grid lines from {@code x0} to {@code x1}, y tick labels, and the rotated axis title. */
    private static void yAxis(Svg s, Scale y, double x0, double x1, DoubleFunction<String> fmt, String label,
                              boolean compact) {
        for (double t : y.ticks()) {
            double py = y.map(t);
            s.line(x0, py, x1, py, "gl");
            s.text(x0 - 4, py + (compact ? 3 : 4), fmt.apply(t), compact ? "ts" : "t", "end");
        }
        if (label != null) {
            s.verticalText(12, (y.map(y.min()) + y.map(y.max())) / 2, label, "al");
        }
    }
}
