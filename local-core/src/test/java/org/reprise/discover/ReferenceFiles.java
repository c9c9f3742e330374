package org.reprise.discover;

import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.io.LibraryWriters;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Finds REPrise 1.0.1's reference outputs (../shared/reference beside the repository) and the bundled genome. */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    /** The repository root: the nearest folder upwards holding examples/ and pom.xml. */
    static Path repositoryRoot() {
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

    /** ../shared/reference next to the repository, as on every developer machine and in CI. */
    static Path referenceDir() {
        Path dir = repositoryRoot().resolveSibling("shared").resolve("reference");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("REPrise reference outputs not found at " + dir
                    + " (the project expects ../shared beside the repository)");
        }
        return dir;
    }

    static Genome bundledYeast() {
        return FastaGenomeReader.read(repositoryRoot().resolve("examples/sacCer_chrI_chrII.fa.gz"));
    }

    static String gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** REPrise's BED with its inclusive end made exclusive, as ours is. */
    static String repriseBedAsHalfOpen(String bed) {
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

    static String reprof(DiscoveryResult r) throws IOException {
        StringWriter w = new StringWriter();
        LibraryWriters.writeReprof(r, w);
        return w.toString();
    }

    static String bed(DiscoveryResult r) throws IOException {
        StringWriter w = new StringWriter();
        LibraryWriters.writeBed(r, w);
        return w.toString();
    }

    static String freq(DiscoveryResult r) throws IOException {
        StringWriter w = new StringWriter();
        LibraryWriters.writeFreq(r, w);
        return w.toString();
    }
}
