package org.reprise.eval;

import org.reprise.genome.ContigDictionary;

import java.io.IOException;
import java.nio.file.Path;

/** Reads an annotation file in any supported format. */
public final class AnnotationReaders {
    private AnnotationReaders() {
    }

    /**
     * An annotation and, when the format carries them (soft-masked FASTA), its contig lengths.
     *
     * @param lengths null unless the file itself gives contig lengths
     */
    public record Loaded(RepeatAnnotation annotation, ContigDictionary lengths) {
    }

    public static Loaded read(Path file, AnnotationFormat format, ReaderOptions options) throws IOException {
        switch (format) {
            case BED:
                return new Loaded(BedReader.read(file, options), null);
            case GFF3:
                return new Loaded(Gff3Reader.read(file, options), null);
            case RMOUT:
                return new Loaded(RepeatMaskerOutReader.read(file, options), null);
            case SOFTMASKED_FASTA:
                SoftMaskedFastaReader.Result r = SoftMaskedFastaReader.read(file, options.knownLengths(), true);
                return new Loaded(r.mask(), r.lengths());
            default:
                throw new IllegalArgumentException("unsupported format " + format);
        }
    }
}
