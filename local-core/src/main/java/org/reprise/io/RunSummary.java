package org.reprise.io;

import org.reprise.discover.Family;
import org.reprise.genome.ContigDictionary;
import org.reprise.params.Parameters;
import org.reprise.seeds.SeedTable;
import org.reprise.util.JsonOutput;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}, one shape for both drivers: the tool and its version, the input, the
 * strategy and the parameters (k included), the genome's size, what was found (seeds, families,
 * elements, masked bases), how the family loop got its drafts, what only one driver has (a section
 * named after it, e.g. {@code "spark"}), the wall seconds of each phase and the peak heap.
 */
public final class RunSummary {
    /** The version written in every summary and printed by --version. */
    public static final String VERSION = "0.1.0";

    private final Map<String, Object> tree = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> memory = new LinkedHashMap<>();

    /**
     * @param input    the input path or URI
     * @param strategy how the run was made ("exact", ...)
     * @param params   the parameters, k resolved
     */
    public RunSummary(String input, String strategy, Parameters params, ContigDictionary contigs, long validBases) {
        tree.put("tool", "reprise-spark");
        tree.put("version", VERSION);
        tree.put("input", input);
        tree.put("strategy", strategy);
        tree.put("parameters", new LinkedHashMap<>(params.asMap()));
        tree.put("k", params.k);
        Map<String, Object> genome = new LinkedHashMap<>();
        genome.put("contigs", contigs.contigCount());
        genome.put("bases", contigs.length());
        genome.put("valid_bases", validBases);
        tree.put("genome", genome);
    }

    /** What was found: the seed table, the reported families and the two masks' sizes. */
    public RunSummary results(SeedTable seeds, int seedsProcessed, List<Family> families, long maskedBases,
                              long repeatMaskBases, long genomeLength) {
        long elements = 0;
        for (Family f : families) {
            elements += f.elementFreq();
        }
        tree.put("seeds", seeds.size());
        tree.put("seeds_processed", seedsProcessed);
        tree.put("families", families.size());
        tree.put("elements", elements);
        tree.put("masked_bases", maskedBases);
        tree.put("masked_fraction", (double) maskedBases / Math.max(1, genomeLength));
        tree.put("repeat_mask_bases", repeatMaskBases);
        return this;
    }

    /** The family loop's counters ({@code FamilyLoop#counters()}). */
    public RunSummary familyLoop(Map<String, Long> counters) {
        tree.put("family_loop", new LinkedHashMap<>(counters));
        return this;
    }

    /** A field of the run (e.g. index_bytes). */
    public RunSummary put(String name, Object value) {
        tree.put(name, value);
        return this;
    }

    /** A section only one driver has, e.g. "spark". */
    public RunSummary section(String name, Map<String, ?> values) {
        tree.put(name, new LinkedHashMap<>(values));
        return this;
    }

    /** Wall seconds of a phase, in run order. */
    public RunSummary seconds(String phase, double value) {
        seconds.put(phase, value);
        return this;
    }

    public RunSummary seconds(Map<String, Double> phases) {
        seconds.putAll(phases);
        return this;
    }

    /**
     * Memory at the end of a phase, in run order: bytes of heap in use and committed, resident set
     * now and at its peak so far ({@link org.reprise.util.MemoryUse#now()}).
     */
    public RunSummary memory(String phase, Map<String, Long> figures) {
        memory.put(phase, new LinkedHashMap<>(figures));
        return this;
    }

    public RunSummary memory(Map<String, Map<String, Long>> phases) {
        phases.forEach(this::memory);
        return this;
    }

    /** @return the input path or URI, as given to the constructor */
    public String input() {
        return (String) tree.get("input");
    }

    /** @return how the run was made ("exact", "partitioned") */
    public String strategy() {
        return (String) tree.get("strategy");
    }

    /** @return the parameters, k resolved, in the order of {@code Parameters#asMap()}; unmodifiable */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parameters() {
        return java.util.Collections.unmodifiableMap((Map<String, Object>) tree.get("parameters"));
    }

    /** @return the k-mer length of the run */
    public int k() {
        return (Integer) tree.get("k");
    }

    /** @return the valid bases of the genome (A, C, G, T) */
    @SuppressWarnings("unchecked")
    public long validBases() {
        return (Long) ((Map<String, Object>) tree.get("genome")).get("valid_bases");
    }

    /** @return the wall seconds of the phases given so far, in run order; unmodifiable */
    public Map<String, Double> seconds() {
        return java.util.Collections.unmodifiableMap(seconds);
    }

    /**
     * Writes the summary, with the seconds, the memory after each phase (when given) and the JVM's
     * peak heap so far last.
     */
    public void write(Writer out) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(tree);
        all.put("seconds", new LinkedHashMap<>(seconds));
        if (!memory.isEmpty()) {
            all.put("memory_after_phase", new LinkedHashMap<>(memory));
        }
        all.put("peak_heap_bytes", peakHeapBytes());
        JsonOutput.write(all, out);
    }

    /** Sum of the peak usage of the JVM's heap memory pools. */
    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
