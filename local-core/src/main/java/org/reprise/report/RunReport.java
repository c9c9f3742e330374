package org.reprise.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code PREFIX.report.html}: one self-contained HTML page about a run and its library,
 * for the person who ran it. Nothing is loaded from anywhere (styles and the small sorting
 * script are inline, fonts are the system's, every chart is inline SVG drawn here), so the file
 * opens offline from a file:// URL; its Content-Security-Policy forbids any fetch to make sure.
 * The charts need no script; the script only sorts and filters the family table.
 *
 * <p>What is shown, and the caps that keep a 100,000-family, 250,000-contig report small:
 * <ul>
 *   <li>masked bases per class; consensus length against copies for every family (dots closer
 *       than 1.5 px in the same class are drawn once, so the scatter's size is bounded by the
 *       plot's area; the {@value #SCATTER_TOOLTIPS} largest families carry a hover title);</li>
 *   <li>the divergence of all copies from their consensus, stacked by class (a repeat
 *       landscape), and a histogram of each of the {@value #SMALL_MULTIPLES} families masking
 *       the most bases;</li>
 *   <li>the masked fraction of the {@value #LONGEST_CONTIGS} longest contigs, and of all
 *       contigs as a histogram weighted by bases, with totals;</li>
 *   <li>the library before and after polishing and what each polishing step did;</li>
 *   <li>a table of every family (compact rows, largest first), with a divergence sparkline for
 *       the {@value #SPARKLINES} largest;</li>
 *   <li>the run: phases, parameters, notes.</li>
 * </ul>
 * The same data gives the same bytes: nothing depends on the clock, the locale or hash order.
 */
public final class RunReport {
    /** Contigs drawn one bar each, longest first. */
    static final int LONGEST_CONTIGS = 50;
    /** Families with their own divergence histogram. */
    static final int SMALL_MULTIPLES = 24;
    /** Families with a divergence sparkline in the table. */
    static final int SPARKLINES = 200;
    /** Families whose scatter dot has a hover title. */
    static final int SCATTER_TOOLTIPS = 200;
    /** Bins of the masked-fraction histogram (5% each). */
    static final int CONTIG_BINS = 20;

    private static final double FULL = 1230;
    private static final Charts.Axis PERCENT_AXIS =
            new Charts.Axis("divergence from the consensus (% of bases)", v -> Format.decimal(v, 0) + "%", 0);
    private static final Charts.Axis MASKED_AXIS =
            new Charts.Axis("masked (% of the contig)", v -> Format.decimal(v, 0) + "%", 0);
    private static final double HALF = 600;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private RunReport() {
    }

    /**
     * Writes the report of {@code data} to {@code out} (not closed).
     *
     * @param data the run and its results
     * @param out  where the HTML goes, as characters (UTF-8 is declared in the page)
     * @throws IOException if {@code out} fails
     */
    public static void write(ReportData data, Writer out) throws IOException {
        Objects.requireNonNull(data, "report data");
        Objects.requireNonNull(out, "writer");
        new Page(data, out).write();
    }

    /**
     * Writes the report of {@code data} to the file {@code path} in UTF-8, replacing it.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(ReportData data, Path path) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(data, w);
        }
    }

    /** One page being written: the data, sorted once, and the writer. */
    private static final class Page {
        private final ReportData data;
        private final Writer out;
        private final RunInfo run;
        /** Families by masked bases, largest first; ties in library order (List.sort is stable). */
        private final List<FamilySummary> byMasked;
        /** Right edge of the divergence axes: the largest divergence rounded up to 5%, at least 10%. */
        private final double divergenceMax;

        Page(ReportData data, Writer out) {
            this.data = data;
            this.out = out;
            this.run = data.run();
            byMasked = new ArrayList<>(data.families());
            byMasked.sort(Comparator.comparingLong(FamilySummary::maskedBases).reversed());
            double top = 0;
            for (FamilySummary f : byMasked) {
                double[] d = f.sortedDivergences();
                if (d.length > 0) {
                    top = Math.max(top, d[d.length - 1]);
                }
            }
            divergenceMax = Math.min(1, Math.max(0.10, Math.ceil(top * 20 - 1e-9) / 20));
        }

        void write() throws IOException {
            head();
            w("<body><main>\n");
            header();
            notes();
            cards();
            library();
            masking();
            polishing();
            familyTable();
            runDetails();
            w("<footer>Written by reprise-spark " + esc(run.toolVersion())
                    + ". This page is self-contained: it loads nothing and works offline.</footer>\n");
            w("</main>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
        }

        private void head() throws IOException {
            w("<!DOCTYPE html>\n<html lang=\"en\" data-report-status=\"pending\">\n<head>\n<meta charset=\"utf-8\">\n");
            w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    + "script-src 'unsafe-inline'; img-src data:\">\n");
            w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            w("<meta name=\"generator\" content=\"reprise-spark " + esc(run.toolVersion()) + "\">\n");
            w("<title>Repeat library report: " + esc(fileName(run.input())) + "</title>\n");
            w("<style>" + CSS + "</style>\n");
            // first script of the page: records any later script error in the DOM, where a test
            // (or a curious reader) can see it without a console
            w("<script>" + ERROR_TRAP + "</script>\n</head>\n");
        }

        private void header() throws IOException {
            w("<header><h1>Repeat library of <span class=\"file\">" + esc(fileName(run.input())) + "</span></h1>\n");
            w("<p class=\"meta\"><code>" + esc(run.input()) + "</code> &middot; " + esc(DATE.format(run.date()))
                    + " &middot; strategy: " + esc(run.strategy()) + " &middot; reprise-spark "
                    + esc(run.toolVersion()) + "</p>\n<nav><a href=\"#library\">library</a><a href=\"#masking\">masking per contig</a>"
                    + "<a href=\"#polishing\">polishing</a><a href=\"#families\">families</a><a href=\"#run\">the run</a></nav>"
                    + "</header>\n");
        }

        private void notes() throws IOException {
            if (data.notes().isEmpty()) {
                return;
            }
            w("<section class=\"notes\"><h2>Notes from the run (" + Format.count(data.notes().size()) + ")</h2><ul>");
            for (String n : data.notes()) {
                w("<li>" + esc(n) + "</li>");
            }
            w("</ul></section>\n");
        }

        private void cards() throws IOException {
            GenomeSize g = run.genome();
            double masked = g.bases() == 0 ? 0 : (double) data.maskedBases() / g.bases();
            String peak = run.peakMemoryBytes().isPresent() ? "peak memory " + Format.bytes(run.peakMemoryBytes().getAsLong())
                    : "peak memory not measured";
            w("<div class=\"cards\">");
            card("families", Format.count(data.families().size()), "in the final library");
            card("elements", Format.count(data.elements()), "copies of those families");
            card("masked", Format.percent(masked, 1), Format.count(data.maskedBases()) + " bp of the genome");
            card("genome", Format.bases(g.bases()), Format.count(g.contigs()) + " contigs, "
                    + Format.percent(g.bases() == 0 ? 0 : (double) g.validBases() / g.bases(), 1) + " valid bases");
            card("k-mer length", Integer.toString(run.k()), "bases per seed");
            card("wall time", Format.seconds(run.wallSeconds()), peak);
            w("</div>\n");
        }

        private void card(String label, String value, String sub) throws IOException {
            w("<div class=\"card\"><div class=\"l\">" + esc(label) + "</div><div class=\"n\">" + esc(value)
                    + "</div><div class=\"s\">" + esc(sub) + "</div></div>");
        }

        // ---------------------------------------------------------------- the library

        private void library() throws IOException {
            List<FamilySummary> fams = byMasked;
            w("<section id=\"library\"><h2>The library</h2>\n");
            if (fams.isEmpty()) {
                w("<p class=\"lead\">The run found no family.</p></section>\n");
                return;
            }
            EnumMap<RepeatClass, long[]> perClass = new EnumMap<>(RepeatClass.class);
            for (FamilySummary f : fams) {
                long[] a = perClass.computeIfAbsent(f.repeatClass(), c -> new long[4]);
                a[0]++;
                a[1] += f.maskedBases();
                a[2] += f.copies();
                a[3] += f.consensusLength();
            }
            w("<p class=\"lead\">" + Format.count(fams.size()) + " families, " + Format.count(data.elements())
                    + " elements. Colours are repeat classes throughout the page.</p>\n");
            legend(perClass);
            w("<div class=\"grid2\">");

            long largest = 0;
            for (long[] a : perClass.values()) {
                largest = Math.max(largest, a[1]);
            }
            Format.Unit unit = Format.Unit.of(largest);
            List<Charts.Bar> bars = new ArrayList<>();
            for (Map.Entry<RepeatClass, long[]> e : perClass.entrySet()) {
                long[] a = e.getValue();
                bars.add(new Charts.Bar(e.getKey().label(), a[1] / unit.divisor, Palette.colour(e.getKey()),
                        Format.bases(a[1]) + " \u00b7 " + Format.count(a[0]) + (a[0] == 1 ? " family" : " families"),
                        e.getKey().label() + ": " + Format.count(a[1]) + " bp masked by " + Format.count(a[0])
                                + " families, " + Format.count(a[2]) + " elements"));
            }
            figure("Masked bases per class", "Sum over the families of each class (a base covered by two families counts twice).",
                    Charts.horizontalBars("masked bases per repeat class", bars, HALF, Double.NaN, false,
                            Charts.Axis.decimals("masked bases (" + unit.symbol + ")"), 14),
                    classTable(perClass));
            figure("Consensus length and copies of each family", "Log axes; one dot per family. "
                            + "Hover the larger dots for names.",
                    Charts.scatter(fams, HALF, 360, SCATTER_TOOLTIPS));
            w("</div>\n");
            landscape();
            smallMultiples();
            w("</section>\n");
        }

        /** Families, elements, masked bases and mean consensus length per class, as an HTML table. */
        private static String classTable(EnumMap<RepeatClass, long[]> perClass) {
            StringBuilder t = new StringBuilder("<table class=\"cls\"><thead><tr><th>class</th><th>families</th>"
                    + "<th>elements</th><th>masked (bp)</th><th>mean consensus (bp)</th></tr></thead><tbody>");
            long[] all = new long[4];
            for (Map.Entry<RepeatClass, long[]> e : perClass.entrySet()) {
                long[] a = e.getValue();
                for (int i = 0; i < 4; i++) {
                    all[i] += a[i];
                }
                t.append("<tr><td><i class=\"chip ").append(Palette.cssClass(e.getKey())).append("\"></i>")
                        .append(e.getKey().label()).append(classRow(a)).append("</tr>");
            }
            t.append("<tr class=\"total\"><td>all").append(classRow(all)).append("</tr></tbody></table>");
            return t.toString();
        }

        private static String classRow(long[] a) {
            return "<td>" + Format.count(a[0]) + "<td>" + Format.count(a[2]) + "<td>" + Format.count(a[1]) + "<td>"
                    + Format.count(Math.round((double) a[3] / Math.max(1, a[0])));
        }

        private void legend(EnumMap<RepeatClass, long[]> perClass) throws IOException {
            w("<div class=\"legend\">");
            for (RepeatClass c : RepeatClass.values()) {
                long n = perClass.containsKey(c) ? perClass.get(c)[0] : 0;
                w("<span><i class=\"chip " + Palette.cssClass(c) + "\"></i>" + esc(c.label()) + " <b>"
                        + Format.count(n) + "</b></span>");
            }
            w("</div>\n");
        }

        /** Copies per 1% of divergence, stacked by class. */
        private void landscape() throws IOException {
            int bins = (int) Math.round(divergenceMax * 100);
            RepeatClass[] classes = RepeatClass.values();
            double[][] heights = new double[classes.length][bins];
            long copies = 0;
            for (FamilySummary f : byMasked) {
                double[] h = heights[f.repeatClass().ordinal()];
                for (double d : f.sortedDivergences()) {
                    h[Histograms.index(d, 0, divergenceMax, bins)]++;
                }
                copies += f.divergenceCount();
            }
            if (copies == 0) {
                w("<p class=\"note\">No divergence of copies from their consensus was given.</p>\n");
                return;
            }
            String[] colours = new String[classes.length];
            for (int c = 0; c < classes.length; c++) {
                colours[c] = Palette.colour(classes[c]);
            }
            String[] tips = new String[bins];
            for (int b = 0; b < bins; b++) {
                StringBuilder t = new StringBuilder();
                long total = 0;
                for (int c = 0; c < classes.length; c++) {
                    total += (long) heights[c][b];
                }
                t.append(b).append('\u2013').append(b + 1).append("% divergence: ").append(Format.count(total))
                        .append(" copies");
                for (int c = 0; c < classes.length; c++) {
                    if (heights[c][b] > 0) {
                        t.append("\n  ").append(classes[c].label()).append(": ").append(Format.count((long) heights[c][b]));
                    }
                }
                tips[b] = t.toString();
            }
            figure("Divergence of copies from their consensus",
                    "All " + Format.count(copies) + " copies with a divergence, in bins of 1%, stacked by class: "
                            + "young copies (recent activity) on the left, old ones on the right.",
                    Charts.histogram("copies per percent of divergence from the consensus, stacked by repeat class",
                            heights, colours, 0, divergenceMax * 100, divergenceTicks(100), PERCENT_AXIS,
                            Charts.Axis.counts("copies"), tips, FULL, 300, false));
        }

        /** Ticks every 5 or 10 (percent) up to the divergence axis' end, in the given unit (100 = percent). */
        private double[] divergenceTicks(double unit) {
            double max = divergenceMax * unit;
            double step = divergenceMax > 0.2 ? 0.1 * unit : 0.05 * unit;
            int n = (int) Math.floor(max / step + 1e-9);
            double[] t = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                t[i] = i * step;
            }
            return t;
        }

        private void smallMultiples() throws IOException {
            List<FamilySummary> shown = new ArrayList<>();
            for (FamilySummary f : byMasked) {
                if (shown.size() == SMALL_MULTIPLES) {
                    break;
                }
                if (f.divergenceCount() > 0) {
                    shown.add(f);
                }
            }
            if (shown.isEmpty()) {
                return;
            }
            int bins = (int) Math.round(divergenceMax * 100);
            w("<h3 class=\"sub\">Divergence of the copies of the " + Format.count(shown.size())
                    + " families masking the most bases</h3>\n<p class=\"note\">One histogram per family: divergence "
                    + "in % along the bottom (bins of 1%, the axis above), copies up the side (each family its own scale).</p>\n");
            w("<div class=\"multiples\">");
            for (FamilySummary f : shown) {
                long[] counts = Histograms.bin(f.sortedDivergences(), 0, divergenceMax, bins);
                double[][] h = new double[1][bins];
                String[] tips = new String[bins];
                for (int b = 0; b < bins; b++) {
                    h[0][b] = counts[b];
                    tips[b] = b + "\u2013" + (b + 1) + "%: " + Format.count(counts[b]) + " copies";
                }
                String svg = Charts.histogram("divergence histogram of " + f.name(), h,
                        new String[] {Palette.colour(f.repeatClass())}, 0, divergenceMax * 100, divergenceTicks(100),
                        new Charts.Axis(null, v -> Format.decimal(v, 0), 0), Charts.Axis.counts(null), tips, 200, 96, true);
                w("<figure><h4 title=\"" + esc(f.name()) + "\"><i class=\"chip " + Palette.cssClass(f.repeatClass())
                        + "\"></i>" + esc(f.name()) + "</h4><p class=\"note\">" + esc(f.repeatClass().label()) + " \u00b7 "
                        + Format.count(f.consensusLength()) + " bp<br>" + Format.count(f.copies()) + " copies \u00b7 median "
                        + Format.percent(f.medianDivergence(), 1) + "</p>" + svg + "</figure>");
            }
            w("</div>\n");
        }

        // ---------------------------------------------------------------- masking per contig

        private void masking() throws IOException {
            List<ContigMasking> contigs = data.contigs();
            w("<section id=\"masking\"><h2>Masking per contig</h2>\n");
            GenomeSize g = run.genome();
            w("<p class=\"lead\">The final library masks " + Format.count(data.maskedBases()) + " of "
                    + Format.count(g.bases()) + " bases ("
                    + Format.percent(g.bases() == 0 ? 0 : (double) data.maskedBases() / g.bases(), 2) + ") on "
                    + Format.count(contigs.size()) + " contigs.</p>\n");
            if (contigs.isEmpty()) {
                w("</section>\n");
                return;
            }
            List<ContigMasking> longest = new ArrayList<>(contigs);
            longest.sort(Comparator.comparingLong(ContigMasking::length).reversed());
            w("<div class=\"grid2\">");
            List<Charts.Bar> bars = new ArrayList<>();
            for (ContigMasking c : longest.subList(0, Math.min(LONGEST_CONTIGS, longest.size()))) {
                bars.add(new Charts.Bar(c.name(), 100 * c.maskedFraction(), Palette.MASKED,
                        Format.percent(c.maskedFraction(), 1) + " of " + Format.bases(c.length()),
                        c.name() + ": " + Format.count(c.maskedBases()) + " of " + Format.count(c.length()) + " bp masked"));
            }
            String title = longest.size() > LONGEST_CONTIGS
                    ? "Masked fraction of the " + LONGEST_CONTIGS + " longest contigs" : "Masked fraction of each contig";
            figure(title, "Longest first; the bar is the masked share of the contig.",
                    Charts.horizontalBars("masked fraction of the longest contigs", bars, HALF, 100, true,
                            MASKED_AXIS, 22));
            w("<div>");
            contigHistogram(contigs);
            contigTotals(longest);
            w("</div></div>\n</section>\n");
        }

        private void contigHistogram(List<ContigMasking> contigs) throws IOException {
            double[] bases = new double[CONTIG_BINS];
            long[] count = new long[CONTIG_BINS];
            double largest = 0;
            for (ContigMasking c : contigs) {
                int b = Histograms.index(c.maskedFraction(), 0, 1, CONTIG_BINS);
                bases[b] += c.length();
                count[b]++;
            }
            for (double v : bases) {
                largest = Math.max(largest, v);
            }
            Format.Unit unit = Format.Unit.of(largest);
            double[][] h = new double[1][CONTIG_BINS];
            String[] tips = new String[CONTIG_BINS];
            int step = 100 / CONTIG_BINS;
            for (int b = 0; b < CONTIG_BINS; b++) {
                h[0][b] = bases[b] / unit.divisor;
                tips[b] = (b * step) + "\u2013" + ((b + 1) * step) + "% masked: " + Format.count(count[b]) + " contigs, "
                        + Format.bases((long) bases[b]);
            }
            figure("Masked fraction of all " + Format.count(contigs.size()) + " contigs",
                    "Histogram weighted by length: the height of a bar is the bases in contigs masked that much.",
                    Charts.histogram("bases in contigs by masked fraction", h, new String[] {Palette.MASKED}, 0, 100,
                            Charts.ticksTo(100, 5), MASKED_AXIS,
                            Charts.Axis.decimals("bases in those contigs (" + unit.symbol + ")"), tips, HALF, 300, false));
        }

        /** Totals of the contigs, given longest first. */
        private void contigTotals(List<ContigMasking> longest) throws IOException {
            long total = 0;
            long unmasked = 0;
            long unmaskedBases = 0;
            long half = 0;
            for (ContigMasking c : longest) {
                total += c.length();
                if (c.maskedBases() == 0) {
                    unmasked++;
                    unmaskedBases += c.length();
                }
                if (2 * c.maskedBases() >= c.length() && c.length() > 0) {
                    half++;
                }
            }
            long n50 = 0;
            long run50 = 0;
            for (ContigMasking c : longest) {
                run50 += c.length();
                if (2 * run50 >= total) {
                    n50 = c.length();
                    break;
                }
            }
            w("<table class=\"kv\"><tbody>");
            kv("contigs", Format.count(longest.size()));
            kv("total length", Format.count(total) + " bp");
            kv("longest contig", Format.count(longest.get(0).length()) + " bp");
            kv("N50", Format.count(n50) + " bp");
            kv("masked bases", Format.count(data.maskedBases()) + " bp ("
                    + Format.percent(total == 0 ? 0 : (double) data.maskedBases() / total, 2) + ")");
            kv("contigs with no masked base", Format.count(unmasked) + " (" + Format.count(unmaskedBases) + " bp)");
            kv("contigs masked 50% or more", Format.count(half));
            w("</tbody></table>");
        }

        // ---------------------------------------------------------------- polishing

        private void polishing() throws IOException {
            w("<section id=\"polishing\"><h2>Polishing</h2>\n");
            if (data.polishing().isEmpty()) {
                w("<p class=\"lead\">This run did not polish its library: the families are as discovery found them.</p>"
                        + "</section>\n");
                return;
            }
            Polishing p = data.polishing().get();
            w("<p class=\"lead\">" + Format.count(p.before().entries()) + " entries (" + Format.bases(p.before().totalBases())
                    + " of consensus) before, " + Format.count(p.after().entries()) + " entries ("
                    + Format.bases(p.after().totalBases()) + ") after.</p>\n<div class=\"grid2\">");
            figure("Entries per class before and after", "Pale: before polishing; solid: after.",
                    Charts.beforeAfter(p.before(), p.after(), HALF, 280));
            List<Charts.Bar> steps = new ArrayList<>();
            step(steps, "clusters merged", p.clustersMerged());
            step(steps, "fragments joined", p.fragmentsJoined());
            step(steps, "dropped: tandem", p.droppedTandem());
            step(steps, "dropped: low complexity", p.droppedLowComplexity());
            step(steps, "dropped: too few copies", p.droppedTooFewCopies());
            figure("What polishing did", "How many times each step acted.",
                    Charts.horizontalBars("polishing steps", steps, HALF, Double.NaN, false,
                            Charts.Axis.counts("count"), 24));
            w("</div></section>\n");
        }

        private static void step(List<Charts.Bar> steps, String name, long n) {
            steps.add(new Charts.Bar(name, n, Palette.STEP, Format.count(n), name + ": " + Format.count(n)));
        }

        // ---------------------------------------------------------------- the family table

        private void familyTable() throws IOException {
            List<FamilySummary> fams = byMasked;
            w("<section id=\"families\"><h2>Families</h2>\n<p class=\"lead\">All " + Format.count(fams.size())
                    + " families, largest masked bases first"
                    + (fams.size() > SPARKLINES ? "; the divergence column for the top " + SPARKLINES : "")
                    + ". Click a column title to sort.</p>\n");
            if (fams.isEmpty()) {
                w("</section>\n");
                return;
            }
            w("<div class=\"scroll\"><table id=\"family-table\" class=\"sortable fam\"><thead><tr>"
                    + "<th data-sort=\"n\">#</th><th data-sort=\"s\">family</th><th data-sort=\"s\">class</th>"
                    + "<th data-sort=\"n\">consensus (bp)</th><th data-sort=\"n\">copies</th>"
                    + "<th data-sort=\"n\">masked (bp)</th><th data-sort=\"s\">seed</th><th data-sort=\"n\">seed copies</th>"
                    + "<th data-sort=\"n\" title=\"median divergence of the copies from the consensus\">median div.</th><th>divergence 0\u2013"
                    + Format.percent(divergenceMax, 0) + "</th></tr></thead>\n<tbody>\n");
            StringBuilder row = new StringBuilder(256);
            for (int i = 0; i < fams.size(); i++) {
                FamilySummary f = fams.get(i);
                row.setLength(0);
                // end tags of td and tr are optional in HTML: leaving them out saves a tenth of the table
                // as are quotes around a class name; the chip and the monospaced seed are styled by column
                row.append("<tr><td>").append(i + 1).append("<td>").append(esc(f.name())).append("<td><i class=")
                        .append(Palette.cssClass(f.repeatClass())).append("></i>").append(f.repeatClass().label())
                        .append("<td>").append(Format.count(f.consensusLength())).append("<td>")
                        .append(Format.count(f.copies())).append("<td>").append(Format.count(f.maskedBases()))
                        .append("<td>").append(esc(f.seed())).append("<td>")
                        .append(Format.count(f.seedCopies())).append("<td>")
                        .append(f.divergenceCount() == 0 ? "\u2013" : Format.percent(f.medianDivergence(), 1)).append("<td>");
                if (i < SPARKLINES && f.divergenceCount() > 0) {
                    row.append(Charts.sparkline(f.sortedDivergences(), divergenceMax, Palette.colour(f.repeatClass()),
                            "divergence of " + f.name()));
                }
                row.append('\n');
                w(row.toString());
            }
            w("</tbody></table></div>\n</section>\n");
        }

        // ---------------------------------------------------------------- the run

        private void runDetails() throws IOException {
            w("<section id=\"run\"><h2>The run</h2>\n<p class=\"lead\">Input <code>" + esc(run.input()) + "</code>, "
                    + esc(run.strategy()) + ", k = " + run.k() + ", " + Format.seconds(run.wallSeconds()) + " in all"
                    + (run.peakMemoryBytes().isPresent() ? ", peak memory " + Format.bytes(run.peakMemoryBytes().getAsLong()) : "")
                    + ".</p>\n<div class=\"grid2\">");
            List<Charts.Bar> bars = new ArrayList<>();
            double sum = 0;
            double wall = run.wallSeconds();
            for (Map.Entry<String, Double> e : run.phaseSeconds().entrySet()) {
                double s = e.getValue();
                sum += s;
                bars.add(new Charts.Bar(e.getKey(), s, Palette.PHASE, Format.seconds(s) + share(s, wall),
                        e.getKey() + ": " + Format.decimal(s, 3) + " s"));
            }
            double other = wall - sum;
            if (!bars.isEmpty() && other > 0.005 * wall && other >= 0.01) {
                bars.add(new Charts.Bar("other", other, "#B8BFC9", Format.seconds(other) + share(other, wall),
                        "wall time not in a named phase: " + Format.decimal(other, 3) + " s"));
            }
            if (bars.isEmpty()) {
                w("<div><h3>Phases</h3><p class=\"note\">No phase times were given.</p></div>");
            } else {
                figure("Wall time per phase", "In run order; total " + Format.seconds(wall) + ".",
                        Charts.horizontalBars("seconds per phase", bars, HALF, Double.NaN, false,
                                Charts.Axis.decimals("wall time (s)"), 24));
            }
            w("<div><h3>Parameters</h3><table class=\"kv\"><tbody>");
            for (Map.Entry<String, String> e : run.parameters().entrySet()) {
                w("<tr><th><code>" + esc(e.getKey()) + "</code></th><td>" + esc(e.getValue()) + "</td></tr>");
            }
            kv("k", Integer.toString(run.k()));
            GenomeSize g = run.genome();
            kv("genome", Format.count(g.bases()) + " bp in " + Format.count(g.contigs()) + " contigs, "
                    + Format.count(g.validBases()) + " valid");
            w("</tbody></table></div></div>\n</section>\n");
        }

        private static String share(double s, double wall) {
            return wall > 0 ? " \u00b7 " + Format.percent(s / wall, 0) : "";
        }

        // ---------------------------------------------------------------- helpers

        private void figure(String title, String note, String svg) throws IOException {
            figure(title, note, svg, "");
        }

        /** A titled chart with a note under the title and {@code after} (HTML) under the chart. */
        private void figure(String title, String note, String svg, String after) throws IOException {
            w("<figure><h3>" + esc(title) + "</h3>" + (note == null ? "" : "<p class=\"note\">" + esc(note) + "</p>")
                    + svg + after + "</figure>\n");
        }

        private void kv(String k, String v) throws IOException {
            w("<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>");
        }

        private void w(String s) throws IOException {
            out.write(s);
        }

        private static String esc(String s) {
            return Html.escape(s);
        }
    }

    /** The last part of a path or URI, for the title. */
    static String fileName(String input) {
        String s = input;
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.lastIndexOf('/');
        return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
    }

    private static final String CSS = String.join("",
            ":root{--ink:#1f2933;--muted:#5f6b7a;--line:#dde2e8;--bg:#f4f6f8}",
            "*{box-sizing:border-box}",
            "body{margin:0;background:var(--bg);color:var(--ink);",
            "font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",\"DejaVu Sans\",Arial,sans-serif}",
            "main{max-width:1340px;margin:0 auto;padding:22px 28px 40px}",
            "h1{font-size:26px;margin:0 0 4px;font-weight:650}h1 .file{color:#3B6E8F}",
            "h2{font-size:19px;margin:0 0 2px}h3{font-size:14.5px;margin:0 0 1px}h3.sub{margin-top:22px}",
            ".meta{color:var(--muted);margin:0}.meta code{color:var(--ink)}",
            "nav{margin-top:8px;font-size:13px}nav a{color:#3B6E8F;text-decoration:none;margin-right:18px}",
            "nav a:hover{text-decoration:underline}",
            "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\",monospace;font-size:12.5px}",
            "section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 22px 20px;margin:16px 0}",
            ".lead{color:var(--muted);margin:0 0 14px}.note{color:var(--muted);font-size:12.5px;margin:0 0 6px}",
            ".notes{background:#fff8e1;border-color:#efd38a}.notes ul{margin:6px 0 0;padding-left:20px}",
            ".cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin:16px 0}",
            ".card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:11px 14px}",
            ".card .l{color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.05em}",
            ".card .n{font-size:25px;font-weight:650;line-height:1.25}.card .s{color:var(--muted);font-size:12.5px}",
            ".grid2{display:grid;grid-template-columns:1fr 1fr;gap:18px 30px;align-items:start}",
            "figure{margin:0 0 12px}svg{display:block;max-width:100%;height:auto;overflow:visible}",
            "svg text{font-size:11px;fill:#3e4c59}svg .t{fill:#52606d}svg .ts{font-size:9px;fill:#616e7c}",
            "svg .al{font-size:12px;fill:#1f2933}svg .lb{font-size:11.5px;fill:#1f2933}svg .v{fill:#52606d}",
            "svg .vs{font-size:9.5px;fill:#52606d}",
            "svg .gl{stroke:#e6e9ed}svg .ax{stroke:#9aa5b1}",
            "svg .dots{fill:none;stroke-linecap:round}",
            "svg .pt{stroke:#fff;stroke-width:.8;fill-opacity:.9}svg .pale{fill-opacity:.35}svg rect:hover{opacity:.8}",
            ".legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0 0 14px;font-size:13px}",
            ".chip{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:6px;vertical-align:-1px}",
            ".k0{background:#E69F00}.k1{background:#0072B2}.k2{background:#009E73}.k3{background:#CC79A7}",
            ".k4{background:#56B4E9}.k5{background:#8C8C8C}",
            ".multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(188px,1fr));gap:10px 18px}",
            ".multiples figure{margin:0}.multiples h4{font-size:12px;margin:0;white-space:nowrap;overflow:hidden;",
            "text-overflow:ellipsis}.multiples .note{font-size:11px;line-height:1.3;margin:1px 0 3px;white-space:nowrap;",
            "overflow:hidden;text-overflow:ellipsis}",
            "table{border-collapse:collapse;font-size:12.5px}",
            "th,td{padding:3px 8px;text-align:left;border-bottom:1px solid #edf0f3;white-space:nowrap}",
            ".cls{margin-top:10px;font-variant-numeric:tabular-nums}.cls td+td,.cls th+th{text-align:right}",
            ".cls .total td{font-weight:600;border-top:1px solid #c9d0d8}",
            ".kv{margin-top:8px}.kv th{font-weight:500;color:var(--muted);padding-left:0}",
            ".scroll{max-height:620px;overflow:auto;border:1px solid var(--line);border-radius:8px}",
            ".fam{width:100%;font-variant-numeric:tabular-nums}",
            ".fam thead th{position:sticky;top:0;background:#eef1f5;z-index:1;user-select:none}",
            ".fam th[data-sort]{cursor:pointer}.fam th[aria-sort=ascending]::after{content:\" \\25B2\"}",
            ".fam th[aria-sort=descending]::after{content:\" \\25BC\"}",
            ".fam td:nth-child(1),.fam td:nth-child(4),.fam td:nth-child(5),.fam td:nth-child(6),",
            ".fam td:nth-child(8),.fam td:nth-child(9){text-align:right}",
            ".fam tbody tr:nth-child(even){background:#fafbfc}.fam tbody tr:hover{background:#eef5fb}",
            ".fam svg{width:100px;height:16px}.fam td:nth-child(7){font:11.5px ui-monospace,SFMono-Regular,Menlo,Consolas,",
            "\"DejaVu Sans Mono\",monospace;color:#3e4c59}",
            ".fam td>i{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:6px;vertical-align:-1px}",
            "#family-filter{margin:0 0 10px;padding:5px 9px;width:320px;border:1px solid var(--line);border-radius:6px;font:inherit}",
            "footer{color:var(--muted);font-size:12px;margin-top:18px}",
            "@media (max-width:900px){.grid2{grid-template-columns:1fr}.cards{grid-template-columns:repeat(2,1fr)}}");

    /** Records uncaught errors on the root element, so that they can be read from the DOM. */
    private static final String ERROR_TRAP = "window.addEventListener('error',function(e){var r=document.documentElement;"
            + "r.setAttribute('data-report-errors',(r.getAttribute('data-report-errors')||'')+(e.message||'error')+'; ');});";

    /**
     * Sorting and filtering of the family table; sets {@code data-report-status="ok"} on the root
     * element when it has run to its end. Holds no data: the page never puts data into a script.
     */
    private static final String SCRIPT = String.join("\n",
            "(function(){",
            "var t=document.getElementById('family-table');",
            "if(t){",
            "  var body=t.tBodies[0],heads=t.tHead.rows[0].cells;",
            "  var key=function(row,i,num){var s=row.cells[i]?row.cells[i].textContent:'';",
            "    if(!num)return s.toLowerCase();var v=parseFloat(s.replace(/[,%\\s]/g,''));return isNaN(v)?-Infinity:v;};",
            "  Array.prototype.forEach.call(heads,function(th,i){",
            "    if(!th.dataset.sort)return;th.tabIndex=0;",
            "    var go=function(){var num=th.dataset.sort==='n';",
            "      var asc=th.getAttribute('aria-sort')?th.getAttribute('aria-sort')==='descending':!num;",
            "      var rows=Array.prototype.map.call(body.rows,function(r,j){return [key(r,i,num),j,r];});",
            "      rows.sort(function(a,b){return a[0]<b[0]?(asc?-1:1):a[0]>b[0]?(asc?1:-1):a[1]-b[1];});",
            "      var f=document.createDocumentFragment();rows.forEach(function(r){f.appendChild(r[2]);});body.appendChild(f);",
            "      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});",
            "      th.setAttribute('aria-sort',asc?'ascending':'descending');};",
            "    th.addEventListener('click',go);",
            "    th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});",
            "  });",
            "  var box=document.createElement('input');box.type='search';box.id='family-filter';",
            "  box.placeholder='Filter families by name, class or seed';",
            "  box.addEventListener('input',function(){var q=box.value.trim().toLowerCase();",
            "    Array.prototype.forEach.call(body.rows,function(r){",
            "      r.style.display=!q||(r.cells[1].textContent+' '+r.cells[2].textContent+' '+r.cells[6].textContent)",
            "        .toLowerCase().indexOf(q)>=0?'':'none';});});",
            "  t.parentNode.parentNode.insertBefore(box,t.parentNode);",
            "}",
            "document.documentElement.setAttribute('data-report-status','ok');",
            "})();");
}
