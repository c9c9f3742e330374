package org.reprise.report;

/**
 * The report's colours. One colour per repeat class, everywhere (bars, points, histograms, table
 * chips), from Okabe and Ito's palette for colour-blind readers; neutral colours for what has no
 * class (masking, phases, polishing steps).
 */
final class Palette {
    /** Masked bases of a contig, and other single-series bars without a class. */
    static final String MASKED = "#3B6E8F";
    /** Run phases. */
    static final String PHASE = "#6A5ACD";
    /** Polishing steps. */
    static final String STEP = "#8E6C8A";
    /** The track behind a percentage bar. */
    static final String TRACK = "#ECEFF3";

    private Palette() {
    }

    /** @return the colour of class {@code c} as {@code #RRGGBB} */
    static String colour(RepeatClass c) {
        return switch (c) {
            case LTR -> "#E69F00";
            case DNA -> "#0072B2";
            case LINE -> "#009E73";
            case SINE -> "#CC79A7";
            case SATELLITE -> "#56B4E9";
            case UNKNOWN -> "#8C8C8C";
        };
    }

    /** @return the CSS class that colours class {@code c}'s chips and dots ({@code k0}..{@code k5}) */
    static String cssClass(RepeatClass c) {
        return "k" + c.ordinal();
    }
}
