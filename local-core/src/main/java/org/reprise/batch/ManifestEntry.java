package org.reprise.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One genome of a batch: its id (the name of its output folder), its input as the manifest
 * writes it, the options it overrides (manifest column to value, in column order; empty cells are
 * not overrides) and the manifest line it comes from (1-based).
 */
public record ManifestEntry(String genomeId, String input, Map<String, String> overrides, int line) {
    public ManifestEntry {
        Objects.requireNonNull(genomeId, "genomeId");
        Objects.requireNonNull(input, "input");
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
    }
}
