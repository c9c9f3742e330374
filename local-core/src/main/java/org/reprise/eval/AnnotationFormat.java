package org.reprise.eval;

import java.nio.file.Path;
import java.util.Locale;

/** The annotation file formats {@code evaluate} understands, and how to guess one from a file name. */
public enum AnnotationFormat {
    /** BED: 0-based start, exclusive end. */
    BED("bed"),
    /** GFF3: 1-based start, inclusive end. */
    GFF3("gff3"),
    /** RepeatMasker .out table: 1-based begin/end, inclusive. */
    RMOUT("rmout"),
    /** FASTA in which lowercase letters mark the repeats. */
    SOFTMASKED_FASTA("softmasked-fasta");

    private final String cliName;

    AnnotationFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line (bed, gff3, rmout, softmasked-fasta). */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name, case-insensitively; null when unknown. */
    public static AnnotationFormat fromCliName(String name) {
        for (AnnotationFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        return null;
    }

    /**
     * Guesses the format from the file name: .bed, .gff/.gff3, .out, .fa/.fasta/.fna/.masked, each
     * optionally followed by .gz or .bgz. Returns null when the name says nothing.
     */
    public static AnnotationFormat fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        } else if (name.endsWith(".bgz")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.endsWith(".bed")) {
            return BED;
        }
        if (name.endsWith(".gff") || name.endsWith(".gff3")) {
            return GFF3;
        }
        if (name.endsWith(".out")) {
            return RMOUT;
        }
        if (name.endsWith(".fa") || name.endsWith(".fasta") || name.endsWith(".fna")
                || name.endsWith(".masked")) {
            return SOFTMASKED_FASTA;
        }
        return null;
    }
}
