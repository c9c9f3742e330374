package org.reprise.report;

import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reprise.align.Dna;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.io.OutputSink;
import org.reprise.io.RunSummary;
import org.reprise.mask.Bitmask;
import org.reprise.parallel.Workers;
import org.reprise.polish.CopyDivergence;
import org.reprise.polish.PolishedFamily;
import org.reprise.polish.PolishedLibrary;

/**
 * The run report of a finished run, {@code PREFIX.report.html}, from what both drivers hold at
 * the end: the summary, the contigs, the reported mask, the raw families and the polished library.
 * One place for both drivers, so the local CLI and the Spark job draw the same report of the same
 * run (times and date aside).
 *
 * <p>The families shown are the final library: the polished one when the run polished, else the
 * raw families (named {@code R=n} as in {@code .reprof}, class Unknown). The masked bases per contig
 * are those of {@code .bed} and {@code .masked} (the reported mask). Each family's divergence
 * histogram comes from at most {@link #DIVERGENCE_SAMPLE} of its copies ({@link CopyDivergence}).
 */
public final class ReportAssembly {
    /** The suffix of the report beside the other outputs. */
    public static final String REPORT = ".report.html";
    /** Copies per family aligned to its consensus for the divergence histogram. */
    public static final int DIVERGENCE_SAMPLE = 50;

    private ReportAssembly() {
    }

    /**
     * The report's data.
     *
     * @param summary     the run's summary, every phase's seconds given (they are the report's phases)
     * @param started     when the run started
     * @param wallSeconds the run's wall time so far
     * @param contigs     the genome's contigs
     * @param reported    the reported mask over the genome (contigs end to end)
     * @param raw         the raw families (discovery's)
     * @param polished    the polished library, empty when the run did not polish
     * @param bases       the genome's bases, contigs end to end (read under one lock: need not be thread-safe)
     * @param workers     threads to align the sampled copies on
     * @param notes       the run's warnings, in order
     * @throws java.io.UncheckedIOException if the bases cannot be read
     */
    public static ReportData assemble(RunSummary summary, ZonedDateTime started, double wallSeconds,
                                      ContigDictionary contigs, Bitmask reported, List<Family> raw,
                                      Optional<PolishedLibrary> polished, BasesSource bases, Workers workers,
                                      List<String> notes) {
        RunInfo.Builder run = RunInfo.builder()
                .toolVersion(RunSummary.VERSION)
                .input(summary.input())
                .date(started)
                .strategy(summary.strategy())
                .parameters(summary.parameters())
                .genome(new GenomeSize(contigs.length(), contigs.contigCount(), summary.validBases()))
                .k(summary.k())
                .wallSeconds(wallSeconds)
                .phases(summary.seconds());
        long peak = org.reprise.util.MemoryUse.residentSet()[1];
        if (peak > 0) {
            run.peakMemoryBytes(peak);
        }
        ReportData.Builder data = ReportData.builder().run(run.build());
        for (int c = 0; c < contigs.contigCount(); c++) {
            long start = contigs.contigStart(c);
            long length = contigs.contigLength(c);
            data.contig(new ContigMasking(contigs.contigName(c), length, reported.cardinality(start, start + length)));
        }
        data.families(families(contigs, raw, polished, bases, workers));
        polished.ifPresent(lib -> data.polishing(lib.steps()));
        notes.forEach(data::note);
        return data.build();
    }

    /**
     * Assembles the report ({@link #assemble}, the copies aligned on {@code threads} threads of its
     * own) and writes it as {@link #REPORT} into the run's outputs: what both drivers call.
     *
     * @throws IOException if the bases cannot be read or the report cannot be written
     */
    public static void write(RunSummary summary, ZonedDateTime started, double wallSeconds, ContigDictionary contigs,
                             Bitmask reported, List<Family> raw, Optional<PolishedLibrary> polished, BasesSource bases,
                             int threads, List<String> notes, OutputSink sink) throws IOException {
        ReportData data;
        try (Workers workers = new Workers(threads)) {
            data = assemble(summary, started, wallSeconds, contigs, reported, raw, polished, bases, workers, notes);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        // Not sink.open: the other outputs are ASCII, the page has typographic characters (UTF-8,
        // as the page says).
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(sink.openStream(REPORT),
                java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            RunReport.write(data, w);
        }
    }

    private static List<FamilySummary> families(ContigDictionary contigs, List<Family> raw,
                                                Optional<PolishedLibrary> polished, BasesSource bases,
                                                Workers workers) {
        int n = polished.map(lib -> lib.families().size()).orElse(raw.size());
        // One sampler per thread (an aligner's scratch is not shared), families in library order;
        // the bases source is shared, so its reads take one lock (a source need not be thread-safe).
        Object lock = new Object();
        BasesSource shared = (position, dst, off, len) -> {
            synchronized (lock) {
                bases.read(position, dst, off, len);
            }
        };
        ThreadLocal<CopyDivergence> sampler = ThreadLocal.withInitial(() -> new CopyDivergence(contigs, shared));
        List<FamilySummary> out = workers.map(n, i -> {
            if (polished.isPresent()) {
                PolishedFamily f = polished.get().families().get(i);
                return new FamilySummary(f.name(), f.repeatClass(), f.consensus().length(), f.elements().size(),
                        f.maskedBases(), f.seed(), f.seedFreq(),
                        sampler.get().sample(Dna.encode(f.consensus()), f.elements(), DIVERGENCE_SAMPLE));
            }
            Family f = raw.get(i);
            return new FamilySummary("R=" + f.number(), RepeatClass.UNKNOWN, f.consensus().length(),
                    f.elements().size(), maskedBases(f.elements()), f.seed(), f.seedFreq(),
                    sampler.get().sample(Dna.encode(f.consensus()), f.elements(), DIVERGENCE_SAMPLE));
        });
        return new ArrayList<>(out);
    }

    /** Bases of a family's elements, as {@link PolishedFamily#maskedBases()} counts them. */
    private static long maskedBases(List<Element> elements) {
        long n = 0;
        for (Element e : elements) {
            n += e.length();
        }
        return n;
    }
}
