package org.reprise.discover;

import org.reprise.genome.Genome;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.seeds.SeedTable;

import java.util.List;
import java.util.Map;

/** Everything a discovery run produced, for the writers and the summary. Immutable by convention. */
public final class DiscoveryResult {
    private final Genome genome;
    private final Parameters parameters;
    private final int k;
    private final SeedTable seeds;
    private final List<Family> families;
    private final Bitmask reportedMask;
    private final long repeatMaskedBases;
    private final int seedsProcessed;
    private final long indexBytes;
    private final Map<String, Double> phaseSeconds;
    private final Map<String, Map<String, Long>> phaseMemory;
    private final Map<String, Long> familyLoopCounters;

    DiscoveryResult(Genome genome, Parameters parameters, int k, SeedTable seeds, List<Family> families,
                    Bitmask reportedMask, long repeatMaskedBases, int seedsProcessed, long indexBytes,
                    Map<String, Double> phaseSeconds, Map<String, Map<String, Long>> phaseMemory,
                    Map<String, Long> familyLoopCounters) {
        this.genome = genome;
        this.parameters = parameters;
        this.k = k;
        this.seeds = seeds;
        this.families = List.copyOf(families);
        this.reportedMask = reportedMask;
        this.repeatMaskedBases = repeatMaskedBases;
        this.seedsProcessed = seedsProcessed;
        this.indexBytes = indexBytes;
        this.phaseSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseSeconds));
        this.phaseMemory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMemory));
        this.familyLoopCounters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(familyLoopCounters));
    }

    /** How the family loop got its drafts ({@link FamilyLoop#counters()}): they steer the work only, never the output. */
    public Map<String, Long> familyLoopCounters() {
        return familyLoopCounters;
    }

    public Genome genome() {
        return genome;
    }

    public Parameters parameters() {
        return parameters;
    }

    public int k() {
        return k;
    }

    /** The seed table, in {@code .freq} order. */
    public SeedTable seeds() {
        return seeds;
    }

    public List<Family> families() {
        return families;
    }

    /** Bases covered by reported elements: what {@code .masked} masks. */
    public Bitmask reportedMask() {
        return reportedMask;
    }

    /** Bases of every family's elements, reported or not: the mask seeds are recounted against. */
    public long repeatMaskedBases() {
        return repeatMaskedBases;
    }

    public int seedsProcessed() {
        return seedsProcessed;
    }

    public long indexBytes() {
        return indexBytes;
    }

    /** Wall seconds per phase, in run order. */
    public Map<String, Double> phaseSeconds() {
        return phaseSeconds;
    }

    /** Memory at the end of each phase, in run order ({@link org.reprise.util.MemoryUse#now()}). */
    public Map<String, Map<String, Long>> phaseMemory() {
        return phaseMemory;
    }

    public long elementCount() {
        long n = 0;
        for (Family f : families) {
            n += f.elementFreq();
        }
        return n;
    }
}
