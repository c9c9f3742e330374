package org.reprise.polish;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.io.OutputSink;
import org.reprise.parallel.Workers;
import org.reprise.report.Polishing;

/**
 * Polishing as both drivers run it, local-core's CLI (either strategy) and the Spark job's
 * driver: one call polishes the raw library and writes {@code PREFIX.lib.fa} and
 * {@code PREFIX.lib.bed} into the run's output sink, beside the REPrise-identical outputs, which
 * it leaves alone.
 *
 * <ul>
 *   <li>{@code .lib.fa}: the polished library, one record a family, header
 *       {@code >name#Class/Family} (RepeatMasker's form for {@code -lib}: the identifier, '#', the
 *       class and, after '/', the family, here always {@code Unknown}, or the class alone for
 *       {@code Satellite} and {@code Unknown}; no description), upper-case bases, 60 a line.</li>
 *   <li>{@code .lib.bed}: BED6, 0-based half-open: {@code contig start end name#Class/Family
 *       length strand}, one line per element of a polished family, sorted by contig (file order),
 *       start, end, then library order; the strand is the element's relative to the consensus.</li>
 * </ul>
 */
public final class LibraryPolishing {
    /** Suffix of the polished library. */
    public static final String LIBRARY = ".lib.fa";
    /** Suffix of the polished library's elements. */
    public static final String ELEMENTS = ".lib.bed";
    private static final int LINE = 60;

    private LibraryPolishing() {
    }

    /**
     * Polishes {@code families} and writes {@link #LIBRARY} and {@link #ELEMENTS} into {@code sink}.
     *
     * @param families the raw library (discovery's families)
     * @param contigs  the contigs the elements lie on
     * @param bases    the genome's bases, contigs end to end
     * @param params   the polishing settings
     * @param threads  threads to polish on, {@code >= 1}
     * @param sink     where the run's outputs go
     * @return the polished library (for the report and the summary)
     * @throws IOException if an output cannot be written or the bases cannot be read
     */
    public static PolishedLibrary polishAndWrite(List<Family> families, ContigDictionary contigs, BasesSource bases,
                                                 PolishParameters params, int threads, OutputSink sink)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        PolishedLibrary lib;
        try (Workers workers = new Workers(threads)) {
            lib = new LibraryPolisher(params).polish(families, contigs, bases, workers);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        try (Writer w = sink.open(LIBRARY)) {
            writeLibrary(lib.families(), w);
        }
        try (Writer w = sink.open(ELEMENTS)) {
            writeElements(lib.families(), contigs, w);
        }
        return lib;
    }

    /** Writes the families as FASTA in the form of {@link #LIBRARY}. */
    public static void writeLibrary(List<PolishedFamily> families, Writer out) throws IOException {
        for (PolishedFamily f : families) {
            out.write('>');
            out.write(f.header());
            out.write('\n');
            String c = f.consensus();
            for (int i = 0; i < c.length(); i += LINE) {
                out.write(c, i, Math.min(LINE, c.length() - i));
                out.write('\n');
            }
        }
    }

    /** Writes every element of the families in the form of {@link #ELEMENTS}. */
    public static void writeElements(List<PolishedFamily> families, ContigDictionary contigs, Writer out)
            throws IOException {
        List<Element> all = new ArrayList<>();
        for (PolishedFamily f : families) {
            all.addAll(f.elements());
        }
        all.sort(Comparator.comparingInt(Element::contigIndex).thenComparingLong(Element::start)
                .thenComparingLong(Element::end).thenComparingInt(Element::family));
        StringBuilder line = new StringBuilder(128);
        for (Element e : all) {
            line.setLength(0);
            line.append(contigs.contigName(e.contigIndex())).append('\t').append(e.start()).append('\t').append(e.end())
                    .append('\t').append(families.get(e.family()).header()).append('\t').append(e.length())
                    .append('\t').append(e.strand()).append('\n');
            out.append(line);
        }
    }

    /**
     * The polishing figures of a run's summary ({@code "polishing"} section); its time goes into
     * the summary's seconds as the phase {@code polish}, with the other timings.
     */
    public static Map<String, Object> summary(PolishedLibrary lib) {
        Polishing p = lib.steps();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("raw_entries", p.before().entries());
        m.put("raw_bases", p.before().totalBases());
        m.put("entries", p.after().entries());
        m.put("bases", p.after().totalBases());
        Map<String, Object> classes = new LinkedHashMap<>();
        p.after().entriesPerClass().forEach((c, n) -> classes.put(c.label(), n));
        m.put("classes", classes);
        m.put("clusters_merged", p.clustersMerged());
        m.put("fragments_joined", p.fragmentsJoined());
        m.put("dropped_tandem", p.droppedTandem());
        m.put("dropped_low_complexity", p.droppedLowComplexity());
        m.put("dropped_too_few_copies", p.droppedTooFewCopies());
        return m;
    }
}
