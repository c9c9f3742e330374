package org.reprise.discover;

import org.reprise.genome.ContigDictionary;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.io.LibraryWriters;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * REPrise 1.0.1's reference outputs, kept as test resources under {@code /reprise/} (see the
 * README.md there for where each comes from), and the genomes they were made from.
 */
public final class ReferenceFiles {
    private ReferenceFiles() {
    }

    /** The repository root: the nearest folder upwards holding examples/ and pom.xml. */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("local-core"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    /** The bundled example genome, examples/sacCer_chrI_chrII.fa.gz. */
    public static Path bundledYeastPath() {
        return repositoryRoot().resolve("examples/sacCer_chrI_chrII.fa.gz");
    }

    public static Genome bundledYeast() {
        return FastaGenomeReader.read(bundledYeastPath());
    }

    /** REPrise's test input, tst.fa. */
    public static Genome repriseTestCase() {
        try (InputStream in = open("tst.fa")) {
            return FastaGenomeReader.parse(in, "tst.fa");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a reference file is there (REPrise's test case has no BED). */
    public static boolean exists(String name) {
        return ReferenceFiles.class.getResource("/reprise/" + name) != null;
    }

    /** A reference file's text, gunzipped when its name ends in .gz. */
    public static String text(String name) {
        try (InputStream raw = open(name);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ReferenceFiles.class.getResourceAsStream("/reprise/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource /reprise/" + name + " is missing");
        }
        return in;
    }

    /** REPrise's BED with its inclusive end made exclusive, as ours is. */
    public static String repriseBedAsHalfOpen(String bed) {
        StringBuilder s = new StringBuilder();
        for (String line : bed.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t");
            f[2] = Long.toString(Long.parseLong(f[2]) + 1);
            s.append(String.join("\t", f)).append('\n');
        }
        return s.toString();
    }

    /**
     * REPrise's {@code .freq} lines ({@code kmer TAB freq TAB buffer offset}) in our form, {@code kmer
     * TAB freq TAB contig TAB position}: REPrise's buffer has 11,000 separator bases before the
     * first contig and before each contig.
     */
    public static String[] repriseFreqOnContigs(String freq, ContigDictionary genome) {
        String[] lines = freq.split("\n");
        long[] bufferStart = new long[genome.contigCount()];
        long offset = Genome.REPRISE_PADDING;
        for (int c = 0; c < bufferStart.length; c++) {
            offset += Genome.REPRISE_PADDING;
            bufferStart[c] = offset;
            offset += genome.contigLength(c);
        }
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            long buffer = Long.parseLong(f[2]);
            int c = java.util.Arrays.binarySearch(bufferStart, buffer);
            c = c >= 0 ? c : -c - 2;
            if (c < 0 || buffer >= bufferStart[c] + genome.contigLength(c)) {
                throw new IllegalStateException("REPrise position " + buffer + " is in no contig: " + lines[i]);
            }
            lines[i] = f[0] + "\t" + f[1] + "\t" + genome.contigName(c) + "\t" + (buffer - bufferStart[c]);
        }
        return lines;
    }

    public static String reprof(DiscoveryResult r) throws IOException {
        StringWriter w = new StringWriter();
        LibraryWriters.writeReprof(r, w);
        return w.toString();
    }

    public static String bed(DiscoveryResult r) throws IOException {
        StringWriter w = new StringWriter();
        LibraryWriters.writeBed(r, w);
        return w.toString();
    }

    public static String freq(DiscoveryResult r) throws IOException {
        StringWriter w = new StringWriter();
        LibraryWriters.writeFreq(r, w);
        return w.toString();
    }
}
