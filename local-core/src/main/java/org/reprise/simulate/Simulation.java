package org.reprise.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Consumer;

import org.reprise.io.OutputFiles;

/**
 * A whole simulation: plans the genome, then writes {@code PREFIX.fa} (with {@code PREFIX.fa.fai}),
 * {@code PREFIX.truth.bed}, {@code PREFIX.families.fa} and {@code PREFIX.truth.tsv}, every file
 * under a temporary name renamed only when all are complete.
 */
public final class Simulation {
    private Simulation() {
    }

    /**
     * @param parameters what to plant
     * @param prefix     output prefix; its folder must exist
     * @param log        told each step and the write rate (may be null)
     * @return the plan that was written
     * @throws IOException if a file cannot be written
     */
    public static GenomePlan run(SimulationParameters parameters, String prefix, Consumer<String> log)
            throws IOException {
        Consumer<String> say = log == null ? s -> { } : log;
        GenomePlan plan = SimulationPlanner.plan(parameters);
        say.accept(String.format(Locale.ROOT, "planned %d contigs, %,d bases, %d families, %,d copies in %,d pieces",
                plan.contigCount(), plan.length(), plan.families().size(), plan.copies().size(), plan.pieces().size()));
        for (String note : plan.notes()) {
            say.accept("note: " + note);
        }
        try (OutputFiles files = new OutputFiles(prefix)) {
            try (Writer w = files.open(".truth.bed")) {
                TruthWriters.writeBed(plan, w);
            }
            try (Writer w = files.open(".families.fa")) {
                TruthWriters.writeFamilies(plan, w);
            }
            try (Writer w = files.open(".truth.tsv")) {
                TruthWriters.writeTsv(plan, w);
            }
            try (Writer w = files.open(".fa.fai")) {
                new FastaLayout(plan, parameters.fastaLine()).writeFai(w);
            }
            long start = System.nanoTime();
            long total = plan.length();
            try (OutputStream out = files.openStream(".fa")) {
                GenomeWriter.write(plan, out, bases -> say.accept(String.format(Locale.ROOT,
                        "writing %s.fa: %,d of %,d bases, %.0f Mb/s", prefix, bases, total,
                        bases / 1e6 / Math.max(1e-9, (System.nanoTime() - start) / 1e9))));
            }
            files.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            say.accept(String.format(Locale.ROOT, "wrote %s.fa (%,d bases) in %.1f s, %.0f Mb/s", prefix, total,
                    seconds, total / 1e6 / Math.max(1e-9, seconds)));
        }
        return plan;
    }
}
