package org.reprise.io;

import org.reprise.discover.DiscoveryResult;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.seeds.SeedTable;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerCodec;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writers of the text outputs: the repeat library, the seed table and the elements. */
public final class LibraryWriters {
    private LibraryWriters() {
    }

    /**
     * {@code .reprof}: REPrise's repeat library, a FASTA of consensi with header
     * {@code >R=<n>, seedfreq=<f>, elementfreq=<e>, length=<L>, Seed=<kmer>}, 80 bases a line.
     */
    public static void writeReprof(DiscoveryResult result, Writer out) throws IOException {
        writeReprof(result.families(), out);
    }

    /** {@link #writeReprof(DiscoveryResult, Writer)} from the families alone. */
    public static void writeReprof(List<Family> families, Writer out) throws IOException {
        for (Family f : families) {
            String c = f.consensus();
            out.write(">R=" + f.number() + ", seedfreq=" + f.seedFreq() + ", elementfreq=" + f.elementFreq()
                    + ", length=" + c.length() + ", Seed=" + f.seed() + "\n");
            for (int i = 0; i < c.length(); i += 80) {
                out.write(c, i, Math.min(80, c.length() - i));
                out.write('\n');
            }
        }
    }

    /**
     * {@code .freq}: the seed queue after pre-masking, {@code kmer TAB freq TAB contig TAB position}
     * (0-based position of the k-mer's first occurrence on the contig), count descending.
     */
    public static void writeFreq(DiscoveryResult result, Writer out) throws IOException {
        writeFreq(result.seeds(), result.k(), result.genome().dictionary(), out);
    }

    /** {@link #writeFreq(DiscoveryResult, Writer)} from the seed table and the contig dictionary. */
    public static void writeFreq(SeedTable seeds, int k, ContigDictionary contigs, Writer out) throws IOException {
        KmerCodec codec = new KmerCodec(k);
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < seeds.size(); i++) {
            int c = contigs.contigIndexAt(seeds.position(i));
            line.setLength(0);
            line.append(codec.decode(seeds.code(i))).append('\t').append(seeds.freq(i)).append('\t')
                    .append(contigs.contigName(c)).append('\t').append(seeds.position(i) - contigs.contigStart(c))
                    .append('\n');
            out.append(line);
        }
    }

    /**
     * {@code .bed} of the partitioned strategy: the same lines as {@link #writeBed(List, ContigDictionary, Writer)},
     * sorted by genome position (contig in file order, start, end, family), as most BED tools want them.
     */
    public static void writeBedByPosition(List<Family> families, ContigDictionary contigs, Writer out) throws IOException {
        List<Element> all = new java.util.ArrayList<>();
        for (Family f : families) {
            all.addAll(f.elements());
        }
        all.sort(java.util.Comparator.comparingInt(Element::contigIndex).thenComparingLong(Element::start)
                .thenComparingLong(Element::end).thenComparingInt(Element::family));
        StringBuilder line = new StringBuilder(128);
        for (Element e : all) {
            out.append(bedLine(line, e, contigs));
        }
    }

    /** One BED6 line of an element ({@code R=<n>} its family's number). */
    private static StringBuilder bedLine(StringBuilder line, Element e, ContigDictionary contigs) {
        line.setLength(0);
        return line.append(contigs.contigName(e.contigIndex())).append('\t').append(e.start()).append('\t')
                .append(e.end()).append("\tR=").append(e.family()).append('\t').append(e.length())
                .append('\t').append(e.strand()).append('\n');
    }

    /**
     * {@code .bed}: BED6, 0-based half-open: {@code contig start end R=<n> length strand}, families
     * in order, elements in copy order (forward copies, then reverse ones, each by position).
     */
    public static void writeBed(DiscoveryResult result, Writer out) throws IOException {
        writeBed(result.families(), result.genome().dictionary(), out);
    }

    /** {@link #writeBed(DiscoveryResult, Writer)} from the families and the contig names. */
    public static void writeBed(List<Family> families, ContigDictionary contigs, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (Family f : families) {
            for (Element e : f.elements()) {
                out.append(bedLine(line, e, contigs));
            }
        }
    }

}
