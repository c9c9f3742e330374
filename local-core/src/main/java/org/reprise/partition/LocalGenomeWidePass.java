package org.reprise.partition;

import org.reprise.discover.Draft;
import org.reprise.discover.LocalDrafter;
import org.reprise.extend.ConsensusExtender;
import org.reprise.extend.ElementAligner;
import org.reprise.discover.ProgressListener;
import org.reprise.genome.BasesSource;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.SeedTable;

import it.unimi.dsi.fastutil.longs.LongArrays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation's work on one machine ({@link GenomeWidePass}): the partitions annotated one
 * after the other with the run's threads, drafts made by the threads from the copies' flanks read
 * from the bases ({@link FlankDrafts}), the thin seeds' candidates read back from what the
 * genome-wide count wrote ({@link CandidateCopies}), or else counted over the bases again in
 * batches ({@link GenomeWideSeeds#unmaskedCandidates}).
 */
public final class LocalGenomeWidePass implements GenomeWidePass {
    private final PartitionPlan plan;
    private final BasesSource bases;
    private final Parameters params;
    private final Workers workers;
    private final int batches;
    private final long validBases;
    private final int tableCandidates;
    private final long tableCopies;
    private final GenomeWideSeeds.Filter tableFilter;
    private final CandidateCopies candidateCopies;
    private FlankDrafts flanks;

    /**
     * The thin seeds' candidates read back from {@code candidateCopies}, which the genome-wide count
     * wrote ({@code tableCandidates} candidates of {@code tableCopies} copies).
     */
    LocalGenomeWidePass(PartitionPlan plan, BasesSource bases, Parameters params, Workers workers,
                        int tableCandidates, long tableCopies, CandidateCopies candidateCopies) {
        this.plan = plan;
        this.bases = bases;
        this.params = params;
        this.workers = workers;
        this.tableCandidates = tableCandidates;
        this.tableCopies = tableCopies;
        this.candidateCopies = candidateCopies;
        this.validBases = 0;
        this.batches = 0;
        this.tableFilter = null;
    }

    /**
     * @param plan    the partitions (their chunks say who counts each position)
     * @param bases   the genome's bases
     * @param validBases how many of the genome's bases are A, C, G or T
     * @param params  the parameters, k resolved
     * @param batches how many batches the counting splits the k-mers into (as {@link GenomeWideSeeds#count})
     * @param tableCandidates candidates of the genome-wide table (the pass's candidates are some of
     *                        them: its columns are allocated for that many), or 0
     * @param tableCopies     their copies (the counts' sum)
     * @param tableFilter     the table's filter ({@link GenomeWideSeeds#filter}): only its k-mers are counted again; or null
     */
    public LocalGenomeWidePass(PartitionPlan plan, BasesSource bases, long validBases, Parameters params, Workers workers,
                               int batches, int tableCandidates, long tableCopies, GenomeWideSeeds.Filter tableFilter) {
        this.tableFilter = tableFilter;
        this.candidateCopies = null;
        this.validBases = validBases;
        this.tableCandidates = tableCandidates;
        this.tableCopies = tableCopies;
        this.plan = plan;
        this.bases = bases;
        this.params = params;
        this.workers = workers;
        this.batches = batches;
    }

    @Override
    public CandidateColumns unmaskedCandidates(Bitmask mask, ProgressListener progress) {
        if (candidateCopies != null) {
            return candidateCopies.unmasked(mask, params.k, workers, tableCandidates, tableCopies);
        }
        return GenomeWideSeeds.unmaskedCandidates(plan, bases, validBases, params, params.k, batches, workers, mask,
                tableCandidates, tableCopies, tableFilter, progress);
    }

    /**
     * Families of {@link LocalDrafter#SPLIT_FROM} copies or more (as in the family loop) one after the other, each split among the
     * workers; the others on the workers, one family a piece, largest first (so that a large one
     * does not start last and leave the other threads idle).
     */
    @Override
    public List<Draft> redraft(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress) {
        return drafts(seeds, forward, reverse, false);
    }

    @Override
    public List<Draft> draftThin(long[] seeds, List<long[]> forward, List<long[]> reverse, ProgressListener progress) {
        return drafts(seeds, forward, reverse, true);
    }

    private List<Draft> drafts(long[] seeds, List<long[]> forward, List<long[]> reverse, boolean probe) {
        FlankDrafts drafts = flanks();
        int n = seeds.length;
        Draft[] out = new Draft[n];
        long[] size = new long[n];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            size[i] = -(long) (forward.get(i).length + reverse.get(i).length);
            order[i] = i;
        }
        LongArrays.radixSort(size, order);
        int split = 0;
        while (split < n && -size[split] >= LocalDrafter.SPLIT_FROM && workers.threads() > 1) {
            int i = (int) order[split++];
            out[i] = drafts.draftSplit(forward.get(i), reverse.get(i), workers, probe);
        }
        int from = split;
        List<Draft> rest = workers.map(n - from, j -> {
            int i = (int) order[from + j];
            return drafts.draft(forward.get(i), reverse.get(i), probe, new ConsensusExtender(params),
                    new ElementAligner(params));
        });
        for (int j = 0; j < rest.size(); j++) {
            out[(int) order[from + j]] = rest.get(j);
        }
        return Arrays.asList(out);
    }

    /** One partition after the other, each with the run's threads (memory: one partition's index at a time). */
    @Override
    public List<Annotation.Result> annotate(List<Annotation.Entry> library, ProgressListener progress) {
        List<Annotation.Result> out = new ArrayList<>(plan.partitionCount());
        for (int p = 0; p < plan.partitionCount(); p++) {
            if (plan.partition(p).isEmpty()) {
                continue;
            }
            try {
                out.add(Annotation.run(PartitionGenome.read(plan, p, bases), library, params, workers));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private FlankDrafts flanks() {
        if (flanks == null) {
            flanks = new FlankDrafts(plan.contigs(), bases, params, params.k);
        }
        return flanks;
    }

    @Override
    public Map<String, Long> counters() {
        return flanks == null ? Map.of() : flanks.counters();
    }
}
