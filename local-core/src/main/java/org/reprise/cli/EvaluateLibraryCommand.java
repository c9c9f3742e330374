package org.reprise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.reprise.eval.FamilyEvaluator;
import org.reprise.eval.FamilyReport;
import org.reprise.eval.FamilyReportWriter;
import org.reprise.genome.GenomeFormatException;
import org.reprise.library.LibraryEntry;
import org.reprise.library.RepeatLibrary;
import org.reprise.parallel.Workers;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-library}: family-level accuracy of a repeat library against known true
 * families (perfect, good, present, missed; false entries; classification). A command of its
 * own rather than a mode of {@code evaluate}: it shares none of that command's inputs (genome
 * annotations, contig lengths) and has its own (a thread count). Exit codes: 0 ok, 1 bad input
 * (one line on stderr naming the file and line), 2 bad usage.
 */
@Command(name = "evaluate-library", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Family-level accuracy of a repeat library against true family consensi (as in the RepeatModeler2 paper).",
            "Per true family: perfect (one library consensus covers >= 95%% of it at >= 95%% identity), good (>= 80%% "
                + "at >= 80%%), present (several consensi, each at >= 80%% identity, cover >= 80%% together) or missed.",
            "Library entries with no alignment at >= 80%% identity covering >= 50%% of the entry are false entries. "
                + "Where both sides carry classes (name#Class/Family headers), each entry that matches a family is "
                + "classified correctly, wrongly, or not at all (no class or Unknown), by top-level class.",
            "Headers: RepeatMasker's >name#Class/Family ... or REPrise's >R=12, seedfreq=... (no class). FASTA, "
                + "plain or gzip.",
            "Output: TSV on stdout, one line per true family (family class length status best_entry identity "
                + "coverage), then a TOTAL line of key=value counts."
        })
public final class EvaluateLibraryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-l", "--library"}, required = true, paramLabel = "FASTA",
            description = "The repeat library to evaluate (e.g. REPrise's .reprof).")
    private Path library;

    @Option(names = {"-t", "--true-families"}, required = true, paramLabel = "FASTA",
            description = "The true family consensi (e.g. a curated library of the species).")
    private Path trueFamilies;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    private Path json;

    @Option(names = {"--threads", "-threads"}, paramLabel = "N",
            description = "Worker threads (default: all cores, ${DEFAULT-VALUE} here). The report is the same for any number.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at least 1, got " + threads);
        }
        try {
            return run();
        } catch (NoSuchFileException e) {
            err.println("error: " + e.getFile() + ": no such file");
        } catch (GenomeFormatException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
        } catch (IOException e) {
            err.println("error: " + e);
        }
        err.flush();
        return 1;
    }

    private int run() throws IOException {
        List<LibraryEntry> truth = RepeatLibrary.read(trueFamilies);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (LibraryEntry f : truth) {
            if (f.length() == 0) {
                throw new IllegalArgumentException(trueFamilies + ": true family " + f.name() + " has no sequence");
            }
            if (!names.add(f.name())) {
                throw new IllegalArgumentException(trueFamilies + ": true family name " + f.name() + " appears twice");
            }
        }
        List<LibraryEntry> lib = RepeatLibrary.read(library);
        FamilyReport report;
        try (Workers workers = new Workers(threads)) {
            report = new FamilyEvaluator().evaluate(truth, lib, workers);
        }
        PrintWriter out = spec.commandLine().getOut();
        FamilyReportWriter.writeTsv(report, out);
        out.flush();
        if (json != null) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("library", library.toString());
            inputs.put("true_families", trueFamilies.toString());
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                FamilyReportWriter.writeJson(report, inputs, w);
            }
        }
        boolean anyClass = false;
        for (LibraryEntry e : lib) {
            anyClass |= !e.isUnclassified();
        }
        if (!anyClass) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: no library entry has a class, so every entry that matches a family counts as unclassified");
            err.flush();
        }
        return 0;
    }
}
