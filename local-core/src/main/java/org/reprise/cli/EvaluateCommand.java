package org.reprise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.reprise.eval.AnnotationFormat;
import org.reprise.eval.AnnotationReaders;
import org.reprise.eval.ContigSources;
import org.reprise.genome.ContigDictionary;
import org.reprise.eval.EvaluationResult;
import org.reprise.eval.Evaluator;
import org.reprise.eval.InputFormatException;
import org.reprise.eval.ReaderOptions;
import org.reprise.eval.RepeatAnnotation;
import org.reprise.eval.ReportWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: base-level accuracy of a predicted repeat annotation against a truth
 * annotation. Every base is TP, FP, FN or TN; overlapping records count once. Exit codes: 0 ok,
 * 1 bad input (one line on stderr naming file and line), 2 bad usage.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Base-level accuracy of a repeat annotation (prediction) against a truth annotation.",
            "Formats: BED (0-based, end exclusive), GFF3 and RepeatMasker out (1-based, end inclusive), "
                + "soft-masked FASTA (lowercase = repeat); gzip allowed.",
            "Specificity needs contig lengths: from --genome, --fai, or a soft-masked FASTA side; "
                + "otherwise it is NA.",
            "Output: TSV on stdout (one row per contig, then ALL), ratios with 4 decimals, NA when "
                + "the denominator is 0.",
            "Family-level accuracy of a repeat library (perfect/good/present/missed): reprise evaluate-library --help"
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-t", "--truth"}, required = true, paramLabel = "FILE",
            description = "Truth (reference) repeat annotation.")
    private Path truth;

    @Option(names = {"-p", "--prediction"}, required = true, paramLabel = "FILE",
            description = "Predicted repeat annotation, e.g. REPrise's BED output.")
    private Path prediction;

    @Option(names = "--truth-format", paramLabel = "FORMAT", defaultValue = "auto",
            converter = FormatConverter.class,
            description = "bed, gff3, rmout, softmasked-fasta or auto (default: ${DEFAULT-VALUE}; "
                    + "by file extension: bed, gff, gff3, out, fa, fasta, fna, masked, each optionally + gz).")
    private AnnotationFormat truthFormat;

    @Option(names = "--prediction-format", paramLabel = "FORMAT", defaultValue = "auto",
            converter = FormatConverter.class,
            description = "As --truth-format, for the prediction.")
    private AnnotationFormat predictionFormat;

    @Option(names = {"-g", "--genome"}, paramLabel = "FASTA",
            description = "Genome FASTA giving contig lengths (its .fai is used when present).")
    private Path genome;

    @Option(names = "--fai", paramLabel = "FAI",
            description = "samtools .fai index giving contig lengths (instead of --genome).")
    private Path fai;

    @Option(names = "--bed-inclusive-end",
            description = "The prediction BED's end column is inclusive (REPrise 1.0.1 output): add 1 to it.")
    private boolean predictionBedInclusiveEnd;

    @Option(names = "--truth-bed-inclusive-end",
            description = "The truth BED's end column is inclusive: add 1 to it.")
    private boolean truthBedInclusiveEnd;

    @Option(names = "--gff-types", paramLabel = "TYPE", split = ",",
            description = "Keep only GFF3 features of these types (column 3), comma-separated. Default: all.")
    private List<String> gffTypes = new ArrayList<>();

    @Option(names = "--trim-names",
            description = "Cut every annotation contig name at its first whitespace before comparing.")
    private boolean trimNames;

    @Option(names = "--per-contig", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Print one row per contig before ALL (default: ${DEFAULT-VALUE}); "
                    + "--per-contig=false prints only ALL.")
    private boolean perContig;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run();
        } catch (InputFormatException e) {
            err.println("error: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("error: " + e.getFile() + ": no such file");
        } catch (IOException e) {
            err.println("error: " + e);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
        }
        err.flush();
        return 1;
    }

    private int run() throws IOException {
        CommandLine cmd = spec.commandLine();
        if (genome != null && fai != null) {
            throw new ParameterException(cmd, "give either --genome or --fai, not both");
        }
        AnnotationFormat tFormat = resolve(truth, truthFormat, "--truth-format");
        AnnotationFormat pFormat = resolve(prediction, predictionFormat, "--prediction-format");

        ContigDictionary lengths = null;
        if (genome != null) {
            lengths = ContigSources.fromFasta(genome);
        } else if (fai != null) {
            lengths = ContigSources.fromFai(fai);
        }

        Set<String> types = new LinkedHashSet<>();
        for (String type : gffTypes) {
            if (!type.isBlank()) {
                types.add(type.trim());
            }
        }
        ReaderOptions tOptions = new ReaderOptions(truthBedInclusiveEnd, types, trimNames, null);
        ReaderOptions pOptions = new ReaderOptions(predictionBedInclusiveEnd, types, trimNames, null);

        // A soft-masked FASTA side carries contig lengths; read it first so that the other side's
        // intervals are checked against them while reading and errors can name the line.
        boolean predictionFirst = pFormat == AnnotationFormat.SOFTMASKED_FASTA
                && tFormat != AnnotationFormat.SOFTMASKED_FASTA;
        RepeatAnnotation truthAnnotation;
        RepeatAnnotation predictionAnnotation;
        if (predictionFirst) {
            AnnotationReaders.Loaded p = AnnotationReaders.read(prediction, pFormat, pOptions.withKnownLengths(lengths));
            lengths = lengths != null ? lengths : p.lengths();
            truthAnnotation = AnnotationReaders.read(truth, tFormat, tOptions.withKnownLengths(lengths)).annotation();
            predictionAnnotation = p.annotation();
        } else {
            AnnotationReaders.Loaded t = AnnotationReaders.read(truth, tFormat, tOptions.withKnownLengths(lengths));
            lengths = lengths != null ? lengths : t.lengths();
            predictionAnnotation = AnnotationReaders.read(prediction, pFormat, pOptions.withKnownLengths(lengths))
                    .annotation();
            truthAnnotation = t.annotation();
        }

        EvaluationResult result = Evaluator.evaluate(truthAnnotation, predictionAnnotation, lengths);

        PrintWriter out = cmd.getOut();
        ReportWriter.writeTsv(result, perContig, out);
        out.flush();
        if (json != null) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("truth", truth.toString());
            inputs.put("prediction", prediction.toString());
            inputs.put("contig_lengths", lengths != null ? lengths.source() : null);
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                ReportWriter.writeJson(result, perContig, inputs, w);
            }
        }
        PrintWriter err = cmd.getErr();
        noteOneSided(err, "truth", result.onlyInTruth());
        noteOneSided(err, "prediction", result.onlyInPrediction());
        if (lengths == null) {
            err.println("note: no contig lengths (give --genome or --fai), so TN and specificity are NA");
        }
        err.flush();
        return 0;
    }

    private AnnotationFormat resolve(Path file, AnnotationFormat explicit, String option) {
        if (explicit != null) {
            return explicit;
        }
        AnnotationFormat guessed = AnnotationFormat.fromFileName(file);
        if (guessed == null) {
            throw new ParameterException(spec.commandLine(),
                    "cannot tell the format of " + file + " from its name; give " + option);
        }
        return guessed;
    }

    /** One-sided contigs usually mean mismatched names, so say so, but briefly. */
    private static void noteOneSided(PrintWriter err, String side, List<EvaluationResult.OneSidedContig> list) {
        if (list.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("note: ").append(list.size())
                .append(list.size() == 1 ? " contig" : " contigs").append(" only in ").append(side).append(": ");
        int shown = Math.min(list.size(), 10);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(list.get(i).contig()).append(" (").append(list.get(i).bases()).append(" bases)");
        }
        if (shown < list.size()) {
            sb.append(", ...");
        }
        err.println(sb);
    }

    /** Parses a --*-format value; "auto" becomes null (guess from the file name). */
    static final class FormatConverter implements CommandLine.ITypeConverter<AnnotationFormat> {
        @Override
        public AnnotationFormat convert(String value) {
            if ("auto".equalsIgnoreCase(value.trim())) {
                return null;
            }
            AnnotationFormat f = AnnotationFormat.fromCliName(value);
            if (f == null) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not one of auto, bed, gff3, rmout, softmasked-fasta");
            }
            return f;
        }
    }
}
