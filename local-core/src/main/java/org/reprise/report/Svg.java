package org.reprise.report;

/**
 * Writes one inline SVG element. Coordinates are pixels of the view box, written with at most one
 * decimal; every text and tooltip is escaped here, so callers pass plain strings. Styling that
 * repeats (tick labels, grid lines) is a CSS class of the page, not attributes on each element.
 */
final class Svg {
    private final StringBuilder b = new StringBuilder(1024);

    /**
     * Opens an SVG of the given size.
     *
     * @param width  view-box width, also the element's width in CSS pixels
     * @param height view-box height
     * @param label  what the chart shows, for screen readers
     */
    Svg(double width, double height, String label) {
        String w = Format.coord(width);
        String h = Format.coord(height);
        b.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label)).append("\">");
    }

    /** A filled rectangle; negative sizes are clamped to 0. */
    Svg rect(double x, double y, double w, double h, String fill) {
        return rect(x, y, w, h, fill, null, null);
    }

    /**
     * A filled rectangle with a CSS class and a tooltip, either may be null.
     */
    Svg rect(double x, double y, double w, double h, String fill, String cssClass, String tooltip) {
        b.append("<rect x=\"").append(Format.coord(x)).append("\" y=\"").append(Format.coord(y))
                .append("\" width=\"").append(Format.coord(Math.max(0, w))).append("\" height=\"")
                .append(Format.coord(Math.max(0, h))).append('"');
        if (fill != null) {
            b.append(" fill=\"").append(fill).append('"');
        }
        cls(cssClass);
        return closeWithTooltip("rect", tooltip);
    }

    /** A line with a CSS class giving its stroke. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        b.append("<line x1=\"").append(Format.coord(x1)).append("\" y1=\"").append(Format.coord(y1))
                .append("\" x2=\"").append(Format.coord(x2)).append("\" y2=\"").append(Format.coord(y2)).append('"');
        cls(cssClass);
        b.append("/>");
        return this;
    }

    /**
     * Text anchored at (x, y), the baseline at y.
     *
     * @param anchor {@code start}, {@code middle} or {@code end}
     */
    Svg text(double x, double y, String s, String cssClass, String anchor) {
        return text(x, y, s, cssClass, anchor, null);
    }

    /** Text with a tooltip (e.g. the full name behind a shortened label). */
    Svg text(double x, double y, String s, String cssClass, String anchor, String tooltip) {
        b.append("<text x=\"").append(Format.coord(x)).append("\" y=\"").append(Format.coord(y)).append('"');
        if (!"start".equals(anchor)) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        cls(cssClass);
        b.append('>');
        if (tooltip != null) {
            b.append("<title>").append(Html.escape(tooltip)).append("</title>");
        }
        b.append(Html.escape(s)).append("</text>");
        return this;
    }

    /** Text turned a quarter anticlockwise about (x, y), for a y axis label. */
    Svg verticalText(double x, double y, String s, String cssClass) {
        b.append("<text transform=\"translate(").append(Format.coord(x)).append(' ').append(Format.coord(y))
                .append(") rotate(-90)\" text-anchor=\"middle\"");
        cls(cssClass);
        b.append('>').append(Html.escape(s)).append("</text>");
        return this;
    }

    /** A filled circle with an optional tooltip. */
    Svg circle(double cx, double cy, double r, String fill, String cssClass, String tooltip) {
        b.append("<circle cx=\"").append(Format.coord(cx)).append("\" cy=\"").append(Format.coord(cy))
                .append("\" r=\"").append(Format.coord(r)).append('"');
        if (fill != null) {
            b.append(" fill=\"").append(fill).append('"');
        }
        cls(cssClass);
        return closeWithTooltip("circle", tooltip);
    }

    /**
     * A path.
     *
     * @param d     the path data, built by the caller from numbers only
     * @param attrs further attributes, written as given (constants of the caller, never data)
     */
    Svg path(CharSequence d, String attrs) {
        b.append("<path d=\"").append(d).append("\" ").append(attrs).append("/>");
        return this;
    }

    /** Opens a group with the given constant attributes; close it with {@link #endGroup()}. */
    Svg group(String attrs) {
        b.append("<g ").append(attrs).append('>');
        return this;
    }

    Svg endGroup() {
        b.append("</g>");
        return this;
    }

    /** @return the finished element */
    String end() {
        return b.append("</svg>").toString();
    }

    private void cls(String cssClass) {
        if (cssClass != null) {
            b.append(" class=\"").append(cssClass).append('"');
        }
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip == null) {
            b.append("/>");
        } else {
            b.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }
}
